import { describe, expect, it } from 'vitest';
import { searchableMessage } from '../../../src/lib/site-search.ts';

describe('searchableMessage', () => {
  it('keeps the message of an nginx line: no timestamp, level, pid, connection or context', () => {
    expect(
      searchableMessage('2026/11/22 23:58:07 [error] 18503#18503: *1 upstream prematurely closed connection while reading response header from upstream, client: 1.2.3.4, server: x'),
    ).toBe('upstream prematurely closed connection while reading response header from upstream');
  });
  it('leaves other text as it is, trimmed and capped', () => {
    expect(searchableMessage('  something odd happened ')).toBe('something odd happened');
    expect(searchableMessage('x'.repeat(500))).toHaveLength(120);
  });
});
