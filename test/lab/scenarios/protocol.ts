/** The upstream accepts but then misbehaves: slow, silent, closing, resetting, speaking the wrong protocol. */
import { http } from '../upstreams/http.ts';
import { tcp } from '../upstreams/tcp.ts';
import type { Ctx, Scenario } from './types.ts';

const proxy = (name: string, extra = '') => (c: Ctx): string => `location / {
    proxy_pass http://${c.addr(name)};${extra ? `\n    ${extra.trim().split('\n').join('\n    ')}` : ''}
}`;

const RESET = /\[error\] .*recv\(\) failed \(104: Connection reset by peer\) while reading response header from upstream/;

export const protocol: Scenario[] = [
  {
    id: 's08_proxy_upstream_too_big_header',
    title: 'upstream sends a header bigger than proxy_buffer_size',
    cause: 'upstream-sent-too-big-header',
    trigger: 'HTTP upstream sets a 16 KB Set-Cookie; proxy_buffer_size default (4k)',
    upstreams: { app: http({ bigHeaderBytes: 16000 }) },
    server: proxy('app'),
    requests: [{ path: '/login', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*upstream sent too big header while reading response header from upstream/] },
  },
  {
    id: 's10a_proxy_read_timeout',
    title: 'upstream slower than proxy_read_timeout',
    cause: 'upstream-timed-out',
    trigger: 'HTTP upstream answers after 4 s; proxy_read_timeout 1s',
    upstreams: { app: http({ delayMs: 4000 }) },
    server: proxy('app', 'proxy_read_timeout 1s;'),
    requests: [{ path: '/api/report', count: 2 }],
    expect: { status: 504, logs: [/\[error\] .*upstream timed out \(110: Connection timed out\) while reading response header from upstream/] },
  },
  {
    id: 's10c_proxy_send_timeout',
    title: 'upstream stops reading the request body: send timeout',
    cause: 'upstream-send-timeout',
    trigger: 'POST 32 MiB to an upstream that accept()s but never reads; proxy_send_timeout 1s',
    upstreams: { app: tcp('never-read') },
    server: proxy('app', 'client_max_body_size 64m;\nproxy_send_timeout 1s;\nproxy_read_timeout 1s;'),
    requests: [{ path: '/upload', count: 1, method: 'POST', bodyBytes: 32 * 1024 * 1024, maxTime: 20 }],
    expect: { status: 504, logs: [/\[error\] .*upstream timed out \(110: Connection timed out\) while sending request to upstream/] },
  },
  {
    id: 's12a_upstream_close_without_reading',
    title: 'upstream closes the connection without reading the request',
    cause: 'connection-reset-by-peer',
    trigger: 'accept(); 150 ms; close() with the request unread (the kernel turns it into a reset)',
    upstreams: { app: tcp('close-unread') },
    server: proxy('app'),
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [RESET] },
  },
  {
    id: 's12b_upstream_close_after_reading',
    title: 'upstream reads the request and closes without answering',
    cause: 'upstream-prematurely-closed',
    trigger: 'read the request, then close() (FIN, nothing sent)',
    upstreams: { app: tcp('close-after-read') },
    server: proxy('app'),
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*upstream prematurely closed connection while reading response header from upstream/] },
  },
  {
    id: 's13_upstream_not_http',
    title: 'upstream speaks another protocol (an SSH banner)',
    cause: 'upstream-not-http',
    trigger: 'proxy_pass to a server that answers the request with an SSH banner and closes',
    upstreams: { app: tcp('ssh-banner') },
    server: proxy('app'),
    requests: [{ path: '/', count: 3 }],
    expect: { status: 9, from: 'access', logs: [/\[error\] .*upstream sent no valid HTTP\/1\.0 header while reading response header from upstream/] },
  },
  {
    id: 's17a_upstream_reset_mid_headers',
    title: 'upstream resets the connection in the middle of the headers',
    cause: 'connection-reset-by-peer',
    trigger: 'half a status/header line, then close() with SO_LINGER {1,0} (RST)',
    upstreams: { app: tcp('reset-mid-headers') },
    server: proxy('app'),
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [RESET] },
  },
  {
    id: 's17b_upstream_reset_on_accept',
    title: 'upstream resets the connection right after accept()',
    cause: 'connection-reset-by-peer',
    trigger: 'accept(); close() with SO_LINGER {1,0} (RST)',
    upstreams: { app: tcp('reset-on-accept') },
    server: proxy('app'),
    requests: [{ path: '/api/orders', count: 3 }],
    // Whether nginx sees the RST at connect() or at the first recv() is a race: both are real.
    expect: { status: 502, logs: [/\[error\] .*(connect|recv|send|writev)\(\) failed \((104: Connection reset by peer|32: Broken pipe)\)/] },
  },
  {
    id: 's19a_upstream_invalid_chunked',
    title: 'upstream sends an invalid chunked body',
    cause: 'upstream-invalid-chunked',
    trigger: "Transfer-Encoding: chunked with a second chunk size 'ZZ-not-hex'",
    upstreams: { app: tcp('invalid-chunked') },
    server: proxy('app'),
    requests: [{ path: '/api/export', count: 3 }],
    expect: { status: 0, logs: [/\[error\] .*upstream sent invalid chunked response while reading upstream/] },
  },
  {
    id: 's19b_upstream_invalid_chunked_unbuffered',
    title: 'invalid chunked body with proxy_buffering off and HTTP/1.1',
    cause: 'upstream-invalid-chunked',
    trigger: 'same upstream, proxy_buffering off, proxy_http_version 1.1',
    upstreams: { app: tcp('invalid-chunked') },
    server: proxy('app', 'proxy_buffering off;\nproxy_http_version 1.1;'),
    requests: [{ path: '/api/export', count: 3 }],
    expect: { status: 0, logs: [/\[error\] .*upstream sent invalid chunked response while reading (response header from )?upstream/] },
  },
  {
    id: 's20c_keepalive_stale_connection',
    title: 'stale keep-alive connection: the upstream closes it on reuse',
    cause: 'upstream-prematurely-closed',
    accept: ['keepalive-misconfigured', 'retry-hid-failing-peer'],
    top: false,
    trigger: 'upstream{} keepalive 8, proxy_http_version 1.1; the upstream says keep-alive but closes each connection on its 2nd request; 3 sequential requests',
    upstreams: { app: tcp('stale-keepalive') },
    http: (c) => `upstream keep_pool {
    server ${c.addr('app')};
    keepalive 8;
}`,
    server: () => `location / {
    proxy_pass http://keep_pool;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
}`,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 200, logs: [/\[error\] .*upstream prematurely closed connection while reading response header from upstream/, /upstream_status="502, 200"/] },
  },
  {
    id: 's22a_upstream_returns_502',
    title: 'the upstream itself answers 502',
    cause: 'upstream-returned-502',
    trigger: 'HTTP upstream answers every request with its own 502 page',
    upstreams: { app: http({ status: 502 }) },
    server: proxy('app'),
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [/" 502 \d+ .*upstream_status="502"/] },
  },
  {
    id: 's22b_upstream_returns_504',
    title: 'the upstream itself answers 504',
    cause: 'upstream-returned-502',
    trigger: 'HTTP upstream answers every request with its own 504 page',
    upstreams: { app: http({ status: 504 }) },
    server: proxy('app'),
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 504, logs: [/" 504 \d+ .*upstream_status="504"/] },
  },
  {
    id: 's22c_fastcgi_pass_to_http_server',
    title: 'fastcgi_pass to an HTTP server',
    cause: 'fastcgi-pass-to-http',
    trigger: 'fastcgi_pass 127.0.0.1:PORT where an HTTP/1.1 server (node:http) listens',
    upstreams: { app: http() },
    server: (c) => `location ~ \\.php$ {
    include fastcgi_params;
    fastcgi_pass ${c.addr('app')};
}`,
    requests: [{ path: '/index.php', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*upstream sent unsupported FastCGI protocol version: \d+ while reading response header from upstream/] },
  },
  {
    id: 's22d_proxy_pass_to_fastcgi_socket',
    title: 'proxy_pass (HTTP) to a php-fpm socket',
    cause: 'fastcgi-pass-to-http',
    accept: ['connection-reset-by-peer', 'upstream-prematurely-closed'],
    top: false,
    trigger: 'proxy_pass http://unix:/srv/lab/run/s22d-www.sock:/ to a php-fpm pool',
    pools: { www: {} },
    server: (c) => `location / { proxy_pass http://${c.fpm('www')}:/; }`,
    requests: [{ path: '/index.php', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*(recv\(\) failed \(104: Connection reset by peer\)|upstream prematurely closed connection) while reading response header from upstream.*upstream: "http:\/\/unix:/] },
  },
  {
    id: 's22f_uwsgi_pass_to_http_server',
    title: 'uwsgi_pass to an HTTP server',
    cause: 'uwsgi-protocol-mismatch',
    accept: ['upstream-sent-invalid-header'],
    trigger: 'uwsgi_pass 127.0.0.1:PORT where an HTTP server answers the uwsgi packet with a bare HTML error page (as Python\'s http.server does)',
    upstreams: { app: tcp('http09-error') },
    server: (c) => `location / {
    uwsgi_pass ${c.addr('app')};
}`,
    requests: [{ path: '/app', count: 2 }],
    expect: { status: 502, logs: [/\[error\] .*upstream (sent invalid header|prematurely closed connection|sent invalid status)/] },
  },
  {
    id: 's22h_grpc_pass_to_http1_server',
    title: 'grpc_pass to an HTTP/1.1 server',
    cause: 'grpc-to-http1-backend',
    trigger: 'grpc_pass grpc://127.0.0.1:PORT where an HTTP/1.1 server (node:http) listens',
    upstreams: { app: http() },
    server: (c) => `location / { grpc_pass grpc://${c.addr('app')}; }`,
    requests: [{ path: '/helloworld.Greeter/SayHello', count: 2 }],
    expect: { status: 502, logs: [/\[error\] .*upstream sent too large http2 frame: \d+ while reading response header from upstream/] },
  },
  {
    id: 's22o_upstream_invalid_header',
    title: 'upstream sends a header with a bare CR',
    cause: 'upstream-sent-invalid-header',
    trigger: 'response header "X-Broken: a<CR>b"',
    upstreams: { app: tcp('invalid-header') },
    server: proxy('app'),
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*upstream sent invalid header: "X-Broken: a\\x0d\.\.\." while reading response header from upstream/] },
  },
  {
    id: 's22p_upstream_truncated_body',
    title: 'upstream closes in the middle of the body: 200 with a cut body',
    cause: 'response-truncated-mid-body',
    trigger: 'Content-Length: 10000, 100 bytes sent, close()',
    upstreams: { app: tcp('truncated-body') },
    server: proxy('app'),
    requests: [{ path: '/api/export', count: 3 }],
    expect: { status: 200, logs: [/\[error\] .*upstream prematurely closed connection while reading upstream/] },
  },
];

protocol.push({
  id: 's22q_upstream_timeout_mid_body',
  title: 'upstream stalls in the middle of the body: 200 with a cut body after proxy_read_timeout',
  cause: 'response-truncated-mid-body',
  accept: ['upstream-timed-out'],
  trigger: 'Content-Length: 10000, 100 bytes sent, then silence; proxy_read_timeout 1s',
  upstreams: { app: tcp('stall-mid-body') },
  server: proxy('app', 'proxy_read_timeout 1s;'),
  requests: [{ path: '/api/export', count: 2 }],
  expect: { status: 200, logs: [/\[error\] .*upstream timed out \(110: Connection timed out\) while reading upstream/] },
});
