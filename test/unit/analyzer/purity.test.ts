import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../../src/lib/list-files.ts';

const ROOT = new URL('../../../src/analyzer/', import.meta.url).pathname;
// The build-time generator is the one Node script in the folder; the engine never imports it.
const BUILD_TIME = new Set(['config/gen-defaults.ts']);

describe('engine purity', () => {
  const sources = listFiles(ROOT).filter((p) => p.endsWith('.ts')).map((p) => ({ rel: p.slice(ROOT.length), text: readFileSync(p, 'utf8') }));
  it('uses no Node APIs and no DOM (runs in the worker, the CLI and tests alike)', () => {
    const offenders = sources
      .filter((s) => !BUILD_TIME.has(s.rel))
      .filter((s) => /from ['"]node:|require\(|\bprocess\.(?:env|argv|exit|stdout|stderr|stdin|cwd|platform|versions)\b|\bBuffer\.|\bdocument\.|\bwindow\./.test(s.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((s) => s.rel);
    expect(offenders).toEqual([]);
  });
  it('can reach no network API: no way to send a log anywhere', () => {
    // The share modules run in the same worker as the engine.
    const SHARE = new URL('../../../src/share/', import.meta.url).pathname;
    const all = [...sources.filter((s) => !BUILD_TIME.has(s.rel)), ...listFiles(SHARE).map((p) => ({ rel: p, text: readFileSync(p, 'utf8') }))];
    // Also no way to reach them indirectly: no global object, no eval, no dynamic import.
    const NETWORK = /\b(?:fetch|XMLHttpRequest|WebSocket|importScripts|sendBeacon|EventSource|WebTransport|RTCPeerConnection|globalThis|self|window|eval|Function)\b|\bimport\s*\(/;
    // Code only: comments and the text inside string literals (fix texts name WebSocket) are not calls.
    const code = (t: string) =>
      t
        .replace(/\/\*[\s\S]*?\*\/|(?<![:'"`])\/\/.*$/gm, '')
        .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''")
        .replace(/`(?:\\.|[^`\\])*`/g, '``');
    const offenders = all.filter((s) => NETWORK.test(code(s.text))).map((s) => s.rel);
    expect(offenders).toEqual([]);
    expect(all.length).toBeGreaterThan(40);
  });
  it('imports relative modules with their .ts extension', () => {
    const bad = sources.flatMap((s) => [...s.text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].filter((m) => !/\.(ts|json)$/.test(m[1]!)).map((m) => `${s.rel}: ${m[1]}`));
    expect(bad).toEqual([]);
  });
  it('nobody in the engine imports the build-time generator', () => {
    expect(sources.filter((s) => /from ['"][^'"]*gen-defaults/.test(s.text) && !BUILD_TIME.has(s.rel)).map((s) => s.rel)).toEqual([]);
  });
});
