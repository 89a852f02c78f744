/**
 * Acceptance on the real-config corpus (test/fixtures/configs/real, see its
 * README): broken snippets people posted in public threads, the fixed version
 * from the same thread, and known-good distribution configs.
 *
 * - Every broken case is named with its expected cause, except the ones in
 *   NEEDS_CONTEXT: there the fault is not in what was pasted (the thread's
 *   words or the poster's machine tell it), and naming it from the paste
 *   alone would be a guess. Each has its reason; a case that starts being
 *   named must be removed from the list (the test fails until it is).
 * - The share named stays at or above FLOOR.
 * - No fixed version and no known-good config gives a finding of severity
 *   high or critical.
 *
 * Inputs are assembled as measure.ts does, one paste as users make it: the
 * broken/fixed file first, then the other posted files (fixed-<name> replacing
 * <name> on the fixed side; posted.txt command output on both sides), the
 * posted error lines (*.log) with the broken side only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.ts';
import { brief, caseInputs, readPaste, serious } from '../../fixtures/configs/real/cases.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';

const ROOT = fileURLToPath(new URL('../../fixtures/configs/real/', import.meta.url));
const catalog = loadCatalog(fileURLToPath(new URL('../../../content', import.meta.url)));

/** Cases whose fault is not visible in the paste, with why. */
const NEEDS_CONTEXT: Record<string, string> = {
  '08-nextcloud-upstream-tcp-vs-socket': 'only the nginx upstream (127.0.0.1:9000) was posted, with no error line nor ss/ls output; that the distribution pool listens on a socket is in words only',
  '16-proxy-pass-container-name-not-service': 'no compose file, error line nor command output was posted; that the container_name does not resolve is in words only',
  '19-uwsgi-http-option-vs-uwsgi-pass': 'a lone "http = :8000"; the nginx side that uses uwsgi_pass is described in words, no log was posted',
  '24-fastcgi-pass-old-php-version-socket': 'php7.1 vs the installed php7.2: the installed version is in words only (no php -v, ls /run/php or error line posted)',
  '28-static-proxy-pass-stale-container-ip': 'a static name is resolved at startup by design; that the container was recreated is only in the thread (the explanation lists it as a risk only with Docker context)',
  '29-upstream-generic-fpm-socket-on-wheezy': "a generic socket path; Debian wheezy's php5-fpm path is in words only (no error line nor ls output posted)",
  '34-fastcgi-pass-loopback-nginx-only-image': 'the compose file is only on the fixed side; the broken side is a location with fastcgi_pass 127.0.0.1:9000',
  '38-worker-connections-too-low': 'worker_connections 2048 is too low only for that traffic, which is only in the thread',
  '54-fpm-container-listens-on-loopback': 'netstat in the php container shows php-fpm on 127.0.0.1:9000 only; that nginx runs in another container (so loopback cannot reach it) is in words only, and no nginx configuration nor error line was posted',
  '43-fastcgi-tcp-default-on-rhel-socket': 'a lone fastcgi_pass 127.0.0.1:9000; the poster posted php -v and nginx -v, which do not show where the pool listens; the RHEL socket is the maintainer\'s words',
};
const FLOOR = 0.85;



const brokenDir = join(ROOT, 'broken');
const goodDir = join(ROOT, 'good');
const cases = existsSync(brokenDir) ? readdirSync(brokenDir).sort() : [];
const goods = existsSync(goodDir) ? readdirSync(goodDir).filter((f) => !f.endsWith('.meta.json')).sort() : [];

describe('real-config corpus', () => {
  it('has the corpus (≥ 40 broken cases with fixed versions, ≥ 20 known-good configs)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(goods.length).toBeGreaterThanOrEqual(20);
    for (const c of Object.keys(NEEDS_CONTEXT)) expect(cases, `NEEDS_CONTEXT names ${c}, which is not in the corpus`).toContain(c);
  });

  const results = cases.map((name) => {
    const dir = join(brokenDir, name);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { expect: string; source: string };
    return { name, meta, broken: analyze(readPaste(caseInputs(dir, 'broken')), { catalog }).findings, fixed: analyze(readPaste(caseInputs(dir, 'fixed')), { catalog }).findings };
  });

  it('names every broken case whose fault is in the paste, and no listed one silently', () => {
    const missed = results.filter((r) => !(r.name in NEEDS_CONTEXT) && !r.broken.some((f) => f.cause === r.meta.expect));
    expect(missed.map((r) => `${r.name}: expected ${r.meta.expect}, got ${brief(r.broken)}`)).toEqual([]);
    const nowNamed = results.filter((r) => r.name in NEEDS_CONTEXT && r.broken.some((f) => f.cause === r.meta.expect));
    expect(nowNamed.map((r) => `${r.name} is named now: remove it from NEEDS_CONTEXT`)).toEqual([]);
  });

  it(`names at least ${FLOOR * 100} % of the broken cases`, () => {
    const named = results.filter((r) => r.broken.some((f) => f.cause === r.meta.expect)).length;
    expect(named / results.length).toBeGreaterThanOrEqual(FLOOR);
  });

  it('gives no high or critical finding on any fixed version', () => {
    expect(results.filter((r) => r.fixed.some(serious)).map((r) => `${r.name}: ${brief(r.fixed.filter(serious))}`)).toEqual([]);
  });

  it('gives no high or critical finding on any known-good config', () => {
    const noisy = goods.flatMap((g) => {
      const f = analyze(readFileSync(join(goodDir, g), 'utf8'), { catalog }).findings.filter(serious);
      return f.length ? [`${g}: ${brief(f)}`] : [];
    });
    expect(noisy).toEqual([]);
  });
});
