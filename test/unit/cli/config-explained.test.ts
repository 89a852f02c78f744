/** "Configuration explained" in `--format text` and `--format markdown`. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { reportToMarkdown } from '../../../src/analyzer/report/markdown.ts';
import { formatText } from '../../../src/cli/format-text.ts';

const catalog = loadCatalog(fileURLToPath(new URL('../../../content', import.meta.url)));
const CONF = 'location /ws/ {\n    proxy_pass http://127.0.0.1:3000;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_read_timeout 3600;\n}\n';

describe('configuration explained in the CLI formats', () => {
  const report = analyze(CONF, { catalog });

  it('text: one line per directive with the value, where it is set and the default it overrides or its version note', () => {
    const out = formatText(report, { color: false, siteUrl: 'https://badgateway.dev' });
    const section = out.slice(out.indexOf('Configuration explained'));
    expect(section).toContain('proxy_read_timeout 3600  location /ws/, line 4 · default 60s');
    expect(section).toContain('proxy_http_version 1.1 (default)  location /ws/ · default 1.1 since nginx 1.29.7, 1.0 before');
    expect(section).toContain('proxy_connect_timeout 60s (default)  location /ws/\n');
  });

  it('markdown: a list with values as code and the version note', () => {
    const md = reportToMarkdown(report, { siteUrl: 'https://badgateway.dev' });
    const section = md.slice(md.indexOf('### Configuration explained'));
    expect(section).toContain('- `proxy_read_timeout` `3600` (location /ws/, line 4) — default `60s`');
    expect(section).toContain('- `proxy_http_version` `1.1 (default)` (location /ws/) — default 1.1 since nginx 1.29.7, 1.0 before');
  });

  it('no configuration, no section; values from the input cannot break the markup or the terminal', () => {
    const log = analyze('2026/12/07 01:00:00 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: _, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3000/", host: "x"\n', { catalog });
    expect(formatText(log, { color: false, siteUrl: 'https://x' })).not.toContain('Configuration explained');
    expect(reportToMarkdown(log, { siteUrl: 'https://x' })).not.toContain('Configuration explained');
    const odd = analyze('location / {\n    proxy_pass http://`app`:3000;\n    proxy_read_timeout 5\u001b[31m;\n}\n', { catalog });
    expect(reportToMarkdown(odd, { siteUrl: 'https://x' })).toContain('``http://`app`:3000``');
    expect(formatText(odd, { color: false, siteUrl: 'https://x' })).not.toContain('\u001b[31m');
  });
});
