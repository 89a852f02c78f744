/** Connecting to the upstream fails: refused, missing or forbidden sockets, dropped SYNs, dead pool members. */
import { http } from '../upstreams/http.ts';
import { blackhole } from '../upstreams/blackhole.ts';
import { staleSocket } from '../upstreams/stale-socket.ts';
import type { Scenario } from './types.ts';

const REFUSED = /\[error\] .*connect\(\) failed \(111: Connection refused\) while connecting to upstream/;

export const connect: Scenario[] = [
  {
    id: 's01_proxy_connect_refused',
    title: 'proxy_pass to a port nothing listens on',
    cause: 'connection-refused',
    trigger: 'proxy_pass http://127.0.0.1:PORT with nothing listening on PORT',
    ports: ['dead'],
    server: (c) => `location / { proxy_pass http://${c.addr('dead')}; }`,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [REFUSED] },
  },
  {
    id: 's01b_proxy_connect_refused_ipv6',
    title: 'proxy_pass to [::1] while the backend listens on 127.0.0.1 only',
    cause: 'localhost-resolves-to-ipv6',
    accept: ['connection-refused'],
    trigger: 'backend bound to 127.0.0.1:PORT only; proxy_pass http://[::1]:PORT (what "localhost" becomes when it resolves to ::1 first)',
    upstreams: { app: http() },
    server: (c) => `location / { proxy_pass http://[::1]:${c.port('app')}; }`,
    requests: [{ path: '/api/orders', count: 2 }],
    expect: { status: 502, logs: [/connect\(\) failed \(111: Connection refused\) while connecting to upstream.*upstream: "http:\/\/\[::1\]:/] },
  },
  {
    id: 's02_fastcgi_socket_missing',
    title: 'fastcgi_pass to a unix socket that does not exist',
    cause: 'php-fpm-socket-missing',
    trigger: 'fastcgi_pass unix:/srv/lab/run/s02-php.sock; no php-fpm pool creates it',
    server: (c) => `location ~ \\.php$ {
    include fastcgi_params;
    fastcgi_pass unix:${c.sock('php')};
}`,
    requests: [{ path: '/index.php', count: 3 }],
    expect: { status: 502, logs: [/\[crit\] .*connect\(\) to unix:\S+ failed \(2: No such file or directory\) while connecting to upstream/] },
  },
  {
    id: 's03_fastcgi_socket_permission_denied',
    title: 'php-fpm socket owned by another user',
    cause: 'php-fpm-socket-permission-denied',
    trigger: 'pool socket nobody:nogroup 0660, nginx workers run as www-data',
    pools: { perm: { foreignSocket: true } },
    server: (c) => `location ~ \\.php$ {
    include fastcgi_params;
    fastcgi_pass ${c.fpm('perm')};
}`,
    requests: [{ path: '/index.php', count: 3 }],
    expect: { status: 502, logs: [/\[crit\] .*connect\(\) to unix:\S+ failed \(13: Permission denied\) while connecting to upstream/] },
  },
  {
    id: 's11_proxy_connect_timeout',
    title: 'upstream drops the SYN: connect timeout',
    cause: 'upstream-connect-timeout',
    trigger: 'listener with a full accept queue that never accept()s (SYNs dropped); proxy_connect_timeout 1s',
    upstreams: { app: blackhole() },
    server: (c) => `location / {
    proxy_pass http://${c.addr('app')};
    proxy_connect_timeout 1s;
    proxy_read_timeout 1s;
}`,
    requests: [{ path: '/api/orders', count: 2 }],
    expect: { status: 504, logs: [/\[error\] .*upstream timed out \(110: Connection timed out\) while connecting to upstream/] },
  },
  {
    id: 's15_no_live_upstreams',
    title: 'every server of an upstream{} group is down',
    cause: 'no-live-upstreams',
    accept: ['connection-refused'],
    top: false,
    trigger: 'upstream{} with two servers on closed ports, max_fails=1 fail_timeout=30s; 3 requests',
    ports: ['a', 'b'],
    http: (c) => `upstream dead_pool {
    server ${c.addr('a')} max_fails=1 fail_timeout=30s;
    server ${c.addr('b')} max_fails=1 fail_timeout=30s;
}`,
    server: () => `location / { proxy_pass http://dead_pool; }`,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*no live upstreams while connecting to upstream/, /\[warn\] .*upstream server temporarily disabled/] },
  },
  {
    id: 's22i_fastcgi_stale_socket',
    title: 'fastcgi_pass to a stale unix socket (backend gone, file left)',
    cause: 'unix-socket-connection-refused',
    trigger: 'a socket file whose listener was closed; fastcgi_pass unix:… to it',
    upstreams: { php: staleSocket() },
    server: (c) => `location ~ \\.php$ {
    include fastcgi_params;
    fastcgi_pass ${c.addr('php')};
}`,
    requests: [{ path: '/index.php', count: 2 }],
    expect: { status: 502, logs: [/connect\(\) to unix:\S+ failed \(111: Connection refused\) while connecting to upstream/] },
  },
  {
    id: 's22s_one_dead_server_in_pool',
    title: 'one dead server in a pool: the retry hides it',
    cause: 'retry-hid-failing-peer',
    accept: ['connection-refused'],
    top: false,
    trigger: 'upstream{} with a closed port and a healthy server; 4 requests',
    ports: ['dead'],
    upstreams: { app: http() },
    http: (c) => `upstream app_pool {
    server ${c.addr('dead')};
    server ${c.addr('app')};
}`,
    server: () => `location / { proxy_pass http://app_pool; }`,
    requests: [{ path: '/api/orders', count: 4 }],
    expect: { status: 200, logs: [REFUSED, /upstream_status="502, 200"/] },
  },
  {
    id: 's22t_fastcgi_tcp_connect_refused',
    title: 'fastcgi_pass to a TCP port nothing listens on',
    cause: 'connection-refused',
    trigger: 'fastcgi_pass 127.0.0.1:PORT with no php-fpm listening',
    ports: ['php'],
    server: (c) => `location ~ \\.php$ {
    include fastcgi_params;
    fastcgi_pass ${c.addr('php')};
}`,
    requests: [{ path: '/index.php', count: 2 }],
    expect: { status: 502, logs: [/connect\(\) failed \(111: Connection refused\) while connecting to upstream.*upstream: "fastcgi:\/\//] },
  },
];

connect.push(
  {
    id: 's22e_uwsgi_pass_connect_refused',
    title: 'uwsgi_pass to a port nothing listens on',
    cause: 'connection-refused',
    trigger: 'uwsgi_pass 127.0.0.1:PORT with no uWSGI listening',
    ports: ['app'],
    server: (c) => `location / { uwsgi_pass ${c.addr('app')}; }`,
    requests: [{ path: '/app', count: 2 }],
    expect: { status: 502, logs: [/connect\(\) failed \(111: Connection refused\) while connecting to upstream.*upstream: "uwsgi:\/\//] },
  },
  {
    id: 's22g_scgi_pass_connect_refused',
    title: 'scgi_pass to a port nothing listens on',
    cause: 'connection-refused',
    trigger: 'scgi_pass 127.0.0.1:PORT with nothing listening',
    ports: ['app'],
    server: (c) => `location / { scgi_pass ${c.addr('app')}; }`,
    requests: [{ path: '/app', count: 2 }],
    expect: { status: 502, logs: [/connect\(\) failed \(111: Connection refused\) while connecting to upstream.*upstream: "scgi:\/\//] },
  },
);
