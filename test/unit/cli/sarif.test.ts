/** --format sarif: config findings located in the nginx files an `nginx -T` dump names. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { pathToUri } from '../../../src/cli/format-sarif.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const NODE = join(ROOT, 'node_modules/.bin/node');
const BIN = join(ROOT, 'bin/badgateway.mjs');

// Invented for this test: an `nginx -T` dump whose keepalive upstream lacks `proxy_set_header Connection ""`.
const DUMP = `nginx: the configuration file /etc/nginx/nginx.conf syntax is ok
nginx: configuration file /etc/nginx/nginx.conf test is successful
# configuration file /etc/nginx/nginx.conf:
events {}
http {
  include /etc/nginx/conf.d/*.conf;
}

# configuration file /etc/nginx/conf.d/app.conf:
upstream backend {
  server 10.0.0.1:8080;
  server 10.0.0.2:8080;
  keepalive 16;
}
server {
  listen 80;
  location / {
    proxy_pass http://backend;
  }
}
`;

describe('badgateway analyze --format sarif', () => {
  it('points each config finding at its file and line, with a rule linking the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'badgateway-sarif-'));
    writeFileSync(join(dir, 'nginx-T.txt'), DUMP);
    const r = spawnSync(NODE, [BIN, 'analyze', 'nginx-T.txt', '--format', 'sarif'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const log = JSON.parse(r.stdout) as Log;
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    const result = run.results!.find((x) => x.ruleId === 'keepalive-misconfigured');
    expect(result).toBeDefined();
    const loc = result!.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation!.uri).toBe('file:///etc/nginx/conf.d/app.conf');
    expect(loc.region!.startLine).toBe(9);
    expect(loc.region!.snippet!.text).toBe('    proxy_pass http://backend;');
    const rule = run.tool.driver.rules![result!.ruleIndex!]!;
    expect(rule.id).toBe('keepalive-misconfigured');
    expect(rule.helpUri).toBe('https://badgateway.dev/causes/keepalive-misconfigured/#fix');
    for (const res of run.results!) expect(['error', 'warning', 'note']).toContain(res.level);
  });

  it('locates log findings in the file they came from, relative to the checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'badgateway-sarif-'));
    // Real line from the lab (src/data/lab-record.json, s01).
    writeFileSync(join(dir, 'error.log'), 'hello\n2026/11/23 02:17:07 [error] 26962#26962: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: lab.test, request: "GET /api/orders?rid=s01-1 HTTP/1.1", upstream: "http://127.0.0.1:64479/api/orders?rid=s01-1", host: "127.0.0.1:64485"\n');
    const r = spawnSync(NODE, [BIN, 'analyze', 'error.log', '--format', 'sarif'], { cwd: dir, encoding: 'utf8' });
    const res = (JSON.parse(r.stdout) as Log).runs[0]!.results!.find((x) => x.ruleId === 'connection-refused')!;
    expect(res.locations![0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'error.log', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } });
  });

  it('turns paths into URIs', () => {
    expect(pathToUri('/etc/nginx/sites enabled/a.conf')).toBe('file:///etc/nginx/sites%20enabled/a.conf');
    expect(pathToUri('conf/app.conf')).toBe('conf/app.conf');
    expect(pathToUri('C:\\nginx\\conf\\nginx.conf')).toBe('file:///C:/nginx/conf/nginx.conf');
  });
});
