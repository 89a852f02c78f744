/** worker_connections needs about two descriptors per proxied request; the open-file limit must allow it. */
import { CAUSES } from '../../cause-ids.ts';
import { defaultOf } from '../defaults.ts';
import { mainDirective } from '../model.ts';
import type { ConfigRule } from './types.ts';

export const workerConnectionsNofile: ConfigRule = {
  id: 'worker-connections-vs-nofile',
  cause: CAUSES.tooManyOpenFiles,
  title: 'worker_connections above what worker_rlimit_nofile / ulimit -n allows',
  check({ nginx, host }) {
    if (!nginx) return [];
    const wcDirective = mainDirective(nginx, 'worker_connections');
    const hasEvents = nginx.main.directives.some((d) => d.name === 'events');
    if (!wcDirective && !hasEvents) return [];
    const wc = Number(wcDirective?.args[0] ?? defaultOf('worker_connections'));
    const rl = mainDirective(nginx, 'worker_rlimit_nofile');
    const limit = rl ? Number(rl.args[0]) : host.nofile?.value;
    if (!limit || !Number.isFinite(wc) || wc * 2 <= limit) return [];
    const source = rl ? `worker_rlimit_nofile ${limit}` : `ulimit -n ${limit} (collector; no worker_rlimit_nofile)`;
    return [
      {
        line: wcDirective?.line ?? rl?.line ?? host.nofile!.line,
        directive: wcDirective ? 'worker_connections' : undefined,
        facts: { worker_connections: String(wc), nofile: String(limit) },
        note: `worker_connections ${wc}${wcDirective ? '' : ' (default)'} allows ${wc} connections per worker, each proxied request uses two descriptors, but ${source} caps a worker at ${limit}: under load nginx logs "(24: Too many open files)" and answers 500/502.`,
        confidence: 'medium',
      },
    ];
  },
};
