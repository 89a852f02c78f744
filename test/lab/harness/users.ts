/** Who the lab's nginx workers and php-fpm children run as. */
import { execFileSync } from 'node:child_process';

export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** Unprivileged user for nginx workers and php-fpm children when the lab runs as root. */
export const WORKER_USER = 'www-data';
/** Owner of the socket in the "permission denied" scenario. */
export const OTHER_USER = 'nobody';

export function groupOf(user: string): string {
  return execFileSync('id', ['-gn', user], { encoding: 'utf8' }).trim();
}
