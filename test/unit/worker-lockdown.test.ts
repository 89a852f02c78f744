/**
 * The analyzer worker and its block workers take the network away before the
 * engine runs: the lockdown deletes and shadows every API that can send bytes.
 * Checked on a scope shaped like a worker's (APIs on the prototype, as
 * browsers define them).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lockNetwork, NETWORK_APIS } from '../../src/worker/lockdown.ts';

describe('worker network lockdown', () => {
  it('every network API throws after lockNetwork(), own or inherited', () => {
    const proto: Record<string, unknown> = {};
    for (const name of NETWORK_APIS) Object.defineProperty(proto, name, { value: () => 'sent', configurable: true, writable: true });
    const navProto = { sendBeacon: () => true };
    const scope = Object.create(proto) as Record<string, unknown> & { navigator: { sendBeacon: () => boolean } };
    scope.navigator = Object.create(navProto) as { sendBeacon: () => boolean };
    lockNetwork(scope);
    for (const name of NETWORK_APIS) {
      expect(() => (scope[name] as () => unknown)(), name).toThrow(/disabled in the analyzer worker/);
      expect(proto[name], name).toBeUndefined();
      expect(() => {
        scope[name] = () => 'restored';
      }).toThrow();
    }
    expect(() => scope.navigator.sendBeacon()).toThrow(/disabled/);
  });

  it('the worker locks the network right after loading the catalog, before any engine run', () => {
    const src = readFileSync(new URL('../../src/worker/analyzer.worker.ts', import.meta.url), 'utf8');
    expect(src).toMatch(/fetch\(CATALOG_URL\)[\s\S]{0,300}\.finally\(\(\) => lockNetwork\(\)\)/);
    // run() awaits the catalog (hence the lockdown) before it creates the Analyzer.
    expect(src).toMatch(/new Analyzer\(\{ catalog: await catalog\(\) \}\)/);
    expect(src.match(/\bfetch\(/g)).toHaveLength(1);
  });

  it('a block worker locks the network as its first statement, and fetches nothing', () => {
    const src = readFileSync(new URL('../../src/worker/block.worker.ts', import.meta.url), 'utf8');
    const body = src.replace(/\/\*\*[\s\S]*?\*\//g, '').split('\n').filter((l) => l.trim() && !l.startsWith('import '));
    expect(body[0]).toBe('lockNetwork();');
    expect(src).not.toMatch(/\bfetch\(|importScripts|XMLHttpRequest/);
  });
});
