/**
 * PHP-FPM configuration (php-fpm.conf, pool.d/*.conf, `php-fpm -tt` output
 * after its log prefix is removed) and php.ini values: INI sections and
 * `key = value` lines, `;`/`#` comments. Pools are the non-[global] sections.
 */
import type { ConfigLine } from './parse-nginx.ts';

export interface FpmSetting {
  value: string;
  line: number;
}

export interface FpmPool {
  name: string;
  line: number;
  settings: Map<string, FpmSetting>;
}

export interface ParsedFpmConfig {
  pools: FpmPool[];
  /** [global] section and keys before any section (php.ini values such as max_execution_time). */
  global: Map<string, FpmSetting>;
}

const SECTION = /^\s*\[([^\]]{1,128})\]\s*$/;
const KV = /^\s*([A-Za-z_][\w.]*(?:\[[^\]]{0,128}\])?)\s*=\s*(.*?)\s*$/;

export function parseFpmConfig(lines: ConfigLine[]): ParsedFpmConfig {
  const pools = new Map<string, FpmPool>();
  const global = new Map<string, FpmSetting>();
  let current: Map<string, FpmSetting> = global;
  for (const { line, text } of lines) {
    const t = text.trim();
    if (t === '' || t.startsWith(';') || t.startsWith('#')) continue;
    const s = SECTION.exec(t);
    if (s) {
      const name = s[1]!.trim();
      if (name === 'global') current = global;
      else {
        let pool = pools.get(name);
        if (!pool) {
          pool = { name, line, settings: new Map() };
          pools.set(name, pool);
        }
        current = pool.settings;
      }
      continue;
    }
    const kv = KV.exec(t);
    if (!kv) continue;
    let value = kv[2]!.replace(/\s+;.*$/, '');
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    current.set(kv[1]!, { value, line });
  }
  // A pasted pool body without its [name] header ("listen = …" lines only) is still a pool.
  if (pools.size === 0 && [...global.keys()].some((k) => k === 'listen' || k.startsWith('listen.') || k.startsWith('pm'))) {
    const first = Math.min(...[...global.values()].map((v) => v.line));
    return { pools: [{ name: '(pasted pool)', line: first, settings: global }], global };
  }
  return { pools: [...pools.values()], global };
}

/** A pool setting, also accepting php_admin_value[x] / php_value[x] for php.ini keys. */
export function poolSetting(pool: FpmPool, key: string): FpmSetting | undefined {
  return pool.settings.get(key) ?? pool.settings.get(`php_admin_value[${key}]`) ?? pool.settings.get(`php_value[${key}]`);
}
