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
