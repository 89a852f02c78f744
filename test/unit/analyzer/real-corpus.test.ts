/**
 * The real-lines corpus (test/fixtures/real-lines/lines.jsonl: lines copied
 * from public issue threads, each with its source URL) through the engine,
 * one line at a time, as a user pastes it. A cause line is diagnosed when
 * the line's cause (or a finding of its report) is the expected article; a
 * harmless line when it is recognised and yields no cause and no finding.
 * Lines expecting `new:<slug>` (no article yet) are left out.
 *
 * nginx's own lines — every line the event grammar reads — must be
 * diagnosed at 96 % or more, harmless lines named harmless at 94 % or more. Lines of other programs (Apache, process
 * managers, hosting platforms…) are read by their own recognisers and
 * signatures; the whole corpus is held at its current floor so that no
 * change loses ground, and is raised as those recognisers land.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { parseEvent } from '../../../src/analyzer/events/parse.ts';
import { judge, readEntries, type Entry } from '../../fixtures/real-lines/corpus.ts';

const catalog = loadCatalog(new URL('../../../content', import.meta.url).pathname);
const entries = readEntries().filter((e) => !e.expect.startsWith('new:'));
const diagnosed = (e: Entry): boolean => judge(e, catalog).hit === true;

function rate(list: Entry[]): { rate: number; misses: string[] } {
  const misses = list.filter((e) => !diagnosed(e)).map((e) => `${e.expect}: ${e.line.slice(0, 160)} (${e.source})`);
  return { rate: (list.length - misses.length) / list.length, misses };
}

describe('real lines from public issue threads', () => {
  it('every line has its source thread', () => {
    expect(entries.length).toBeGreaterThan(150);
    for (const e of entries) expect(e.source, e.line).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/(?:issues|pull|discussions)\/\d+/);
  });

  it("diagnoses nginx's own lines (any platform, wrapper or paste) at 96 % or more", () => {
    const nginx = entries.filter((e) => parseEvent(e.line) !== null);
    expect(nginx.length).toBeGreaterThan(150);
    const r = rate(nginx);
    expect(r.rate, r.misses.join('\n')).toBeGreaterThanOrEqual(0.96);
  });

  it('names nginx lines from other platforms than glibc as well as glibc ones', () => {
    const other = entries.filter((e) => parseEvent(e.line) !== null && ['musl', 'freebsd', 'macos', 'windows', 'openresty'].includes(e.platform));
    expect(other.length).toBeGreaterThan(20);
    const r = rate(other);
    expect(r.rate, r.misses.join('\n')).toBeGreaterThanOrEqual(0.96);
  });

  it('diagnoses the whole corpus (lines of other programs included) at 95 % or more', () => {
    const r = rate(entries);
    expect(r.rate, r.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('names harmless lines harmless (recognised, no cause, no finding) at 94 % or more', () => {
    const harmless = entries.filter((e) => e.expect === 'harmless');
    expect(harmless.length).toBeGreaterThan(90);
    const r = rate(harmless);
    expect(r.rate, r.misses.join('\n')).toBeGreaterThanOrEqual(0.94);
  });
});
