/**
 * Every nginx example of every cause, rewritten as other builds and other
 * hands print it — each errno's number and text on glibc, musl, FreeBSD /
 * macOS, Windows and "Unknown error"; kevent() / WSARecv() / WSASend()
 * syscall names; BoringSSL and OpenSSL 1.1 reason wording; a shipper's
 * prefix; a chat tool's re-spacing; a paste cut short — must reach the same
 * cause (or the same harmless verdict).
 */
import { describe, expect, it } from 'vitest';
import { loadCauseEntries, loadCatalog } from '../../../src/catalog/from-disk.ts';
import { analyze, type LineResult } from '../../../src/analyzer/index.ts';
import { parseEvent } from '../../../src/analyzer/events/parse.ts';
import { errnoSpellings } from '../../../src/analyzer/events/errno.ts';

const CONTENT = new URL('../../../content', import.meta.url).pathname;
const catalog = loadCatalog(CONTENT);
const entries = loadCauseEntries(CONTENT);

function verdict(line: string): string {
  const lines: LineResult[] = [];
  const r = analyze(line, { catalog, onLine: (l) => lines.push(l) });
  if (lines[0]?.harmless) return `harmless:${r.harmless[0]?.cause ?? '-'}`;
  const f = r.findings.find((x) => x.evidence.some((e) => e.line === 1));
  return f?.unclassified ? `unclassified:${f.cause}` : (lines[0]?.cause ?? 'nothing');
}

/** Named rewrites of one nginx line. */
export function variants(line: string): [string, string][] {
  const ev = parseEvent(line);
  if (!ev) return [];
  const out: [string, string][] = [];
  const errTail = /\((\d{1,5}): ((?:[^()]|\([^()]*\))*)\)(?= while|,|$)/;
  if (ev.errno) {
    for (const sp of errnoSpellings(ev.errno.name)) out.push([`errno ${sp.platform} (${sp.number}: ${sp.text})`, line.replace(errTail, `(${sp.number}: ${sp.text})`)]);
  }
  if (ev.syscall === 'connect' && ev.template === 'connect() failed') out.push(['kevent() reported that connect()', line.replace('connect() failed', 'kevent() reported that connect() failed')]);
  if (ev.syscall === 'recv' && !ev.syscallAs) out.push(['WSARecv()', line.replace('recv() failed', 'WSARecv() failed')]);
  if (ev.syscall === 'send' && !ev.syscallAs) out.push(['WSASend()', line.replace('send() failed', 'WSASend() failed')]);
  if (ev.ssl) {
    const m = /\(SSL: (error:[^)]*)\)/.exec(line);
    if (m) {
      const reason = ev.ssl.reason;
      const alert = ev.ssl.alert !== undefined && /SSL alert number/.test(m[1]!) ? `:SSL alert number ${ev.ssl.alert}` : '';
      out.push(['BoringSSL', line.replace(m[1]!, `error:10000410:SSL routines:OPENSSL_internal:${reason.toUpperCase().replace(/ /g, '_')}${alert}`)]);
      out.push(['OpenSSL 1.1', line.replace(m[1]!, `error:1408F10B:SSL routines:ssl3_get_record:${reason}${alert}`)]);
    }
  }
  out.push(['syslog prefix', `Dec  7 10:00:00 web-1 nginx[812]: ${line}`]);
  out.push(['compose prefix', `web-1  | ${line}`]);
  out.push(['re-spaced', line.replace(/(\w)\(\)/g, '$1 ()').replace('unix:/', 'unix: /').replace(/ (failed|while) /, '  $1  ')]);
  out.push(['full-width quotes', line.replace(/"/g, '\uff02')]);
  const host = line.lastIndexOf(', host: "');
  if (host !== -1) out.push(['cut short', `${line.slice(0, host)}…`]);
  return out;
}

const cases = entries.flatMap((e) =>
  e.data.conditions.flatMap((c) => c.examples.map((line) => ({ cause: e.slug, id: c.id, line }))),
);

describe('platform variants of every cause example', () => {
  it('derives variants for the examples (errno platforms, syscalls, SSL libraries, wrappers, mangling)', () => {
    const all = cases.flatMap((c) => variants(c.line));
    expect(cases.length).toBeGreaterThan(100);
    expect(all.filter(([n]) => n.startsWith('errno windows')).length).toBeGreaterThan(30);
    expect(all.filter(([n]) => n.startsWith('errno musl')).length).toBeGreaterThan(30);
    expect(all.filter(([n]) => n.startsWith('errno unknown-error')).length).toBeGreaterThan(30);
    expect(all.filter(([n]) => n === 'BoringSSL').length).toBeGreaterThan(5);
  });

  it.each(cases.map((c) => [`${c.cause} / ${c.id}`, c] as const))('%s: every variant reaches the same verdict', (_n, c) => {
    const want = verdict(c.line);
    expect(want).not.toBe('nothing');
    const wrong = variants(c.line)
      .map(([name, v]) => [name, verdict(v), v] as const)
      .filter(([, got]) => got !== want)
      .map(([name, got, v]) => `${name}: ${got} (want ${want}): ${v.slice(0, 200)}`);
    expect(wrong).toEqual([]);
  });
});
