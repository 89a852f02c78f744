import { describe, expect, it } from 'vitest';
import { parseNginxConfig } from '../../../src/analyzer/config/parse-nginx.ts';
import { parseFpmConfig } from '../../../src/analyzer/config/parse-fpm.ts';
import { buildModel } from '../../../src/analyzer/config/model.ts';
import { CONFIG_RULES, type ConfigRule, type HostFacts } from '../../../src/analyzer/config/rules/index.ts';
import { CAUSES } from '../../../src/analyzer/cause-ids.ts';

const L = (t: string) => t.split('\n').map((text, i) => ({ line: i + 1, text }));
const rule = (id: string): ConfigRule => {
  const r = CONFIG_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
function run(id: string, nginx: string, fpm = '', host: HostFacts = { listening: [] }, tooBigHeader = 0) {
  const model = nginx ? buildModel(parseNginxConfig(L(nginx)).directives) : null;
  // The FPM text is numbered after the nginx text, as if pasted below it.
  const offset = nginx ? nginx.split('\n').length : 0;
  const f = fpm ? parseFpmConfig(fpm.split('\n').map((text, i) => ({ line: offset + i + 1, text }))) : null;
  return rule(id).check({ nginx: model, fpm: f, host, logHints: { tooBigHeader }, uwsgi: [], deploy: null, version: null });
}

const POOL_SOCK = `[www]
user = www-data
group = www-data
listen = /run/php/php8.2-fpm.sock
listen.owner = www-data
listen.group = www-data
pm = dynamic
pm.max_children = 20`;

describe('config rules', () => {
  it('there are at least 12 rules, each with a unique id and a cause', () => {
    expect(CONFIG_RULES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(CONFIG_RULES.map((r) => r.id)).size).toBe(CONFIG_RULES.length);
    for (const r of CONFIG_RULES) expect(Object.values(CAUSES)).toContain(r.cause);
  });

  it('fastcgi-socket-mismatch: socket path differs from the pool listen', () => {
    const p = run('fastcgi-socket-mismatch', 'location ~ \\.php$ {\n  fastcgi_pass unix:/run/php/php8.1-fpm.sock;\n}', POOL_SOCK);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 2, facts: { socket: '/run/php/php8.1-fpm.sock', listen: '/run/php/php8.2-fpm.sock' } });
    expect(run('fastcgi-socket-mismatch', 'location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; }', POOL_SOCK)).toEqual([]);
  });

  it('fastcgi-transport-mismatch: TCP port while the pool listens on a socket, and the reverse', () => {
    const tcp = run('fastcgi-transport-mismatch', 'location / { fastcgi_pass 127.0.0.1:9000; }', POOL_SOCK);
    expect(tcp[0]).toMatchObject({ facts: { upstream: '127.0.0.1:9000' } });
    const rev = run('fastcgi-transport-mismatch', 'location / { fastcgi_pass unix:/run/php/x.sock; }', '[www]\nlisten = 127.0.0.1:9000');
    expect(rev[0]).toMatchObject({ cause: CAUSES.socketMissing });
    expect(run('fastcgi-transport-mismatch', 'location / { fastcgi_pass localhost:9000; }', '[www]\nlisten = 9000')).toEqual([]);
  });

  it('fpm-socket-permission: nginx user cannot write to the socket', () => {
    const bad = run('fpm-socket-permission', 'user nginx;\nhttp { server { location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; } } }', POOL_SOCK);
    expect(bad[0]).toMatchObject({ facts: { user: 'nginx', owner: 'www-data', mode: '0660' } });
    expect(run('fpm-socket-permission', 'user www-data;\nhttp { server { location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; } } }', POOL_SOCK)).toEqual([]);
    expect(run('fpm-socket-permission', 'user nginx;\nhttp { server { location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; } } }', `${POOL_SOCK}\nlisten.mode = 0666`)).toEqual([]);
  });

  it('fpm-socket-permission: without a user directive uses the reference default (nobody)', () => {
    const p = run('fpm-socket-permission', 'http { server { location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; } } }', POOL_SOCK);
    expect(p[0]?.facts.user).toBe('nobody');
  });

  it('read-timeout-vs-fpm: nginx gives up before PHP, and php-fpm kills before max_execution_time', () => {
    const p = run('read-timeout-vs-fpm', 'location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; fastcgi_read_timeout 30s; }', `${POOL_SOCK}\nrequest_terminate_timeout = 120s`);
    expect(p[0]).toMatchObject({ facts: { timeout: '30s', php_limit: '120s' } });
    const d = run('read-timeout-vs-fpm', 'location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; }', `${POOL_SOCK}\nphp_admin_value[max_execution_time] = 300`);
    expect(d[0]?.facts.timeout).toBe('60s'); // default from @nginx/reference-lib
    const k = run('read-timeout-vs-fpm', 'location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; fastcgi_read_timeout 600s; }', `${POOL_SOCK}\nrequest_terminate_timeout = 10\nphp_admin_value[max_execution_time] = 30`);
    expect(k.map((x) => x.cause)).toContain(CAUSES.terminateTimeout);
    expect(run('read-timeout-vs-fpm', 'location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; fastcgi_read_timeout 300s; }', `${POOL_SOCK}\nrequest_terminate_timeout = 120s`)).toEqual([]);
  });

  it('small-buffers: tiny buffer, default buffer with "too big header" in the log, busy < buffer', () => {
    expect(run('small-buffers', 'location / { proxy_pass http://a; proxy_buffer_size 1k; }', '')[0]).toMatchObject({ facts: { directive: 'proxy_buffer_size', value: '1k' } });
    expect(run('small-buffers', 'location / { proxy_pass http://a; }', '', { listening: [] }, 3)[0]?.facts.value).toBe('4k|8k (default)');
    expect(run('small-buffers', 'location / { proxy_pass http://a; }', '')).toEqual([]);
    expect(run('small-buffers', 'location / { proxy_pass http://a; proxy_buffer_size 16k; proxy_busy_buffers_size 8k; }', '')[0]?.facts.directive).toBe('proxy_busy_buffers_size');
  });

  it('variable-proxy-pass-without-resolver', () => {
    expect(run('variable-proxy-pass-without-resolver', 'location / { set $backend_host "backend.internal"; proxy_pass http://$backend_host:8080; }', '')[0]).toMatchObject({ facts: { variable: '$backend_host' } });
    expect(run('variable-proxy-pass-without-resolver', 'resolver 127.0.0.53;\nserver { location / { proxy_pass http://$host:8080; } }', '')).toEqual([]);
    expect(run('variable-proxy-pass-without-resolver', 'upstream app { server 10.0.0.1; }\nserver { location / { set $b app; proxy_pass http://$b; } }', '')).toEqual([]);
    expect(run('variable-proxy-pass-without-resolver', 'location / { proxy_pass http://10.0.0.1$request_uri; }', '')).toEqual([]);
  });

  it('https-without-sni: TLS to a name without proxy_ssl_server_name on', () => {
    expect(run('https-without-sni', 'location / { proxy_pass https://api.example.com; }', '')[0]?.facts.proxy_ssl_server_name).toBe('off (default)');
    expect(run('https-without-sni', 'location / { proxy_pass https://api.example.com; proxy_ssl_server_name on; }', '')).toEqual([]);
    expect(run('https-without-sni', 'location / { proxy_pass https://10.0.0.1:8443; }', '')).toEqual([]);
  });

  it('keepalive-without-http11: Connection header not cleared / HTTP/1.0', () => {
    const cfg = (extra: string) => `upstream backend { server 10.0.0.1:8080; keepalive 16; }\nserver { location / { proxy_pass http://backend; ${extra} } }`;
    expect(run('keepalive-without-http11', cfg(''), '')).toHaveLength(1);
    expect(run('keepalive-without-http11', cfg('proxy_http_version 1.0; proxy_set_header Connection "";'), '')[0]?.note).toMatch(/proxy_http_version is 1\.0/);
    expect(run('keepalive-without-http11', cfg('proxy_http_version 1.1; proxy_set_header Connection "";'), '')).toEqual([]);
  });

  it('websocket-without-upgrade', () => {
    expect(run('websocket-without-upgrade', 'location /socket.io/ { proxy_pass http://app; }', '')[0]?.facts.location).toBe('/socket.io/');
    expect(run('websocket-without-upgrade', 'location /ws { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; }', '')).toEqual([]);
    expect(run('websocket-without-upgrade', 'location /api { proxy_pass http://app; }', '')).toEqual([]);
  });

  it('upstream-without-failover: single server, or defaults with no backup', () => {
    expect(run('upstream-without-failover', 'upstream one { server 10.0.0.1:80; }', '')[0]?.confidence).toBe('low');
    expect(run('upstream-without-failover', 'upstream two { server 10.0.0.1:80; server 10.0.0.2:80; }', '')[0]?.facts).toMatchObject({ max_fails: '1', fail_timeout: '10s' });
    expect(run('upstream-without-failover', 'upstream two { server 10.0.0.1:80 max_fails=3; server 10.0.0.2:80 backup; }', '')).toEqual([]);
  });

  it('worker-connections-vs-nofile: from worker_rlimit_nofile or the collector ulimit', () => {
    expect(run('worker-connections-vs-nofile', 'worker_rlimit_nofile 1024;\nevents { worker_connections 4096; }', '')[0]?.facts).toEqual({ worker_connections: '4096', nofile: '1024' });
    expect(run('worker-connections-vs-nofile', 'events { }', '', { listening: [], nofile: { value: 512, line: 9 } })[0]?.facts.worker_connections).toBe('512');
    expect(run('worker-connections-vs-nofile', 'worker_rlimit_nofile 65535;\nevents { worker_connections 4096; }', '')).toEqual([]);
  });

  it('proxy-pass-localhost', () => {
    expect(run('proxy-pass-localhost', 'location / { proxy_pass http://localhost:3000; }', '')).toHaveLength(1);
    expect(run('proxy-pass-localhost', 'upstream a { server localhost:3000; }', '')).toHaveLength(1);
    expect(run('proxy-pass-localhost', 'location / { proxy_pass http://127.0.0.1:3000; }', '')).toEqual([]);
  });

  it('ssl-verify-without-trusted-certificate', () => {
    expect(run('ssl-verify-without-trusted-certificate', 'location / { proxy_pass https://b; proxy_ssl_verify on; }', '')[0]?.line).toBe(1);
    expect(run('ssl-verify-without-trusted-certificate', 'location / { proxy_pass https://b; proxy_ssl_verify on; proxy_ssl_trusted_certificate /etc/ssl/ca.pem; }', '')).toEqual([]);
  });

  it('fpm-max-children-low and fpm-listen-backlog-small', () => {
    expect(run('fpm-max-children-low', '', '[www]\npm.max_children = 5')[0]?.facts).toEqual({ pool: 'www', max_children: '5' });
    expect(run('fpm-max-children-low', '', '[www]\npm.max_children = 50')).toEqual([]);
    expect(run('fpm-listen-backlog-small', '', '[tinyq]\nlisten.backlog = 1')[0]?.facts).toEqual({ pool: 'tinyq', backlog: '1' });
    expect(run('fpm-listen-backlog-small', '', '[www]\nlisten.backlog = 511')).toEqual([]);
  });

  it('proxy-pass-to-php-fpm: HTTP to a FastCGI socket', () => {
    expect(run('proxy-pass-to-php-fpm', 'location / { proxy_pass http://unix:/run/php/php8.2-fpm.sock:/; }', POOL_SOCK)[0]).toMatchObject({ confidence: 'high', facts: { pool: 'www' } });
    expect(run('proxy-pass-to-php-fpm', 'location / { proxy_pass http://127.0.0.1:8080; }', POOL_SOCK)).toEqual([]);
  });
});
