/**
 * The analyzer's sample menu: a few hand-assembled incidents made of real
 * lines, then every reproduction recorded by the lab (src/data/lab-record.json,
 * refreshed by `npm run lab`).
 */
import { labRecord as lab } from '../../lib/lab-record.ts';

export interface Sample {
  label: string;
  text: string;
}

const CURATED: Sample[] = [
  {
    label: 'Incident: PHP-FPM pool exhausted (nginx + PHP-FPM logs)',
    text: [
      '[22-Nov-2026 23:58:11] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it',
      '2026/11/22 23:58:14 [error] 1893#1893: *102 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7, server: shop.example.com, request: "GET /checkout/ HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock", host: "shop.example.com"',
      '2026/11/22 23:58:15 [error] 1893#1893: *108 connect() to unix:/run/php/php8.2-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: 198.51.100.23, server: shop.example.com, request: "GET /cart/ HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "shop.example.com"',
      '203.0.113.7 - - [22/Nov/2026:23:58:14 +0000] "GET /checkout/ HTTP/1.1" 504 167 "-" "Mozilla/5.0"',
      '198.51.100.23 - - [22/Nov/2026:23:58:15 +0000] "GET /cart/ HTTP/1.1" 502 157 "-" "Mozilla/5.0"',
    ].join('\n'),
  },
  {
    label: 'Incident: PHP upgrade left nginx on the old socket',
    text: [
      '2026/11/22 23:58:21 [crit] 1893#1893: *41 connect() to unix:/run/php/php7.4-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 203.0.113.7, server: blog.example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php7.4-fpm.sock:", host: "blog.example.com"',
      '2026/11/22 23:58:22 [crit] 1893#1893: *43 connect() to unix:/run/php/php7.4-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 198.51.100.23, server: blog.example.com, request: "GET /wp-login.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php7.4-fpm.sock:", host: "blog.example.com"',
    ].join('\n'),
  },
  {
    label: 'Config: nginx site + PHP-FPM pool that disagree',
    text: [
      'server {',
      '    listen 80;',
      '    server_name blog.example.com;',
      '    root /var/www/blog;',
      '    location ~ \\.php$ {',
      '        include fastcgi_params;',
      '        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;',
      '        fastcgi_pass unix:/run/php/php7.4-fpm.sock;',
      '        fastcgi_read_timeout 300s;',
      '    }',
      '}',
      '',
      '[www]',
      'user = www-data',
      'group = www-data',
      'listen = /run/php/php8.2-fpm.sock',
      'listen.owner = root',
      'listen.group = root',
      'listen.mode = 0660',
      'pm = dynamic',
      'pm.max_children = 5',
      'request_terminate_timeout = 30s',
    ].join('\n'),
  },
  {
    label: 'Error page pasted from the browser (Cloudflare)',
    text: ['502 Bad Gateway', 'Error code 502', 'Visit cloudflare.com for more information.', '2026-11-22 23:58:07 UTC', 'Cloudflare Ray ID: 8e2f1c0d3b4a5f67', 'cloudflare'].join('\n'),
  },
];

const fromLab: Sample[] = (lab?.scenarios ?? [])
  .filter((s) => s.reproduced && ((s.errorLog?.length ?? 0) > 0 || (s.accessLog?.length ?? 0) > 0))
  .map((s) => ({
    label: `Lab, nginx ${lab!.nginx}: ${s.title}`,
    text: [...(s.phpFpmLog ?? []), ...(s.appLog ?? []), ...(s.errorLog ?? []), ...(s.accessLog ?? [])].join('\n'),
  }));

export const samples: Sample[] = [...CURATED, ...fromLab];
