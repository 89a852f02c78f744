/**
 * Command output pasted with a config (ss, netstat, ls -l, ls errors, php -v)
 * becomes host facts, and the rules pasted-socket-listing / pasted-listeners
 * check the pass directives against them. The outputs below are constructed
 * in the formats of Debian 12's ss, net-tools netstat, coreutils ls and PHP
 * 8.2 (invented examples: no thread in the corpus posted them with a config).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, type Finding } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { parsePastedOutput } from '../../../src/analyzer/parse/pasted-output.ts';
import type { HostFacts } from '../../../src/analyzer/config/rules/types.ts';

const catalog = loadCatalog(fileURLToPath(new URL('../../../content', import.meta.url)));
const byRule = (text: string, rule: string): Finding[] => analyze(text, { catalog }).findings.filter((f) => f.evidence.some((e) => e.rule === rule));
const facts = (lines: string[]): HostFacts => {
  const h: HostFacts = { listening: [] };
  lines.forEach((l, i) => parsePastedOutput(l, i + 1, h));
  return h;
};

const PHP71 = 'location ~ \\.php$ {\n    include snippets/fastcgi-php.conf;\n    fastcgi_pass unix:/var/run/php/php7.1-fpm.sock;\n}\n';
const LS = ['total 4', '-rw-r--r-- 1 root     root     5 Dec  7 01:00 php8.2-fpm.pid', 'srw-rw---- 1 www-data www-data 0 Dec  7 01:00 php8.2-fpm.sock'];
const SS = ['State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process', 'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("nginx",pid=812,fd=6))', 'LISTEN 0      4096       127.0.0.1:8080      0.0.0.0:*    users:(("java",pid=901,fd=9))'];

describe('pasted command output', () => {
  it('reads ss and netstat listeners, ls entries and errors, php -v', () => {
    const h = facts([...SS, 'tcp        0      0 127.0.0.1:9000          0.0.0.0:*               LISTEN      1234/php-fpm: mast', ...LS, "ls: cannot access '/run/php/php7.1-fpm.sock': No such file or directory", 'PHP 8.2.7 (cli) (built: Jun  9 2023 19:37:27) (NTS)']);
    expect(h.listening.map((l) => l.address)).toEqual(['0.0.0.0:80', '127.0.0.1:8080', '127.0.0.1:9000']);
    expect(h.files).toEqual([
      { name: 'php8.2-fpm.pid', type: 'other', owner: 'root', group: 'root', line: 6 },
      { name: 'php8.2-fpm.sock', type: 'socket', owner: 'www-data', group: 'www-data', line: 7 },
    ]);
    expect(h.missing).toEqual([{ path: '/run/php/php7.1-fpm.sock', line: 8 }]);
    expect(h.php).toEqual({ version: '8.2', line: 9 });
  });

  it('reads where a pasted gunicorn command binds', () => {
    const h = facts(['gunicorn day01.asgi:application -b unix:/tmp/gunicorn.sock --reload -w 2', 'exec gunicorn app.wsgi --bind=0.0.0.0:8000 --workers 3', 'ExecStart=/srv/venv/bin/gunicorn --workers 3 --bind unix:/run/app.sock app.wsgi:application']);
    expect(h.binds).toEqual([
      { address: 'unix:/tmp/gunicorn.sock', program: 'gunicorn', line: 1 },
      { address: '0.0.0.0:8000', program: 'gunicorn', line: 2 },
      { address: 'unix:/run/app.sock', program: 'gunicorn', line: 3 },
    ]);
    expect(h.listening).toEqual([]);
  });

  it("reads a docker run's published ports and bind mounts (a stray quote dropped)", () => {
    const h = facts(['sudo docker run -d -it -p 9001:9000 --name legacy_app -v /home/httpd/myapp/public":/var/www/html helder/php-5.3', 'docker run --publish=127.0.0.1:8080:80/tcp --volume /srv/conf/:/etc/nginx/conf.d:ro nginx']);
    expect(h.dockerRuns).toEqual([
      { ports: [{ host: '9001', container: '9000' }], volumes: [{ source: '/home/httpd/myapp/public', target: '/var/www/html' }], line: 1 },
      { ports: [{ host: '8080', container: '80' }], volumes: [{ source: '/srv/conf', target: '/etc/nginx/conf.d' }], line: 2 },
    ]);
  });

  it('leaves config and log lines alone', () => {
    const h = facts(['listen 80;', 'fastcgi_pass 127.0.0.1:9000;', '2026/12/07 01:00:00 [error] 1#1: *1 connect() failed (111: Connection refused)']);
    expect(h).toEqual({ listening: [] });
  });
});

describe('pasted-socket-listing', () => {
  it('ls says the socket does not exist: names the fastcgi_pass line', () => {
    const f = byRule(`${PHP71}\n$ ls -l /run/php/php7.1-fpm.sock\nls: cannot access '/run/php/php7.1-fpm.sock': No such file or directory\n`, 'pasted-socket-listing');
    expect(f.map((x) => x.cause)).toEqual(['php-fpm-socket-missing']);
    expect(f[0]!.evidence.find((e) => e.rule === 'pasted-socket-listing')!.text).toContain('fastcgi_pass unix:/var/run/php/php7.1-fpm.sock;');
  });

  it('ls -l lists another socket; php -v shows another version', () => {
    expect(byRule(`${PHP71}\n${LS.join('\n')}\n`, 'pasted-socket-listing').map((x) => x.cause)).toEqual(['php-fpm-socket-missing']);
    expect(byRule(`${PHP71}\nPHP 8.2.7 (cli) (built: Jun  9 2023 19:37:27) (NTS)\n`, 'pasted-socket-listing').map((x) => x.cause)).toEqual(['php-fpm-socket-missing']);
  });

  it('is silent when the socket is the one listed and the version matches (the fixed config)', () => {
    const fixed = PHP71.replace('php7.1', 'php8.2');
    expect(byRule(`${fixed}\n${LS.join('\n')}\nPHP 8.2.7 (cli) (built: Jun  9 2023 19:37:27) (NTS)\n`, 'pasted-socket-listing')).toEqual([]);
    expect(byRule(PHP71, 'pasted-socket-listing')).toEqual([]);
  });
});

describe('pasted-listeners', () => {
  const conf = 'location / {\n    proxy_pass http://127.0.0.1:3000;\n}\n';
  it('names the pass to a loopback port nothing listens on', () => {
    const f = byRule(`${conf}\n${SS.join('\n')}\n`, 'pasted-listeners');
    expect(f.map((x) => x.cause)).toEqual(['connection-refused']);
    expect(f[0]!.evidence.find((e) => e.rule === 'pasted-listeners')!.text).toContain('proxy_pass http://127.0.0.1:3000;');
  });
  it('is silent when the port is listed (the fixed pass) or no listing was pasted', () => {
    expect(byRule(`${conf.replace('3000', '8080')}\n${SS.join('\n')}\n`, 'pasted-listeners')).toEqual([]);
    expect(byRule(conf, 'pasted-listeners')).toEqual([]);
  });
});

describe('pasted-docker-ps', () => {
  const PS = [
    'CONTAINER ID   IMAGE          COMMAND                  CREATED        STATUS        PORTS                               NAMES',
    '3f2a1b4c5d6e   nginx:1.25     "/docker-entrypoint.…"   2 hours ago    Up 2 hours    0.0.0.0:80->80/tcp, :::80->80/tcp   web',
    '9a8b7c6d5e4f   php:8.2-fpm    "docker-php-entrypoi…"   2 hours ago    Up 2 hours    9000/tcp                            php',
  ].join('\n');
  const conf = (to: string): string => `location ~ \\.php$ {\n    fastcgi_pass ${to};\n}\n`;

  it('reads the rows (PORTS may be empty)', () => {
    const h = facts([...PS.split('\n'), '0123456789ab   redis:7        "docker-entrypoint.s…"   2 hours ago    Up 2 hours                                        cache']);
    expect(h.containers?.map((c) => [c.image, c.name, c.ports])).toEqual([
      ['nginx:1.25', 'web', '0.0.0.0:80->80/tcp, :::80->80/tcp'],
      ['php:8.2-fpm', 'php', '9000/tcp'],
      ['redis:7', 'cache', ''],
    ]);
  });

  it('names the loopback pass when nginx runs in a container, with the container that has the port', () => {
    const f = byRule(`${conf('127.0.0.1:9000')}\n${PS}\n`, 'pasted-docker-ps');
    expect(f.map((x) => x.cause)).toEqual(['docker-container-not-reachable']);
    expect(f[0]!.note).toContain('php:9000');
  });

  it('is silent for the fixed pass (php:9000) and when no nginx container is listed', () => {
    expect(byRule(`${conf('php:9000')}\n${PS}\n`, 'pasted-docker-ps')).toEqual([]);
    expect(byRule(`${conf('127.0.0.1:9000')}\n${PS.split('\n').filter((l) => !l.includes('nginx:')).join('\n')}\n`, 'pasted-docker-ps')).toEqual([]);
  });
});
