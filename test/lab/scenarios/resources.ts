/** nginx's own limits and the client side: worker_connections, the client giving up (499). */
import { http } from '../upstreams/http.ts';
import type { Scenario } from './types.ts';

export const resources: Scenario[] = [
  {
    id: 's18_client_closed_request_499',
    title: 'the client gives up before the upstream answers (499)',
    cause: 'client-closed-request',
    trigger: 'curl --max-time 1 against an upstream that answers after 3 s',
    upstreams: { app: http({ delayMs: 3000 }) },
    server: (c) => `location / { proxy_pass http://${c.addr('app')}; }`,
    requests: [{ path: '/api/slow', count: 2, maxTime: 1 }],
    expect: { status: 499, from: 'access', logs: [/" 499 0 /] },
  },
  {
    id: 's21_worker_connections_not_enough',
    title: 'worker_connections too low for the traffic',
    cause: 'worker-connections-not-enough',
    top: false,
    trigger: 'worker_connections 4; 8 concurrent requests to an upstream that answers after 1.5 s',
    upstreams: { app: http({ delayMs: 1500 }) },
    workerConnections: 4,
    server: (c) => `location / { proxy_pass http://${c.addr('app')}; }`,
    requests: [{ path: '/api/slow', count: 8, parallel: true, maxTime: 5 }],
    expect: { status: 0, match: 'some', logs: [/worker_connections are not enough/] },
  },
];
