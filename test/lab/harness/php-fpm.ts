/**
 * One php-fpm master per scenario, with its own config, prefix, pid file and
 * log, and as many pools as the scenario declares.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, stop, type Proc } from './processes.ts';
import { waitForText } from './files.ts';
import { IS_ROOT, OTHER_USER, WORKER_USER, groupOf } from './users.ts';

/** $LAB_PHP_FPM, else Debian's /usr/sbin/php-fpm8.2, else the newest /usr/sbin/php-fpmX.Y. */
export const PHP_FPM = process.env.LAB_PHP_FPM ?? findPhpFpm();

function findPhpFpm(): string {
  const preferred = '/usr/sbin/php-fpm8.2';
  if (existsSync(preferred)) return preferred;
  let found: string[] = [];
  try {
    found = readdirSync('/usr/sbin').filter((f) => /^php-fpm\d+\.\d+$/.test(f));
  } catch {
    /* no /usr/sbin */
  }
  found.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return found.length ? `/usr/sbin/${found[found.length - 1]}` : preferred;
}

export interface PoolSpec {
  /** Listen on a unix socket (default) or 127.0.0.1:port. */
  listen?: 'unix' | 'tcp4';
  pm?: 'static' | 'dynamic';
  maxChildren?: number;
  backlog?: number;
  requestTerminateTimeout?: string;
  slowlogTimeout?: string;
  /** The socket belongs to another user (nobody:nogroup, 0660 — or 0400 when not root). */
  foreignSocket?: boolean;
  allowedClients?: string;
}

export interface PhpFpm {
  proc: Proc;
  log: string;
  /** fastcgi_pass target per pool: "unix:/…" or "127.0.0.1:port". */
  targets: Record<string, string>;
  stop(): Promise<void>;
}

export interface PoolAddress {
  path?: string;
  port?: number;
}

function poolConf(name: string, p: PoolSpec, at: PoolAddress, dir: string): string {
  const lines = [`[${name}]`];
  const user = p.foreignSocket ? OTHER_USER : WORKER_USER;
  if (IS_ROOT) lines.push(`user = ${user}`, `group = ${groupOf(user)}`);
  lines.push(`listen = ${at.path ?? `127.0.0.1:${at.port}`}`);
  if (at.path) {
    if (p.foreignSocket && IS_ROOT) lines.push(`listen.owner = ${OTHER_USER}`, `listen.group = ${groupOf(OTHER_USER)}`, 'listen.mode = 0660');
    else if (p.foreignSocket) lines.push('listen.mode = 0400');
    else if (IS_ROOT) lines.push(`listen.owner = ${WORKER_USER}`, `listen.group = ${groupOf(WORKER_USER)}`, 'listen.mode = 0660');
  }
  if (p.backlog !== undefined) lines.push(`listen.backlog = ${p.backlog}`);
  if (p.allowedClients) lines.push(`listen.allowed_clients = ${p.allowedClients}`);
  const max = p.maxChildren ?? 2;
  lines.push(`pm = ${p.pm ?? 'static'}`, `pm.max_children = ${max}`);
  if (p.pm === 'dynamic') lines.push(`pm.start_servers = ${max}`, `pm.min_spare_servers = ${max}`, `pm.max_spare_servers = ${max}`);
  if (p.requestTerminateTimeout) lines.push(`request_terminate_timeout = ${p.requestTerminateTimeout}`);
  if (p.slowlogTimeout) lines.push(`request_slowlog_timeout = ${p.slowlogTimeout}`, `slowlog = ${join(dir, `${name}.slow.log`)}`);
  lines.push('catch_workers_output = yes', 'clear_env = yes', 'php_admin_flag[log_errors] = on');
  return lines.join('\n');
}

export async function startPhpFpm(dir: string, pools: Record<string, PoolSpec>, addresses: Record<string, PoolAddress>): Promise<PhpFpm> {
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'php-fpm.log');
  const conf = join(dir, 'php-fpm.conf');
  const global = [
    '[global]',
    `pid = ${join(dir, 'php-fpm.pid')}`,
    `error_log = ${log}`,
    'log_level = notice',
    'daemonize = no',
    'process_control_timeout = 2s',
  ];
  const targets: Record<string, string> = {};
  const poolText = Object.entries(pools).map(([name, p]) => {
    const at = addresses[name]!;
    targets[name] = at.path ? `unix:${at.path}` : `127.0.0.1:${at.port}`;
    return poolConf(name, p, at, dir);
  });
  writeFileSync(conf, [...global, '', ...poolText, ''].join('\n'));
  writeFileSync(log, '');
  const proc = start('php-fpm', PHP_FPM, ['--nodaemonize', '--fpm-config', conf, '--prefix', dir]);
  try {
    await waitForText(log, /ready to handle connections/, 8000, proc);
  } catch (e) {
    await stop(proc);
    throw e;
  }
  return { proc, log, targets, stop: () => stop(proc) };
}
