/**
 * proxy_buffer_size / fastcgi_buffer_size too small for the response headers
 * (set tiny, or left at the one-page default while the log shows "too big
 * header"), and *_busy_buffers_size below *_buffer_size (nginx -t refuses it).
 */
import { CAUSES } from '../../cause-ids.ts';
import { parseSize } from '../units.ts';
import { effective, scopesWith } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const TINY = 4096;

export const smallBuffers: ConfigRule = {
  id: 'small-buffers',
  cause: CAUSES.tooBigHeader,
  title: 'proxy_buffer_size / fastcgi_buffer_size too small, busy buffers below buffer size',
  check({ nginx, logHints }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    const seen = new Set<number>();
    for (const [pass, prefix] of [['proxy_pass', 'proxy'], ['fastcgi_pass', 'fastcgi']] as const) {
      for (const { scope, directive } of scopesWith(nginx, pass)) {
        const eff = effective(scope, `${prefix}_buffer_size`);
        const size = parseSize(eff.value);
        if (size === undefined) continue;
        const line = eff.directive?.line ?? directive.line;
        if (!seen.has(line)) {
          if (eff.directive && size < TINY) {
            seen.add(line);
            out.push({
              line,
              directive: `${prefix}_buffer_size`,
              facts: { directive: `${prefix}_buffer_size`, value: eff.value },
              note: `${prefix}_buffer_size ${eff.value} holds the whole response header; a few cookies exceed it and nginx answers 502 ("upstream sent too big header").`,
              confidence: 'medium',
            });
          } else if (!eff.directive && logHints.tooBigHeader > 0) {
            seen.add(line);
            out.push({
              line,
              directive: pass,
              facts: { directive: `${prefix}_buffer_size`, value: `${eff.value} (default)` },
              note: `${prefix}_buffer_size is left at its default (${eff.value}, one memory page) and the log shows "upstream sent too big header" ${logHints.tooBigHeader} time(s).`,
              confidence: 'high',
            });
          }
        }
        const busy = effective(scope, `${prefix}_busy_buffers_size`);
        const busySize = parseSize(busy.value);
        if (busy.directive && busySize !== undefined && busySize < size && !seen.has(busy.directive.line)) {
          seen.add(busy.directive.line);
          out.push({
            line: busy.directive.line,
            directive: `${prefix}_busy_buffers_size`,
            facts: { directive: `${prefix}_busy_buffers_size`, value: busy.value },
            note: `${prefix}_busy_buffers_size ${busy.value} is smaller than ${prefix}_buffer_size ${eff.value}; nginx -t rejects this ("must be equal to or greater than the maximum of the value of ${prefix}_buffer_size").`,
            confidence: 'high',
          });
        }
      }
    }
    return out;
  },
};
