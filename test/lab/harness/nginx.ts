/**
 * One nginx per scenario: its own prefix (-p), config, pid file, temp dirs and
 * logs under the scenario directory; `daemon off` so the harness holds the
 * master's PID; error log at `info`; an access log with the upstream timings.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, stop, type Proc } from './processes.ts';
import { waitForText } from './files.ts';
import { IS_ROOT, WORKER_USER, groupOf } from './users.ts';

export const NGINX = process.env.LAB_NGINX ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');

export const LOG_FORMAT =
  '\'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" \'\n' +
  '      \'upstream_status="$upstream_status" upstream_addr="$upstream_addr" \'\n' +
  '      \'upstream_connect_time="$upstream_connect_time" upstream_header_time="$upstream_header_time" \'\n' +
  '      \'upstream_response_time="$upstream_response_time" request_time=$request_time\'';

const FASTCGI_PARAMS = `fastcgi_param  QUERY_STRING       $query_string;
fastcgi_param  REQUEST_METHOD     $request_method;
fastcgi_param  CONTENT_TYPE       $content_type;
fastcgi_param  CONTENT_LENGTH     $content_length;
fastcgi_param  SCRIPT_NAME        $fastcgi_script_name;
fastcgi_param  SCRIPT_FILENAME    $document_root$fastcgi_script_name;
fastcgi_param  REQUEST_URI        $request_uri;
fastcgi_param  DOCUMENT_URI       $document_uri;
fastcgi_param  DOCUMENT_ROOT      $document_root;
fastcgi_param  SERVER_PROTOCOL    $server_protocol;
fastcgi_param  GATEWAY_INTERFACE  CGI/1.1;
fastcgi_param  SERVER_SOFTWARE    nginx/$nginx_version;
fastcgi_param  REMOTE_ADDR        $remote_addr;
fastcgi_param  REMOTE_PORT        $remote_port;
fastcgi_param  SERVER_ADDR        $server_addr;
fastcgi_param  SERVER_PORT        $server_port;
fastcgi_param  SERVER_NAME        $server_name;
fastcgi_param  REDIRECT_STATUS    200;
`;

export interface NginxSpec {
  /** The scenario directory: nginx's prefix. */
  dir: string;
  port: number;
  www: string;
  /** http{}-level text (upstream{} blocks, resolver…). */
  http?: string;
  /** server{}-level text (locations). */
  server: string;
  workerConnections?: number;
}

export interface NginxPaths {
  conf: string;
  errorLog: string;
  accessLog: string;
  pid: string;
}

export function paths(dir: string): NginxPaths {
  return {
    conf: join(dir, 'conf', 'nginx.conf'),
    errorLog: join(dir, 'logs', 'error.log'),
    accessLog: join(dir, 'logs', 'access.log'),
    pid: join(dir, 'logs', 'nginx.pid'),
  };
}

export function writeConf(s: NginxSpec): NginxPaths {
  const p = paths(s.dir);
  for (const d of ['conf', 'logs', 'temp']) mkdirSync(join(s.dir, d), { recursive: true });
  writeFileSync(join(s.dir, 'conf', 'fastcgi_params'), FASTCGI_PARAMS);
  const t = (name: string): string => join(s.dir, 'temp', name);
  const conf = `# written by test/lab/harness/nginx.ts
${IS_ROOT ? `user ${WORKER_USER} ${groupOf(WORKER_USER)};` : '# (not root: workers keep the current user)'}
daemon off;
master_process on;
worker_processes 1;
pid ${p.pid};
error_log ${p.errorLog} info;

events {
    worker_connections ${s.workerConnections ?? 64};
}

http {
    log_format lab ${LOG_FORMAT};
    access_log ${p.accessLog} lab;
    default_type text/plain;
    server_tokens on;
    keepalive_timeout 5s;
    client_body_temp_path ${t('client_body')};
    proxy_temp_path ${t('proxy')};
    fastcgi_temp_path ${t('fastcgi')};
    uwsgi_temp_path ${t('uwsgi')};
    scgi_temp_path ${t('scgi')};
${indent(s.http ?? '', 4)}
    server {
        listen 127.0.0.1:${s.port};
        server_name lab.test;
        root ${s.www};
${indent(s.server, 8)}
    }
}
`;
  writeFileSync(p.conf, conf);
  return p;
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .trim()
    .split('\n')
    .map((l) => (l.trim() ? pad + l : ''))
    .join('\n');
}

export interface Nginx {
  proc: Proc;
  paths: NginxPaths;
  stop(): Promise<void>;
}

export async function startNginx(s: NginxSpec): Promise<Nginx> {
  const p = writeConf(s);
  writeFileSync(p.errorLog, '');
  const proc = start('nginx', NGINX, ['-p', s.dir, '-c', p.conf, '-e', p.errorLog]);
  try {
    // The master binds the listening sockets before it forks workers.
    await waitForText(p.errorLog, /start worker process \d+/, 8000, proc);
  } catch (e) {
    await stop(proc);
    throw e;
  }
  return { proc, paths: p, stop: () => stop(proc) };
}

/** `nginx -t` inside an empty network namespace (`netns` is the unshare command): no DNS server is reachable, no query leaves the machine. */
export async function testConfig(dir: string, netns: string[]): Promise<{ code: number | string; output: string }> {
  const p = paths(dir);
  const args = ['-t', '-p', dir, '-c', p.conf, '-e', p.errorLog];
  const proc = start('nginx -t', netns[0]!, [...netns.slice(1), '--', NGINX, ...args]);
  const timer = setTimeout(() => void stop(proc), 15000);
  const code = await proc.exited;
  clearTimeout(timer);
  return { code, output: proc.output() };
}
