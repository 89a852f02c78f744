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
  /** Regex over the `client:` address (who reached nginx, e.g. a Docker bridge gateway). */
  client?: string;
  /** Regex over the message (fixed text and variables, without errno or context). */
  message?: string;
  /** "none" = the line has no `while …` action. */
  noAction?: boolean;
}

/** Fields of a spec, in the order mismatches are reported. */
export const SPEC_FIELDS = ['template', 'syscall', 'errno', 'action', 'noAction', 'level', 'transport', 'scheme', 'ssl', 'alert', 'host', 'code', 'target', 'upstream', 'client', 'message'] as const;

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
  client?: RegExp;
  message?: RegExp;
}

export function compileSpec(spec: EventConditionSpec): CompiledSpec {
  const c: CompiledSpec = { spec };
  if (spec.target !== undefined) c.target = new RegExp(spec.target);
  if (spec.upstream !== undefined) c.upstream = new RegExp(spec.upstream);
  if (spec.client !== undefined) c.client = new RegExp(spec.client);
  if (spec.message !== undefined) c.message = new RegExp(spec.message);
  return c;
}

const inList = <T>(list: T[] | undefined, v: T | undefined): boolean => list === undefined || (v !== undefined && list.includes(v));

/** The first field of `c` the event does not meet, or null when it meets every field (hot path: no allocation). */
export function failingField(c: CompiledSpec, ev: NginxEvent): string | null {
  const s = c.spec;
  if (!inList(s.template, ev.template)) return 'template';
  if (!inList(s.syscall, ev.syscall)) return 'syscall';
  if (!inList(s.errno, ev.errno?.name)) return 'errno';
  if (!inList(s.action, ev.action)) return 'action';
  if (s.noAction === true && ev.action !== undefined) return 'noAction';
  if (!inList(s.level, ev.level)) return 'level';
  if (s.transport !== undefined && eventTransport(ev) !== s.transport) return 'transport';
  if (!inList(s.scheme, ev.context.upstream?.scheme)) return 'scheme';
  if (s.ssl !== undefined && !(ev.ssl && ev.ssl.reasons.some((r) => s.ssl!.includes(r)))) return 'ssl';
  if (!inList(s.alert, ev.ssl?.alert)) return 'alert';
  if (s.host !== undefined && !inList(s.host, eventHost(ev))) return 'host';
  if (!inList(s.code, ev.code)) return 'code';
  if (c.target && !(ev.target !== undefined && c.target.test(ev.target))) return 'target';
  if (c.upstream && !(ev.context.upstream && c.upstream.test(ev.context.upstream.raw))) return 'upstream';
  if (c.client && !(ev.context.client !== undefined && c.client.test(ev.context.client))) return 'client';
  if (c.message && !c.message.test(ev.message)) return 'message';
  return null;
}

/** Whether the spec constrains the line's context (transport, scheme, host, upstream): only a full reading can tell. */
export function needsContext(spec: EventConditionSpec): boolean {
  return spec.transport !== undefined || spec.scheme !== undefined || spec.host !== undefined || spec.upstream !== undefined || spec.client !== undefined;
}

/** `failingField` without the context fields (for a light reading of the message alone). */
export function failingOnMessage(c: CompiledSpec, ev: NginxEvent): boolean {
  const s = c.spec;
  if (!inList(s.template, ev.template)) return true;
  if (!inList(s.syscall, ev.syscall)) return true;
  if (!inList(s.errno, ev.errno?.name)) return true;
  if (!inList(s.action, ev.action)) return true;
  if (s.noAction === true && ev.action !== undefined) return true;
  if (!inList(s.level, ev.level)) return true;
  if (s.ssl !== undefined && !(ev.ssl && ev.ssl.reasons.some((r) => s.ssl!.includes(r)))) return true;
  if (!inList(s.alert, ev.ssl?.alert)) return true;
  if (!inList(s.code, ev.code)) return true;
  if (c.target && !(ev.target !== undefined && c.target.test(ev.target))) return true;
  if (c.message && !c.message.test(ev.message)) return true;
  return false;
}

/** What the event has for `field` (for build errors). */
function eventValue(ev: NginxEvent, field: string): unknown {
  switch (field) {
    case 'template':
      return ev.template;
    case 'syscall':
      return ev.syscall;
    case 'errno':
      return ev.errno?.name;
    case 'action':
    case 'noAction':
      return ev.action;
    case 'level':
      return ev.level;
    case 'transport':
      return eventTransport(ev);
    case 'scheme':
      return ev.context.upstream?.scheme;
    case 'ssl':
      return ev.ssl?.reasons;
    case 'alert':
      return ev.ssl?.alert;
    case 'host':
      return eventHost(ev);
    case 'code':
      return ev.code;
    case 'target':
      return ev.target;
    case 'upstream':
      return ev.context.upstream?.raw;
    case 'client':
      return ev.context.client;
    default:
      return ev.message;
  }
}

/**
 * The first field of `c` the event does not meet, with what the event has
 * (for build errors), or null when the event meets every field.
 */
export function mismatch(c: CompiledSpec, ev: NginxEvent): { field: string; got: string } | null {
  const field = failingField(c, ev);
  if (field === null) return null;
  const v = eventValue(ev, field);
  return { field, got: v === undefined ? 'nothing' : JSON.stringify(v) };
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
  add(c.client, ev.context.client);
  add(c.message, ev.message);
}
