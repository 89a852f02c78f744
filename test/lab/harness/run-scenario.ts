/**
 * Runs one scenario end to end: upstreams, php-fpm, nginx, requests, log
 * capture, and the reproduction checks. Everything it starts is stopped in
 * `finally`, whatever happened.
 */
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './ports.ts';
import { startNginx, testConfig, writeConf, type Nginx } from './nginx.ts';
import { startPhpFpm, type PhpFpm, type PoolAddress } from './php-fpm.ts';
import { drive } from './client.ts';
import { readFrom, size } from './files.ts';
import { accessStatuses, lines } from './capture.ts';
import type { Certs } from './certs.ts';
import type { Ctx, Scenario } from '../scenarios/types.ts';
import type { Address, Running } from '../upstreams/types.ts';

export interface LabEnv {
  /** test/lab/work/<run> */
  work: string;
  www: string;
  certs: Certs;
  /** The command prefix that runs a command in an empty network namespace (unshare …), or null. */
  netns: string[] | null;
}

export interface Outcome {
  id: string;
  clientStatuses: number[];
  accessStatuses: number[];
  errorLog: string[];
  accessLog: string[];
  phpFpmLog: string[];
  /** The upstream application's own log (uWSGI…), when a mock upstream keeps one. */
  appLog: string[];
  notes: string[];
  reproduced: boolean;
  /** Why it did not reproduce (empty when it did). */
  problems: string[];
  ms: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runScenario(s: Scenario, env: LabEnv): Promise<Outcome> {
  const t0 = Date.now();
  const dir = join(env.work, s.id);
  const runDir = join(env.work, 'run');
  mkdirSync(dir, { recursive: true });
  mkdirSync(runDir, { recursive: true });
  const short = s.id.split('_')[0]!;

  const addrs = new Map<string, Address>();
  const freePorts = new Map<string, number>();
  for (const name of s.ports ?? []) freePorts.set(name, await freePort());
  for (const [name, u] of Object.entries(s.upstreams ?? {})) {
    if (u.listen === 'unix') addrs.set(name, { path: join(runDir, `${short}-${name}.sock`) });
    else addrs.set(name, { host: u.listen === 'tcp6' ? '::1' : '127.0.0.1', port: freePorts.get(name) ?? (await freePort()) });
  }
  const poolAddrs: Record<string, PoolAddress> = {};
  for (const [name, p] of Object.entries(s.pools ?? {})) {
    poolAddrs[name] = p.listen === 'tcp4' ? { port: await freePort() } : { path: join(runDir, `${short}-${name}.sock`) };
  }
  const nginxPort = await freePort();

  const ctx: Ctx = {
    addr(name) {
      const a = addrs.get(name);
      if (a?.path) return `unix:${a.path}`;
      if (a) return a.host === '::1' ? `[::1]:${a.port}` : `${a.host}:${a.port}`;
      const p = freePorts.get(name);
      if (p !== undefined) return `127.0.0.1:${p}`;
      throw new Error(`${s.id}: no upstream or port named ${name}`);
    },
    port(name) {
      const p = addrs.get(name)?.port ?? freePorts.get(name);
      if (p === undefined) throw new Error(`${s.id}: no port named ${name}`);
      return p;
    },
    fpm(pool) {
      const a = poolAddrs[pool];
      if (!a) throw new Error(`${s.id}: no php-fpm pool ${pool}`);
      return a.path ? `unix:${a.path}` : `127.0.0.1:${a.port}`;
    },
    sock: (name) => join(runDir, `${short}-${name}.sock`),
    www: env.www,
    dir,
    certs: env.certs,
  };

  const running: Running[] = [];
  let fpm: PhpFpm | undefined;
  let nginx: Nginx | undefined;
  const out: Outcome = {
    id: s.id,
    clientStatuses: [],
    accessStatuses: [],
    errorLog: [],
    accessLog: [],
    phpFpmLog: [],
    appLog: [],
    notes: [],
    reproduced: false,
    problems: [],
    ms: 0,
  };
  try {
    for (const [name, u] of Object.entries(s.upstreams ?? {})) {
      running.push(await u.start(addrs.get(name)!, { certs: env.certs, dir }));
    }
    s.prepare?.(ctx, dir);
    if (s.pools) fpm = await startPhpFpm(join(dir, 'php-fpm'), s.pools, poolAddrs);
    const fpmStart = fpm ? size(fpm.log) : 0;
    const spec = { dir, port: nginxPort, www: env.www, http: s.http?.(ctx), server: s.server(ctx), workerConnections: s.workerConnections };
    const base = `http://127.0.0.1:${nginxPort}`;

    let errStart = 0;
    let errText: string;
    if (s.configTest) {
      const p = writeConf(spec);
      closeSync(openSync(p.errorLog, 'w'));
      if (!env.netns)
        throw new Error("cannot run nginx -t in an empty network namespace (unshare --net needs root or user namespaces); refusing to let it query this machine's DNS");
      const r = await testConfig(dir, env.netns);
      out.notes.push(`nginx -t exited with ${r.code} (run in a network namespace with no DNS server reachable)`);
      out.clientStatuses = await drive(base, s.requests, short, dir);
      errText = readFrom(p.errorLog);
    } else {
      nginx = await startNginx(spec);
      errStart = size(nginx.paths.errorLog);
      out.clientStatuses = await drive(base, s.requests, short, dir);
      await sleep(fpm ? 600 : 300);
      errText = readFrom(nginx.paths.errorLog, errStart);
      out.accessLog = lines(readFrom(nginx.paths.accessLog), env.work);
    }
    out.errorLog = lines(errText, env.work);
    if (fpm) out.phpFpmLog = lines(readFrom(fpm.log, fpmStart), env.work);
  } catch (e) {
    out.problems.push(`harness: ${(e as Error).message.split('\n').slice(0, 6).join(' | ')}`);
  } finally {
    await nginx?.stop();
    await fpm?.stop();
    for (const r of running) {
      await r.close().catch(() => undefined);
      if (r.note) out.notes.push(r.note());
      if (r.log) out.appLog.push(...lines(r.log(), env.work));
    }
  }
  out.accessStatuses = accessStatuses(out.accessLog);
  check(s, out);
  out.ms = Date.now() - t0;
  return out;
}

function check(s: Scenario, out: Outcome): void {
  const e = s.expect;
  const seen = e.from === 'access' ? out.accessStatuses : out.clientStatuses;
  const where = e.from === 'access' ? 'access log' : 'client';
  const ok = e.match === 'some' ? seen.includes(e.status) : seen.length > 0 && seen.every((x) => x === e.status);
  if (!ok) out.problems.push(`${where} saw [${seen.join(', ')}], expected ${e.match === 'some' ? 'some' : 'all'} ${e.status}`);
  const all = [...out.errorLog, ...out.accessLog, ...out.phpFpmLog, ...out.appLog];
  for (const re of e.logs) if (!all.some((l) => re.test(l))) out.problems.push(`no captured line matches ${re}`);
  out.reproduced = out.problems.length === 0;
}

