/**
 * The pure parts behind the runbook features: Markdown views, heading links,
 * breadcrumbs, the public catalog schema, the service worker's precache list.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mdxToMarkdown } from '../../../src/lib/mdx-to-markdown.ts';
import { breadcrumbs, markdownUrl, ogImageUrl, pageUrl } from '../../../src/lib/page-urls.ts';
import { buildSiteCatalog, siteCatalogSchema } from '../../../src/catalog/site.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { fileToUrl, precacheList, serviceWorkerSource } from '../../../src/lib/service-worker.ts';

const page = (body: string) => mdxToMarkdown({ title: 'Title', description: 'One sentence.', body, site: 'https://x.dev/', url: 'https://x.dev/causes/a/' });

describe('mdxToMarkdown', () => {
  it('puts the title and description first and drops import lines', () => {
    const md = page("import { Aside } from '@astrojs/starlight/components';\n\nText.\n");
    expect(md.startsWith('# Title\n\n> One sentence.\n')).toBe(true);
    expect(md).not.toContain('import');
    expect(md).toContain('Text.');
  });

  it('turns an Aside into a blockquote, code fences included', () => {
    const md = page('<Aside type="caution" title="Careful">\nFirst.\n\n```bash\nrm -rf /tmp/x\n```\n</Aside>\nAfter.\n');
    expect(md).toContain('> **Caution: Careful**\n>\n> First.\n>\n> ```bash\n> rm -rf /tmp/x\n> ```\n\nAfter.');
  });

  it('keeps code fences verbatim, even when they contain component-like text', () => {
    const md = page('```html\n<Aside type="tip">\nimport x from "y";\n```\n');
    expect(md).toContain('```html\n<Aside type="tip">\nimport x from "y";\n```');
  });

  it('drops wrapper tags, points interactive components to the page, and makes links absolute', () => {
    const md = page('<Steps>\n1. one\n</Steps>\n\n<Analyzer />\n\nSee [this](/causes/b/#fix).\n');
    expect(md).not.toMatch(/<\/?Steps>/);
    expect(md).toContain('1. one');
    expect(md).toContain('The interactive analyzer runs in the browser at https://x.dev/causes/a/');
    expect(md).toContain('[this](https://x.dev/causes/b/#fix)');
  });
});

describe('page URLs and breadcrumbs', () => {
  it('derives every published URL from the content id', () => {
    expect(pageUrl('causes/x')).toBe('/causes/x/');
    expect(pageUrl('index')).toBe('/');
    expect(pageUrl('')).toBe('/');
    expect(markdownUrl('causes/x')).toBe('/causes/x.md');
    expect(markdownUrl('')).toBe('/index.md');
    expect(ogImageUrl('status/502')).toBe('/og/status/502.png');
  });
  it('builds Home › Section › Title', () => {
    expect(breadcrumbs('causes/x', 'X')).toEqual([
      { name: 'Home', url: '/' },
      { name: 'Causes', url: '/causes/' },
      { name: 'X', url: '/causes/x/' },
    ]);
    expect(breadcrumbs('analyze', 'Analyze')).toEqual([
      { name: 'Home', url: '/' },
      { name: 'Analyze', url: '/analyze/' },
    ]);
    expect(breadcrumbs('index', 'Home')).toHaveLength(1);
  });
});

describe('public catalog', () => {
  it('the catalog compiled from content/ satisfies the published schema', () => {
    const catalog = buildSiteCatalog(
      loadCatalog('content'),
      [{ id: 'status/502', code: 502, phrase: 'Bad Gateway', title: '502 Bad Gateway', description: 'A proxy got no usable answer.', standard: true, rfc: 'RFC 9110 §15.6.3', sentToClient: true, related: ['connection-refused'] }],
      [{ id: 'stacks/php-fpm', stack: 'php-fpm', title: 'PHP-FPM', description: 'PHP-FPM behind nginx.' }],
      { site: 'https://badgateway.dev/', generated: new Date(0) },
    );
    const parsed = siteCatalogSchema.safeParse(catalog);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(catalog.site).toBe('https://badgateway.dev');
  });
  it('the schema rejects a pattern that does not compile and unknown fields', () => {
    const bad = { version: 1, generated: new Date(0).toISOString(), site: 'https://x.dev', causes: [], status: [], stacks: [{ id: 'x', title: 't', description: 'd', url: '/stacks/x/', extra: 1 }] };
    expect(siteCatalogSchema.safeParse(bad).success).toBe(false);
  });
});

describe('service worker precache', () => {
  it('maps built files to the URLs they are served at', () => {
    expect(fileToUrl('index.html')).toBe('/');
    expect(fileToUrl('causes/x/index.html')).toBe('/causes/x/');
    expect(fileToUrl('causes/x.md')).toBe('/causes/x.md');
    expect(fileToUrl('pagefind/fragment/en_1.pf_fragment')).toBe('/pagefind/fragment/en_1.pf_fragment');
  });
  it('lists the built files except previews, and versions the cache by their content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-sw-'));
    try {
      mkdirSync(join(dir, 'causes/x'), { recursive: true });
      mkdirSync(join(dir, 'og/causes'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), 'home');
      writeFileSync(join(dir, 'causes/x/index.html'), 'x');
      writeFileSync(join(dir, 'og/causes/x.png'), 'png');
      const a = precacheList(dir);
      expect(a.urls).toEqual(['/causes/x/', '/']);
      expect(a.shell).toEqual(['/']);
      expect(a.rest).toEqual(['/causes/x/']);
      writeFileSync(join(dir, 'causes/x/index.html'), 'x changed');
      const b = precacheList(dir);
      expect(b.version).not.toBe(a.version);
      const sw = serviceWorkerSource(b);
      expect(sw).toContain(`const VERSION = "${b.version}";`);
      expect(sw).toContain('const SHELL = ["/"];');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
