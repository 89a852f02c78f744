/**
 * The single-file CLI. After the build, bundles src/cli/bundle-entry.ts with
 * esbuild into dist/badgateway.mjs (served at /badgateway.mjs; the package's
 * bin) with the catalog the site serves at /api/catalog.json embedded, for
 * Node ≥ 18 and no dependencies, and writes dist/badgateway.mjs.sha256 in
 * `sha256sum -c` format beside it.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { AstroIntegration } from 'astro';

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

export function cliBundle(): AstroIntegration {
  return {
    name: 'badgateway-cli-bundle',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const file = await buildCliBundle(dist, readFileSync(join(dist, 'api/catalog.json'), 'utf8'));
        logger.info(`wrote ${file} and its .sha256`);
      },
    },
  };
}
