/** Paths of the built artefacts and the runtimes the bundle tests drive; each missing one fails with what to run. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');
export const BUNDLE = join(DIST, 'badgateway.mjs');
/** The pinned Node (the `node` devDependency) that runs the TypeScript sources. */
export const NODE = join(ROOT, 'node_modules/.bin/node');
export const SOURCE_BIN = join(ROOT, 'bin/badgateway.mjs');

export function requireBuilt(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (the bundle tests check the built artefacts)`);
  return file;
}

function findFile(dir: string, name: RegExp): string | undefined {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (name.test(e)) return p;
    if (statSync(p).isDirectory()) {
      const hit = findFile(p, name);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Debian's own Node 18 (package `nodejs` of bookworm), unpacked by .ci/debian-node18.sh. */
export function debianNode18(): { node: string; env: Record<string, string> } {
  const dir = process.env.BADGATEWAY_NODE18_DIR ?? join(ROOT, '.cache/debian-node18');
  const node = join(dir, 'usr/bin/node');
  if (!existsSync(node)) {
    throw new Error(
      `Debian's Node 18 is missing (${node}). Run \`bash .ci/debian-node18.sh\`: it unpacks the Debian packages nodejs and libnode108 (18.x) there without installing them; ` +
        'it also needs the Debian packages libc-ares2, node-acorn, node-cjs-module-lexer and node-undici installed (.ci/run installs them).',
    );
  }
  const lib = findFile(join(dir, 'usr/lib'), /^libnode\.so\.108/);
  if (!lib) throw new Error(`${dir} has no libnode.so.108: run \`bash .ci/debian-node18.sh\` again`);
  return { node, env: { LD_LIBRARY_PATH: join(lib, '..') } };
}
