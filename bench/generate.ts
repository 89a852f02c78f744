/**
 * Generates the benchmark inputs: a combined access log with upstream fields
 * and a mixed nginx error log (mostly benign info/notice lines, some real
 * 502/504 lines from the lab). Deterministic (seeded) so runs compare.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

class Writer {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  written = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line(s: string): void {
    this.buf.push(s);
    this.size += s.length + 1;
    if (this.size > 4 << 20) this.flush();
  }
  flush(): void {
    if (!this.buf.length) return;
    const chunk = `${this.buf.join('\n')}\n`;
    writeSync(this.fd, chunk);
    this.written += Buffer.byteLength(chunk);
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const PATHS = ['/', '/api/orders', '/api/cart', '/login', '/static/app.js', '/static/style.css', '/index.php', '/wp-admin/admin-ajax.php', '/api/search', '/health', '/images/logo.png', '/checkout'];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', 'curl/7.88.1', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15', 'kube-probe/1.28'];

export function generateAccessLog(path: string, lines: number): number {
  const r = rng(42);
  const w = new Writer(path);
  let t = Date.UTC(2026, 10, 22, 10, 0, 0);
  for (let i = 0; i < lines; i++) {
    t += Math.floor(r() * 40);
    const d = new Date(t);
    const ts = `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
    const ip = `10.${Math.floor(r() * 4)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`;
    const path = PATHS[Math.floor(r() * PATHS.length)]!;
    const x = r();
    let status = 200;
    let us = '200';
    let ua = `10.0.1.${1 + Math.floor(r() * 3)}:8080`;
    let rt = (r() * 0.3).toFixed(3);
    let urt = rt;
    let bytes = Math.floor(r() * 20000);
    if (x < 0.01) {
      status = 502; us = '502'; bytes = 157; urt = '0.000'; rt = '0.001';
    } else if (x < 0.015) {
      status = 504; us = '504'; bytes = 167; urt = '60.001'; rt = '60.002';
    } else if (x < 0.02) {
      status = 200; us = '502, 200'; ua = `10.0.1.9:8080, ${ua}`; urt = `0.000, ${urt}`;
    } else if (x < 0.05) {
      status = 404; us = '404';
    }
    w.line(`${ip} - - [${ts}] "GET ${path}?id=${Math.floor(r() * 1000)} HTTP/1.1" ${status} ${bytes} "-" "${AGENTS[Math.floor(r() * AGENTS.length)]}" us="${us}" ua="${ua}" urt="${urt}" rt=${rt}`);
  }
  w.close();
  return w.written;
}

const LAB_ERRORS = [
  'connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.3.7, server: shop.example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://10.0.1.9:8080/api/orders", host: "shop.example.com"',
  'upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.3.8, server: shop.example.com, request: "GET /api/search HTTP/1.1", upstream: "http://10.0.1.2:8080/api/search", host: "shop.example.com"',
  'recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.3.9, server: shop.example.com, request: "GET /index.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "shop.example.com"',
  'connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 10.0.3.10, server: shop.example.com, request: "GET /index.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "shop.example.com"',
  'upstream sent too big header while reading response header from upstream, client: 10.0.3.11, server: shop.example.com, request: "GET /login HTTP/1.1", upstream: "http://10.0.1.3:8080/login", host: "shop.example.com"',
  'upstream prematurely closed connection while reading response header from upstream, client: 10.0.3.12, server: shop.example.com, request: "GET /api/cart HTTP/1.1", upstream: "http://10.0.1.1:8080/api/cart", host: "shop.example.com"',
  'no live upstreams while connecting to upstream, client: 10.0.3.13, server: shop.example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://backend/api/orders", host: "shop.example.com"',
];

const BENIGN = [
  (r: () => number) => `[info] 812#812: *${Math.floor(r() * 1e6)} client 10.0.${Math.floor(r() * 256)}.${Math.floor(r() * 256)} closed keepalive connection`,
  (r: () => number) => `[info] 812#812: *${Math.floor(r() * 1e6)} client timed out (110: Connection timed out) while waiting for request, client: 10.0.3.${Math.floor(r() * 256)}, server: 0.0.0.0:443`,
  (r: () => number) => `[notice] 811#811: signal ${Math.floor(r() * 30)} (SIGHUP) received from ${Math.floor(r() * 9000)}, reconfiguring`,
  (r: () => number) => `[info] 812#812: *${Math.floor(r() * 1e6)} epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while sending request to upstream, client: 10.0.2.${Math.floor(r() * 256)}, server: shop.example.com, request: "GET /api/search?q=${Math.floor(r() * 1e5)} HTTP/2.0", upstream: "http://10.0.1.2:8080/api/search", host: "shop.example.com"`,
  (r: () => number) => `[warn] 812#812: *${Math.floor(r() * 1e6)} an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/1/0${Math.floor(r() * 100)}/000000${Math.floor(r() * 1000)} while reading upstream, client: 10.0.2.4, server: shop.example.com, request: "GET /static/app.js HTTP/1.1", upstream: "http://10.0.1.1:8080/static/app.js", host: "shop.example.com"`,
  (r: () => number) => `[info] 812#812: *${Math.floor(r() * 1e6)} SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 10.0.5.${Math.floor(r() * 256)}, server: 0.0.0.0:443`,
];

/** Upstream errors as other builds print them: the dense log is not one platform's wording. */
const PLATFORM_ERRORS = [
  'connect() failed (61: Connection refused) while connecting to upstream, client: 10.0.3.14, server: api.example.com, request: "POST /v1/pay HTTP/1.1", upstream: "http://10.0.1.4:3000/v1/pay", host: "api.example.com"',
  'upstream timed out (110: Operation timed out) while reading response header from upstream, client: 10.0.3.15, server: api.example.com, request: "GET /v1/report HTTP/1.1", upstream: "http://10.0.1.5:3000/v1/report", host: "api.example.com"',
  'connect() to [::1]:3000 failed (99: Address not available) while connecting to upstream, client: 10.0.3.16, server: app.example.com, request: "GET / HTTP/1.1", upstream: "http://[::1]:3000/", host: "app.example.com"',
];

export interface ErrorLogShape {
  /** Share of lines that are upstream errors (the rest is notice/info/warn noise). */
  errorShare: number;
  seed: number;
}

/** Dense: a log written during an outage. Sparse: a quiet day (notice/info noise). */
export const DENSE: ErrorLogShape = { errorShare: 0.9, seed: 11 };
export const SPARSE: ErrorLogShape = { errorShare: 0.01, seed: 7 };

export function generateErrorLog(path: string, lines: number, shape: ErrorLogShape): { bytes: number; lines: number } {
  const r = rng(shape.seed);
  const w = new Writer(path);
  const errors = [...LAB_ERRORS, ...PLATFORM_ERRORS];
  let t = Date.UTC(2026, 10, 22, 0, 0, 0);
  for (let i = 0; i < lines; i++) {
    t += Math.floor(r() * 20);
    const d = new Date(t);
    const ts = `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    if (r() < shape.errorShare) {
      const lvl = r() < 0.2 ? 'crit' : 'error';
      w.line(`${ts} [${lvl}] 812#812: *${Math.floor(r() * 1e6)} ${errors[Math.floor(r() * errors.length)]}`);
    } else {
      w.line(`${ts} ${BENIGN[Math.floor(r() * BENIGN.length)]!(r)}`);
    }
  }
  w.close();
  return { bytes: w.written, lines };
}
