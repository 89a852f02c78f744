/**
 * Recognisers for the other logs people paste beside nginx's: Apache's error
 * log, supervisord, Ruby app servers (Puma, Unicorn, Passenger) and hosting
 * platforms' routers (Heroku, Fly.io). Every line is a real one from the
 * real-lines corpus (test/fixtures/real-lines/lines.jsonl, thread in `source`).
 */
import { describe, expect, it } from 'vitest';
import { recogniseApache } from '../../../src/analyzer/parse/apache.ts';
import { recogniseSupervisord } from '../../../src/analyzer/parse/supervisord.ts';
import { recogniseRubyServer } from '../../../src/analyzer/parse/ruby-server.ts';
import { recognisePlatformRouter } from '../../../src/analyzer/parse/platform-router.ts';
import { ctimeTime } from '../../../src/analyzer/parse/time.ts';
import { analyze, type LineResult } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';

const catalog = loadCatalog(new URL('../../../content', import.meta.url).pathname);

function verdict(line: string): LineResult {
  const out: LineResult[] = [];
  analyze(line, { catalog, onLine: (r) => out.push(r) });
  return out[0]!;
}

describe('Apache error log', () => {
  it('reads the 2.4 head: time, module, level, pid, APR status and AH code', () => {
    const r = recogniseApache('[Fri Dec 20 22:00:10.627115 2019] [proxy:error] [pid 1252] (111)Connection refused: AH00957: FCGI: attempt to connect to 127.0.0.1:8000 (*) failed', 0)!;
    expect(r).toMatchObject({ kind: 'apache', level: 'error', time: '2019-12-20T22:00:10', facts: { module: 'proxy', pid: '1252', errno: '111', errtext: 'Connection refused', code: 'AH00957' } });
  });
  it('reads the client after the status and threads ids', () => {
    const r = recogniseApache('[Wed Jun 17 13:08:52.089713 2020] [proxy_http:error] [pid 12181:tid 140023206749952] (20014)Internal error (specific information not available): [client x.x.x.x:39416] AH01102: error reading status line from remote server 127.0.0.1:9001', 0)!;
    expect(r.facts).toMatchObject({ module: 'proxy_http', pid: '12181', errno: '20014', client: 'x.x.x.x:39416', code: 'AH01102' });
  });
  it('reads the client before the message and 2.2 heads without a module', () => {
    expect(recogniseApache('[Sat Jul 08 17:40:54.742228 2017] [proxy_http:error] [pid 1081] [client 10.0.2.2:53768] AH01114: HTTP: failed to make connection to backend: 127.0.0.1', 0)!.facts).toMatchObject({ client: '10.0.2.2:53768', code: 'AH01114' });
    const r = recogniseApache('[Wed May 28 17:00:35 2014] [error](111)Connection refused: proxy: HTTP: attempt to connect to 127.1.244.129:8080 (127.1.244.129) failed', 0)!;
    expect(r).toMatchObject({ level: 'error', time: '2014-05-28T17:00:35', facts: { errno: '111' } });
    expect(r.facts.module).toBeUndefined();
  });
  it('keeps notices and a message pasted without its head', () => {
    expect(recogniseApache("[Sat Jul 08 17:32:14.669142 2017] [core:notice] [pid 1076] AH00094: Command line: '/usr/sbin/apache2'", 0)).toMatchObject({ level: 'notice', facts: { code: 'AH00094' } });
    expect(recogniseApache('AH00959: ap_proxy_connect_backend disabling worker for (127.0.0.1) for 60s', 0)?.facts.code).toBe('AH00959');
  });
  it('leaves nginx and PHP-FPM lines alone', () => {
    expect(recogniseApache('2020/05/07 03:15:12 [error] 6#6: *1 connect() failed (111: Connection refused) while connecting to upstream', 0)).toBeNull();
    expect(recogniseApache('[15-Sep-2023 11:20:19] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it', 0)).toBeNull();
  });
  it('normalises ctime with one- or two-digit days', () => {
    expect(ctimeTime('Sat Jul  8 17:32:14 2017')).toBe('2017-07-08T17:32:14');
    expect(ctimeTime('Fri May 09 09:13:06.149292 2014')).toBe('2014-05-09T09:13:06');
    expect(ctimeTime('Fri Foo 09 09:13:06 2014')).toBeUndefined();
  });
});

describe('supervisord', () => {
  it('reads an unexpected exit as an event with program and status', () => {
    expect(recogniseSupervisord('2023-11-28 20:58:17,094 INFO exited: homework-tracker (exit status 127; not expected)', 0)).toMatchObject({ kind: 'supervisor', level: 'error', event: 'process-exited', time: '2023-11-28T20:58:17', facts: { program: 'homework-tracker', status: '127' } });
  });
  it('reads giving up and the status table', () => {
    expect(recogniseSupervisord('2024-10-18 05:53:02,504 INFO gave up: gunicorn entered FATAL state, too many start retries too quickly', 0)).toMatchObject({ event: 'process-fatal', facts: { program: 'gunicorn' } });
    expect(recogniseSupervisord('myauth:gunicorn                  FATAL      Exited too quickly (process log may have details)', 0)).toMatchObject({ event: 'process-fatal', facts: { program: 'myauth:gunicorn', state: 'FATAL' } });
    expect(recogniseSupervisord('superset             BACKOFF            Exited too quickly (process log may have details)', 0)?.event).toBe('process-fatal');
  });
  it('keeps start-up, expected stops and the CRIT root reminder without an event', () => {
    for (const line of [
      '2023-11-28 20:58:16,047 INFO supervisord started with pid 610850',
      '2024-10-18 05:56:18,707 WARN stopped: cron (terminated by SIGTERM)',
      '2024-10-18 05:57:05,308 CRIT Supervisor is running as root.  Privileges were not dropped because no user is specified in the config file.  If you intend to run as root, you can set user=root in the config file to avoid this message.',
    ]) {
      const r = recogniseSupervisord(line, 0);
      expect(r?.kind, line).toBe('supervisor');
      expect(r?.event, line).toBeUndefined();
    }
  });
  it('does not take a gunicorn line for supervisord', () => {
    expect(recogniseSupervisord('2015-11-12 17:23:50 [17027] [CRITICAL] WORKER TIMEOUT (pid:17033)', 0)).toBeNull();
  });
});

describe('Ruby app servers', () => {
  it('reads Puma killing a stuck worker', () => {
    expect(recogniseRubyServer('[2419] - KILL sent to 3229...', 0)).toMatchObject({ kind: 'ruby', event: 'worker-killed', facts: { pid: '2419', worker: '3229' } });
    expect(recogniseRubyServer('[2419] - Worker 1 (pid: 4812) booted, phase: 5', 0)).toMatchObject({ kind: 'ruby', facts: { pid: '2419' } });
  });
  it('reads Unicorn timeouts in the Ruby Logger format', () => {
    const r = recogniseRubyServer('E, [2018-06-01T19:13:51.215829 #12] ERROR -- : worker=0 PID:303 timeout (16s > 15s), killing', 0)!;
    expect(r).toMatchObject({ kind: 'ruby', level: 'error', event: 'worker-timeout', time: '2018-06-01T19:13:51', facts: { worker: '0', pid: '303', seconds: '16', timeout: '15' } });
    expect(recogniseRubyServer('I, [2017-04-19T10:19:18.119862 #4812]  INFO -- sentry: ** [Raven] Raven 2.4.0 ready to catch errors', 0)).toMatchObject({ level: 'info', facts: { pid: '4812' } });
  });
  it('reads Passenger core lines, even cut by a pager', () => {
    expect(recogniseRubyServer('[ 2013-10-08 10:50:43.0102 2831/b533a450 Pool2/Implementation.cpp:849 ]: Could $', 0)).toMatchObject({ kind: 'ruby', time: '2013-10-08T10:50:43', facts: { pid: '2831' } });
  });
  it('does not take dmesg or nginx lines', () => {
    expect(recogniseRubyServer('[12519.749509] init: php5-fpm respawning too fast, stopped', 0)).toBeNull();
    expect(recogniseRubyServer('[error] 2586#2586: *4368 FastCGI sent in stderr: "Primary script unknown"', 0)).toBeNull();
  });
});

describe('hosting platform routers', () => {
  it('reads Heroku router errors with code and status', () => {
    const r = recognisePlatformRouter('heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="/" host=sendgridwebhooks.herokuapp.com request_id=7c9ad137-4e08-4089-8d50-f09d8b7654ab fwd="167.89.121.247" dyno=web.1 connect=2ms service=30000ms status=503 bytes=0', 0, undefined)!;
    expect(r).toMatchObject({ kind: 'platform', level: 'error', event: 'platform-error', facts: { platform: 'heroku', code: 'H12', errtext: 'Request timeout', status: '503' } });
  });
  it('reads a syslog drain tag, a bare key=value body and dyno lines', () => {
    expect(recognisePlatformRouter('at=error code=H10 desc="App crashed" method=GET path="/" host=fateoftime.com', 0, 'heroku/router')?.facts.code).toBe('H10');
    expect(recognisePlatformRouter('`at=error code=H13 desc="Connection closed without response"', 0, undefined)).toBeNull();
    expect(recognisePlatformRouter('at=error code=H13 desc="Connection closed without response" method=GET', 0, undefined)?.facts.code).toBe('H13');
    expect(recognisePlatformRouter('heroku[web.1]: Idling', 0, undefined)).toMatchObject({ level: 'info', facts: { process: 'web.1' } });
  });
  it('reads Fly.io proxy and app lines', () => {
    expect(recognisePlatformRouter('2023-02-16T03:02:28.944 proxy[ed63d73f] lhr [error] instance refused connection', 0, undefined)).toMatchObject({ kind: 'platform', level: 'error', event: 'platform-error', time: '2023-02-16T03:02:28', facts: { platform: 'fly', process: 'proxy', region: 'lhr' } });
    expect(recognisePlatformRouter('2023-02-16T03:02:28.191 app[ed63d73f] lhr [info] Listening on :::5006...', 0, undefined)?.event).toBeUndefined();
  });
});

describe('verdicts through the engine (real lines, real catalog)', () => {
  it.each([
    ['[Fri Dec 20 22:00:10.627115 2019] [proxy:error] [pid 1252] (111)Connection refused: AH00957: FCGI: attempt to connect to 127.0.0.1:8000 (*) failed', 'connection-refused'],
    ['[Wed Jul 07 23:05:38.921347 2021] [proxy:error] [pid 1685931:tid 140146502518528] (2)No such file or directory: AH02454: FCGI: attempt to connect to Unix domain socket /run/php/php7.4-fpm-student.domain.test.sock (*) failed', 'php-fpm-socket-missing'],
    ['[Fri Jan 28 14:18:33.838658 2022] [proxy_http:error] [pid 119] (70007)The timeout specified has expired: [client 10.6.0.2:52924] AH01102: error reading status line from remote server localhost:8000, referer: https://192.168.178.98:8080/containers', 'upstream-timed-out'],
    ['[Tue Sep 08 16:38:35 2015] [error] proxy: HTTP: disabled connection for (localhost)', 'no-live-upstreams'],
    ['2016-01-15T16:13:56.982182+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="/" host=sendgridwebhooks.herokuapp.com request_id=7c9ad137-4e08-4089-8d50-f09d8b7654ab fwd="167.89.121.247" dyno=web.1 connect=2ms service=30000ms status=503 bytes=0', 'upstream-timed-out'],
    ['2023-02-16T03:02:28.944 proxy[ed63d73f] lhr [error] instance refused connection', 'connection-refused'],
    ['[2419] - KILL sent to 3229...', 'backend-hung-processes'],
    ['E, [2018-06-01T19:13:51.215829 #12] ERROR -- : worker=0 PID:303 timeout (16s > 15s), killing', 'backend-hung-processes'],
  ])('%s → %s', (line, cause) => {
    expect(verdict(line).cause).toBe(cause);
  });

  it.each([
    '[Sat Jul 08 17:32:14.669040 2017] [mpm_prefork:notice] [pid 1076] AH00163: Apache/2.4.25 (Debian) mod_gnutls/0.8.2 GnuTLS/3.5.8 configured -- resuming normal operations',
    '2023-11-28 20:58:16,047 INFO supervisord started with pid 610850',
    '2024-10-18 05:57:07,318 INFO success: gunicorn entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    'I, [2018-06-01T19:13:19.179130 #303]  INFO -- : worker=0 ready',
    '2020-12-02T18:31:56.360217+00:00 heroku[web.1]: Idling',
    '2023-02-16T03:02:28.191 app[ed63d73f] lhr [info] Listening on :::5006...',
  ])('harmless and recognised: %s', (line) => {
    const r = verdict(line);
    expect(r.kind).not.toBe('unknown');
    expect(r.cause).toBeNull();
  });
});
