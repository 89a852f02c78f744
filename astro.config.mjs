// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkSectionAnchors from './src/lib/remark-section-anchors.ts';
import { aliasRedirects } from './src/lib/aliases.ts';
import { causesByLayer } from './src/lib/sidebar.ts';
import { contentFiles } from './src/lib/content-files.ts';
import { urlRegistry } from './src/lib/url-registry.ts';
import { contentSecurityPolicy } from './src/lib/csp.ts';
import { serviceWorker } from './src/lib/service-worker.ts';
import { cliBundle } from './src/lib/cli-bundle.ts';
import { linkCheck } from './src/lib/link-check.ts';

// Canonical URLs and the sitemap need the public origin; override for forks.
const site = process.env.SITE_URL ?? 'https://badgateway.dev';
// Read content/ once for what the config derives from it: redirects and the Causes sidebar.
const pages = contentFiles('./content');
const redirects = aliasRedirects(pages);

export default defineConfig({
  site,
  trailingSlash: 'always',
  redirects,
  markdown: { processor: unified({ remarkPlugins: [remarkSectionAnchors] }) },
  integrations: [
    urlRegistry('./urls.txt', redirects),
    starlight({
      title: 'badgateway',
      description: 'The field guide to nginx 502 Bad Gateway errors, with a private log analyzer that runs in your browser.',
      logo: { src: './src/assets/logo.svg', replacesTitle: false },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/theme.css'],
      lastUpdated: false,
      // Open Graph image, JSON-LD, "last updated" from git, service-worker registration (src/route-data.ts).
      routeMiddleware: './src/route-data.ts',
      pagination: false,
      // Articles live in content/, outside Starlight's docs folder: opt them in to heading anchor links.
      markdown: { processedDirs: ['./content'] },
      expressiveCode: {
        themes: ['github-dark', 'github-light'],
        styleOverrides: { borderRadius: '0.4rem' },
        // Log lines are long; wrapping keeps the whole line readable without scrolling.
        // Commands and configs keep their layout (aligned comments) and scroll instead.
        defaultProps: { wrap: false, preserveIndent: true, overridesByLang: { 'log,text,txt,plaintext': { wrap: true } } },
      },
      components: {
        PageTitle: './src/components/PageTitle.astro',
        Search: './src/components/Search.astro',
        // Registers the offline service worker (src/lib/service-worker.ts) on every page.
        Head: './src/components/Head.astro',
      },
      sidebar: [
        {
          label: 'Start here',
          items: [
            { label: 'Home', link: '/' },
            { label: 'Triage runbook', slug: 'guides/triage' },
            { label: 'Analyze a log', link: '/analyze/' },
          ],
        },
        { label: 'Causes', collapsed: false, items: [{ label: 'All causes', link: '/causes/' }, ...causesByLayer(pages)] },
        { label: 'Status codes', collapsed: true, items: [{ autogenerate: { directory: 'status' } }] },
        { label: 'Stacks', collapsed: true, items: [{ autogenerate: { directory: 'stacks' } }] },
        { label: 'Guides', collapsed: true, items: [{ autogenerate: { directory: 'guides' } }] },
        { label: 'Analyzer', items: [{ label: 'Paste a log or config', link: '/analyze/' }] },
      ],
    }),
    // After starlight(): it needs Pagefind's index in dist/ to precache it.
    serviceWorker(),
    // The single-file CLI (/badgateway.mjs) with the built catalog embedded, and the fleet rules (/export/).
    cliBundle(),
    // Fails the build on an internal link to a missing page or anchor (src/lib/link-check.ts).
    linkCheck(),
    // Last: it hashes the inline scripts and styles of the final HTML into each page's CSP.
    contentSecurityPolicy(),
  ],
});
