/**
 * Config + log: the pasted PHP-FPM pool listens on 127.0.0.1:<port> only,
 * while the pasted error line shows nginx refused at another address on that
 * port (another container or host). A loopback listener accepts nothing from
 * outside its own host or container.
 */
import { CAUSES } from '../../cause-ids.ts';
import { poolListen, pools } from './helpers.ts';
import { LOOPBACK_HOST } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const logPoolLoopback: ConfigRule = {
  id: 'log-pool-loopback',
  cause: CAUSES.boundWrongInterface,
  title: 'a pool listening on loopback while the log shows nginx refused at another address on that port',
  check({ fpm, logHints }) {
    const failures = (logHints.connectFailures ?? []).filter((f) => f.errno === 111 && f.host !== undefined && f.port !== undefined && !LOOPBACK_HOST.test(f.host) && !/^(?:0\.0\.0\.0|\[::\])$/.test(f.host));
    if (failures.length === 0) return [];
    const out: ConfigProblem[] = [];
    for (const pool of pools(fpm)) {
      const l = poolListen(pool);
      if (!l || !('host' in l) || !LOOPBACK_HOST.test(l.host)) continue;
      const f = failures.find((x) => x.port === l.port);
      if (!f) continue;
      out.push({
        line: l.line,
        directive: 'listen',
        kind: 'php-fpm-config',
        facts: { pool: pool.name, listen: `${l.host}:${l.port}`, upstream: `${f.host}:${f.port}`, logLine: String(f.line) },
        note: `Pool ${pool.name} listens on ${l.host}:${l.port}, its own loopback only, and the error line (input line ${f.line}) shows nginx refused at ${f.host}:${f.port}: connections from another container or host never reach a loopback listener. Listen on all addresses (listen = ${l.port}) or on the address nginx uses, and restrict with listen.allowed_clients.`,
        confidence: 'high',
      });
    }
    return out;
  },
};
