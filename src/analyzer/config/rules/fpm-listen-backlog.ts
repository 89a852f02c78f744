/** A tiny listen.backlog makes connect() fail with EAGAIN (11) as soon as the children are busy. */
import { CAUSES } from '../../cause-ids.ts';
import { pools, poolSetting } from './helpers.ts';
import type { ConfigRule } from './types.ts';

const SMALL = 64;

export const fpmListenBacklog: ConfigRule = {
  id: 'fpm-listen-backlog-small',
  cause: CAUSES.listenBacklog,
  title: 'PHP-FPM listen.backlog very small',
  check({ fpm }) {
    return pools(fpm).flatMap((pool) => {
      const s = poolSetting(pool, 'listen.backlog');
      const n = Number(s?.value);
      if (!s || !Number.isFinite(n) || n < 0 || n >= SMALL) return [];
      return [
        {
          line: s.line,
          facts: { pool: pool.name, backlog: String(n) },
          note: `pool [${pool.name}] has listen.backlog = ${n}: once its children are busy, only ${n} connection(s) can wait, and nginx gets "connect() to unix:… failed (11: Resource temporarily unavailable)" (502).`,
          confidence: 'medium' as const,
        },
      ];
    });
  },
};
