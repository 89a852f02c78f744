/** A pool with a very low pm.max_children queues requests behind busy children (504s, then 502s). */
import { CAUSES } from '../../cause-ids.ts';
import { pools, poolSetting } from './helpers.ts';
import type { ConfigRule } from './types.ts';

const LOW = 5;

export const fpmMaxChildren: ConfigRule = {
  id: 'fpm-max-children-low',
  cause: CAUSES.maxChildren,
  title: 'PHP-FPM pm.max_children very low',
  check({ fpm }) {
    return pools(fpm).flatMap((pool) => {
      const s = poolSetting(pool, 'pm.max_children');
      const n = Number(s?.value);
      if (!s || !Number.isFinite(n) || n > LOW) return [];
      return [
        {
          line: s.line,
          facts: { pool: pool.name, max_children: String(n) },
          note: `pool [${pool.name}] serves at most ${n} request(s) at once (pm.max_children = ${n}); the next ones wait in the listen backlog until nginx times out (504) or the backlog overflows (502).`,
          confidence: 'low' as const,
          // 5 is the packaged default: whether it is too low depends on the load (the logs decide); below it, a finding.
          advice: n === LOW,
        },
      ];
    });
  },
};
