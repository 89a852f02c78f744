/**
 * The real-lines corpus (test/fixtures/real-lines/lines.jsonl) stays well
 * formed: every line has its thread, a known platform and wrapper, and a
 * verdict that names an existing article, "harmless", or a proposed new slug.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../fixtures/real-lines/', import.meta.url);
const causes = new Set(readdirSync(new URL('../../../content/causes/', import.meta.url)).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)));
const raw = readFileSync(new URL('lines.jsonl', dir), 'utf8').split('\n').filter((l) => l.trim() !== '');
const rows = raw.map((l) => JSON.parse(l) as Record<string, unknown>);

const PLATFORMS = ['glibc', 'musl', 'freebsd', 'macos', 'windows', 'openresty', 'unknown'];
const WRAPPERS = ['none', 'docker', 'compose', 'kubernetes', 'journald', 'syslog', 'ingress-nginx', 'cloud', 'other'];

describe('real-lines corpus', () => {
  it('has at least 150 lines, 30 off Debian/glibc or wrapped, 15 harmless', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.platform !== 'glibc' || r.wrapper !== 'none').length).toBeGreaterThanOrEqual(30);
    expect(rows.filter((r) => r.expect === 'harmless').length).toBeGreaterThanOrEqual(15);
  });

  it('gives every line exactly the documented fields', () => {
    const bad = rows.filter((r) => Object.keys(r).sort().join(',') !== 'expect,line,platform,source,why,wrapper');
    expect(bad.map((r) => JSON.stringify(r).slice(0, 120))).toEqual([]);
  });

  it('keeps one physical line per entry, each once', () => {
    expect(rows.filter((r) => typeof r.line !== 'string' || r.line === '' || /[\r\n]/.test(r.line)).length).toBe(0);
    const lines = rows.map((r) => r.line as string);
    expect(lines.filter((l, i) => lines.indexOf(l) !== i)).toEqual([]);
  });

  it('names a public thread, a known platform and wrapper, and a reason for every line', () => {
    const problems = rows.flatMap((r) => {
      const out: string[] = [];
      if (typeof r.source !== 'string' || !/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull)\/\d+$/.test(r.source)) out.push(`source ${String(r.source)}`);
      if (!PLATFORMS.includes(r.platform as string)) out.push(`platform ${String(r.platform)}`);
      if (!WRAPPERS.includes(r.wrapper as string)) out.push(`wrapper ${String(r.wrapper)}`);
      if (typeof r.why !== 'string' || r.why.length < 10) out.push('why');
      return out.map((p) => `${p}: ${String(r.line).slice(0, 80)}`);
    });
    expect(problems).toEqual([]);
  });

  it('expects an existing article, "harmless", or a new slug that has no article yet', () => {
    const bad = rows.filter((r) => {
      const e = r.expect as string;
      if (e === 'harmless') return false;
      if (e.startsWith('new:')) return !/^new:[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e) || causes.has(e.slice(4));
      return !causes.has(e);
    });
    expect(bad.map((r) => `${String(r.expect)}: ${String(r.line).slice(0, 80)}`)).toEqual([]);
  });
});
