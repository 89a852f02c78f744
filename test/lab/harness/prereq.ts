/** Checks the tools the lab needs; a missing one is an error, never a silent skip. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { NGINX } from './nginx.ts';
import { PHP_FPM } from './php-fpm.ts';
import { IS_ROOT, OTHER_USER, WORKER_USER } from './users.ts';

export interface Versions {
  nginx: string;
  phpFpm: string;
  /** How to run a command in an empty network namespace (null: not possible here). */
  netns: string[] | null;
}

function run(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10000 });
  if (r.error || r.status !== 0) return null;
  return `${r.stdout}${r.stderr}`;
}

export function checkPrerequisites(workRoot: string): Versions {
  const problems: string[] = [];
  const nginxOut = run(NGINX, ['-v']);
  const nginx = /nginx\/(\d+\.\d+\.\d+)/.exec(nginxOut ?? '')?.[1];
  if (!nginx) problems.push(`nginx not found (${NGINX}); install the Debian package "nginx" (or set LAB_NGINX)`);
  const fpmOut = run(PHP_FPM, ['-v']);
  const phpFpm = /PHP (\d+\.\d+\.\d+)/.exec(fpmOut ?? '')?.[1];
  if (!phpFpm) problems.push(`php-fpm not found (${PHP_FPM}); install the Debian package "php8.2-fpm" (or set LAB_PHP_FPM)`);
  if (!run('openssl', ['version'])) problems.push('openssl not found; install the Debian package "openssl"');
  if (!run('curl', ['--version'])) problems.push('curl not found; install the Debian package "curl"');
  let v6 = '';
  try {
    v6 = readFileSync('/proc/net/if_inet6', 'utf8');
  } catch {
    /* no IPv6 at all */
  }
  if (!/^0{31}1 /m.test(v6)) problems.push('the IPv6 loopback address ::1 is not configured (IPv6 disabled?); the IPv6 scenarios need it');
  if (IS_ROOT) {
    for (const u of [WORKER_USER, OTHER_USER]) {
      try {
        execFileSync('id', [u], { stdio: 'ignore' });
      } catch {
        problems.push(`user ${u} does not exist (nginx workers and php-fpm children run as ${WORKER_USER}; the foreign socket belongs to ${OTHER_USER})`);
      }
    }
    // Workers running as www-data must reach the sockets under the work dir.
    for (let d = workRoot; d !== dirname(d); d = dirname(d)) {
      try {
        if ((statSync(d).mode & 0o001) === 0) problems.push(`${d} is not searchable by others (chmod o+x): ${WORKER_USER} workers could not reach the lab's sockets`);
      } catch {
        /* not created yet */
      }
    }
  }
  if (problems.length) throw new Error(`the lab cannot run:\n  - ${problems.join('\n  - ')}`);
  const netns = [['unshare', '--net'], ['unshare', '--user', '--map-root-user', '--net']].find((cmd) => run(cmd[0]!, [...cmd.slice(1), 'true']) !== null) ?? null;
  return { nginx: nginx!, phpFpm: phpFpm!, netns };
}
