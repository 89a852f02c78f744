import { describe, expect, it } from 'vitest';
import { recognisePhpFpm } from '../../../src/analyzer/parse/php-fpm.ts';
import { recogniseKernel } from '../../../src/analyzer/parse/kernel.ts';
import { recogniseSystemd } from '../../../src/analyzer/parse/systemd.ts';
import { recogniseGunicorn } from '../../../src/analyzer/parse/gunicorn.ts';
import { recogniseUwsgi } from '../../../src/analyzer/parse/uwsgi.ts';
import { recogniseNode } from '../../../src/analyzer/parse/node.ts';
import { recogniseSelinux } from '../../../src/analyzer/parse/selinux.ts';
import { recogniseIngress } from '../../../src/analyzer/parse/ingress.ts';
import { recogniseBrowserPage } from '../../../src/analyzer/parse/browser-page.ts';
import { parseCollectorMarker } from '../../../src/analyzer/parse/collector.ts';

describe('PHP-FPM log', () => {
  it('reads max_children with pool and limit', () => {
    const r = recognisePhpFpm('[22-Nov-2026 23:58:07] WARNING: [pool tiny] server reached pm.max_children setting (1), consider raising it', 0)!;
    expect(r).toMatchObject({ kind: 'php-fpm', level: 'warning', event: 'max-children', time: '2026-11-22T23:58:07', facts: { pool: 'tiny', max_children: '1' } });
  });
  it('reads a child killed by a signal, also with the debug pid prefix', () => {
    expect(recognisePhpFpm('[22-Nov-2026 23:58:07] WARNING: [pool www] child 1883 exited on signal 9 (SIGKILL) after 22.849948 seconds from start', 0)).toMatchObject({ event: 'child-signal', facts: { pid: '1883', signal: 'SIGKILL' } });
    expect(recognisePhpFpm('[22-Nov-2026 23:58:07.123456] WARNING: pid 1865, fpm_children_bury(), line 288: [pool www] child 2038 exited on signal 11 (SIGSEGV) after 1.114965 seconds from start', 0)).toMatchObject({ event: 'child-signal', facts: { pool: 'www', signal: 'SIGSEGV' } });
  });
  it('reads request_terminate_timeout kills', () => {
    const r = recognisePhpFpm(`[22-Nov-2026 23:58:07] WARNING: [pool term] child 1892, script '/srv/lab/www/slow.php' (request: "GET /s06/slow.php?s=8&rid=s06-2") execution timed out (2.188187 sec), terminating`, 0)!;
    expect(r).toMatchObject({ event: 'child-timeout', facts: { pool: 'term', path: '/srv/lab/www/slow.php', seconds: '2.188187' } });
  });
  it('accepts the lab prefix and "unable to read what child say"', () => {
    expect(recognisePhpFpm('php-fpm WARNING: [pool tiny] server reached pm.max_children setting (1), consider raising it', 0)?.event).toBe('max-children');
    expect(recognisePhpFpm('[22-Nov-2026 23:58:07] WARNING: [pool www] child 12 said into stderr: "x"', 0)?.kind).toBe('php-fpm');
    expect(recognisePhpFpm('[22-Nov-2026 23:58:07] ERROR: unable to read what child say: Bad file descriptor (9)', 0)?.event).toBe('child-read-failed');
  });
});

describe('kernel, systemd, app servers', () => {
  it('reads the OOM killer in both formats', () => {
    expect(recogniseKernel('Out of memory: Killed process 1234 (php-fpm8.2) total-vm:512000kB, anon-rss:300000kB', 0, undefined)).toMatchObject({ event: 'oom-kill', facts: { pid: '1234', process: 'php-fpm8.2' } });
    expect(recogniseKernel('oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/php8.2-fpm.service,task=php-fpm8.2,pid=4321,uid=33', 0, undefined)).toMatchObject({ event: 'oom-kill', facts: { pid: '4321', process: 'php-fpm8.2' } });
  });
  it('reads systemd unit kills and start failures', () => {
    expect(recogniseSystemd('php8.2-fpm.service: Main process exited, code=killed, status=9/KILL', 0, undefined)).toMatchObject({ event: 'unit-killed', facts: { unit: 'php8.2-fpm.service', signal: 'KILL' } });
    expect(recogniseSystemd('Failed to start nginx.service - A high performance web server and a reverse proxy server.', 0, undefined)).toMatchObject({ event: 'unit-failed', facts: { unit: 'nginx.service' } });
    expect(recogniseSystemd("php8.2-fpm.service: Failed with result 'oom-kill'.", 0, undefined)?.event).toBe('oom-kill');
  });
  it('reads Gunicorn worker timeouts', () => {
    expect(recogniseGunicorn('[2026-11-22 23:58:07 +0000] [123] [CRITICAL] WORKER TIMEOUT (pid:124)', 0, undefined)).toMatchObject({ kind: 'gunicorn', level: 'critical', event: 'worker-timeout', facts: { pid: '124' } });
  });
  it('reads uWSGI harakiri and dead workers', () => {
    expect(recogniseUwsgi('*** HARAKIRI ON WORKER 1 (pid: 1234, try: 1) ***', 0, undefined)).toMatchObject({ event: 'harakiri', facts: { pid: '1234' } });
    expect(recogniseUwsgi('DAMN ! worker 1 (pid: 1234) died, killed by signal 9 :( trying respawn ...', 0, undefined)?.event).toBe('worker-killed');
  });
  it('reads Node/pm2 crashes', () => {
    expect(recogniseNode('Error: listen EADDRINUSE: address already in use :::3000', 0, undefined)).toMatchObject({ event: 'eaddrinuse', facts: { address: ':::3000' } });
    expect(recogniseNode('PM2        | App [api:0] exited with code [1] via signal [SIGINT]', 0, undefined)).toMatchObject({ event: 'app-crash', facts: { app: 'api:0', code: '1' } });
  });
  it('reads SELinux AVC denials with comm and port', () => {
    const r = recogniseSelinux('type=AVC msg=audit(1763855887.123:456): avc:  denied  { name_connect } for  pid=1234 comm="nginx" dest=8080 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:http_cache_port_t:s0 tclass=tcp_socket permissive=0', 0)!;
    expect(r.facts).toMatchObject({ permission: 'name_connect', comm: 'nginx', port: '8080', tclass: 'tcp_socket' });
  });
  it('reads ingress controller klog lines', () => {
    expect(recogniseIngress('W1122 23:58:07.123456       7 controller.go:1234] Service "default/api" does not have any active Endpoint.', 0)?.level).toBe('warn');
  });
});

describe('pasted error pages and collector markers', () => {
  it('names the producer of an error page', () => {
    expect(recogniseBrowserPage('<hr><center>nginx/1.22.1</center>', 0)?.producer).toEqual({ name: 'nginx', version: '1.22.1' });
    expect(recogniseBrowserPage('awselb/2.0', 0)?.producer).toEqual({ name: 'awselb', version: '2.0' });
    expect(recogniseBrowserPage('Server: cloudflare', 0)?.producer).toEqual({ name: 'cloudflare' });
    expect(recogniseBrowserPage('Microsoft-Azure-Application-Gateway/v2', 0)?.producer?.name).toBe('Microsoft-Azure-Application-Gateway');
    expect(recogniseBrowserPage('<center>openresty</center>', 0)?.producer?.name).toBe('openresty');
    expect(recogniseBrowserPage('<head><title>502 Bad Gateway</title></head>', 0)?.facts.status).toBe('502');
  });
  it('does not take arbitrary prose for a page', () => {
    expect(recogniseBrowserPage('we restarted nginx after the deploy', 0)).toBeNull();
  });
  it('parses collector section markers and picks a mode', () => {
    expect(parseCollectorMarker('==== badgateway-collect: nginx-T ====')).toEqual({ name: 'nginx-T', mode: 'nginx-config' });
    expect(parseCollectorMarker('==== badgateway-collect: php-fpm-pool /etc/php/8.2/fpm/pool.d/www.conf ====')).toEqual({ name: 'php-fpm-pool', arg: '/etc/php/8.2/fpm/pool.d/www.conf', mode: 'fpm-config' });
    expect(parseCollectorMarker('==== badgateway-collect: nginx-error-log ====')?.mode).toBe('logs');
    expect(parseCollectorMarker('==== something else ====')).toBeNull();
  });
});
