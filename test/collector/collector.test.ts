/**
 * public/collect.sh against a real nginx: a private nginx (its own prefix in a
 * temp dir, a loopback port) proxies to a closed port, so requests produce
 * real `connect() failed (111: Connection refused)` lines. The collector runs
 * with overrides pointing at that nginx; the bundle must have every section,
 * none of the planted secrets, and the engine must name connection-refused.
 * No nginx = a failure that says how to install it, never a skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyzer/index.ts';
import { loadCatalog } from '../../src/catalog/from-disk.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COLLECT = join(ROOT, 'public/collect.sh');
const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

const SECRETS = {
  bearer: 's3cr3t-bearer-0123456789abcdef',
  dbPassword: 'hunter2-db-pass-42',
  pemBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjPLANTEDKEYBODY',
  certBody: 'MIIDdzCCAl+gAwIBAgIEPLANTEDCERTBODY',
  fpmEnv: 'fpm-env-secret-7f3a',
  query: 'qs-token-9c1d2e',
  basicAuth: 'dXNlcjpwbGFudGVkcGFzcw==',
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let prefix = '';
let nginx: ChildProcess | null = null;
let nginxPid = 0;
let port = 0;
let bundle = '';
let stderr = '';

beforeAll(async () => {
  if (!existsSync(NGINX)) {
    throw new Error(
      `nginx not found at ${NGINX}. The collector test needs a real nginx: install Debian's (sudo apt-get install -y nginx-light, or nginx) or set NGINX_BIN.`,
    );
  }
  prefix = mkdtempSync(join(tmpdir(), 'bg-collector-'));
  chmodSync(prefix, 0o755); // nginx workers may run as nobody
  for (const d of ['conf', 'logs', 'fpm']) mkdirSync(join(prefix, d), { recursive: true });
  port = await freePort();
  const closed = await freePort(); // nothing listens here: connect() is refused

  writeFileSync(
    join(prefix, 'conf/secrets.conf'),
    [
      '# an operator pasted key material into a comment — the collector must not print it',
      '# -----BEGIN PRIVATE KEY-----',
      `# ${SECRETS.pemBody}`,
      '# -----END PRIVATE KEY-----',
      '# -----BEGIN CERTIFICATE-----',
      `# ${SECRETS.certBody}`,
      '# -----END CERTIFICATE-----',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(prefix, 'conf/nginx.conf'),
    `daemon off;
master_process on;
worker_processes 1;
pid ${prefix}/logs/nginx.pid;
error_log ${prefix}/logs/error.log info;
events { worker_connections 64; }
http {
  access_log ${prefix}/logs/access.log;
  include ${prefix}/conf/secrets.conf;
  server {
    listen 127.0.0.1:${port};
    server_name test.local;
    location / {
      proxy_pass http://127.0.0.1:${closed};
      proxy_set_header Authorization "Bearer ${SECRETS.bearer}";
      proxy_set_header X-Upstream-Auth "Basic ${SECRETS.basicAuth}";
      fastcgi_param DB_PASSWORD ${SECRETS.dbPassword};
    }
  }
}
`,
  );
  writeFileSync(
    join(prefix, 'fpm/www.conf'),
    `; a pool file with a secret in env[]\n[www]\nlisten = /run/php/bg-test.sock\npm = dynamic\npm.max_children = 5\nenv[DB_PASSWORD] = ${SECRETS.fpmEnv}\n`,
  );

  const test = spawnSync(NGINX, ['-p', prefix, '-c', join(prefix, 'conf/nginx.conf'), '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'conf/nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let nginxErr = '';
  nginx.stderr?.on('data', (d: Buffer) => (nginxErr += d.toString()));
  nginxPid = nginx.pid ?? 0;
  await waitFor(async () => {
    if (nginx?.exitCode !== null) throw new Error(`nginx exited: ${nginxErr}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return true;
    } catch {
      return false;
    }
  }, `nginx on 127.0.0.1:${port}`);

  for (const path of ['/', '/api/orders', `/login?token=${SECRETS.query}&next=/`]) {
    const code = execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${port}${path}`], { encoding: 'utf8' });
    expect(code).toBe('502');
  }
  await waitFor(() => readFileSync(join(prefix, 'logs/error.log'), 'utf8').includes('Connection refused'), 'the error-log line');

  const run = spawnSync('sh', [COLLECT], {
    encoding: 'utf8',
    timeout: 50_000,
    env: {
      ...process.env,
      NGINX_BIN: NGINX,
      NGINX_PREFIX: prefix,
      NGINX_CONF: join(prefix, 'conf/nginx.conf'),
      NGINX_LOG_DIR: join(prefix, 'logs'),
      PHP_FPM_CONF_GLOB: join(prefix, 'fpm/*.conf'),
      BG_TIMEOUT: '5',
    },
  });
  if (run.status !== 0) throw new Error(`collect.sh exited ${run.status}: ${run.stderr}`);
  bundle = run.stdout;
  stderr = run.stderr;
});

afterAll(async () => {
  if (nginxPid) {
    try {
      process.kill(nginxPid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await waitFor(() => nginx?.exitCode !== null || nginx?.signalCode !== null, 'nginx to stop').catch(() => {
      try {
        process.kill(nginxPid, 'SIGKILL');
      } catch {
        /* gone */
      }
    });
  }
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

const MARKER = /^==== badgateway-collect: (\S+)(?: (.+?))? ====$/gm;

describe('collect.sh against a real nginx', () => {
  it('prints one bundle with every section, markers exactly as the engine reads them', () => {
    const names = [...bundle.matchAll(MARKER)].map((m) => m[1]);
    for (const s of ['meta', 'nginx-T', 'nginx-error-log', 'nginx-access-log', 'php-fpm-tt', 'php-fpm-pool', 'systemctl', 'ss-tlnp', 'free', 'df', 'uptime', 'kernel-oom', 'ulimit']) {
      expect(names, `section ${s}`).toContain(s);
    }
    expect(bundle.startsWith('==== badgateway-collect: meta ====\n')).toBe(true);
    expect(bundle).toContain(`==== badgateway-collect: nginx-error-log ${prefix}/logs/error.log ====`);
    expect(bundle).toContain(`==== badgateway-collect: php-fpm-pool ${prefix}/fpm/www.conf ====`);
    expect(stderr).toContain('Review the bundle');
  });

  it('reads nginx -T, the logs named in it, and the worker limits', () => {
    const section = (name: string) => bundle.split(/^==== badgateway-collect: /m).find((s) => s.startsWith(name)) ?? '';
    expect(section('nginx-T')).toContain(`listen 127.0.0.1:${port};`);
    expect(section('nginx-T')).toContain('# configuration file');
    expect(section('nginx-error-log')).toMatch(/connect\(\) failed \(111: Connection refused\) while connecting to upstream/);
    expect(section('nginx-access-log')).toMatch(/"GET \/api\/orders HTTP\/1\.1" 502/);
    expect(section('ulimit')).toMatch(/^open files \(-n\) \d+$/m);
    expect(section('php-fpm-pool')).toContain('pm.max_children = 5');
    expect(section('php-fpm-pool')).not.toContain('; a pool file');
  });

  it('redacts every planted secret', () => {
    for (const [name, secret] of Object.entries(SECRETS)) expect(bundle, `${name} leaked`).not.toContain(secret);
    expect(bundle).toContain('proxy_set_header Authorization [REDACTED];');
    expect(bundle).toContain('fastcgi_param DB_PASSWORD [REDACTED];');
    expect(bundle).toContain('[REDACTED: PEM block (key or certificate) removed by badgateway-collect]');
    expect(bundle).toMatch(/env\[DB_PASSWORD\] = \[REDACTED\]/);
    expect(bundle).toContain('token=[REDACTED]&next=/');
  });

  it('leaves nothing behind in the temp directory', () => {
    const leftovers = spawnSync('sh', ['-c', `ls -d "${tmpdir()}"/badgateway-collect.* 2>/dev/null || true`], { encoding: 'utf8' }).stdout.trim();
    expect(leftovers).toBe('');
  });

  it('feeds the engine: the bundle is analysed section by section and names connection-refused', () => {
    const report = analyze(bundle, { catalog: loadCatalog(join(ROOT, 'content')) });
    const refused = report.findings.find((f) => f.cause === 'connection-refused');
    expect(refused, `findings: ${report.findings.map((f) => f.cause).join(', ')}`).toBeDefined();
    expect(refused!.count).toBeGreaterThanOrEqual(3);
    // Evidence is in input order: the config's proxy_pass line (a cross-check) may come before the log lines.
    expect(refused!.evidence.map((e) => e.text).filter((t) => t.includes('Connection refused')).length).toBeGreaterThanOrEqual(1);
  });
});

describe('collect.sh --redact', () => {
  const redact = (input: string) => {
    const r = spawnSync('sh', [COLLECT, '--redact'], { input, encoding: 'utf8' });
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it.each([
    ['proxy_set_header Authorization "Bearer abcdefghijkl";', 'proxy_set_header Authorization [REDACTED];', 'abcdefghijkl'],
    ['    fastcgi_param  APP_SECRET_KEY  zz-top-secret;', '    fastcgi_param  APP_SECRET_KEY  [REDACTED];', 'zz-top-secret'],
    ['env[REDIS_PASSWORD] = "p@ss w0rd"', 'env[REDIS_PASSWORD] = [REDACTED]', 'w0rd'],
    ['php_admin_value[mysqli.default_pw] = hunter22', 'php_admin_value[mysqli.default_pw] = [REDACTED]', 'hunter22'],
    ['[23-Nov-2026 00:00:00] NOTICE: \tenv[API_TOKEN] = tok-123456', '[23-Nov-2026 00:00:00] NOTICE: \tenv[API_TOKEN] = [REDACTED]', 'tok-123456'],
    ['1.2.3.4 - - [x] "GET /cb?code=abc123&state=ok HTTP/1.1" 502 157', '1.2.3.4 - - [x] "GET /cb?code=[REDACTED]&state=ok HTTP/1.1" 502 157', 'abc123'],
    ['upstream: "http://admin:Pa55word@10.0.0.5:8080/"', 'upstream: "http://admin:[REDACTED]@10.0.0.5:8080/"', 'Pa55word'],
    ['Cookie: session=abcdef; theme=dark', 'Cookie: [REDACTED]', 'abcdef'],
    ['x eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_x y', 'x [REDACTED-JWT] y', 'eyJzdWIiOiIxIn0'],
    ['ExecStart=/usr/bin/redis-server --requirepass s3cret --port 6379', '--requirepass [REDACTED] --port 6379', 's3cret'],
    ['secure_link_secret my-link-secret;', 'secure_link_secret [REDACTED];', 'my-link-secret'],
  ])('%s', (input, expected, secret) => {
    const out = redact(`${input}\n`);
    expect(out).toContain(expected);
    expect(out).not.toContain(secret);
  });

  it('removes whole PEM blocks and keeps the lines around them', () => {
    const out = redact('before\n-----BEGIN RSA PRIVATE KEY-----\nAAAAsecretBODY\n-----END RSA PRIVATE KEY-----\nafter\n');
    expect(out).toBe('before\n[REDACTED: PEM block (key or certificate) removed by badgateway-collect]\nafter\n');
  });

  it('leaves the lines the analyzer reads untouched', () => {
    const lines = [
      '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:19001/refused", host: "127.0.0.1:18080"',
      '    fastcgi_pass unix:/run/php/php8.2-fpm.sock;',
      '    proxy_pass http://app_backend;',
      '    proxy_set_header Host $host;',
      'pm.max_children = 5',
      'LISTEN 0      511        0.0.0.0:80        0.0.0.0:*    users:(("nginx",pid=1,fd=6))',
      '[22-Nov-2026 23:58:11] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it',
    ];
    expect(redact(`${lines.join('\n')}\n`)).toBe(`${lines.join('\n')}\n`);
  });
});

describe('collect.sh --redact on a hostile nginx -T dump', () => {
  const fixture = readFileSync(join(ROOT, 'test/collector/fixtures/hostile-nginx-T.txt'), 'utf8');
  const r = spawnSync('sh', [COLLECT, '--redact'], { input: fixture, encoding: 'utf8' });
  const out = r.stdout;

  it('leaves no planted secret: keys, licences, map and if values, next-line values, redis://:pw@, ghp_/xoxb- tokens, JWTs', () => {
    expect(r.status).toBe(0);
    const survivors = out.split('\n').filter((l) => l.includes('PLANT') && !l.startsWith('#'));
    expect(survivors).toEqual([]);
    // Base64 of a planted value would hide the marker: check it too.
    expect(out).not.toContain('UExBTlQ');
    expect(out).not.toContain('eyJQTEFOV');
  });

  it('keeps the structure and the values the analyzer needs', () => {
    expect(out.split('\n')).toHaveLength(fixture.split('\n').length);
    for (const kept of ['fastcgi_pass unix:/run/php/php8.2-fpm.sock;', 'proxy_pass http://app;', 'proxy_set_header X-Session-Token $cookie_session;', '/legacy legacy;', 'server_name shop.example.com;', 'upstream app { server 127.0.0.1:9000; }', '        default "";']) {
      expect(out).toContain(kept);
    }
    expect(out).toContain('fastcgi_param APP_KEY [REDACTED];');
    expect(out).toContain('redis://:[REDACTED]@10.0.0.9:6379/0');
    expect(out).toContain('php_value[newrelic.license] = [REDACTED]');
  });
});

describe('what nginx -T touches', () => {
  it('writes into no existing file and creates only what the header says (missing logs, pid file, temp dirs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-touch-'));
    mkdirSync(join(dir, 'conf'));
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs/existing.log'), 'untouched\n');
    writeFileSync(
      join(dir, 'conf/nginx.conf'),
      `pid ${dir}/run-nginx.pid;\nerror_log ${dir}/logs/existing.log;\nevents {}\nhttp {\n  access_log ${dir}/logs/new-access.log;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n  server { listen 127.0.0.1:1; server_name dup; }\n  server { listen 127.0.0.1:1; server_name dup; }\n}\n`,
    );
    const before = spawnSync('find', [dir], { encoding: 'utf8' }).stdout.split('\n').sort();
    const run = spawnSync('sh', [COLLECT], {
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, NGINX_BIN: NGINX, NGINX_PREFIX: dir, NGINX_CONF: join(dir, 'conf/nginx.conf'), NGINX_LOG_DIR: join(dir, 'logs'), PHP_FPM_BIN: 'none', BG_UNITS: '', BG_TIMEOUT: '5' },
    });
    expect(run.status, run.stderr).toBe(0);
    // The config test's warning went to the bundle (stderr of nginx -T), not into the log file.
    expect(run.stdout).toContain('conflicting server name "dup"');
    expect(readFileSync(join(dir, 'logs/existing.log'), 'utf8')).toBe('untouched\n');
    const after = spawnSync('find', [dir], { encoding: 'utf8' }).stdout.split('\n').sort();
    const created = after.filter((p) => !before.includes(p)).map((p) => p.slice(dir.length));
    expect(created.sort()).toEqual(['/body', '/fastcgi', '/logs/new-access.log', '/proxy', '/run-nginx.pid', '/scgi', '/uwsgi'].sort());
    expect(readFileSync(join(dir, 'run-nginx.pid'), 'utf8')).toBe('');
    rmSync(dir, { recursive: true, force: true });
    // …and the collector's header says so, instead of claiming to be read-only.
    const header = readFileSync(COLLECT, 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(header).not.toMatch(/^# Read-only/m);
    for (const said of ['empty', 'log files', 'pid file', '*_temp_path', 'proxy_cache_path', 'writes into no']) expect(header).toContain(said);
  });
});
