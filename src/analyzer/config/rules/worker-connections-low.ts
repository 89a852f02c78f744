/**
 * A very small worker_connections: each proxied request holds two
 * connections (client and upstream), so a few dozen concurrent requests
 * exhaust a worker ("worker_connections are not enough", 500/502).
 */
import { CAUSES } from '../../cause-ids.ts';
import { mainDirective } from '../model.ts';
import type { ConfigRule } from './types.ts';

/** Below this, ordinary traffic runs out of slots (the reference default is 512, Debian ships 768). */
const LOW = 128;

export const workerConnectionsLow: ConfigRule = {
  id: 'worker-connections-low',
  cause: CAUSES.workerConnections,
  title: `worker_connections below ${LOW}`,
  check({ nginx }) {
    if (!nginx) return [];
    const d = mainDirective(nginx, 'worker_connections');
    const n = Number(d?.args[0]);
    if (!d || !Number.isFinite(n) || n >= LOW) return [];
    return [
      {
        line: d.line,
        directive: 'worker_connections',
        facts: { value: String(n) },
        note: `worker_connections ${n} gives each worker ${n} connections; a proxied request holds two (client and upstream), so about ${Math.floor(n / 2)} concurrent requests per worker exhaust it: nginx logs "worker_connections are not enough" and answers 500/502. The reference default is 512.`,
        confidence: 'medium',
      },
    ];
  },
};
