import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNginxConfig, type ConfDirective, type ConfigLine } from '../../../src/analyzer/config/parse-nginx.ts';
import { printNginxConfig } from '../../../src/analyzer/config/print-nginx.ts';
import { parseFpmConfig, poolSetting } from '../../../src/analyzer/config/parse-fpm.ts';
import { parseSize, parseTime } from '../../../src/analyzer/config/units.ts';

const lines = (text: string, from = 1): ConfigLine[] => text.split('\n').map((t, i) => ({ line: from + i, text: t }));
const strip = (ds: ConfDirective[]): unknown[] => ds.map((d) => (d.block ? { name: d.name, args: d.args, block: strip(d.block) } : { name: d.name, args: d.args }));

describe('nginx config parser', () => {
  it('handles comments, quotes and escapes as nginx does', () => {
    const p = parseNginxConfig(lines(`# a comment
add_header X-A "semi;colon { brace } # not a comment";  # trailing
set $x 'it\\'s';
location ~ foo#bar { return 200; }`));
    expect(strip(p.directives)).toEqual([
      { name: 'add_header', args: ['X-A', 'semi;colon { brace } # not a comment'] },
      { name: 'set', args: ['$x', "it's"] },
      { name: 'location', args: ['~', 'foo#bar'], block: [{ name: 'return', args: ['200'] }] },
    ]);
    expect(p.warnings).toEqual([]);
  });
  it('keeps the pass directives a poster commented out, and nothing else from comments', () => {
    const p = parseNginxConfig(lines('location ~ \\.php$ {\n    fastcgi_pass unix:/var/run/php5-fpm.sock;\n    # fastcgi_pass unix:/var/run/php/php7.0-fpm.sock;\n    #proxy_pass http://127.0.0.1:8080;\n    # keepalive 16;\n    # With php5-fpm: fastcgi_pass x;\n}'));
    expect(p.commentedPasses.map((d) => [d.name, d.args[0], d.line])).toEqual([
      ['fastcgi_pass', 'unix:/var/run/php/php7.0-fpm.sock', 3],
      ['proxy_pass', 'http://127.0.0.1:8080', 4],
    ]);
    expect(p.directives[0]!.block!.map((d) => d.name)).toEqual(['fastcgi_pass']);
  });

  it('keeps input line numbers for every directive', () => {
    const p = parseNginxConfig(lines('http {\n  server {\n    listen 80;\n  }\n}', 10));
    expect(p.directives[0]!.block![0]!.block![0]).toMatchObject({ name: 'listen', line: 12 });
  });
  it('parses map and if blocks', () => {
    const p = parseNginxConfig(lines(`map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
}
if ($request_method = POST) { return 405; }`));
    expect(strip(p.directives)).toEqual([
      { name: 'map', args: ['$http_upgrade', '$connection_upgrade'], block: [{ name: 'default', args: ['upgrade'] }, { name: '', args: ['close'] }] },
      { name: 'if', args: ['($request_method', '=', 'POST)'], block: [{ name: 'return', args: ['405'] }] },
    ]);
  });
  it('splits nginx -T files at their markers and expands include', () => {
    const p = parseNginxConfig(lines(`nginx: the configuration file /etc/nginx/nginx.conf syntax is ok
# configuration file /etc/nginx/nginx.conf:
user www-data;
http {
    include /etc/nginx/sites-enabled/*;
}

# configuration file /etc/nginx/sites-enabled/default:
server {
    listen 80;
}
`).slice(1));
    expect([...p.files.keys()]).toEqual(['/etc/nginx/nginx.conf', '/etc/nginx/sites-enabled/default']);
    expect(strip(p.directives)).toEqual([
      { name: 'user', args: ['www-data'] },
      { name: 'http', args: [], block: [{ name: 'server', args: [], block: [{ name: 'listen', args: ['80'] }] }] },
    ]);
    expect(p.directives[1]!.block![0]!.file).toBe('/etc/nginx/sites-enabled/default');
  });
  it('gives a partial tree and a clear warning for unbalanced braces, never a throw', () => {
    const p = parseNginxConfig(lines('http {\n  server {\n    listen 80;\n'));
    expect(p.directives[0]!.block![0]!.block![0]!.name).toBe('listen');
    expect(p.warnings.join(' ')).toMatch(/unbalanced braces: 2 block\(s\) not closed/);
    const q = parseNginxConfig(lines('listen 80;\n}\n}'));
    expect(q.warnings.join(' ')).toMatch(/unexpected "}"/);
  });
  it('warns about a directive without ";" and an unterminated quote', () => {
    expect(parseNginxConfig(lines('proxy_pass http://x')).warnings.join(' ')).toMatch(/not terminated by ";"/);
    expect(parseNginxConfig(lines('return 200 "abc;')).warnings.join(' ')).toMatch(/unterminated quote/);
  });

  it('never throws on random token soups (property)', () => {
    const token = fc.constantFrom('{', '}', ';', '"', "'", '\\', '#', ' ', '\t', 'server', 'location', 'proxy_pass', 'http://a', '$x', '# configuration file /etc/nginx/a.conf:', 'include', '*', '\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string()), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const p = parseNginxConfig(lines(text));
        expect(Array.isArray(p.directives)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips print → parse on generated configs (property)', () => {
    const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,11}$/);
    const arg = fc.oneof(fc.stringMatching(/^[a-z0-9$/:._=-]{1,12}$/), fc.string({ maxLength: 12 }), fc.constantFrom('', 'a b', 'x;y', '{', '}', '#c', '"q"', "it's", 'back\\slash', 'tab\there', 'new\nline'));
    const directive: fc.Memo<ConfDirective> = fc.memo((depth) =>
      depth <= 1
        ? fc.record({ name, args: fc.array(arg, { maxLength: 4 }), line: fc.constant(0) })
        : fc.oneof(
            fc.record({ name, args: fc.array(arg, { maxLength: 4 }), line: fc.constant(0) }),
            fc.record({ name, args: fc.array(arg, { maxLength: 3 }), line: fc.constant(0), block: fc.array(directive(depth - 1), { maxLength: 4 }) }),
          ),
    );
    fc.assert(
      fc.property(fc.array(directive(3), { maxLength: 6 }), (tree) => {
        const text = printNginxConfig(tree);
        const p = parseNginxConfig(lines(text));
        expect(strip(p.directives)).toEqual(strip(tree));
        expect(p.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PHP-FPM config parser', () => {
  it('reads pools, settings with line numbers, php_admin_value and comments', () => {
    const p = parseFpmConfig(lines(`[global]
pid = /run/php/php8.2-fpm.pid
[www]
; comment
user = www-data
listen = /run/php/php8.2-fpm.sock   ; inline comment
listen.mode = 0660
pm.max_children = 5
php_admin_value[max_execution_time] = 120`));
    expect(p.global.get('pid')?.value).toBe('/run/php/php8.2-fpm.pid');
    const www = p.pools[0]!;
    expect(www.name).toBe('www');
    expect(www.settings.get('listen')).toEqual({ value: '/run/php/php8.2-fpm.sock', line: 6 });
    expect(poolSetting(www, 'max_execution_time')?.value).toBe('120');
  });
});

describe('units', () => {
  it('parses nginx times and sizes', () => {
    expect(parseTime('60s')).toBe(60);
    expect(parseTime('1m30s')).toBe(90);
    expect(parseTime('500ms')).toBe(0.5);
    expect(parseTime('30')).toBe(30);
    expect(parseTime('soon')).toBeUndefined();
    expect(parseSize('4k|8k')).toBe(4096);
    expect(parseSize('1m')).toBe(1048576);
    expect(parseSize('512')).toBe(512);
  });
});
