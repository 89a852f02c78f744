/**
 * nginx lines as people paste them from real threads (each from the
 * real-lines corpus, its thread in the comment): third-party modules'
 * wordings, OpenResty's Lua context, NGINX Unit's head, Markdown eating the
 * connection's "*", wrapped FastCGI stderr, the official image's entrypoint.
 * Each case is a general rule of the engine, checked on its real line and on
 * a variant that must not be claimed the same way.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { Analyzer, type LineResult } from '../../../src/analyzer/index.ts';
import { parseEvent } from '../../../src/analyzer/events/parse.ts';

const catalog = loadCatalog(new URL('../../../content', import.meta.url).pathname);

function verdict(line: string): { kind: string; cause: string | null; harmless: boolean; findings: string[] } {
  const results: LineResult[] = [];
  const a = new Analyzer({ catalog, onLine: (r) => results.push(r) });
  a.push(`${line}\n`);
  const report = a.end();
  const r = results[0]!;
  return { kind: r.kind, cause: r.cause, harmless: r.harmless === true, findings: report.findings.map((f) => f.cause) };
}

describe('unclassified errors: closest article', () => {
  it('a third-party resolver failure points to the resolver article', () => {
    // https://github.com/HatsuneMiku3939/ngx_upstream_resolveMK/issues/5
    expect(verdict('2019/04/25 06:07:51 [error] 24495#0: upstream_resolveMK: resolver failed ,"web.service.consul" (3: Host not found))').cause).toBe('resolver-could-not-resolve');
  });

  it('a worker that cannot be spawned means nginx is not serving (ngx_spawn_process)', () => {
    // https://github.com/microsoft/WSL/issues/68
    expect(verdict('2016/05/27 20:06:36 [alert] 79#0: ioctl(FIOASYNC) failed while spawning "worker process" (22: Invalid argument)').cause).toBe('nginx-not-running');
    // The same call failing elsewhere is not about spawning.
    expect(verdict('2016/05/27 20:06:36 [alert] 79#0: ioctl(FIOASYNC) failed (22: Invalid argument)').cause).not.toBe('nginx-not-running');
  });
});

describe('tolerant heads and tails', () => {
  it("reads the errno before OpenResty's \", context: ngx.timer\"", () => {
    // https://github.com/Kong/kong/issues/7716
    const ev = parseEvent('> 2021/08/16 02:42:02 [error] 23#0: *763 recv() failed (113: Host is unreachable), context: ngx.timer, client: 127.0.0.1, server: 127.0.0.1:8444');
    expect(ev?.errno?.name).toBe('EHOSTUNREACH');
    expect(ev?.template).toBe('recv() failed');
    expect(verdict('> 2021/08/16 02:42:02 [error] 23#0: *763 recv() failed (113: Host is unreachable), context: ngx.timer, client: 127.0.0.1, server: 127.0.0.1:8444').cause).toBe('firewall-blocks-backend-port');
  });

  it('reads "_487" as the connection number Markdown turned into italics', () => {
    // https://github.com/zendframework/ZendSkeletonApplication/pull/193
    const line = '2013/05/30 22:05:26 [error] 19162#0: _487 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: *__.49.77.206, server: *_***_.**_.***_.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/dev/shm/php-cgi.sock:", host: "**_*****_.com"';
    expect(parseEvent(line)?.template).toBe('recv() failed');
    expect(verdict(line).cause).toBe('php-fpm-child-crashed');
  });

  it('reads a bare connection number whose "*" Markdown dropped, but not a message that starts with a number', () => {
    // https://github.com/kimai/www.kimai.org/pull/94
    const line = '2734 FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream...';
    expect(parseEvent(line)?.template).toBe('FastCGI sent in stderr: "%S"');
    expect(verdict(line).cause).toBe('primary-script-unknown');
    expect(verdict('1024 worker_connections are not enough').cause).toBe('worker-connections-not-enough');
  });

  it("reads NGINX Unit's head (milliseconds, no colon after PID#TID)", () => {
    // https://github.com/nginx/unit/issues/370
    const ev = parseEvent('2020/01/15 10:07:18.490 [debug] 18407#18409 *5 SSL_do_handshake(24): -1 err:11');
    expect(ev?.level).toBe('debug');
    expect(ev?.message.startsWith('SSL_do_handshake(24)')).toBe(true);
    expect(verdict('2020/01/15 10:07:18.490 [debug] 18407#18409 *5 SSL_do_handshake(24): -1 err:11')).toMatchObject({ kind: 'nginx-error', cause: null, harmless: true });
  });

  it('drops a "[...]" the poster put where the line went on', () => {
    // https://github.com/kubernetes/ingress-nginx/issues/7564
    const ev = parseEvent('epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while sending request to upstream [...]');
    expect(ev?.template).toBe('client prematurely closed connection, so upstream connection is closed too');
    expect(ev?.action).toBe('sending request to upstream');
  });

  it('reads a head-less message after a poster\'s "Error: `"', () => {
    // https://github.com/nginx-proxy/nginx-proxy/issues/1149
    expect(verdict('Error: `85#85: 1024 worker_connections are not enough`').cause).toBe('worker-connections-not-enough');
  });

  it('keeps a headless message with an unknown text when it ends in an upstream phase', () => {
    // https://github.com/kubernetes/ingress-nginx/issues/5715: the start of the line was cut.
    const v = verdict('failed (113: No route to host) while connecting to upstream, client: 10.10.15.21, server: www.k8s.com, request: "GET /itmp HTTP/1.1", upstream: "http://172.17.69.3:8020/", host: "www.k8s.com"');
    expect(v.cause).toBe('firewall-blocks-backend-port');
    // An unknown text with a client-side action is not enough to call it nginx's.
    expect(parseEvent('something odd happened while reading client request line')).toBeNull();
  });

  it('reads the last line of a wrapped FastCGI stderr record as that record (harmless unless fatal)', () => {
    // https://github.com/owncloud/core/issues/17884 (shortened paths)
    const tail = 'PHP message: [owncloud][files_locking][0] INFO: Incrementing lock type 1 count for /srv/www/x/avatar.jpg" while reading response header from upstream, client: 123.123.123.123, server: sub.domain.tld, request: "GET /index.php/avatar/x/128 HTTP/1.1", upstream: "fastcgi://unix:/var/run/php5-fpm.sock:", host: "sub.domain.tld"';
    expect(parseEvent(tail)?.template).toBe('FastCGI sent in stderr: "%S"');
    expect(verdict(tail)).toMatchObject({ cause: null, harmless: true, findings: [] });
    const fatal = tail.replace('[owncloud][files_locking][0] INFO: Incrementing lock type 1 count for /srv/www/x/avatar.jpg', 'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /srv/www/x/lib/a.php on line 3');
    expect(verdict(fatal).harmless).toBe(false);
  });
});

describe('third-party modules and old wordings', () => {
  it("names nginx_tcp_proxy_module's and APISIX's \"no live upstreams\"", () => {
    // https://github.com/yaoweibin/nginx_tcp_proxy_module/issues/60, https://github.com/apache/apisix/issues/5733
    expect(verdict('2012/12/11 11:35:29 [error] 19566#0: *1 upstream servers are busy or encounter error! while connecting to upstream, client: 195.159.164.228, server: 0.0.0.0:80').cause).toBe('no-live-upstreams');
    expect(verdict('[lua] balancer.lua:327: run(): failed to pick server: failed to find valid upstream server, all upstream servers tried while connecting to upstream').cause).toBe('no-live-upstreams');
  });

  it("names OpenResty's timer without a free connection as worker_connections exhausted", () => {
    // https://github.com/Kong/kong/issues/11603
    expect(verdict('2023/09/19 07:29:36 [alert] 73#0: failed to create fake connection to run timer (co: 00007F9FA4AD4398)').cause).toBe('worker-connections-not-enough');
  });

  it('names an upstream wrong version number harmful even without its action (a mirror subrequest), a client one harmless', () => {
    // https://github.com/apache/apisix/issues/3783; the info line is its client-side counterpart (invented variant)
    expect(verdict('2021/03/08 21:16:09 [error] 65945#681239: *2862 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number), client: 127.0.0.1, server: , request: "GET /test/test HTTP/1.1", subrequest: "/proxy_mirror", host: "nutsta.cn:9080"').cause).toBe('ssl-wrong-version-number');
    expect(verdict('2021/03/08 21:16:09 [info] 65945#681239: *2862 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking, client: 127.0.0.1, server: 0.0.0.0:443').harmless).toBe(true);
  });

  it('names WAF blocks, idle CONNECT tunnels and the old "client closed prematurely connection" harmless', () => {
    // https://github.com/ADD-SP/ngx_waf/issues/18, https://github.com/chobits/ngx_http_proxy_connect_module/issues/191,
    // https://github.com/wandenberg/nginx-push-stream-module/issues/101
    for (const line of [
      '2021/01/15 18:51:51 [alert] 58#58: *2060 ngx_waf: [BLACK-URL][(?i)(?:\\.(?:bak|inc|old|mdb|sql|backup|java|class))$], client: 117.xx.xx.xx, server: xxxx, request: "GET /www.bak HTTP/2.0", host: "xxxx:8888",',
      '2021/04/28 14:07:20 [error] 68744#0: *10 proxy_connect: upstream read timed out (peer:40.xxx.xx.xxx:443) while connecting to upstream, client: 10.135.8.144',
      'client closed prematurely connection while reading client request line',
    ]) {
      expect(verdict(line), line).toMatchObject({ kind: 'nginx-error', cause: null, harmless: true, findings: [] });
    }
  });
});

describe("the official image's entrypoint", () => {
  it('names its start-up chatter harmless, behind any prefix', () => {
    // https://github.com/hnasr/javascript_playground/issues/16 and the other entrypoint lines of the corpus
    for (const line of [
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled',
      'tandoor_recipes-nginx_recipes-1  | /docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    ]) {
      expect(verdict(line), line).toMatchObject({ kind: 'nginx-entrypoint', cause: null, findings: [] });
    }
  });

  it('names a shell error in one of its scripts: nginx never starts', () => {
    // https://github.com/deepfence/DocumentationWebsite/issues/30
    expect(verdict("/docker-entrypoint.d/docker-entrypoint.sh: line 7: can't open /etc/nginx/conf.d/community.deepfence.io.conf.template: no such file").cause).toBe('nginx-not-running');
  });
});

describe("a 504 with nginx's own error page", () => {
  // https://github.com/dianagudu/motley_cue/issues/67, https://github.com/benoitc/gunicorn/issues/1976
  const line = '10.0.0.2 - - [22/Jan/2024:11:17:26 +0000] "GET /user/get_status HTTP/1.1" 504 167 "-" "python-requests/2.31.0" "2a02:8071:6410:480:1d80:e93a:8c08:b7e2"';

  it('names an upstream timeout from the access line alone (nginx answers 504 only when its timer fires)', () => {
    expect(verdict(line).findings).toEqual(['upstream-timed-out']);
    expect(verdict('nginx_1     | 172.24.0.1 - - [01/Feb/2019:18:34:01 +0000] "GET / HTTP/1.0" 504 167 "-" "ApacheBench/2.3"').findings).toEqual(['upstream-timed-out']);
  });

  it("says nothing for a 504 body that is not nginx's page (the backend's own 504)", () => {
    expect(verdict(line.replace(' 504 167 ', ' 504 1234 ')).findings).toEqual([]);
  });

  it('leaves the cause to the error line when the error log is pasted too', () => {
    const results: LineResult[] = [];
    const a = new Analyzer({ catalog, onLine: (r) => results.push(r) });
    a.push('2024/01/22 11:17:26 [error] 31#31: *569 upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.0.2, server: a, request: "GET /user/get_status HTTP/1.1", upstream: "http://192.168.215.1:80/user/get_status", host: "a"\n');
    a.push(`${line}\n`);
    expect(a.end().findings.map((f) => f.cause)).toEqual(['upstream-connect-timeout']);
  });
});

describe('conditions on the client address', () => {
  // https://github.com/hnasr/javascript_playground/issues/16
  const line = '2020/10/17 11:50:56 [error] 28#28: *2 connect() failed (111: Connection refused) while connecting to upstream, client: 172.17.0.1, server: , request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3001/", host: "localhost:8080"';

  it("names nginx's own container loopback when the client is a Docker bridge gateway", () => {
    expect(verdict(line).cause).toBe('docker-container-not-reachable');
  });

  it('keeps a plain refused connection for any other client (a container, a real address)', () => {
    expect(verdict(line.replace('client: 172.17.0.1,', 'client: 172.17.0.10,')).cause).toBe('connection-refused');
    expect(verdict(line.replace('client: 172.17.0.1,', 'client: 203.0.113.5,')).cause).toBe('connection-refused');
  });
});

describe('an OpenSSL error queue pasted alone', () => {
  it("reads nginx's \"(SSL: …)\" wrapping and points wrong version number to its own article", () => {
    // https://github.com/evertramos/nginx-proxy-automation/issues/10 (the reason, wrapped onto its own line)
    const ev = parseEvent('(SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) ');
    expect(ev?.template).toBe('(SSL: %V)');
    expect(ev?.ssl?.reasons).toContain('wrong version number');
    expect(verdict('(SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) ').cause).toBe('ssl-wrong-version-number');
    // Text before the queue that is not nginx's keeps the line unrecognised.
    expect(parseEvent('just some text (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number)')).toBeNull();
  });
});

describe("OpenResty cosocket errors after the Lua caller's words", () => {
  it('names "no resolver defined to resolve" behind a caller\'s prefix', () => {
    // https://github.com/doujiang24/lua-resty-kafka/issues/28, https://github.com/liseen/lua-resty-http/issues/36
    expect(verdict('send err:no resolver defined to resolve "cp01-rdqa-dev340.cp01.baidu.com"').cause).toBe('resolver-not-defined');
    expect(verdict('sock connected failed no resolver defined to resolve "www.google.com"').cause).toBe('resolver-not-defined');
    // The words alone, far into unrelated text, are not nginx's.
    expect(parseEvent(`${'x'.repeat(80)} no resolver defined to resolve "a"`)).toBeNull();
  });
});

describe('a 504 whose tries all hit the same timer', () => {
  // https://github.com/kubernetes/ingress-nginx/issues/9443
  const line = '> 108.162.227.25 - - [08/Mar/2023:16:02:45 +0000] "GET / HTTP/1.1" 504 562 "-" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36" 1100 14.998 [pc-dev-example-web-service-80] [] 192.168.215.1:80, 192.168.215.1:80, 192.168.215.1:80 0, 0, 0 5.000, 5.000, 5.000 504, 504, 504 a7c98d98ac870f64981a997cd2f373a1 ';

  it("is nginx's timeout, not the backend's own 504", () => {
    expect(verdict(line).findings).toEqual(['upstream-timed-out']);
  });

  it('tries of different lengths that end in 504 stay the backend\'s own answer', () => {
    expect(verdict(line.replace('5.000, 5.000, 5.000', '0.120, 0.340, 0.095')).findings).toEqual(['upstream-returned-502']);
  });
});
