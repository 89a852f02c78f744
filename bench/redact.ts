/**
 * `npm run bench:redact`: redaction throughput on realistic and adversarial
 * inputs at 1 MB and 4 MB (the largest shareable input). Linear time means the
 * 4 MB run takes about four times the 1 MB run for every shape; the old
 * query-string pattern took seconds for 100 KB of slashes.
 */
import { redactExport } from '../src/share/redact.ts';
import { analyze } from '../src/analyzer/index.ts';
import { loadCatalogTolerant } from './catalog.ts';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { catalog } = loadCatalogTolerant(join(ROOT, 'content'));
const LINE =
  '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: api.acme.io, request: "GET /v1/orders?token=abc&user=bob HTTP/1.1", upstream: "http://10.0.3.15:8080/v1/orders", host: "api.acme.io"\n';
const SHAPES: Record<string, (n: number) => string> = {
  'error log': (n) => LINE.repeat(Math.ceil(n / LINE.length)).slice(0, n),
  'slashes, no ?': (n) => '/a'.repeat(n / 2),
  'one long word': (n) => 'a'.repeat(n),
  'dotted labels': (n) => 'a.'.repeat(n / 2),
  'colons': (n) => 'a:'.repeat(n / 2),
  'digits and dots': (n) => '1.2.'.repeat(n / 4),
};

function time(text: string): number {
  const report = analyze(text.slice(0, 64 * 1024), { catalog });
  let bestMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    redactExport(text, report);
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  return bestMs;
}

const rows: string[] = [];
let worst = 0;
for (const [name, make] of Object.entries(SHAPES)) {
  const one = time(make(1 << 20));
  const four = time(make(4 << 20));
  const ratio = four / one;
  worst = Math.max(worst, ratio);
  rows.push(`${name.padEnd(16)} 1 MB ${one.toFixed(0).padStart(6)} ms   4 MB ${four.toFixed(0).padStart(6)} ms   ×${ratio.toFixed(1)}   ${((4 / four) * 1000).toFixed(1)} MB/s`);
}
console.log(`redaction (best of 3, node ${process.versions.node})`);
for (const r of rows) console.log(r);
console.log(worst < 6 ? `linear: 4 MB costs at most ×${worst.toFixed(1)} the 1 MB time` : `NOT linear: ×${worst.toFixed(1)} for 4× the input`);
process.exitCode = worst < 6 ? 0 : 1;
