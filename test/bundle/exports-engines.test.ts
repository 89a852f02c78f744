/**
 * The fleet exports in the real engines, offline: Debian's mtail runs the
 * built program over every cause's examples and the lab's lines and must count
 * what the analyzer attributes; promtool checks the alerting rules and fires
 * each kind of alert in a rule test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parser as logql } from '@grafana/lezer-logql';
import { RE2JS } from 're2js';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/index.ts';
import type { LineResult } from '../../src/analyzer/types.ts';
import type { SiteCatalog } from '../../src/catalog/site.ts';
import { loadCauseEntries } from '../../src/catalog/from-disk.ts';
import { THRESHOLDS, alertName, RATIO_5XX } from '../../src/analyzer/export/prometheus.ts';
import labRecord from '../../src/data/lab-record.json' with { type: 'json' };
import { DIST, ROOT, requireBuilt } from './built.ts';

const MTAIL_DIR = join(DIST, 'export/mtail');
const PROM_RULES = join(DIST, 'export/prometheus/badgateway.rules.yml');

function tool(name: string, pkg: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin'])) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} is missing: install the Debian package ${pkg} (apt-get install ${pkg}; .ci/run does)`);
}

let work = '';
let catalog: SiteCatalog;

beforeAll(() => {
  requireBuilt(join(MTAIL_DIR, 'badgateway.mtail'));
  requireBuilt(PROM_RULES);
  catalog = JSON.parse(readFileSync(requireBuilt(join(DIST, 'api/catalog.json')), 'utf8')) as SiteCatalog;
  work = mkdtempSync(join(tmpdir(), 'badgateway-engines-'));
});

/** mtail --one_shot over one log file → counts by cause (it still opens its HTTP port: an ephemeral one on loopback). */
function mtailCounts(mtail: string, log: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const p = spawn(mtail, ['--one_shot', '--one_shot_format', 'json', '--progs', MTAIL_DIR, '--logs', log, '--logtostderr', '--address', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`mtail exited ${code}: ${err.slice(-2000)}`));
      const metrics = JSON.parse(out) as Record<string, { LabelValues?: { Labels: string[]; Value: { Value: number } }[] }[]>;
      const counts: Record<string, number> = {};
      for (const lv of metrics.badgateway_lines_total?.[0]?.LabelValues ?? []) counts[lv.Labels[0]!] = (counts[lv.Labels[0]!] ?? 0) + lv.Value.Value;
      resolve(counts);
    });
  });
}

/** Lines of the real corpus: every text fixture under test/fixtures (not code, JSON or notes). */
function fixtureLines(dir = join(ROOT, 'test/fixtures')): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return fixtureLines(p);
    // Configurations are not log lines; the real-lines corpus holds each line in a JSON field.
    if (e === 'configs') return [];
    if (e.endsWith('.jsonl')) return readFileSync(p, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { line: string }).line);
    return /\.(ts|mts|mjs|js|md|json|gz)$/.test(e) ? [] : readFileSync(p, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  });
}

/** The analyzer's per-line causes for a text, counted. */
function engineCounts(lines: string[], oneByOne: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  const texts = oneByOne ? lines : [lines.join('\n')];
  for (const text of texts) {
    analyze(`${text}\n`, {
      catalog,
      onLine: (r: LineResult) => {
        // An unclassified error names its closest article, not a rule's verdict: log pipelines get rules only.
        if (r.cause && !r.unclassified) counts[r.cause] = (counts[r.cause] ?? 0) + 1;
      },
    });
  }
  return counts;
}

describe('mtail runs the exported program', () => {
  it('compiles it', () => {
    const r = spawnSync(tool('mtail', 'mtail'), ['--compile_only', '--progs', MTAIL_DIR, '--logtostderr', '--address', '127.0.0.1', '--port', '0'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('counts every cause example under the cause the analyzer gives it', async () => {
    const mtail = tool('mtail', 'mtail');
    const entries = loadCauseEntries(join(ROOT, 'content'));
    const jobs = entries.map((e) => {
      const examples = e.data.signatures.flatMap((s) => s.examples);
      const file = join(work, `examples-${e.slug}.log`);
      writeFileSync(file, `${examples.join('\n')}\n`);
      return { slug: e.slug, file, examples };
    });
    const diffs: string[] = [];
    // A few mtail processes at a time.
    for (let i = 0; i < jobs.length; i += 4) {
      await Promise.all(
        jobs.slice(i, i + 4).map(async (j) => {
          if (j.examples.length === 0) return;
          const got = await mtailCounts(mtail, j.file);
          const want = engineCounts(j.examples, true);
          if (JSON.stringify(Object.entries(got).sort()) !== JSON.stringify(Object.entries(want).sort())) diffs.push(`${j.slug}: mtail ${JSON.stringify(got)}, analyzer ${JSON.stringify(want)}`);
        }),
      );
    }
    expect(jobs.filter((j) => j.examples.length).length).toBeGreaterThan(40);
    expect(diffs).toEqual([]);
  });

  it('agrees with the analyzer on the lab lines and the real corpus for at least 95 % of attributed lines', async () => {
    const lines = [...labRecord.scenarios.flatMap((s) => [...s.errorLog, ...s.accessLog]), ...fixtureLines()];
    const file = join(work, 'lab.log');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const got = await mtailCounts(tool('mtail', 'mtail'), file);
    const want = engineCounts(lines, false);
    const attributed = Object.values(want).reduce((a, b) => a + b, 0);
    const agree = Object.keys(want).reduce((a, c) => a + Math.min(want[c]!, got[c] ?? 0), 0);
    const extra = Object.keys(got).reduce((a, c) => a + Math.max(0, got[c]! - (want[c] ?? 0)), 0);
    expect(attributed).toBeGreaterThan(100);
    expect(agree / attributed, `mtail ${JSON.stringify(got)}\nanalyzer ${JSON.stringify(want)}`).toBeGreaterThanOrEqual(0.95);
    expect(extra / attributed).toBeLessThanOrEqual(0.05);
  });
});

describe('promtool on the exported alerting rules', () => {
  it('check rules passes', () => {
    const r = spawnSync(tool('promtool', 'prometheus'), ['check', 'rules', PROM_RULES], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('test rules: every cause alert fires with its runbook_url, a quiet cause does not, the 5xx ratio fires', () => {
    const doc = parseYaml(readFileSync(PROM_RULES, 'utf8')) as { groups: { rules: { alert?: string; labels?: Record<string, string>; annotations?: Record<string, string> }[] }[] };
    const alerts = new Map(doc.groups.flatMap((g) => g.rules).filter((r) => r.alert).map((r) => [r.alert!, r]));
    const causes = catalog.causes.filter((c) => alerts.has(alertName(c.id)));
    expect(causes.length).toBeGreaterThan(40);
    const quiet = causes[0]!;
    const base = { instance: 'web-1:3903', job: 'mtail', prog: 'badgateway.mtail' };
    const series = (name: string, labels: Record<string, string>, values: string) => ({ series: `${name}{${Object.entries({ ...base, ...labels }).map(([k, v]) => `${k}="${v}"`).join(',')}}`, values });
    const input = [
      ...causes.slice(1).map((c) => series('badgateway_lines_total', { cause: c.id, status: String(c.status[0]) }, '0+10x40')),
      series('badgateway_lines_total', { cause: quiet.id, status: String(quiet.status[0]) }, '0x40'),
      series('badgateway_http_responses_total', { status: '502' }, '0+10x40'),
      series('badgateway_http_responses_total', { status: '200' }, '0+10x40'),
    ];
    interface AlertTest {
      eval_time: string;
      alertname: string;
      exp_alerts: { exp_labels: Record<string, string>; exp_annotations: Record<string, string> }[];
    }
    const alertTests = causes.map((c): AlertTest => {
      const rule = alerts.get(alertName(c.id))!;
      expect(rule.annotations!.runbook_url).toBe(`${catalog.site}/causes/${c.id}/#fix`);
      if (c === quiet) return { eval_time: '30m', alertname: rule.alert!, exp_alerts: [] };
      return {
        eval_time: '30m',
        alertname: rule.alert!,
        exp_alerts: [
          {
            exp_labels: { ...base, cause: c.id, status: String(c.status[0]), severity: THRESHOLDS[c.severity].severity },
            exp_annotations: {
              summary: `${c.title} (${c.status[0]})`,
              description: `50 nginx log line(s) in 5 minutes on ${base.instance} reveal: ${c.title}. ${c.description}`,
              runbook_url: `${catalog.site}/causes/${c.id}/#fix`,
            },
          },
        ],
      };
    });
    const ratio = alerts.get('NginxHigh5xxRatio')!;
    alertTests.push({
      eval_time: '30m',
      alertname: 'NginxHigh5xxRatio',
      exp_alerts: [
        {
          exp_labels: { ...base, severity: 'critical' },
          exp_annotations: {
            summary: 'nginx answers 50% of requests with a 5xx',
            description: ratio.annotations!.description!.replace('{{ $labels.instance }}', base.instance),
            runbook_url: `${catalog.site}/guides/triage/`,
          },
        },
      ],
    });
    expect(RATIO_5XX).toBeLessThan(0.5);
    const testFile = join(work, 'badgateway.rules.test.yml');
    writeFileSync(testFile, JSON.stringify({ rule_files: [PROM_RULES], evaluation_interval: '1m', tests: [{ interval: '1m', input_series: input, alert_rule_test: alertTests }] }, null, 2));
    mkdirSync(join(work, 'promtool'), { recursive: true });
    const r = spawnSync(tool('promtool', 'prometheus'), ['test', 'rules', testFile], { encoding: 'utf8', cwd: join(work, 'promtool') });
    expect(r.status, (r.stdout + r.stderr).slice(0, 4000)).toBe(0);
    expect(r.stdout).toMatch(/SUCCESS/);
  });
});

describe('the exported Loki rules', () => {
  it('every expression parses as LogQL and every line filter compiles under RE2', () => {
    const doc = parseYaml(readFileSync(requireBuilt(join(DIST, 'export/loki/badgateway.rules.yml')), 'utf8')) as { groups: { rules: { expr: string; record?: string; alert?: string }[] }[] };
    const all = doc.groups.flatMap((g) => g.rules);
    expect(all.length).toBeGreaterThan(80);
    for (const r of all) {
      const errors: number[] = [];
      logql.parse(r.expr).iterate({ enter: (n) => void (n.type.isError && errors.push(n.from)) });
      expect(errors, `${r.record ?? r.alert}: ${r.expr.slice(0, 160)}`).toEqual([]);
      const filter = /\|~ `([^`]*)`/.exec(r.expr);
      expect(filter, r.expr.slice(0, 160)).not.toBeNull();
      expect(() => RE2JS.compile(filter![1]!)).not.toThrow();
    }
  });
});
