/**
 * Strips the wrappers that log shippers put in front of a line: syslog
 * (RFC 3164 and 5424), journalctl, Docker/compose, Kubernetes/containerd
 * (CRI), `kubectl logs --timestamps/--prefix`, dmesg. Signatures then see
 * the line as the program wrote it; the evidence keeps the original text and
 * spans are shifted by `offset`.
 */
import { isoTime, syslogTime } from '../parse/time.ts';

export interface Unwrapped {
  /** Where the program's own text starts in the line. */
  offset: number;
  /** Outermost wrapper seen ("syslog", "docker", "cri", …), or undefined. */
  wrapper?: string;
  /** Program name from syslog/journald ("nginx", "php-fpm8.2", "kernel", "systemd"…) or the compose service. */
  tag?: string;
  /** Time from the wrapper, when it had one with a date. */
  time?: string;
}

// Anchored patterns only: each fails on the first characters of a line that is not wrapped.
const RFC5424 = /^<\d{1,3}>1 (\S+) (\S+) (\S+) (\S+) (\S+) (?:-|(?:\[[^\]]{0,512}\])+) ?/;
const RFC3164 = /^(?:<\d{1,3}>)?([A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2})(?:\.\d+)? (?:(\S+) )?([\w./@-]{1,64})(?:\[(\d+)\])?: /;
const JOURNAL_ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})) (\S+) ([\w./@-]{1,64})(?:\[(\d+)\])?: /;
const CRI = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) (?:stdout|stderr) [FP] /;
const ISO_STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})) /;
const COMPOSE = /^([A-Za-z0-9][\w.-]{0,62}) *\| /;
const KUBECTL_PREFIX = /^\[pod\/[^\]/]{1,253}\/[^\]]{1,253}\] /;
const DMESG = /^\[ *\d+\.\d+\] /;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** One wrapper layer at `at`, or null. */
function peel(s: string, at: number, year: string | undefined): Unwrapped | null {
  const c = s.charCodeAt(at);
  const rest = at === 0 ? s : s.slice(at, at + 600);
  if (c === 60 /* < */) {
    const m5 = RFC5424.exec(rest);
    if (m5) return { offset: at + m5[0].length, wrapper: 'syslog', tag: m5[3] === '-' ? undefined : m5[3], time: isoTime(m5[1]!) };
    const m3 = RFC3164.exec(rest);
    if (m3) return { offset: at + m3[0].length, wrapper: 'syslog', tag: m3[3], time: syslogTime(m3[1]!, year) };
    return null;
  }
  if (c >= 65 && c <= 90 /* A-Z */) {
    const m3 = RFC3164.exec(rest);
    if (m3) return { offset: at + m3[0].length, wrapper: 'syslog', tag: m3[3], time: syslogTime(m3[1]!, year) };
  }
  if (isDigit(c) && s.charCodeAt(at + 4) === 45 /* - */ && s.charCodeAt(at + 10) === 84 /* T */) {
    const cri = CRI.exec(rest);
    if (cri) return { offset: at + cri[0].length, wrapper: 'cri', time: isoTime(cri[1]!) };
    const j = JOURNAL_ISO.exec(rest);
    if (j) return { offset: at + j[0].length, wrapper: 'journal', tag: j[3], time: isoTime(j[1]!) };
    const iso = ISO_STAMP.exec(rest);
    if (iso) return { offset: at + iso[0].length, wrapper: 'timestamp', time: isoTime(iso[1]!) };
    return null;
  }
  if (c === 91 /* [ */) {
    const k = KUBECTL_PREFIX.exec(rest);
    if (k) return { offset: at + k[0].length, wrapper: 'kubectl' };
    const d = DMESG.exec(rest);
    if (d) return { offset: at + d[0].length, wrapper: 'dmesg', tag: 'kernel' };
    return null;
  }
  // Compose service names: cheap bounded test for " | " before trying the pattern.
  const sp = s.indexOf(' ', at);
  let bar = sp;
  while (bar !== -1 && s.charCodeAt(bar) === 32 && bar - at < 80) bar++;
  if (sp !== -1 && sp - at <= 63 && s.charCodeAt(bar) === 124 /* | */) {
    const m = COMPOSE.exec(rest);
    if (m) return { offset: at + m[0].length, wrapper: 'docker', tag: m[1] };
  }
  return null;
}

/**
 * Peels up to three wrapper layers (e.g. compose → syslog). `year` lets
 * yearless syslog stamps borrow the year of the last dated line.
 */
export function unwrap(s: string, year?: string): Unwrapped {
  const out: Unwrapped = { offset: 0 };
  for (let i = 0; i < 3; i++) {
    const layer = peel(s, out.offset, year);
    if (!layer) break;
    out.offset = layer.offset;
    out.wrapper ??= layer.wrapper;
    if (layer.tag) out.tag = layer.tag;
    out.time ??= layer.time;
    // A wrapper that ends in whitespace-only padding should not hide the program's text.
    while (s.charCodeAt(out.offset) === 32 && out.offset < s.length) out.offset++;
  }
  return out;
}
