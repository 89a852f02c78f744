/**
 * A cause's condition over an nginx event (the `when:` of a condition in
 * cause frontmatter), and how an event is tested against it. Every field is
 * optional; each present field must hold. List fields hold when the event's
 * value is one of the list. Regex fields (target, upstream, message) are
 * RE2-compatible JavaScript sources; their named groups become facts.
 */
import type { NginxEvent } from '../events/parse.ts';
import { eventHost, eventTransport } from '../events/parse.ts';

export interface EventConditionSpec {
  template?: string[];
  syscall?: string[];
  errno?: string[];
  action?: string[];
  level?: string[];
  transport?: 'tcp' | 'unix';
  scheme?: string[];
  ssl?: string[];
  alert?: number[];
  host?: string[];
  code?: number[];
  /** Regex over the target (address, socket or file). */
  target?: string;
  /** Regex over the raw `upstream: "…"` value. */
  upstream?: string;
  /** Regex over the message (fixed text and variables, without errno or context). */
  message?: string;
  /** "none" = the line has no `while …` action. */
  noAction?: boolean;
}

/** Fields of a spec, in the order mismatches are reported. */
export const SPEC_FIELDS = ['template', 'syscall', 'errno', 'action', 'noAction', 'level', 'transport', 'scheme', 'ssl', 'alert', 'host', 'code', 'target', 'upstream', 'message'] as const;

/** How many fields the spec constrains (more = more specific). */
export function specificity(spec: EventConditionSpec): number {
  let n = 0;
  for (const f of SPEC_FIELDS) if (spec[f] !== undefined) n++;
  return n;
}

export interface CompiledSpec {
  spec: EventConditionSpec;
  target?: RegExp;
  upstream?: RegExp;
  message?: RegExp;
}

export function compileSpec(spec: EventConditionSpec): CompiledSpec {
  const c: CompiledSpec = { spec };
  if (spec.target !== undefined) c.target = new RegExp(spec.target);
  if (spec.upstream !== undefined) c.upstream = new RegExp(spec.upstream);
  if (spec.message !== undefined) c.message = new RegExp(spec.message);
  return c;
}

const inList = <T>(list: T[] | undefined, v: T | undefined): boolean => list === undefined || (v !== undefined && list.includes(v));

/**
 * The first field of `c` the event does not meet, with what the event has
 * (for build errors), or null when the event meets every field.
 */
export function mismatch(c: CompiledSpec, ev: NginxEvent): { field: string; got: string } | null {
  const s = c.spec;
  const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
  if (!inList(s.template, ev.template)) return { field: 'template', got: show(ev.template) };
  if (!inList(s.syscall, ev.syscall)) return { field: 'syscall', got: show(ev.syscall) };
  if (!inList(s.errno, ev.errno?.name)) return { field: 'errno', got: show(ev.errno?.name) };
  if (!inList(s.action, ev.action)) return { field: 'action', got: show(ev.action) };
  if (s.noAction === true && ev.action !== undefined) return { field: 'noAction', got: show(ev.action) };
  if (!inList(s.level, ev.level)) return { field: 'level', got: show(ev.level) };
  if (s.transport !== undefined && eventTransport(ev) !== s.transport) return { field: 'transport', got: show(eventTransport(ev)) };
  if (!inList(s.scheme, ev.context.upstream?.scheme)) return { field: 'scheme', got: show(ev.context.upstream?.scheme) };
  if (s.ssl !== undefined && !(ev.ssl && ev.ssl.reasons.some((r) => s.ssl!.includes(r)))) return { field: 'ssl', got: show(ev.ssl?.reasons) };
  if (!inList(s.alert, ev.ssl?.alert)) return { field: 'alert', got: show(ev.ssl?.alert) };
  if (!inList(s.host, eventHost(ev))) return { field: 'host', got: show(eventHost(ev)) };
  if (!inList(s.code, ev.code)) return { field: 'code', got: show(ev.code) };
  if (c.target && !(ev.target !== undefined && c.target.test(ev.target))) return { field: 'target', got: show(ev.target) };
  if (c.upstream && !(ev.context.upstream && c.upstream.test(ev.context.upstream.raw))) return { field: 'upstream', got: show(ev.context.upstream?.raw) };
  if (c.message && !c.message.test(ev.message)) return { field: 'message', got: show(ev.message) };
  return null;
}

/** Named groups of the spec's regexes on the event (facts such as {version}). */
export function specFacts(c: CompiledSpec, ev: NginxEvent, into: Record<string, string>): void {
  const add = (re: RegExp | undefined, s: string | undefined): void => {
    if (!re || s === undefined) return;
    const g = re.exec(s)?.groups;
    if (g) for (const k in g) if (g[k] !== undefined) into[k] = g[k]!;
  };
  add(c.target, ev.target);
  add(c.upstream, ev.context.upstream?.raw);
  add(c.message, ev.message);
}
