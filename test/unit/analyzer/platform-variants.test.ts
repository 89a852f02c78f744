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
import { variants } from './variants.ts';

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
