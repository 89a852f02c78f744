/**
 * proxy_ssl_verify with a shallow proxy_ssl_verify_depth (default 1): chains
 * with an intermediate plus a cross-signed root exceed it, and verification
 * fails ("unable to get local issuer certificate", 502).
 */
import { CAUSES } from '../../cause-ids.ts';
import { allIn } from '../model.ts';
import { defaultOf } from '../defaults.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const ENOUGH = 3;

export const sslVerifyDepth: ConfigRule = {
  id: 'ssl-verify-depth-shallow',
  cause: CAUSES.sslVerifyFailed,
  title: 'proxy_ssl_verify on with proxy_ssl_verify_depth below 3 (default 1)',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    const seen = new Set<number>();
    const verify = allIn(nginx.main.directives, 'proxy_ssl_verify').filter((d) => d.args[0] === 'on');
    const depths = allIn(nginx.main.directives, 'proxy_ssl_verify_depth');
    for (const d of depths) {
      const n = Number(d.args[0]);
      if (!Number.isFinite(n) || n >= ENOUGH || seen.has(d.line)) continue;
      seen.add(d.line);
      out.push({ line: d.line, directive: 'proxy_ssl_verify_depth', facts: { proxy_ssl_verify_depth: d.args[0] ?? '' }, confidence: n <= 1 ? 'medium' : 'low', note: `proxy_ssl_verify_depth ${d.args[0]} is shallow: a backend whose chain has an intermediate and a cross-signed root (common with public CAs) fails verification with "upstream SSL certificate verify error: (20:unable to get local issuer certificate)" (502). Use ${ENOUGH} or more.` });
    }
    if (depths.length === 0) {
      for (const v of verify) {
        // Only where the depth is left at the default in that scope chain.
        if (seen.has(v.line)) continue;
        seen.add(v.line);
        const def = defaultOf('proxy_ssl_verify_depth');
        out.push({ line: v.line, directive: 'proxy_ssl_verify', facts: { proxy_ssl_verify_depth: `${def} (default)` }, confidence: 'low', note: `proxy_ssl_verify on leaves proxy_ssl_verify_depth at its default ${def}: chains with an intermediate and a cross-signed root exceed it and verification fails ("unable to get local issuer certificate", 502). Set proxy_ssl_verify_depth ${ENOUGH}.` });
      }
    }
    return out;
  },
};
