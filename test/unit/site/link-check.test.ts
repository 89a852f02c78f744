import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../../src/lib/link-check.ts';
import { STACKS, stackGuideUrl, type Stack } from '../../../src/content/vocabulary.ts';
import { contentFiles } from '../../../src/lib/content-files.ts';

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bg-links-'));
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
  return dir;
}

describe('build-time link check', () => {
  it('accepts pages, redirect pages, assets, own-page and cross-page anchors, and state fragments', () => {
    const dir = dist({
      'index.html': '<a href="/causes/x/">x</a><a href="/old/">old</a><a href="/favicon.svg">i</a><a href="#top">t</a><h1 id="top">',
      'causes/x/index.html': '<h2 id="fix">Fix</h2><a href="/#top">home</a><a href="../x/#fix">self</a><a href="/analyze/#input=abc">shared</a><a href="https://example.com/nope">ext</a><a href="mailto:a@b">m</a>',
      'old/index.html': '<meta http-equiv="refresh" content="0;url=/causes/x/"><a href="/causes/x/">Redirecting</a>',
      'analyze/index.html': '<p>analyzer</p>',
      'favicon.svg': '<svg/>',
    });
    expect(checkLinks(dir)).toEqual([]);
  });

  it('names the page and the link for a missing page and a missing anchor', () => {
    const dir = dist({
      'index.html': '<a href="/stacks/generic/">Any backend</a>',
      'causes/x/index.html': '<a class="x" href="/#fix">home fix</a><h2 id="why">',
    });
    const broken = checkLinks(dir);
    expect(broken).toEqual([
      { page: '/causes/x/', href: '/#fix', reason: '/ has no element with id "fix"' },
      { page: '/', href: '/stacks/generic/', reason: 'no built file for /stacks/generic/' },
    ]);
  });

  it('every stack badge links to a stack guide that exists in content/ (generic has none and is not linked)', () => {
    const guides = new Set(contentFiles().filter((f) => f.folder === 'stacks').map((f) => `/${f.id}/`));
    for (const s of Object.keys(STACKS) as Stack[]) {
      const url = stackGuideUrl(s);
      if (url !== null) expect(guides, s).toContain(url);
    }
    expect(stackGuideUrl('generic')).toBeNull();
  });
});
