import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allLiteralRuns, keyScore, prefilterKeys, requiredLiterals } from '../../../src/analyzer/match/literals.ts';
import { Prefilter } from '../../../src/analyzer/match/prefilter.ts';

describe('required literals of a pattern', () => {
  it('joins escaped text and mandatory groups into one run', () => {
    expect(requiredLiterals('connect\\(\\) failed \\((?<errno>111): Connection refused\\) while connecting to upstream')).toEqual(['connect() failed (111: Connection refused) while connecting to upstream']);
  });
  it('breaks runs at classes, optional parts and quantifiers', () => {
    expect(requiredLiterals('child (?<pid>\\d+) exited on signal (?<signal>\\d+)')).toEqual([' exited on signal ']);
    expect(requiredLiterals('abcdef(?:ghij)?klmnop')).toEqual(['abcdef']);
    // Conservative: a repeated atom is cut off from its neighbours (still required, just shorter keys).
    expect(allLiteralRuns('ab+cd')).toEqual(['a', 'b', 'cd']);
  });
  it('gives one key per top-level alternative, none when one branch has no literal', () => {
    expect(requiredLiterals('no live upstreams|upstream server temporarily disabled')).toEqual(['no live upstreams', 'upstream server temporarily disabled']);
    expect(requiredLiterals('timed out|\\d+')).toBeNull();
  });
  it('treats lookarounds and alternation groups as breaks', () => {
    expect(allLiteralRuns('(?=x)hello (?:a|b) world!')).toEqual(['hello ', ' world!']);
    expect(requiredLiterals('(?=x)hello (?:a|b) world!')).toEqual([' world!']);
  });
});

describe('prefilter keys: the rarest requirement', () => {
  it("prefers a distinctive run over nginx's common phrases", () => {
    expect(keyScore('upstream timed out (')).toBeGreaterThan(keyScore(') while reading response header from upstream'));
    expect(prefilterKeys('upstream timed out \\((?<errno>110|60): (?<errtext>Connection timed out|Operation timed out)\\) while reading response header from upstream')).toEqual(['upstream timed out (']);
    expect(prefilterKeys('(?:Out of memory|Memory cgroup out of memory): Kill(?:ed)? process (?<pid>\\d+)')).toEqual(['Out of memory', 'Memory cgroup out of memory']);
  });
  it('uses the alternatives of a mandatory group as keys (one of them must appear)', () => {
    expect(prefilterKeys("\\.service: (?:A process of this unit has been killed by the OOM killer|Failed with result 'oom-kill')")).toEqual([
      'A process of this unit has been killed by the OOM killer',
      "Failed with result 'oom-kill'",
    ]);
    // An optional group, or an alternative without a literal, is no requirement.
    expect(prefilterKeys('upstream (?:sent|got)? invalid header')).toEqual([' invalid header']);
    expect(prefilterKeys('ab(?:xyz|\\d+)cd')).toBeNull();
  });
  it('every key of every pattern is a substring of each string the pattern matches (property)', () => {
    const word = fc.constantFrom('upstream', ' timed out ', '(111: ', 'Connection refused', 'sent', 'x', ' ');
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), fc.array(word, { maxLength: 3 }), (alts, tail) => {
        const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const src = `${esc(tail.join(''))}(?:${alts.map((a) => esc(a.join(''))).join('|')})${esc(tail.join(''))}`;
        const keys = prefilterKeys(src);
        if (keys === null) return;
        for (const a of alts) {
          const text = `${tail.join('')}${a.join('')}${tail.join('')}`;
          expect(keys.some((k) => text.includes(k))).toBe(true);
        }
      }),
    );
  });
});

describe('Prefilter', () => {
  const pf = new Prefilter([['connect() failed'], ['failed (111'], null, ['no live upstreams'], ['connect()']]);
  it('returns the items whose keys occur, in item order, plus always-items', () => {
    expect(pf.candidates('connect() failed (111: Connection refused)')).toEqual([0, 1, 2, 4]);
    expect(pf.candidates('no live upstreams while connecting')).toEqual([2, 3]);
    expect(pf.candidates('closed keepalive connection')).toEqual([2]);
  });
  it('finds keys that overlap or are substrings of other keys', () => {
    const p = new Prefilter([['abcd'], ['bc'], ['cde']]);
    expect(p.candidates('xabcdex')).toEqual([0, 1, 2]);
  });
});

describe('Prefilter: the multi-string scan finds exactly the keys present (property)', () => {
  it('agrees with includes() on random keys and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ', '(', '1', 'up', 'stream');
    const str = (min: number, max: number) => fc.array(alphabet, { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(str(2, 12), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), fc.array(str(0, 80), { minLength: 1, maxLength: 5 }), (keys, texts) => {
        const pf = new Prefilter(keys);
        for (const t of texts) {
          const want = keys.flatMap((ks, i) => (ks.some((k) => t.includes(k)) ? [i] : []));
          expect([...pf.candidates(t)]).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('finds keys at the very start and end of a line, and in long lines', () => {
    const p = new Prefilter([['no live upstreams'], ['upstream timed out ('], ['awselb/']]);
    expect(p.candidates('no live upstreams')).toEqual([0]);
    expect(p.candidates(`${'x'.repeat(5000)}upstream timed out (`)).toEqual([1]);
    expect(p.candidates('awselb/2.0 no live upstreams')).toEqual([0, 2]);
    expect(p.candidates('upstream timed out')).toEqual([]);
  });
});
