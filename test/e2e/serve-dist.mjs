#!/usr/bin/env node
/**
 * A minimal static server for dist/ used by the e2e tests: several suites can
 * run side by side on different ports (astro preview allows one per project),
 * and it serves exactly what a static host would, including the headers of
 * dist/_headers (Netlify / Cloudflare Pages syntax), so e2e runs under the
 * site's and the worker's Content-Security-Policy headers.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../dist/', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 4321);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8', '.xml': 'application/xml', '.wasm': 'application/wasm', '.sh': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2', '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
};

/** dist/_headers as [pattern, [name, value][]] rules; `*` at the end of a pattern matches any rest. */
function readHeaderRules() {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), []]);
    else if (rules.length) {
      const i = line.indexOf(':');
      rules.at(-1)[1].push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}
const headerRules = readHeaderRules();

function headersFor(path) {
  const out = {};
  for (const [pattern, headers] of headerRules) {
    const hit = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (!hit) continue;
    // Like the hosts: a header set by several rules is sent once per rule (CSPs then all apply).
    for (const [k, v] of headers) out[k] = out[k] ? [].concat(out[k], v) : v;
  }
  return out;
}

function resolve(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, clean);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

createServer((req, res) => {
  const file = resolve(req.url ?? '/');
  const target = file ?? join(root, '404.html');
  const path = (req.url ?? '/').split(/[?#]/)[0];
  res.writeHead(file ? 200 : 404, { ...headersFor(path), 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(target).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ at http://127.0.0.1:${port}/`));
