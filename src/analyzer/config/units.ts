/** nginx / PHP-FPM time and size values. */
import { dict } from '../dict.ts';

const TIME_UNITS: Record<string, number> = dict({ ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2592000, y: 31536000 });

/** "60s", "1m30s", "500ms", "60" → seconds; undefined if unparsable. */
export function parseTime(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  let total = 0;
  let matched = '';
  for (const m of t.matchAll(/(\d+)(ms|s|m|h|d|w|M|y)/g)) {
    total += Number(m[1]) * TIME_UNITS[m[2]!]!;
    matched += m[0];
  }
  return matched === t && matched !== '' ? total : undefined;
}

/** "4k", "8K", "1m", "4096" → bytes; for reference defaults like "4k|8k" the first (one page on x86). */
export function parseSize(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = v.trim().split('|')[0]!;
  const m = /^(\d+)([kKmMgG]?)$/.exec(t);
  if (!m) return undefined;
  const mult = { '': 1, k: 1024, m: 1024 * 1024, g: 1024 * 1024 * 1024 }[m[2]!.toLowerCase()]!;
  return Number(m[1]) * mult;
}

export function formatSeconds(s: number): string {
  return Number.isInteger(s) ? `${s}s` : `${s.toFixed(3).replace(/0+$/, '')}s`;
}
