/** TLS between nginx and the upstream: plain vs TLS mix-ups, verification, protocol versions. */
import { http } from '../upstreams/http.ts';
import { tls } from '../upstreams/tls.ts';
import type { Scenario } from './types.ts';

const HANDSHAKE = 'while SSL handshaking to upstream';

export const tlsScenarios: Scenario[] = [
  {
    id: 's14b_proxy_http_to_tls_port',
    title: 'proxy_pass http:// to a TLS-only port',
    cause: 'upstream-not-http',
    accept: ['connection-reset-by-peer', 'upstream-prematurely-closed'],
    top: false,
    trigger: 'proxy_pass http://127.0.0.1:PORT where a TLS server (node:tls) listens',
    upstreams: { app: tls() },
    server: (c) => `location / { proxy_pass http://${c.addr('app')}; }`,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*while reading response header from upstream/] },
  },
  {
    id: 's14c_proxy_https_to_plain_http',
    title: 'proxy_pass https:// to a plain HTTP port',
    cause: 'ssl-wrong-version-number',
    trigger: 'proxy_pass https://127.0.0.1:PORT where a plain HTTP server (node:http) listens',
    upstreams: { app: http() },
    server: (c) => `location / { proxy_pass https://${c.addr('app')}; }`,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [new RegExp(`\\[error\\] .*SSL_do_handshake\\(\\) failed \\(SSL: error:0A00010B:SSL routines::wrong version number\\) ${HANDSHAKE}`)] },
  },
  {
    id: 's14d_proxy_ssl_verify_self_signed',
    title: 'proxy_ssl_verify on, upstream certificate is self-signed',
    cause: 'ssl-certificate-verify-failed',
    trigger: 'proxy_ssl_verify on, proxy_ssl_trusted_certificate = an unrelated CA; upstream presents a self-signed certificate',
    upstreams: { app: tls() },
    server: (c) => `location / {
    proxy_pass https://${c.addr('app')};
    proxy_ssl_verify on;
    proxy_ssl_name backend.lab.internal;
    proxy_ssl_trusted_certificate ${c.certs.otherCa};
}`,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [new RegExp(`\\[error\\] .*upstream SSL certificate verify error: \\(18:self-signed certificate\\) ${HANDSHAKE}`)] },
  },
  {
    id: 's14e_proxy_ssl_name_mismatch',
    title: 'upstream certificate does not match proxy_ssl_name',
    cause: 'ssl-certificate-verify-failed',
    trigger: 'proxy_ssl_verify on, certificate trusted but issued for backend.lab.internal; proxy_ssl_name api.example.internal',
    upstreams: { app: tls() },
    server: (c) => `location / {
    proxy_pass https://${c.addr('app')};
    proxy_ssl_verify on;
    proxy_ssl_name api.example.internal;
    proxy_ssl_trusted_certificate ${c.certs.cert};
}`,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [new RegExp(`\\[error\\] .*upstream SSL certificate does not match "api\\.example\\.internal" ${HANDSHAKE}`)] },
  },
  {
    id: 's14f_proxy_ssl_protocol_mismatch',
    title: 'no TLS version in common (nginx TLSv1.2 only, upstream TLSv1.3 only)',
    cause: 'ssl-protocol-mismatch',
    trigger: 'proxy_ssl_protocols TLSv1.2; upstream (node:tls) minVersion TLSv1.3',
    upstreams: { app: tls({ minVersion: 'TLSv1.3' }) },
    server: (c) => `location / {
    proxy_pass https://${c.addr('app')};
    proxy_ssl_protocols TLSv1.2;
}`,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [new RegExp(`\\[error\\] .*SSL_do_handshake\\(\\) failed \\(SSL: error:\\w+:SSL routines::tlsv1 alert protocol version:SSL alert number 70\\) ${HANDSHAKE}`)] },
  },
];
