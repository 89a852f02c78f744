import { describe, expect, it } from 'vitest';
import { CAUSE_SECTIONS } from '../../../src/content/vocabulary.ts';
import { sectionAnchorFor } from '../../../src/lib/remark-section-anchors.ts';
import { contentFiles } from '../../../src/lib/content-files.ts';

const causes = contentFiles().filter((f) => f.folder === 'causes');

/** H2 headings outside fenced code blocks. */
function h2s(body: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && line.startsWith('## ')) out.push(line.slice(3).trim());
  }
  return out;
}

describe('cause article anatomy', () => {
  it.each(causes.map((f) => [f.file, f] as const))('%s has the six fixed sections in order', (_n, f) => {
    const anchors = h2s(f.body)
      .map(sectionAnchorFor)
      .filter((a) => a !== undefined);
    expect(anchors).toEqual([...CAUSE_SECTIONS]);
  });

  it.each(causes.map((f) => [f.file, f] as const))('%s shows real log lines and runnable commands', (_n, f) => {
    const sigs = (f.data.signatures as unknown[] | undefined) ?? [];
    if (sigs.length > 0) expect(f.body, 'a ```log block in Symptoms').toMatch(/```log/);
    expect(f.body, 'a ```bash block in Confirm').toMatch(/```(bash|sh|console)/);
  });
});
