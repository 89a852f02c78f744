/**
 * The single-file CLI and the fleet exports. After the build, bundles src/cli/bundle-entry.ts with
 * esbuild into dist/badgateway.mjs (served at /badgateway.mjs; the package's
 * bin) with the catalog the site serves at /api/catalog.json embedded, for
 * Node ≥ 18 and no dependencies, and writes dist/badgateway.mjs.sha256 in
 * `sha256sum -c` format beside it; then the mtail program and the Prometheus
 * and Loki rules compiled from the same catalog into dist/export/.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { AstroIntegration } from 'astro';
import { fleetExports } from '../analyzer/export/index.ts';
import type { SiteCatalog } from '../catalog/site.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE_NAME = 'badgateway.mjs';

/** `sha256sum` output for one file: "<hex>  <name>\n". */
export function sha256Line(bytes: Uint8Array, name: string): string {
  return `${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`;
}

export async function buildCliBundle(distDir: string, catalogJson: string): Promise<string> {
  const outfile = join(distDir, BUNDLE_NAME);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  await build({
    entryPoints: [join(ROOT, 'src/cli/bundle-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    legalComments: 'none',
    logLevel: 'error',
    define: { BADGATEWAY_VERSION: JSON.stringify(version) },
    // Bundled CommonJS (if any) may call require() for Node built-ins.
    banner: { js: `#!/usr/bin/env node\n// badgateway ${version}: single-file CLI, built from the site's catalog. https://badgateway.dev/\nimport { createRequire as __bgCreateRequire } from 'node:module';\nconst require = __bgCreateRequire(import.meta.url);` },
    plugins: [
      {
        name: 'badgateway-catalog',
        setup(b) {
          b.onResolve({ filter: /^badgateway:catalog$/ }, () => ({ path: 'catalog.json', namespace: 'badgateway-catalog' }));
          b.onLoad({ filter: /.*/, namespace: 'badgateway-catalog' }, () => ({ contents: catalogJson, loader: 'json' }));
        },
      },
    ],
  });
  chmodSync(outfile, 0o755);
  writeFileSync(`${outfile}.sha256`, sha256Line(readFileSync(outfile), BUNDLE_NAME));
  return outfile;
}

/** Writes dist/export/… from the built catalog; returns the dist-relative paths. */
export function writeFleetExports(distDir: string, catalogJson: string): string[] {
  const catalog = JSON.parse(catalogJson) as SiteCatalog;
  const files = fleetExports(catalog, { site: catalog.site, generated: `catalog v${catalog.version}, ${catalog.generated}` });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(distDir, rel)), { recursive: true });
    writeFileSync(join(distDir, rel), text);
  }
  return Object.keys(files);
}

export function cliBundle(): AstroIntegration {
  return {
    name: 'badgateway-cli-and-exports',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const catalogJson = readFileSync(join(dist, 'api/catalog.json'), 'utf8');
        const file = await buildCliBundle(dist, catalogJson);
        logger.info(`wrote ${file} and its .sha256`);
        logger.info(`wrote ${writeFleetExports(dist, catalogJson).join(', ')}`);
      },
    },
  };
}
