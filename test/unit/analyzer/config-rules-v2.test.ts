/**
 * Every config rule added for inputs people paste (fragments, compose, Ingress,
 * uWSGI, version-dependent defaults): the broken snippet is named with its
 * cause, and the fixed version of the same snippet gives no finding from that
 * rule. Run through the whole analyzer, so line detection is tested too.
 * Snippets are written for these tests (marked: invented), modelled on the
 * cases the cause articles describe.
 */
import { describe, expect, it } from 'vitest';
import { analyze, type Report } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { CONFIG_RULES } from '../../../src/analyzer/config/rules/index.ts';

const catalog = loadCatalog(new URL('../../../content', import.meta.url).pathname);
const run = (text: string): Report => analyze(text, { catalog });
const byRule = (r: Report, rule: string) => r.findings.filter((f) => f.evidence.some((e) => e.rule === rule));

interface Case {
  rule: string;
  cause: string;
  bad: string;
  good: string;
}

const CASES: Case[] = [
  {
    rule: 'upstream-without-failover',
    cause: 'no-live-upstreams',
    bad: 'upstream backend {\n    server 10.0.0.5:8080 down;\n}\nserver {\n    location / { proxy_pass http://backend; }\n}',
    good: 'upstream backend {\n    server 10.0.0.5:8080;\n    server 10.0.0.6:8080 backup;\n}\nserver {\n    location / { proxy_pass http://backend; }\n}',
  },
  {
    rule: 'http-to-tls-port',
    cause: 'upstream-not-http',
    bad: 'location / {\n    proxy_pass http://10.1.2.3:443;\n}',
    good: 'location / {\n    proxy_pass https://10.1.2.3:443;\n    proxy_ssl_server_name on;\n    proxy_ssl_name api.example.com;\n}',
  },
  {
    rule: 'https-to-plain-port',
    cause: 'ssl-wrong-version-number',
    bad: 'location /api/ {\n    proxy_pass https://127.0.0.1:8080;\n}',
    good: 'location /api/ {\n    proxy_pass http://127.0.0.1:8080;\n}',
  },
  {
    rule: 'https-ip-without-sni',
    cause: 'ssl-handshake-sni',
    bad: 'location / {\n    proxy_pass https://52.84.12.7;\n}',
    good: 'location / {\n    proxy_pass https://52.84.12.7;\n    proxy_ssl_server_name on;\n    proxy_ssl_name www.example.com;\n}',
  },
  {
    rule: 'pass-to-unspecified-address',
    cause: 'upstream-bound-to-wrong-interface',
    bad: 'location / {\n    proxy_pass http://[::]:3000;\n}',
    good: 'location / {\n    proxy_pass http://127.0.0.1:3000;\n}',
  },
  {
    rule: 'variable-proxy-pass-without-resolver',
    cause: 'resolver-not-defined',
    bad: 'server {\n    location / {\n        proxy_pass http://$host;\n    }\n}',
    good: 'server {\n    resolver 127.0.0.53;\n    location / {\n        proxy_pass http://$host:8080;\n    }\n}',
  },
  {
    rule: 'websocket-without-upgrade',
    cause: 'websocket-upgrade-missing',
    bad: 'nginx version: nginx/1.22.1\nlocation /socket.io/ {\n    proxy_pass http://127.0.0.1:3000;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection "upgrade";\n}',
    good: 'nginx version: nginx/1.22.1\nlocation /socket.io/ {\n    proxy_pass http://127.0.0.1:3000;\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection "upgrade";\n}',
  },
  {
    rule: 'keepalive-without-http11',
    cause: 'keepalive-misconfigured',
    bad: 'Server: nginx/1.18.0 (Ubuntu)\nupstream app {\n    server 127.0.0.1:8000;\n    keepalive 16;\n}\nserver {\n    location / { proxy_pass http://app; }\n}',
    good: 'Server: nginx/1.18.0 (Ubuntu)\nupstream app {\n    server 127.0.0.1:8000;\n    keepalive 16;\n}\nserver {\n    location / {\n        proxy_pass http://app;\n        proxy_http_version 1.1;\n        proxy_set_header Connection "";\n    }\n}',
  },
  {
    rule: 'fastcgi-without-script-filename',
    cause: 'primary-script-unknown',
    bad: 'location ~ \\.php$ {\n    include fastcgi_params;\n    fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n}',
    good: 'location ~ \\.php$ {\n    include fastcgi_params;\n    fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;\n    fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n}',
  },
  {
    rule: 'fastcgi-pass-to-http',
    cause: 'fastcgi-pass-to-http',
    bad: 'location ~ \\.php$ {\n    fastcgi_pass 127.0.0.1:80;\n    include fastcgi.conf;\n}',
    good: 'location ~ \\.php$ {\n    fastcgi_pass 127.0.0.1:9000;\n    include fastcgi.conf;\n}',
  },
  {
    rule: 'compose-unknown-host',
    cause: 'host-not-found-in-upstream',
    bad: 'server {\n    location / { proxy_pass http://backend:8000; }\n}\nservices:\n  web:\n    image: nginx:1.25\n  api:\n    image: python:3.12\n    expose:\n      - "8000"',
    good: 'server {\n    location / { proxy_pass http://api:8000; }\n}\nservices:\n  web:\n    image: nginx:1.25\n  api:\n    image: python:3.12\n    expose:\n      - "8000"',
  },
  {
    rule: 'compose-unknown-host',
    cause: 'host-not-found-in-upstream',
    bad: 'server {\n    location / { proxy_pass http://backend:8000; }\n}\nservices:\n  web:\n    image: nginx:1.25\n    links:\n      - api\n  api:\n    image: python:3.12',
    good: 'server {\n    location / { proxy_pass http://backend:8000; }\n}\nservices:\n  web:\n    image: nginx:1.25\n    links:\n      - api:backend\n  api:\n    image: python:3.12',
  },
  {
    rule: 'compose-published-port',
    cause: 'connection-refused',
    bad: 'server {\n    location / { proxy_pass http://app:8080; }\n}\nservices:\n  nginx:\n    image: nginx:alpine\n  app:\n    image: node:20\n    ports:\n      - "8080:3000"',
    good: 'server {\n    location / { proxy_pass http://app:3000; }\n}\nservices:\n  nginx:\n    image: nginx:alpine\n  app:\n    image: node:20\n    ports:\n      - "8080:3000"',
  },
  {
    rule: 'compose-loopback',
    cause: 'docker-container-not-reachable',
    bad: 'server {\n    location / { proxy_pass http://127.0.0.1:3000; }\n}\nservices:\n  proxy:\n    image: nginx:1.27\n  app:\n    image: node:20\n    expose: ["3000"]',
    good: 'server {\n    location / { proxy_pass http://app:3000; }\n}\nservices:\n  proxy:\n    image: nginx:1.27\n  app:\n    image: node:20\n    expose: ["3000"]',
  },
  {
    rule: 'nginx-proxy-virtual-port',
    cause: 'connection-refused',
    bad: 'services:\n  nginx-proxy:\n    image: nginxproxy/nginx-proxy\n    ports: ["80:80"]\n    volumes:\n      - /var/run/docker.sock:/tmp/docker.sock:ro\n  whoami:\n    image: node:20\n    ports:\n      - "8080:3000"\n    environment:\n      - VIRTUAL_HOST=whoami.example.com\n      - VIRTUAL_PORT=8080',
    good: 'services:\n  nginx-proxy:\n    image: nginxproxy/nginx-proxy\n    ports: ["80:80"]\n    volumes:\n      - /var/run/docker.sock:/tmp/docker.sock:ro\n  whoami:\n    image: node:20\n    ports:\n      - "8080:3000"\n    environment:\n      - VIRTUAL_HOST=whoami.example.com\n      - VIRTUAL_PORT=3000',
  },
  {
    // Shape of galaxyproject/galaxy#16032 (case 64 of the real-config corpus); the paths here are invented.
    rule: 'upstream-unix-server-uri',
    cause: 'php-fpm-socket-missing',
    bad: 'upstream app {\n    server unix:/run/app/gunicorn.sock:/app;\n}\nserver {\n    location /app { proxy_pass http://app; }\n}',
    good: 'upstream app {\n    server unix:/run/app/gunicorn.sock;\n}\nserver {\n    location /app { proxy_pass http://app; }\n}',
  },
  {
    rule: 'uwsgi-protocol-mismatch',
    cause: 'uwsgi-protocol-mismatch',
    bad: 'location / {\n    include uwsgi_params;\n    uwsgi_pass 127.0.0.1:8000;\n}\n[uwsgi]\nmodule = app:app\nhttp = :8000\nmaster = true',
    good: 'location / {\n    include uwsgi_params;\n    uwsgi_pass 127.0.0.1:8000;\n}\n[uwsgi]\nmodule = app:app\nsocket = :8000\nmaster = true',
  },
  {
    rule: 'fpm-allowed-clients',
    cause: 'php-fpm-allowed-clients-denied',
    bad: 'location ~ \\.php$ {\n    fastcgi_pass 10.0.0.20:9000;\n    include fastcgi.conf;\n}\n[www]\nlisten = 9000\nlisten.allowed_clients = 127.0.0.1',
    good: 'location ~ \\.php$ {\n    fastcgi_pass 10.0.0.20:9000;\n    include fastcgi.conf;\n}\n[www]\nlisten = 9000\nlisten.allowed_clients = 127.0.0.1,10.0.0.10',
  },
  {
    rule: 'ingress-backend-protocol',
    cause: 'upstream-not-http',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: dashboard\nspec:\n  rules:\n  - host: dash.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: kubernetes-dashboard\n            port:\n              number: 443',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: dashboard\n  annotations:\n    nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"\nspec:\n  rules:\n  - host: dash.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: kubernetes-dashboard\n            port:\n              number: 443',
  },
  {
    rule: 'ingress-annotation-values',
    cause: 'upstream-timed-out',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: reports\n  annotations:\n    nginx.ingress.kubernetes.io/proxy-read-timeout: "300s"\nspec:\n  defaultBackend:\n    service:\n      name: reports\n      port:\n        number: 8080',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: reports\n  annotations:\n    nginx.ingress.kubernetes.io/proxy-read-timeout: "300"\nspec:\n  defaultBackend:\n    service:\n      name: reports\n      port:\n        number: 8080',
  },
  {
    rule: 'kube-service-endpoints',
    cause: 'kubernetes-no-ready-endpoints',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web-app\n  ports:\n  - port: 80\n    targetPort: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: example/web:1\n        ports:\n        - containerPort: 8080',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: example/web:1\n        ports:\n        - containerPort: 8080',
  },
  {
    rule: 'stale-dns-cloud-endpoint',
    cause: 'stale-dns-cached-at-startup',
    bad: 'location / {\n    proxy_pass http://internal-api-1234567890.us-east-1.elb.amazonaws.com;\n}',
    good: 'location / {\n    resolver 169.254.169.253 valid=30s;\n    set $api internal-api-1234567890.us-east-1.elb.amazonaws.com;\n    proxy_pass http://$api;\n}',
  },
  {
    rule: 'grpc-over-proxy-pass',
    cause: 'grpc-to-http1-backend',
    bad: 'server {\n    listen 443 ssl http2;\n    location / { proxy_pass http://127.0.0.1:50051; }\n}',
    good: 'server {\n    listen 443 ssl http2;\n    location / { grpc_pass grpc://127.0.0.1:50051; }\n}',
  },
  {
    rule: 'proxy-pass-to-php-fpm',
    cause: 'fastcgi-pass-to-http',
    bad: 'location / {\n    proxy_pass http://unix:/run/php/php8.2-fpm.sock:/;\n}\n[www]\nlisten = /run/php/php8.2-fpm.sock',
    good: 'location ~ \\.php$ {\n    fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n    include fastcgi.conf;\n}\n[www]\nlisten = /run/php/php8.2-fpm.sock',
  },
  {
    rule: 'resolver-on-loopback',
    cause: 'resolver-could-not-resolve',
    bad: 'server {\n    location / {\n        resolver localhost;\n        proxy_pass http://backend.internal:8080$request_uri;\n    }\n}',
    good: 'server {\n    location / {\n        resolver 10.0.0.2;\n        proxy_pass http://backend.internal:8080$request_uri;\n    }\n}',
  },
  {
    rule: 'proxy-pass-host-without-port',
    cause: 'connection-refused',
    bad: 'server {\n    resolver 1.1.1.1;\n    location / { proxy_pass http://$host; }\n}',
    good: 'server {\n    resolver 1.1.1.1;\n    location / { proxy_pass http://$http_host$request_uri; }\n}',
  },
  {
    rule: 'upstream-down-placeholder',
    cause: 'no-live-upstreams',
    bad: 'upstream app.example.com {\n    server 172.17.0.2:9000;\n    server 127.0.0.1 down;\n}',
    good: 'upstream app.example.com {\n    server 172.17.0.2:9000;\n}',
  },
  {
    rule: 'php5-socket-path',
    cause: 'php-fpm-socket-missing',
    bad: 'location ~ \\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/var/run/php5-fpm.sock;\n    # fastcgi_pass unix:/var/run/php/php7.0-fpm.sock;\n}',
    good: 'location ~ \\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n}',
  },
  {
    rule: 'config-load-errors',
    cause: 'nginx-not-running',
    bad: 'upstream api {\n    server http://127.0.0.1:8923;\n}',
    good: 'upstream api {\n    server 127.0.0.1:8923;\n}',
  },
  {
    rule: 'ssl-verify-depth-shallow',
    cause: 'ssl-certificate-verify-failed',
    bad: 'location / {\n    proxy_pass https://mirror.example.org;\n    proxy_ssl_server_name on;\n    proxy_ssl_verify on;\n    proxy_ssl_verify_depth 1;\n    proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n}',
    good: 'location / {\n    proxy_pass https://mirror.example.org;\n    proxy_ssl_server_name on;\n    proxy_ssl_verify on;\n    proxy_ssl_verify_depth 3;\n    proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;\n}',
  },
  {
    rule: 'compose-virtual-host-network',
    cause: 'docker-container-not-reachable',
    bad: 'services:\n  app:\n    image: ghost:5\n    environment:\n      - VIRTUAL_HOST=blog.example.com\nnetworks:\n  proxy:\n    external: true',
    good: 'services:\n  app:\n    image: ghost:5\n    environment:\n      - VIRTUAL_HOST=blog.example.com\n    networks:\n      - proxy\nnetworks:\n  proxy:\n    external: true',
  },
  {
    rule: 'fastcgi-for-every-file',
    cause: 'php-fpm-security-limit-extensions',
    bad: 'server {\n    root /srv/www;\n    location / {\n        include fastcgi_params;\n        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;\n        fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n    }\n}',
    good: 'server {\n    root /srv/www;\n    location ~ \\.php$ {\n        include fastcgi_params;\n        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;\n        fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n    }\n}',
  },
  {
    rule: 'fpm-socket-permission',
    cause: 'php-fpm-socket-permission-denied',
    bad: 'user nginx;\nlocation ~ \\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/var/run/php/php7.4-fpm.sock;\n}',
    good: 'user www-data;\nlocation ~ \\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/var/run/php/php7.4-fpm.sock;\n}',
  },
  {
    rule: 'worker-connections-low',
    cause: 'worker-connections-not-enough',
    bad: 'events {\n    worker_connections 16;\n}',
    good: 'events {\n    worker_connections 1024;\n}',
  },
  {
    rule: 'worker-connections-low',
    cause: 'worker-connections-not-enough',
    bad: 'events {\n    worker_connections 768;\n}\nhttp {\n    upstream app {\n        server 10.0.0.5:8080;\n        keepalive 1024;\n    }\n}',
    good: 'events {\n    worker_connections 768;\n}\nhttp {\n    upstream app {\n        server 10.0.0.5:8080;\n        keepalive 32;\n    }\n}',
  },
  {
    rule: 'socket-in-tmp',
    cause: 'php-fpm-socket-missing',
    bad: 'location ~ \\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/tmp/php-fpm.sock;\n}\n[www]\nlisten = /tmp/php-fpm.sock',
    good: 'location ~ \\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/run/php/php-fpm.sock;\n}\n[www]\nlisten = /run/php/php-fpm.sock',
  },
  {
    rule: 'socket-in-tmp',
    cause: 'php-fpm-socket-missing',
    bad: 'upstream app {\n    server unix:/tmp/gunicorn.sock fail_timeout=0;\n}\nserver {\n    location / { proxy_pass http://app; }\n}\ngunicorn app.wsgi:application -b unix:/tmp/gunicorn.sock -w 2',
    good: 'upstream app {\n    server unix:/run/app/gunicorn.sock fail_timeout=0;\n}\nserver {\n    location / { proxy_pass http://app; }\n}\ngunicorn app.wsgi:application -b unix:/run/app/gunicorn.sock -w 2',
  },
  {
    rule: 'uwsgi-protocol-mismatch',
    cause: 'uwsgi-protocol-mismatch',
    bad: 'uwsgi --http :9090 --wsgi-file /srv/app/wsgi.py\n2026/05/19 07:44:03 [error] 27833#0: *7 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 192.0.2.7, server: app.example.com, request: "GET / HTTP/1.1", upstream: "uwsgi://10.0.0.5:9090", host: "app.example.com"',
    good: 'uwsgi --socket :9090 --wsgi-file /srv/app/wsgi.py\n2026/05/19 07:44:03 [error] 27833#0: *7 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 192.0.2.7, server: app.example.com, request: "GET / HTTP/1.1", upstream: "uwsgi://10.0.0.5:9090", host: "app.example.com"',
  },
  {
    rule: 'fastcgi-root-outside-container',
    cause: 'primary-script-unknown',
    bad: 'server {\n    root /srv/app/public;\n    location ~ \\.php$ {\n        include fastcgi_params;\n        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;\n        fastcgi_pass 127.0.0.1:9001;\n    }\n}\ndocker run -d -p 9001:9000 -v /srv/app/public:/var/www/html php:8.2-fpm',
    good: 'server {\n    root /srv/app/public;\n    location ~ \\.php$ {\n        include fastcgi_params;\n        fastcgi_param SCRIPT_FILENAME /var/www/html$fastcgi_script_name;\n        fastcgi_pass 127.0.0.1:9001;\n    }\n}\ndocker run -d -p 9001:9000 -v /srv/app/public:/var/www/html php:8.2-fpm',
  },
  {
    rule: 'public-resolver-internal-name',
    cause: 'resolver-could-not-resolve',
    bad: 'server {\n    resolver 8.8.8.8;\n    set $api_host api;\n    location / { proxy_pass http://$api_host:8080; }\n}',
    good: 'server {\n    resolver 127.0.0.11 valid=10s;\n    set $api_host api;\n    location / { proxy_pass http://$api_host:8080; }\n}',
  },
  {
    rule: 'grpc-over-proxy-pass',
    cause: 'grpc-to-http1-backend',
    bad: 'server {\n    listen 443 ssl;\n    http2 on;\n    location / { grpc_pass grpc://billing:9443; }\n}',
    good: 'server {\n    listen 443 ssl;\n    http2 on;\n    location / { grpc_pass grpcs://billing:9443; }\n}',
  },
  {
    rule: 'upstream-requires-http11',
    cause: 'upstream-requires-http11',
    bad: 'server {\n    location /api/ {\n        proxy_pass http://query-service:8080;\n    }\n}\nHTTP/1.1 426 Upgrade Required',
    good: 'server {\n    proxy_http_version 1.1;\n    location /api/ {\n        proxy_pass http://query-service:8080;\n    }\n}\nHTTP/1.1 426 Upgrade Required',
  },
];

describe('config rules on pasted snippets (broken → named, fixed → silent)', () => {
  for (const c of CASES) {
    it(`${c.rule}: names ${c.cause}, and not the fixed version`, () => {
      const bad = byRule(run(c.bad), c.rule);
      expect(bad.map((f) => f.cause)).toContain(c.cause);
      expect(byRule(run(c.good), c.rule)).toEqual([]);
    });
  }

  it('advice is not a finding: a single upstream server, localhost without socket facts, the packaged pm.max_children', () => {
    const r = run('upstream app {\n    server 127.0.0.1:8000;\n}\nserver {\n    location / { proxy_pass http://localhost:3000; }\n}\n[www]\nlisten = /run/php/php8.2-fpm.sock\npm.max_children = 5');
    expect(r.findings).toEqual([]);
    expect(r.config?.advice.map((a) => a.rule).sort()).toEqual(['fpm-max-children-low', 'proxy-pass-localhost', 'upstream-without-failover']);
  });

  it('advice, not a finding, when only nginx names a /tmp socket or a PHP 5 socket with no sign of a newer PHP', () => {
    // Control panels build PHP with sockets in /tmp (BT's /tmp/php-cgi-72.sock) and PHP 5-era templates are right on PHP 5.
    const r = run('location ~ \\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/tmp/php-cgi-72.sock;\n}\nlocation ~ ^/old/.+\\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/var/run/php5-fpm.sock;\n}');
    expect(r.findings).toEqual([]);
    expect(r.config?.advice.map((a) => a.rule).sort()).toEqual(['php5-socket-path', 'socket-in-tmp']);
    // php -v showing PHP 8 makes the PHP 5 socket a fault.
    const v = run('location ~ \\.php$ {\n    include fastcgi.conf;\n    fastcgi_pass unix:/var/run/php5-fpm.sock;\n}\nPHP 8.2.7 (cli) (built: Jun  9 2023 19:37:27) (NTS)');
    expect(byRule(v, 'php5-socket-path').map((f) => f.cause)).toEqual(['php-fpm-socket-missing']);
  });

  it('every rule is listed once and every rule added here has a case', () => {
    const ids = CONFIG_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CASES) expect(ids).toContain(c.rule);
  });
});
