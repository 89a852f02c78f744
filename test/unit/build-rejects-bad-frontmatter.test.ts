/**
 * The build itself (not just the schema in isolation) refuses a broken article
 * and names the file and the field: runs `astro sync` on a copy of the project
 * with one article broken.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const copies: string[] = [];

function projectWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bg-contract-'));
  copies.push(dir);
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'urls.txt', 'src', 'content', 'public']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const target = join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

function sync(dir: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the build rejects a broken article', () => {
  it('names the file and the field for an unknown layer', () => {
    const dir = projectWith('content/causes/connection-refused.mdx', (t) => t.replace(/^layer: upstream-app$/m, 'layer: upstream-ap'));
    const r = sync(dir);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('causes/connection-refused');
    expect(r.out).toMatch(/layer: Invalid option/);
  });

  it('names the example and the field that do not meet its own condition', () => {
    const dir = projectWith('content/causes/connection-refused.mdx', (t) => t.replace('errno: ECONNREFUSED', 'errno: EHOSTUNREACH'));
    const r = sync(dir);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('causes/connection-refused');
    expect(r.out).toMatch(/conditions\.0\.examples\.0\.errno: does not meet its own condition/);
  });

  it('accepts the project as it is', () => {
    const r = sync(projectWith('content/causes/connection-refused.mdx', (t) => t));
    expect(r.out).not.toMatch(/InvalidContentEntryDataError/);
    expect(r.code).toBe(0);
  });
});
