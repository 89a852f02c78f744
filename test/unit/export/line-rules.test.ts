/**
 * The catalog as RE2 line rules: every pattern compiles under RE2 (re2js, the
 * JavaScript port of RE2), and tried in order, first match wins, the rules give
 * every cause example the cause the engine gives it. The real engines run on
 * the built exports in test/bundle/exports-engines.test.ts.
 */
import { RE2JS } from 're2js';
import { parser } from '@grafana/lezer-logql';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import type { LineResult } from '../../../src/analyzer/types.ts';
import { catalogLineRules } from '../../../src/analyzer/export/line-rules.ts';
import { fleetExports } from '../../../src/analyzer/export/index.ts';
import { causeFilters, logqlString } from '../../../src/analyzer/export/loki.ts';
import { escapeSlashes, withoutCaptureNames } from '../../../src/analyzer/export/re2.ts';
import { loadCatalog, loadCauseEntries } from '../../../src/catalog/from-disk.ts';

const CONTENT = new URL('../../../content', import.meta.url).pathname;
const catalog = loadCatalog(CONTENT);
const rules = catalogLineRules(catalog);

/** What the engine says of each line, alone. */
function engineCause(line: string): string | null {
  let cause: string | null = null;
  analyze(`${line}\n`, { catalog, onLine: (r: LineResult) => void (r.line === 1 && (cause = r.cause)) });
  return cause;
}

describe('the catalog under RE2', () => {
  it('every line rule compiles under RE2, also as mtail and Loki write it', () => {
    const bad = rules.flatMap((r) => {
      for (const re of [r.regex, withoutCaptureNames(r.regex)]) {
        try {
          RE2JS.compile(re);
        } catch (e) {
          return [`${r.id}: ${(e as Error).message}`];
        }
      }
      return [];
    });
    expect(bad).toEqual([]);
    for (const f of causeFilters(rules).values()) expect(() => RE2JS.compile(f)).not.toThrow();
  });

  it('first match wins: every cause example gets the engine cause', () => {
    const compiled = rules.map((r) => ({ r, re: RE2JS.compile(r.regex) }));
    const wrong: string[] = [];
    let n = 0;
    for (const e of loadCauseEntries(CONTENT)) {
      for (const s of e.data.signatures) {
        for (const ex of s.examples) {
          n++;
          const want = engineCause(ex);
          const got = compiled.find((c) => c.re.matcher(ex).find())?.r.cause ?? null;
          if (got !== want) wrong.push(`${s.id}: RE2 rules say ${got}, the engine ${want}: ${ex.slice(0, 120)}`);
        }
      }
    }
    expect(n).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });
});

describe('fleet export files', () => {
  const files = fleetExports(catalog, { site: 'https://badgateway.dev', generated: 'test' });
  it('mtail: one rule per line rule, each counting its cause and status, then stop', () => {
    const prog = files['export/mtail/badgateway.mtail']!;
    expect(prog).toContain('counter badgateway_lines_total by cause, status');
    expect(prog.match(/^\s+stop$/gm)).toHaveLength(rules.length);
    const first = rules[0]!;
    expect(prog).toContain(`/${escapeSlashes(withoutCaptureNames(first.regex))}/ {\n  badgateway_lines_total["${first.cause}"]["${first.status}"]++\n  stop\n}`);
    expect(escapeSlashes('a/b\\/c')).toBe('a\\/b\\/c');
  });
  it('Prometheus: an alert per cause with its runbook_url, and the 5xx ratio', () => {
    const doc = parseYaml(files['export/prometheus/badgateway.rules.yml']!) as { groups: { name: string; rules: { alert?: string; annotations?: Record<string, string> }[] }[] };
    const alerts = doc.groups.flatMap((g) => g.rules).filter((r) => r.alert);
    const causes = new Set(rules.map((r) => r.cause));
    expect(alerts).toHaveLength(causes.size + 1);
    for (const c of causes) expect(alerts.map((a) => a.annotations!.runbook_url)).toContain(`https://badgateway.dev/causes/${c}/#fix`);
    expect(alerts.map((a) => a.alert)).toContain('NginxHigh5xxRatio');
  });
  it('Loki: LogQL that parses, a recording rule and an alert per cause', () => {
    const doc = parseYaml(files['export/loki/badgateway.rules.yml']!) as { groups: { rules: { expr: string; record?: string; alert?: string; annotations?: Record<string, string> }[] }[] };
    const all = doc.groups.flatMap((g) => g.rules);
    const causes = new Set(rules.map((r) => r.cause));
    expect(all.filter((r) => r.record)).toHaveLength(causes.size);
    expect(all.filter((r) => r.alert)).toHaveLength(causes.size);
    for (const r of all) {
      const errors: number[] = [];
      parser.parse(r.expr).iterate({ enter: (n) => void (n.type.isError && errors.push(n.from)) });
      expect(errors, `${r.record ?? r.alert}: ${r.expr.slice(0, 200)}`).toEqual([]);
    }
    // The parser does find errors (so the check above can fail).
    let broken = 0;
    parser.parse('sum(count_over_time({job="nginx"} |~ [5m]').iterate({ enter: (n) => void (n.type.isError && broken++) });
    expect(broken).toBeGreaterThan(0);
    expect(logqlString('a`b')).toBe('"a`b"');
  });
});
