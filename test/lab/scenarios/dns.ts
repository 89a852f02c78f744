/** Name resolution: no resolver, a resolver that is down, silent, NXDOMAIN, SERVFAIL; and the config-time failure. */
import { dns } from '../upstreams/dns.ts';
import type { Ctx, Scenario } from './types.ts';

const byName = (c: Ctx): string => `location / {
    set $backend_host "backend.internal";
    proxy_pass http://$backend_host:${c.port('app')};
}`;

const resolverAt = (name: string) => (c: Ctx): string => `resolver ${c.addr(name)} ipv6=off valid=1s;
resolver_timeout 1s;`;

export const dnsScenarios: Scenario[] = [
  {
    id: 's16a_no_resolver_defined',
    title: 'proxy_pass with a variable host name and no resolver',
    cause: 'resolver-not-defined',
    trigger: 'set $backend_host "backend.internal"; proxy_pass http://$backend_host:PORT; no resolver directive',
    ports: ['app'],
    server: byName,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*no resolver defined to resolve backend\.internal/] },
  },
  {
    id: 's16b_resolver_closed_port',
    title: 'resolver points at a closed port',
    cause: 'resolver-could-not-resolve',
    trigger: 'resolver 127.0.0.1:PORT (nothing listening on UDP); resolver_timeout 1s',
    ports: ['app', 'dns'],
    http: resolverAt('dns'),
    server: byName,
    requests: [{ path: '/api/orders', count: 2 }],
    expect: { status: 502, logs: [/\[error\] .*backend\.internal could not be resolved \(110: Operation timed out\)/] },
  },
  {
    id: 's16c_resolver_no_answer',
    title: 'resolver never answers',
    cause: 'resolver-could-not-resolve',
    trigger: 'resolver 127.0.0.1:PORT, a UDP responder that drops every query; resolver_timeout 1s',
    ports: ['app'],
    upstreams: { dns: dns('drop') },
    http: resolverAt('dns'),
    server: byName,
    requests: [{ path: '/api/orders', count: 2 }],
    expect: { status: 502, logs: [/\[error\] .*backend\.internal could not be resolved \(110: Operation timed out\)/] },
  },
  {
    id: 's16d_resolver_nxdomain',
    title: 'resolver answers NXDOMAIN',
    cause: 'resolver-could-not-resolve',
    trigger: 'resolver 127.0.0.1:PORT answering rcode 3 (NXDOMAIN)',
    ports: ['app'],
    upstreams: { dns: dns('nxdomain') },
    http: resolverAt('dns'),
    server: byName,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*backend\.internal could not be resolved \(3: Host not found\)/] },
  },
  {
    id: 's16e_resolver_servfail',
    title: 'resolver answers SERVFAIL',
    cause: 'resolver-could-not-resolve',
    trigger: 'resolver 127.0.0.1:PORT answering rcode 2 (SERVFAIL)',
    ports: ['app'],
    upstreams: { dns: dns('servfail') },
    http: resolverAt('dns'),
    server: byName,
    requests: [{ path: '/api/orders', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*backend\.internal could not be resolved \(2: Server failure\)/] },
  },
  {
    id: 's16f_config_host_not_found',
    title: 'nginx -t: host not found in upstream',
    cause: 'host-not-found-in-upstream',
    trigger: 'proxy_pass http://backend.internal:8080; nginx -t with no DNS server reachable (as at boot before the network is up); then the port is requested',
    configTest: true,
    server: () => `location / { proxy_pass http://backend.internal:8080; }`,
    requests: [{ path: '/api/orders', count: 1, maxTime: 3 }],
    expect: { status: 0, logs: [/\[emerg\] .*host not found in upstream "backend\.internal(:8080)?" in \S+nginx\.conf:\d+/] },
  },
];
