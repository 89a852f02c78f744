import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDefaults, serialise } from '../../../src/analyzer/config/gen-defaults.ts';
import { defaultOf, DEFAULTS } from '../../../src/analyzer/config/defaults.ts';

describe('directive defaults', () => {
  it('directive-defaults.json is exactly what gen-defaults.ts extracts from @nginx/reference-lib (regenerate with `npx node src/analyzer/config/gen-defaults.ts`)', () => {
    const committed = readFileSync(new URL('../../../src/analyzer/config/directive-defaults.json', import.meta.url), 'utf8');
    expect(committed).toBe(serialise(generateDefaults()));
  });
  it('exposes the defaults the rules rely on', () => {
    expect(defaultOf('proxy_read_timeout')).toBe('60s');
    expect(defaultOf('worker_connections')).toBe('512');
    expect(defaultOf('proxy_ssl_server_name')).toBe('off');
    expect(DEFAULTS.upstreamServer).toEqual({ max_fails: 1, fail_timeout: '10s' });
  });
  it('fails loudly for a directive nobody extracted', () => {
    expect(() => defaultOf('no_such_directive')).toThrow(/gen-defaults/);
  });
});
