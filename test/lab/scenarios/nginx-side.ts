/**
 * Failures inside nginx's own request handling that people paste beside their
 * 502s: body limits, auth_request subrequests, temp files, PROXY protocol.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { http } from '../upstreams/http.ts';
import { IS_ROOT, WORKER_USER } from '../harness/users.ts';
import type { Scenario } from './types.ts';

const MIB = 1024 * 1024;

export const nginxSide: Scenario[] = [
  {
    id: 's24a_client_body_too_large',
    title: 'request body larger than client_max_body_size',
    cause: 'client-body-too-large',
    trigger: 'POST 2 MiB to a location with the default client_max_body_size (1m)',
    upstreams: { app: http() },
    server: (c) => `location / { proxy_pass http://${c.addr('app')}; }`,
    requests: [{ path: '/upload', count: 2, method: 'POST', bodyBytes: 2 * MIB }],
    expect: { status: 413, logs: [/\[error\] .*client intended to send too large body: 2097152 bytes/] },
  },
  {
    id: 's24b_auth_request_service_down',
    title: 'auth_request to an auth service that is down',
    cause: 'auth-request-unexpected-status',
    // The refused connect to the auth service is a real finding of its own (critical), so it may rank first.
    top: false,
    trigger: 'auth_request /auth; the /auth location proxies to a port nothing listens on (its 502 becomes the client\'s 500)',
    upstreams: { app: http() },
    ports: ['auth'],
    server: (c) => `location / {
    auth_request /auth;
    proxy_pass http://${c.addr('app')};
}
location = /auth {
    internal;
    proxy_pass http://${c.addr('auth')}/verify;
    proxy_pass_request_body off;
    proxy_set_header Content-Length "";
}`,
    requests: [{ path: '/dashboard', count: 2 }],
    expect: { status: 500, logs: [/\[error\] .*auth request unexpected status: 502/, /\[error\] .*connect\(\) failed \(111: Connection refused\) while connecting to upstream/] },
  },
  {
    id: 's24c_auth_request_body_limit',
    title: "an upload passes the main location's body limit but not the auth location's",
    cause: 'auth-request-unexpected-status',
    accept: ['client-body-too-large'],
    trigger: 'POST 2 MiB; the main location has client_max_body_size 10m, the auth_request location keeps the default 1m',
    upstreams: { app: http(), auth: http() },
    server: (c) => `location / {
    client_max_body_size 10m;
    auth_request /auth;
    proxy_pass http://${c.addr('app')};
}
location = /auth {
    internal;
    proxy_pass http://${c.addr('auth')}/verify;
    proxy_pass_request_body off;
    proxy_set_header Content-Length "";
}`,
    requests: [{ path: '/upload', count: 2, method: 'POST', bodyBytes: 2 * MIB }],
    expect: { status: 500, logs: [/\[error\] .*auth request unexpected status: 413/] },
  },
  {
    id: 's24d_proxy_temp_permission_denied',
    title: 'nginx workers cannot write the proxy temp file: a 200 with a cut body',
    cause: 'proxy-temp-file-permission-denied',
    trigger: `2 MiB response, proxy_buffers 4 8k, limit_rate 4m (so the response must go to disk); proxy_temp_path inside a root-owned 0700 directory the ${WORKER_USER} workers cannot enter`,
    upstreams: { app: http({ bodyBytes: 2 * MIB }) },
    prepare: (c) => {
      if (!IS_ROOT) throw new Error(`needs root: the workers must run as ${WORKER_USER} while the directory belongs to root`);
      mkdirSync(join(c.dir, 'locked'), { mode: 0o700 });
    },
    server: (c) => `location / {
    proxy_buffers 4 8k;
    limit_rate 4m;
    proxy_temp_path ${join(c.dir, 'locked', 'proxy')};
    proxy_pass http://${c.addr('app')};
}`,
    requests: [{ path: '/export.csv', count: 2 }],
    expect: { status: 200, logs: [/\[crit\] .*open\(\) "[^"]+" failed \(13: Permission denied\) while reading upstream/] },
  },
  {
    id: 's24e_proxy_protocol_expected_not_sent',
    title: 'a listener expects the PROXY protocol; the proxy in front does not send it',
    cause: 'proxy-protocol-mismatch',
    trigger: "a second server with 'listen … proxy_protocol'; the first proxies plain HTTP to it, as a load balancer without PROXY protocol would",
    ports: ['edge'],
    http: (c) => `server {
    listen 127.0.0.1:${c.port('edge')} proxy_protocol;
    server_name edge.test;
    location / { return 200 "ok\\n"; }
}`,
    server: (c) => `location / { proxy_pass http://${c.addr('edge')}; }`,
    requests: [{ path: '/', count: 2 }],
    // The quoted header keeps the request's line breaks, so the message spans several log lines.
    expect: { status: 502, logs: [/\[error\] .*broken header: "GET \//, /while reading PROXY protocol, client: 127\.0\.0\.1, server: 127\.0\.0\.1:\d+/] },
  },
];
