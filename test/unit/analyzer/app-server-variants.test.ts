/**
 * Forms of app-server and platform lines the recognisers first missed: the
 * pre-19.0 Gunicorn stamp and its start-up lines under a log viewer's prefix,
 * uWSGI burying a worker, pm2's `pm2 logs` column, a Heroku dyno's own output
 * and a router line from an RFC 5424 drain. Every line is a real one from the
 * real-lines corpus (test/fixtures/real-lines/lines.jsonl, thread in `source`).
 */
import { describe, expect, it } from 'vitest';
import { recogniseGunicorn } from '../../../src/analyzer/parse/gunicorn.ts';
import { recogniseUwsgi } from '../../../src/analyzer/parse/uwsgi.ts';
import { recogniseNode } from '../../../src/analyzer/parse/node.ts';
import { recognisePlatformRouter } from '../../../src/analyzer/parse/platform-router.ts';
import { analyze, type LineResult } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';

const catalog = loadCatalog(new URL('../../../content', import.meta.url).pathname);

function verdict(line: string): LineResult {
  const out: LineResult[] = [];
  analyze(line, { catalog, onLine: (r) => out.push(r) });
  return out[0]!;
}

describe('Gunicorn', () => {
  it('reads the pre-19.0 stamp without brackets or zone', () => {
    // https://github.com/sci-wms/sci-wms/issues/108
    expect(recogniseGunicorn('2015-11-12 17:23:51 [17027] [INFO] 5 workers', 0, undefined)).toMatchObject({ kind: 'gunicorn', level: 'info', time: '2015-11-12T17:23:51' });
    expect(recogniseGunicorn('2015-11-12 17:23:50 [17027] [CRITICAL] WORKER TIMEOUT (pid:17033)', 0, undefined)).toMatchObject({ level: 'critical', event: 'worker-timeout', facts: { pid: '17033' } });
  });
  it('knows the arbiter booting a worker under a log viewer prefix', () => {
    // https://github.com/benoitc/gunicorn/issues/3098 (a log viewer's date column before the line)
    const line = 'Tue, Nov 28 2023 5:19:33 pm | GUNICORN: [254] [INFO] [2023-11-28 17:19:33 +0000] Booting worker with pid: 254';
    expect(recogniseGunicorn(line, 0, undefined)).toMatchObject({ kind: 'gunicorn', level: 'info' });
    expect(verdict(line)).toMatchObject({ kind: 'gunicorn', cause: null });
  });
  it('leaves a line that merely mentions workers alone', () => {
    expect(recogniseGunicorn('2015-11-12 17:23:51 [notice] 5 workers', 0, undefined)).toBeNull();
    expect(recogniseGunicorn('Booting worker with pid: 254', 0, undefined)).toBeNull();
  });
});

describe('uWSGI', () => {
  it('reads a worker buried during a reload as informational', () => {
    // https://github.com/cuckoosandbox/cuckoo/issues/2471
    const line = 'Mon Sep 10 11:02:16 2018 - worker 1 buried after 1 seconds';
    expect(recogniseUwsgi(line, 0, undefined)).toMatchObject({ kind: 'uwsgi', level: 'info' });
    expect(verdict(line)).toMatchObject({ kind: 'uwsgi', cause: null });
  });
});

describe('pm2', () => {
  it('reads the `pm2 logs` column, indented or after a time', () => {
    // https://github.com/Unitech/pm2/issues/5975 and https://github.com/Unitech/pm2/issues/3490
    expect(recogniseNode('                                     PM2        | 2025-04-18T19:08:43: PM2 log: App [http-server:0] starting in -fork mode-', 0, undefined)).toMatchObject({ kind: 'node' });
    expect(recogniseNode('12:49:02 PM2        | App [jsApp] with id [0] and pid [2988], exited with code [0] via signal [SIGINT]', 0, undefined)).toMatchObject({ kind: 'node' });
  });
  it("names a non-zero exit a crash and pm2's own SIGINT stop (code 0) harmless", () => {
    // https://github.com/Unitech/pm2/issues/3731 and https://github.com/Unitech/pm2/issues/2147
    expect(verdict('App [myapp] with id [1] and pid [23022], exited with code [7] via signal [null]').cause).toBe('node-app-crash-loop');
    expect(verdict('PM2: 2016-05-10 20:38:47: App [app] with id [1] and pid [26530], exited with code [0] via signal [SIGINT]')).toMatchObject({ kind: 'node', cause: null });
  });
  it('does not take an app named after pm2 for pm2 itself', () => {
    expect(recogniseNode('PM2ish | hello', 0, undefined)).toBeNull();
  });
});

describe('Heroku', () => {
  it("reads a dyno's own output", () => {
    // https://github.com/kzk/unicorn-worker-killer/issues/19
    const line = '2013-03-15T19:56:45+00:00 app[web.1]: Unicorn worker intercepting TERM and doing nothing. Wait for master to sent QUIT';
    expect(recognisePlatformRouter('app[web.1]: Unicorn worker intercepting TERM and doing nothing.', 0, undefined)).toMatchObject({ kind: 'platform', facts: { platform: 'heroku', process: 'web.1' } });
    expect(verdict(line)).toMatchObject({ kind: 'platform', cause: null });
  });
  it('reads a router line from an RFC 5424 drain shown by a log viewer', () => {
    // https://github.com/kzk/unicorn-worker-killer/issues/41
    const line = '» 07:39:26.195 2014-09-19 11:39:25.901328+00:00 heroku router - - at=info method=GET path="/locations/christian-counseling-centers-inc" host=api.smc-connect.org request_id=fc9f86ea-e371-4ff9-84ad-ba2404edd4b2 fwd="107.20.35.146/ec2-107-20-35-146.compute-1.amazonaws.com" dyno=web.2 connect=2ms service=36ms status=304 bytes=357';
    expect(recognisePlatformRouter(line, 0, undefined)).toMatchObject({ kind: 'platform', level: 'info', facts: { process: 'router', status: '304' } });
    expect(verdict(line)).toMatchObject({ kind: 'platform', cause: null });
    // Invented from the router's documented key=value format: an error keeps its code and event.
    expect(recognisePlatformRouter('heroku router - - at=error code=H12 desc="Request timeout" method=GET status=503', 0, undefined)).toMatchObject({ level: 'error', event: 'platform-error', facts: { code: 'H12' } });
  });
  it('does not take any bracketed app tag for a dyno', () => {
    expect(recognisePlatformRouter('app[1]: started', 0, undefined)).toBeNull();
  });
});

describe('verdicts of the new signatures (real lines, real catalog)', () => {
  const cases: [string, string][] = [
    ['[Fri Dec 20 22:00:09.995890 2019] [proxy_fcgi:error] [pid 1251] [client 163.172.11.188:51894] AH01079: failed to make connection to backend: localhost', 'connection-refused'],
    ['`[Wed Jul 07 23:01:02.931045 2021] [proxy_fcgi:error] [pid 1685931:tid 140146647234304] [client 103.145.227.81:0] AH01079: failed to make connection to backend: httpd-UDS`', 'php-fpm-socket-missing'],
    ['[ERROR 502 /server.php] dial tcp 127.0.0.1:9000: getsockopt: connection refused', 'connection-refused'],
    ['[26-Sep-2021 05:05:58] WARNING: [pool ***removed***.com] server reached max_children setting (8), consider raising it', 'php-fpm-max-children'],
    ['[2024-01-09 13:25:03 +0000] [1637] [WARNING] Worker with pid 7284 was terminated due to signal 9', 'gunicorn-worker-timeout'],
    ['May 16 11:41:43 server systemd[1]: ea-php72-php-fpm.service failed.', 'php-fpm-socket-missing'],
  ];
  it.each(cases)('%s', (line, cause) => {
    expect(verdict(line).cause).toBe(cause);
  });
  it("keeps a Go service's own failed dial to a sibling out of the upstream causes", () => {
    // https://github.com/sourcegraph/sourcegraph-public-snapshot/issues/1890: the app's dependency, not nginx's upstream
    const line = '23:53:43       repo-updater | t=2019-01-14T23:53:43+0000 lvl=eror msg="failed to run repository clone purge" worker=repo-purge error="Get http://127.0.0.1:3178/list?cloned: dial tcp 127.0.0.1:3178: connect: connection refused"';
    expect(verdict(line).cause).not.toBe('connection-refused');
  });
});
