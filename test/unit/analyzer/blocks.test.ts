/**
 * An input read in blocks (src/analyzer/blocks.ts, what the CLI's worker
 * threads do) gives the report of the input read whole: counts, evidence,
 * facts, harmless lines, statistics, correlations and the configuration
 * check, wherever the blocks are cut.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../../src/analyzer/index.ts';
import { analyzeInBlocks, blockAnalyzer, blockBounds, mergeBlocks, resumesFrom, warmupBefore, type BlockPartial } from '../../../src/analyzer/blocks.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { mixedParts } from '../../fixtures/blocks/mixed-input.ts';

const catalog = loadCatalog(fileURLToPath(new URL('../../../content', import.meta.url)));
const parts = mixedParts();
const text = parts.join('');

describe('an input read in blocks', () => {
  it('has a report equal to the input read whole, for blocks of any size', () => {
    const whole = JSON.stringify(analyze(text, { catalog }));
    expect(JSON.parse(whole).findings.length).toBeGreaterThan(30);
    for (const size of [97, 1000, 16_384, 200_000]) {
      expect(JSON.stringify(analyzeInBlocks(text, { catalog }, size, 4096)), `blocks of ${size} characters`).toBe(whole);
    }
  });

  it('has a report equal to each part read whole (configs, pools, YAML, bundles cut mid-way)', () => {
    for (const part of parts.slice(0, -1)) {
      expect(JSON.stringify(analyzeInBlocks(part, { catalog }, 60, 200))).toBe(JSON.stringify(analyze(part, { catalog })));
    }
  });

  it('reads a block again from the real state when its warm-up guessed it wrong', () => {
    // No warm-up at all: every block starts fresh, so blocks cut inside a config or a section must be read again.
    const bounds = blockBounds(text, 500);
    const done: BlockPartial[] = [];
    let again = 0;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const body = text.slice(bounds[k], bounds[k + 1]);
      const firstLine = k === 0 ? 0 : done[k - 1]!.lineNo;
      const read = (state?: BlockPartial['end']): BlockPartial => {
        const a = blockAnalyzer({ catalog }, state ? { firstLine, state } : { firstLine });
        a.push(body);
        return a.finishBlock();
      };
      let p = read();
      if (k > 0 && resumesFrom(p.start, done[k - 1]!.end)) {
        again++;
        p = read(done[k - 1]!.end);
      }
      done.push(p);
    }
    expect(again).toBeGreaterThan(10);
    expect(JSON.stringify(mergeBlocks({ catalog }, done))).toBe(JSON.stringify(analyze(text, { catalog })));
  });

  it('absorbs blocks that crossed a thread boundary (structured clones)', () => {
    const bounds = blockBounds(text, 50_000);
    const done: BlockPartial[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const firstLine = k === 0 ? 0 : done[k - 1]!.lineNo;
      const a = blockAnalyzer({ catalog }, k === 0 ? { firstLine } : { firstLine, warmup: warmupBefore(text, bounds[k]!, 8192) });
      a.push(text.slice(bounds[k], bounds[k + 1]));
      let p = a.finishBlock();
      if (k > 0 && resumesFrom(p.start, done[k - 1]!.end)) {
        const b = blockAnalyzer({ catalog }, { firstLine, state: done[k - 1]!.end });
        b.push(text.slice(bounds[k], bounds[k + 1]));
        p = b.finishBlock();
      }
      done.push(structuredClone(p));
    }
    expect(JSON.stringify(mergeBlocks({ catalog }, done))).toBe(JSON.stringify(analyze(text, { catalog })));
  });

  it('cuts blocks only after a newline, and covers the whole input', () => {
    const bounds = blockBounds(text, 777);
    expect(bounds[0]).toBe(0);
    expect(bounds[bounds.length - 1]).toBe(text.length);
    for (const b of bounds.slice(1, -1)) expect(text[b - 1]).toBe('\n');
  });
});
