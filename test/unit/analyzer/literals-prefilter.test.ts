import { describe, expect, it } from 'vitest';
import { allLiteralRuns, requiredLiterals } from '../../../src/analyzer/match/literals.ts';
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
