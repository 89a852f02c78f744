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
  title: `worker_connections below ${LOW}, or upstream keepalive pools holding half of it`,
  check({ nginx }) {
    if (!nginx) return [];
    const d = mainDirective(nginx, 'worker_connections');
    const n = Number(d?.args[0]);
    if (!d || !Number.isFinite(n)) return [];
    // Idle connections an upstream keeps per worker occupy worker_connections slots too.
    const pools = [...nginx.upstreams.values()].flatMap((g) => {
      const ka = g.directive.block?.find((x) => x.name === 'keepalive');
      const k = Number(ka?.args[0]);
      return ka && Number.isFinite(k) ? [{ g, ka, k }] : [];
    });
    const held = pools.reduce((a, p) => a + p.k, 0);
    if (n >= LOW && held * 2 >= n) {
      const first = pools[0]!;
      return [
        {
          line: first.ka.line,
          directive: 'keepalive',
          facts: { value: String(n), keepalive: String(held) },
          note: `upstream keepalive keeps up to ${held} idle connection(s) per worker (${pools.map((p) => `${p.g.name}: ${p.k}`).join(', ')}), at least half of worker_connections ${n} (input line ${d.line}): the idle cache crowds out client connections and nginx logs "worker_connections are not enough" (500/502). Keep keepalive a small fraction of worker_connections (e.g. 16–64).`,
          confidence: 'medium',
        },
      ];
    }
    if (n >= LOW) return [];
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
