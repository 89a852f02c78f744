/**
 * Heuristics for configuration pasted among logs: nginx directive lines and
 * PHP-FPM/php.ini lines. Hand-written checks (no backtracking regex over the
 * whole line) because they run on every line that nothing else claimed.
 */

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 95;
}

/** "name args… ;" / "name args… {" / "}" (a trailing "# comment" allowed). */
export function looksLikeNginxDirective(t: string): boolean {
  if (t === '}' || t === '};') return true;
  if (t.length < 2 || !isLower(t.charCodeAt(0))) return false;
  let i = 1;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (isLower(c) || (c >= 48 && c <= 57)) i++;
    else break;
  }
  const after = t.charCodeAt(i);
  if (i < t.length && after !== 32 && after !== 9 && after !== 59 && after !== 123) return false;
  let end = t.length;
  const hash = t.lastIndexOf(' #');
  if (hash !== -1) end = hash;
  while (end > 0 && (t.charCodeAt(end - 1) === 32 || t.charCodeAt(end - 1) === 9)) end--;
  const last = t.charCodeAt(end - 1);
  return last === 59 || last === 123 || last === 125;
}

/** Net brace depth change of a config line, ignoring quoted text and comments. */
export function braceDelta(t: string): number {
  let d = 0;
  let quote = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 35) break;
    else if (c === 123) d++;
    else if (c === 125) d--;
  }
  return d;
}

export const FPM_SECTION = /^\[[A-Za-z0-9_.-]{1,64}\]$/;
const FPM_KV = /^([A-Za-z_][\w.]{0,64})(\[[^\]]{0,128}\])?\s*=/;

/** Keys that make a lone "key = value" line PHP-FPM / php.ini configuration. */
const FPM_KEYS = new Set([
  'listen', 'user', 'group', 'pm', 'request_terminate_timeout', 'request_slowlog_timeout', 'slowlog', 'max_execution_time',
  'memory_limit', 'catch_workers_output', 'include', 'pid', 'error_log', 'process_control_timeout', 'emergency_restart_threshold',
  'emergency_restart_interval', 'chdir', 'clear_env', 'security.limit_extensions', 'rlimit_files', 'process.max',
]);

export function looksLikeFpmLine(t: string, inFpm: boolean): boolean {
  if (FPM_SECTION.test(t)) return true;
  if (inFpm && (t.startsWith(';') || t.startsWith('#'))) return true;
  const m = FPM_KV.exec(t);
  if (!m) return false;
  if (inFpm) return true;
  const key = m[1]!;
  return FPM_KEYS.has(key) || key.startsWith('listen.') || key.startsWith('pm.') || key.startsWith('php_admin_') || key.startsWith('php_value') || key.startsWith('php_flag') || key.startsWith('env');
}

/** A pass directive quoted without its ";" ("proxy_pass http://localhost:8000"): still configuration. */
export function looksLikePassLine(t: string): boolean {
  return /^(?:proxy|fastcgi|uwsgi|grpc|scgi)_pass\s+[^\s;{}]+\s*$/.test(t);
}
