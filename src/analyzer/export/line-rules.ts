/**
 * The catalog as regular expressions for log pipelines (mtail, Loki,
 * Vector, Prometheus): one RE2-safe rule per condition — compiled from the
 * same event fields the engine matches, accepting every platform's errno
 * number and text and every SSL library's reason wording from the data
 * tables — then the regex signatures of sources without a grammar. Rules
 * are in first-match-wins order, most specific first, as the engine decides.
 * RE2 / Go syntax: (?P<name>…), no lookaround, no backreferences, counted
 * repeats ≤ 1000.
 */
import type { Catalog, CatalogCondition, EventConditionSpec } from '../types.ts';
import { specificity } from '../conditions/spec.ts';
import { relaxRepeats, re2Problem, toRe2 } from '../conditions/re2.ts';
import { errnoSpellings } from '../events/errno.ts';
import { sslSpellings } from '../events/ssl.ts';
import { syscallSpellings, REPORTERS } from '../events/grammar.ts';

export interface LineRule {
  id: string;
  cause: string;
  status: number;
  regex: string /* RE2 / Go syntax: (?P<name>…), no lookaround, no backrefs, repeats ≤ 1000 */;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (xs: string[]): string => (xs.length === 1 ? xs[0]! : `(?:${xs.join('|')})`);
/** "kevent() reported that " before a call (FreeBSD/macOS), optional. */
const REPORTED = `(?:${alt(REPORTERS.map(esc))}\\(\\) reported that )?`;
/** Any text on the line, lazily (RE2 runs it in linear time). */
const GAP = '[^\\n]*?';

/** A target of the required transport, for a %T slot. */
function targetSlot(w: EventConditionSpec): string {
  if (w.target !== undefined) {
    const inner = toRe2(w.target);
    const anchored = inner.startsWith('^') && inner.endsWith('$') && !inner.endsWith('\\$');
    if (anchored) return inner.slice(1, -1);
    return `${w.transport === 'unix' ? 'unix:' : ''}[^ "]{0,300}?(?:${inner})[^ "]{0,300}`;
  }
  if (w.transport === 'unix') return 'unix:[^ ]{1,300}';
  if (w.host) return `${alt(w.host.map((h) => (h.includes(':') ? `\\[${esc(h)}\\]` : esc(h))))}:[0-9]{1,5}`;
  if (w.transport === 'tcp') return '(?:\\[[0-9A-Fa-f:.]{2,45}\\]|[0-9A-Za-z][0-9A-Za-z.-]{0,252}):[0-9]{1,5}';
  return '[^"]{0,1000}?';
}

/** A template (nginx printf placeholders) as a regex; %d takes the condition's codes when it has them. */
function templateRegex(t: string, w: EventConditionSpec): string {
  let codeUsed = false;
  const syscall = /^([A-Za-z_][A-Za-z0-9_]*)\(/.exec(t);
  let out = '';
  let rest = t;
  if (syscall && /\) (?:to|on|for|of) %T failed|\) "%T"|\(%T\) failed|\(\) failed/.test(t)) {
    const names = syscallSpellings(syscall[1]!).map(esc);
    out = `${REPORTED}${alt(names)}`;
    rest = t.slice(syscall[1]!.length);
  }
  let last = 0;
  const ph = /%([TSVd])/g;
  for (let m = ph.exec(rest); m; m = ph.exec(rest)) {
    out += esc(rest.slice(last, m.index));
    if (m[1] === 'T') out += targetSlot(w);
    else if (m[1] === 'd') {
      if (!codeUsed && w.code) {
        out += alt(w.code.map(String));
        codeUsed = true;
      } else out += '[0-9]{1,20}';
    } else out += '[^\\n]{0,1000}?';
    last = m.index + 2;
  }
  return out + esc(rest.slice(last));
}

/** The message part of a condition: its template(s), its system call, or its message regex. */
function messagePart(w: EventConditionSpec): string {
  const msg = w.message !== undefined ? toRe2(w.message) : undefined;
  if (w.template) {
    const ts = w.template.map((t) => templateRegex(t, w));
    if (msg === undefined) return alt(ts);
    // The message regex refines the template: kept whole when it starts with the template's text.
    const leads = [...new Set(w.template.map((t) => t.split('%')[0]!.replace(/["\s]+$/, '')))];
    return leads.some((l) => l.length > 0 && msg.startsWith(esc(l))) ? msg : `${alt(leads.map(esc))}${GAP}${msg}`;
  }
  if (w.syscall) {
    const names = w.syscall.flatMap(syscallSpellings).map(esc);
    const target = w.transport !== undefined || w.host !== undefined || w.target !== undefined ? `(?: to ${targetSlot(w)})?` : '(?: to [^ ]{1,300}| "[^"]{0,1000}"|\\([^)]{0,200}\\))?';
    return `${REPORTED}${alt(names)}\\((?:[^)]{0,200})\\)${target} failed`;
  }
  return msg ?? '';
}

function errnoPart(w: EventConditionSpec): string {
  const spellings = (w.errno ?? []).flatMap((e) => errnoSpellings(e)).map((s) => `${s.number}: ${esc(s.text)}`);
  return ` ?\\(${alt([...new Set(spellings)])}\\)`;
}

function sslPart(w: EventConditionSpec): string {
  const reasons = [...new Set(w.ssl!.flatMap(sslSpellings))].map(esc);
  const alerts = w.alert ? `[^)]{0,200}SSL alert number ${alt(w.alert.map(String))}` : '';
  return ` ?\\(SSL: [^)]{0,1000}?${alt(reasons)}${alerts}[^)]{0,1000}\\)`;
}

/** Context requirements (upstream field) not already met by a %T target. */
function contextPart(w: EventConditionSpec, targetCarries: boolean): string {
  const needs = w.scheme !== undefined || w.upstream !== undefined || (!targetCarries && (w.transport !== undefined || w.host !== undefined));
  if (!needs) return '';
  const scheme = w.scheme ? alt(w.scheme.map(esc)) : '[a-z0-9+]{1,12}';
  let peer = '';
  if (!targetCarries && w.transport === 'unix') peer = 'unix:';
  else if (!targetCarries && w.host) peer = alt(w.host.map((h) => (h.includes(':') ? `\\[${esc(h)}\\]` : esc(h))));
  else if (!targetCarries && w.transport === 'tcp') peer = '(?:[^u"]|u[^n"]|un[^i"]|uni[^x"]|unix[^:"])';
  const more = w.upstream !== undefined ? `[^"]{0,1000}?(?:${toRe2(w.upstream)})` : '';
  return `${GAP}, upstream: "${scheme}://${peer}${more}`;
}

/** One condition as an RE2 regex over the line as nginx (or a shipper) printed it. */
export function conditionRegex(w: EventConditionSpec, nested = false): string {
  const parts: string[] = [];
  if (w.level) parts.push(`\\[${alt(w.level)}\\] [^\\n]{0,1000}?`);
  const msg = messagePart(w);
  parts.push(msg);
  // A %T target (or a syscall's "to <peer>") already pins transport and host.
  // A mandatory %T target of the required transport or host already pins them.
  const slotPins = w.transport !== undefined || w.host !== undefined;
  const targetCarries = nested || (slotPins && (w.template?.every((t) => t.includes('%T')) ?? false));
  if (w.ssl) parts.push(`[^\\n]{0,200}?${sslPart(w)}`);
  if (w.errno) parts.push(`[^\\n]{0,1000}?${errnoPart(w)}`);
  if (w.action) parts.push(`[^\\n]{0,1000}? while ${alt(w.action.map(esc))}`);
  if (w.noAction) parts.push('(?: ?\\([0-9]{1,5}: [^)]{0,300}\\))?(?:,| in /|$)');
  // The client field comes before server, request and upstream; its regex is anchored on the address.
  if (w.client) parts.push(`${GAP}, client: (?:${toRe2(w.client.replace(/^\^/, '').replace(/\$$/, ''))})(?:,|$)`);
  const ctx = contextPart(w, targetCarries);
  if (ctx && !nested && (w.transport !== undefined || w.host !== undefined) && !targetCarries && (w.syscall !== undefined || w.template?.some((t) => t.includes('%T')))) {
    // The peer may be in the message ("connect() to unix:/x failed") or only in the upstream field.
    const withTarget = conditionRegex({ ...w, template: w.template ?? w.syscall!.map((x) => `${x}() to %T failed`) }, true);
    // RE2 wants each group name once: the second way keeps its groups unnamed.
    return `(?:${withTarget}|${(parts.join('') + ctx).replace(/\(\?P<[A-Za-z_][A-Za-z0-9_]*>/g, '(?:')})`;
  }
  parts.push(ctx);
  return parts.join('');
}

function ruleOf(c: CatalogCondition): LineRule {
  return { id: c.id, cause: c.cause, status: c.status, regex: relaxRepeats(conditionRegex(c.when)) };
}

/**
 * Every condition (most specific first, as the engine decides) then every
 * RE2-compatible regex signature (priority first), as line rules.
 */
export function catalogLineRules(catalog: Catalog): LineRule[] {
  const conds: { c: CatalogCondition; n: number; order: number }[] = [];
  const sigs: { r: LineRule; priority: number; order: number }[] = [];
  let order = 0;
  for (const cause of catalog.causes) {
    for (const c of cause.conditions ?? []) conds.push({ c, n: specificity(c.when), order: order++ });
    for (const s of cause.signatures) {
      const src = relaxRepeats(s.pattern);
      if (re2Problem(src) !== null) continue;
      sigs.push({ r: { id: s.id, cause: s.cause, status: s.status, regex: toRe2(src) }, priority: s.priority, order: order++ });
    }
  }
  conds.sort((a, b) => b.n - a.n || b.c.priority - a.c.priority || a.order - b.order);
  sigs.sort((a, b) => b.priority - a.priority || a.order - b.order);
  return [...conds.map((x) => ruleOf(x.c)), ...sigs.map((x) => x.r)];
}
