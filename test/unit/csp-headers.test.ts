/**
 * The HTTP headers that carry what a <meta> policy cannot: frame-ancestors
 * and the analyzer worker's own CSP. `_headers` (Netlify / Cloudflare Pages)
 * and the nginx snippet come from one plan, so they cannot drift; the nginx
 * snippet is checked by a real `nginx -t`.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headersFile, nginxSnippet, policyFor, sitePolicy, WORKER_POLICY } from '../../src/lib/csp.ts';

const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
const PAGE_A = '<html><head><meta charset="utf-8"><script>theme()</script><style>a{}</style></head></html>';
const PAGE_B = '<html><head><meta charset="utf-8"><script>theme()</script><script type="module">search()</script></head></html>';
const plan = { site: sitePolicy([PAGE_A, PAGE_B]), workers: ['/_astro/analyzer.worker-abc123.js'] };

describe('security headers', () => {
  it('the site policy allows every inline script of every page, and forbids framing', () => {
    for (const page of [PAGE_A, PAGE_B]) {
      for (const hash of policyFor(page).match(/'sha256-[^']+'/g)!) expect(plan.site).toContain(hash);
    }
    expect(plan.site).toContain("frame-ancestors 'none'");
    expect(plan.site).toContain("connect-src 'self'");
  });

  it('_headers: the site rule and a worker rule that allows only its own origin', () => {
    const file = headersFile(plan);
    const lines = file.split('\n');
    expect(lines).toContain('/*');
    expect(lines).toContain(`  Content-Security-Policy: ${plan.site}`);
    const w = lines.indexOf('/_astro/analyzer.worker-abc123.js');
    expect(w).toBeGreaterThan(0);
    expect(lines[w + 1]).toBe(`  Content-Security-Policy: ${WORKER_POLICY}`);
    expect(WORKER_POLICY).toMatch(/default-src 'none'/);
    expect(WORKER_POLICY).not.toMatch(/unsafe|\*|https?:/);
  });

  it('the nginx snippet carries the same policies and passes nginx -t', () => {
    const snippet = nginxSnippet(plan);
    expect(snippet).toContain(plan.site);
    expect(snippet).toContain(WORKER_POLICY);
    if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: install Debian's nginx (apt-get install -y nginx) or set NGINX_BIN`);
    const dir = mkdtempSync(join(tmpdir(), 'bg-csp-'));
    writeFileSync(join(dir, 'snippet.conf'), snippet);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  fastcgi_temp_path ${dir};\n  uwsgi_temp_path ${dir};\n  scgi_temp_path ${dir};\n  server {\n    listen 127.0.0.1:1;\n    include ${dir}/snippet.conf;\n  }\n}\n`,
    );
    const r = spawnSync(NGINX, ['-t', '-q', '-e', 'stderr', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
