/**
 * Per-line anatomy: what each part of one log line means, the way
 * explainshell explains a command — level, system call, errno (and what it
 * is on each platform), phase, upstream parts, the status nginx returns,
 * and the cause (or why it is harmless). The analyzer page shows it when a
 * line is clicked; the worker exposes it as `explainLine(text)`.
 */
import type { Catalog, LineKind, LineResult } from './types.ts';
import { analyze } from './analyzer.ts';
import { parseEvent, eventTransport, type NginxEvent } from './events/parse.ts';
import { errnoRow } from './events/errno.ts';
import { actionInfo } from './events/grammar.ts';
import { statusOf } from './report/unclassified.ts';

export interface AnatomyField {
  name: string;
  label: string;
  value: string;
  meaning?: string;
  span?: [number, number];
}

export interface LineAnatomy {
  line: string;
  kind: LineKind;
  fields: AnatomyField[];
  cause?: string;
  harmless?: boolean;
  summary?: string;
}

const LEVEL_MEANING: Record<string, string> = {
  emerg: 'nginx cannot run (usually a configuration error at start or reload)',
  alert: 'a serious internal or system failure',
  crit: 'a critical failure (nginx uses it for missing or forbidden sockets and files)',
  error: 'a request failed (nginx\'s default log level)',
  warn: 'something unusual; no request failed because of it alone',
  notice: 'informational (start, reload, signals)',
  info: 'informational (client aborts and timeouts are logged here)',
  debug: 'debugging detail',
};

const PLATFORM: Record<string, string> = { linux: 'Linux (glibc or musl)', bsd: 'FreeBSD / macOS', windows: 'Windows' };

function errnoMeaning(ev: NginxEvent): string {
  const e = ev.errno!;
  const row = errnoRow(e.name);
  const parts = [`${e.name}: ${e.meaning ?? e.text}`];
  if (e.platform) parts.push(`printed as ${e.number} on ${PLATFORM[e.platform]}`);
  if (/^unknown error/i.test(e.text)) parts.push('"Unknown error" is what older nginx builds print on newer glibc; the number still tells');
  if (row) {
    const other: string[] = [];
    if (row.linux !== undefined && e.platform !== 'linux') other.push(`${row.linux} on Linux`);
    if (row.bsd !== undefined && row.bsd !== row.linux && e.platform !== 'bsd') other.push(`${row.bsd} on FreeBSD/macOS`);
    if (row.windows?.length && e.platform !== 'windows') other.push(`${row.windows[0]} on Windows`);
    if (other.length) parts.push(`the same failure is ${other.join(', ')}`);
  }
  return parts.join('; ');
}

/** [start, end) of `value` in the original line, when it appears there as printed. */
function spanOf(line: string, value: string, from: number): [number, number] | undefined {
  if (!value) return undefined;
  const at = line.indexOf(value, from);
  return at === -1 ? undefined : [at, at + value.length];
}

function eventFields(line: string, ev: NginxEvent): AnatomyField[] {
  const f: AnatomyField[] = [];
  const add = (name: string, label: string, value: string | undefined, meaning?: string, spanText?: string): void => {
    if (value === undefined || value === '') return;
    const field: AnatomyField = { name, label, value };
    if (meaning) field.meaning = meaning;
    const span = ev.normalised ? undefined : spanOf(line, spanText ?? value, ev.offset);
    if (span) field.span = span;
    f.push(field);
  };
  if (ev.offset > 0) f.push({ name: 'wrapper', label: 'Log shipper prefix', value: line.slice(0, ev.offset).trim(), meaning: 'added by syslog, journald, Docker or Kubernetes; not part of nginx\'s line', span: [0, ev.offset] });
  add('time', 'Time', ev.time, 'server local time, whole seconds');
  add('level', 'Level', ev.level, ev.level ? LEVEL_MEANING[ev.level] : undefined);
  add('message', 'Message', ev.message, `template: ${ev.template}${ev.known ? '' : ' (not a message this engine knows from nginx\'s source)'}`);
  if (ev.syscall) {
    const as = ev.syscallAs ?? ev.syscall;
    const via = ev.via ? `; reported by ${ev.via}() (the event notifier on FreeBSD/macOS or Linux)` : '';
    add('syscall', 'System call', `${ev.syscall}()`, `${as !== ev.syscall ? `${as}() is the Windows name of ${ev.syscall}()` : `the call that failed`}${via}`, `${as}()`);
  }
  if (ev.target !== undefined) {
    const kind = ev.targetKind === 'unix' ? 'a unix socket' : ev.targetKind === 'address' ? 'a network address' : ev.targetKind === 'file' ? 'a file' : 'a name';
    add('target', 'Target', ev.target, `what the call or message was about: ${kind}`);
  }
  if (ev.errno) add('errno', 'Error number', `${ev.errno.number}: ${ev.errno.text}`, errnoMeaning(ev));
  if (ev.ssl) {
    const lib = ev.ssl.library && ev.ssl.library !== 'unknown' ? ` (${ev.ssl.library} wording)` : '';
    add('ssl', 'TLS library error', ev.ssl.reason, `${ev.ssl.alert !== undefined ? `TLS alert ${ev.ssl.alert}; ` : ''}reason as normalised across OpenSSL, BoringSSL and LibreSSL${lib}`, ev.ssl.raw);
  }
  if (ev.code !== undefined) add('code', 'Code in the message', String(ev.code));
  if (ev.detail !== undefined) add('detail', 'Text the peer sent', ev.detail, 'quoted as nginx received it');
  if (ev.action) {
    const info = actionInfo(ev.action);
    add('action', 'Phase', ev.action, info ? `nginx was ${info.phase}${info.side === 'client' ? ' (client side)' : ''}` : undefined);
  }
  const c = ev.context;
  add('client', 'Client', c.client, 'the client address (after real_ip)');
  add('server', 'Server', c.server, 'first server_name of the virtual host, or the listen address before a request exists');
  add('request', 'Request', c.request);
  add('subrequest', 'Subrequest', c.subrequest, 'logged inside a subrequest (auth_request, SSI, mirror…)');
  const u = c.upstream;
  if (u) {
    add('upstream', 'Upstream', u.raw, 'the backend nginx was talking to');
    add('upstream.scheme', 'Protocol to the backend', u.scheme);
    add('upstream.transport', 'Transport', eventTransport(ev), u.transport === 'unix' ? 'a unix domain socket on this host' : 'TCP');
    add('upstream.host', 'Backend host', u.host);
    add('upstream.port', 'Backend port', u.port === undefined ? undefined : String(u.port));
    add('upstream.path', 'Socket path', u.path);
    add('upstream.uri', 'URI sent to the backend', u.uri);
  }
  add('host', 'Host header', c.host);
  add('referrer', 'Referer', c.referrer);
  add('resolver', 'Resolver', c.resolver);
  add('conf', 'Configuration file', c.conf);
  return f;
}

/** Labels for the facts other logs' parsers give (access log, app servers). */
const FACT_LABELS = new Map([
  ['client', 'Client'],
  ['request', 'Request'],
  ['status', 'Status sent'],
  ['upstream_status', 'Status from the backend'],
  ['upstream', 'Backend address'],
  ['request_time', 'Request time (s)'],
  ['upstream_response_time', 'Backend response time (s)'],
  ['pool', 'Pool'],
  ['pid', 'Process id'],
  ['signal', 'Signal'],
]);

export function explainLine(text: string, catalog: Catalog): LineAnatomy {
  const line = text.replace(/\r?\n[\s\S]*$/, '');
  let result: LineResult | undefined;
  const report = analyze(line, { catalog, onLine: (r) => (result ??= r) });
  const kind: LineKind = result?.kind ?? 'unknown';
  const out: LineAnatomy = { line, kind, fields: [] };
  const ev = kind === 'nginx-error' || kind === 'ingress' ? parseEvent(line) : null;
  if (ev) {
    out.fields = eventFields(line, ev);
    const st = result?.status ?? statusOf(ev).status;
    const finding = report.findings[0];
    const status = finding?.unclassified ? statusOf(ev).text : st !== null && st !== undefined ? String(st) : statusOf(ev).text;
    out.fields.push({ name: 'status', label: 'Status the client gets', value: status, meaning: 'when nothing retries the request (see the nginx-upstream-errors rules: error class 502, timeout 504 before the header; after the header the body is cut short)' });
  } else if (result) {
    for (const [k, v] of Object.entries(result.facts)) {
      const field: AnatomyField = { name: k, label: FACT_LABELS.get(k) ?? k.replace(/_/g, ' '), value: v };
      // Only a value long enough to be found once can be pointed at.
      const span = v.length >= 4 && line.indexOf(v) === line.lastIndexOf(v) ? spanOf(line, v, 0) : undefined;
      if (span) field.span = span;
      out.fields.push(field);
    }
  }
  if (result?.harmless) {
    out.harmless = true;
    const h = report.harmless[0];
    if (h?.cause) out.cause = h.cause;
    out.summary = h?.why ?? 'Recognised as harmless.';
  } else if (result?.cause) {
    out.cause = result.cause;
    const f = report.findings.find((x) => x.cause === result!.cause) ?? report.findings[0];
    out.summary = f?.unclassified ? (f.note ?? f.title) : `${f?.title ?? result.cause}${result.status !== null ? ` → ${result.status}` : ''}`;
  } else if (kind === 'unknown' || kind === 'blank') {
    out.summary = 'Not recognised as a log line of any kind this analyzer reads.';
  }
  return out;
}
