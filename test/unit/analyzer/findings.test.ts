import { describe, expect, it } from 'vitest';
import { FindingsAccumulator } from '../../../src/analyzer/report/findings.ts';
import { upstreamPeer } from '../../../src/analyzer/events/upstream.ts';
import { analyze, MAX_EVIDENCE, type Evidence } from '../../../src/analyzer/index.ts';
import { fixtureCatalog } from '../../fixtures/engine/catalog.ts';

const catalog = fixtureCatalog();
const ev = (line: number, rule = 'sig'): Evidence => ({ line, text: `line ${line}`, span: [0, 4], kind: 'nginx-error', rule });

describe('one finding per cause', () => {
  it('merges log, config and correlation: union of evidence, strongest origin, notes joined, highest confidence', () => {
    const acc = new FindingsAccumulator(catalog);
    acc.add('php-fpm-max-children', 'correlation', { count: 3, counted: 1, status: 504, confidence: 'high', facts: { pool: 'www' }, note: 'Correlated.' });
    acc.addEvidence('php-fpm-max-children', 'correlation', [ev(9, 'max-children'), ev(2, 'max-children')]);
    acc.add('php-fpm-max-children', 'config', { evidence: ev(40, 'fpm-max-children-low'), confidence: 'medium', note: 'Configured low.' });
    acc.add('php-fpm-max-children', 'log', { evidence: ev(2), status: 503, confidence: 'medium', facts: { pool: 'www' } });
    const fs = acc.build();
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f).toMatchObject({ origin: 'log', confidence: 'high', status: 503, count: 2 + 1 + 1, note: 'Correlated. Configured low.' });
    expect(f.evidence.map((e) => [e.line, e.rule])).toEqual([[2, 'sig'], [9, 'max-children'], [40, 'fpm-max-children-low']]);
    expect(f.facts.pool).toEqual(['www']);
  });
  it('ranks a certain diagnosis above a low-confidence hint one severity step higher', () => {
    const acc = new FindingsAccumulator(catalog);
    const critical = catalog.causes.find((c) => c.severity === 'critical')!;
    const high = catalog.causes.find((c) => c.severity === 'high')!;
    acc.add(critical.id, 'config', { evidence: ev(1, 'hint'), confidence: 'low' });
    acc.add(high.id, 'log', { evidence: ev(2), confidence: 'high' });
    expect(acc.build().map((f) => f.cause)).toEqual([high.id, critical.id]);
  });
  it('config beats correlation as origin; a config problem is counted once per line', () => {
    const acc = new FindingsAccumulator(catalog);
    acc.add('upstream-timed-out', 'correlation', { count: 5, note: 'Cluster.' });
    acc.add('upstream-timed-out', 'config', { evidence: ev(3, 'a') });
    acc.add('upstream-timed-out', 'config', { evidence: ev(3, 'b') });
    expect(acc.build()[0]).toMatchObject({ origin: 'config', count: 6 });
  });
  it('caps evidence at MAX_EVIDENCE, ordered by line, keeping lines of every origin', () => {
    const acc = new FindingsAccumulator(catalog);
    for (let i = 1; i <= 30; i++) acc.add('connection-refused', 'log', { evidence: ev(i) });
    acc.add('connection-refused', 'correlation', { count: 1, counted: 1 });
    acc.addEvidence('connection-refused', 'correlation', [ev(500, 'x'), ev(3, 'x')]);
    const f = acc.build()[0]!;
    expect(f.count).toBe(30);
    expect(f.evidence).toHaveLength(MAX_EVIDENCE);
    const lines = f.evidence.map((e) => e.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines).toContain(500);
    expect(f.evidence.find((e) => e.line === 3)!.rule).toBe('sig');
  });
  it('the same line reached twice counts once', () => {
    const acc = new FindingsAccumulator(catalog);
    acc.add('retry-hid-failing-peer', 'correlation', { evidence: ev(7) });
    acc.add('retry-hid-failing-peer', 'correlation', { evidence: ev(7) });
    acc.add('retry-hid-failing-peer', 'correlation', { evidence: ev(8) });
    expect(acc.count('retry-hid-failing-peer')).toBe(2);
  });
});

describe('top upstreams from the error log', () => {
  it('takes the peer of the upstream field as $upstream_addr writes it', () => {
    expect(upstreamPeer('http://127.0.0.1:9000/x?y=1')).toBe('127.0.0.1:9000');
    expect(upstreamPeer('fastcgi://127.0.0.1:9000')).toBe('127.0.0.1:9000');
    expect(upstreamPeer('fastcgi://unix:/run/php/php8.2-fpm.sock:')).toBe('unix:/run/php/php8.2-fpm.sock');
    expect(upstreamPeer('http://unix:/tmp/app.sock:/api')).toBe('unix:/tmp/app.sock');
    expect(upstreamPeer('https://[::1]:8443/')).toBe('[::1]:8443');
    expect(upstreamPeer('http://backend/api')).toBe('backend');
  });
  it('an error-log-only paste has top upstreams', () => {
    const line = (t: string, up: string) => `2026/11/22 23:58:${t} [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: s, request: "GET / HTTP/1.1", upstream: "${up}", host: "h"`;
    const r = analyze([line('01', 'fastcgi://127.0.0.1:9000'), line('02', 'fastcgi://127.0.0.1:9000'), line('03', 'fastcgi://unix:/run/php/php8.2-fpm.sock:')].join('\n'), { catalog });
    expect(r.stats.topUpstreams).toEqual([['127.0.0.1:9000', 2], ['unix:/run/php/php8.2-fpm.sock', 1]]);
  });
});
