/**
 * The catalog's line rules run under RE2 (the engine of log pipelines), and
 * each cause example — and every platform variant of it — is claimed by its
 * own cause's rule first, as the engine claims it.
 */
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { loadCauseEntries, loadCatalog } from '../../../src/catalog/from-disk.ts';
import { catalogLineRules } from '../../../src/analyzer/export/line-rules.ts';
import { variants } from './variants.ts';

const CONTENT = new URL('../../../content', import.meta.url).pathname;
const catalog = loadCatalog(CONTENT);
const entries = loadCauseEntries(CONTENT);
const rules = catalogLineRules(catalog);
const compiled = rules.map((r) => ({ r, re: RE2JS.compile(r.regex) }));

function firstRule(line: string): string {
  const hit = compiled.find((c) => c.re.matcher(line).find());
  return hit ? `${hit.r.cause} (${hit.r.id})` : 'nothing';
}

describe('line rules (RE2)', () => {
  it('covers every condition and every RE2-compatible signature, most specific first', () => {
    const conditions = catalog.causes.flatMap((c) => c.conditions);
    expect(rules.slice(0, conditions.length).map((r) => r.id).sort()).toEqual(conditions.map((c) => c.id).sort());
    expect(rules.length).toBeGreaterThanOrEqual(conditions.length + catalog.causes.flatMap((c) => c.signatures).length - 2);
    for (const r of rules) {
      expect(r.regex, r.id).not.toMatch(/\(\?[=!]|\(\?<[=!]|\\[1-9]/);
      for (const m of r.regex.matchAll(/\{(\d+)(?:,(\d+))?\}/g)) expect(Math.max(Number(m[1]), Number(m[2] ?? 0)), r.id).toBeLessThanOrEqual(1000);
    }
  });

  it('leaves noise and other failures alone', () => {
    expect(firstRule('2026/11/22 23:58:08 [info] 18503#18503: *2 client 127.0.0.1 closed keepalive connection')).toBe('nothing');
    expect(firstRule('2026/11/22 23:58:10 [notice] 811#811: signal 1 (SIGHUP) received from 4242, reconfiguring')).toBe('nothing');
    // A refused connect is not a timeout, whatever the platform prints.
    expect(firstRule('2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (61: Connection refused) while connecting to upstream, client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.0.1:80/", host: "a"')).toMatch(/^connection-refused /);
  });

  const examples = entries.flatMap((e) => [...e.data.conditions, ...e.data.signatures].flatMap((s) => s.examples.map((line) => ({ cause: e.slug, id: s.id, line, nginx: 'when' in s }))));

  it.each(examples.map((x) => [`${x.cause} / ${x.id}`, x] as const))('%s: the example is claimed by its cause first', (_n, x) => {
    expect(firstRule(x.line).split(' ')[0], x.line.slice(0, 200)).toBe(x.cause);
    if (x.nginx) {
      // Pipelines read log files as nginx wrote them: platform variants and shipper prefixes, not pasted-and-mangled lines.
      const wrong = variants(x.line)
        .filter(([name]) => !['re-spaced', 'full-width quotes', 'cut short'].includes(name))
        .map(([name, v]) => [name, firstRule(v)] as const)
        .filter(([, got]) => got.split(' ')[0] !== x.cause)
        .map(([name, got]) => `${name}: ${got}`);
      expect(wrong).toEqual([]);
    }
  });
});
