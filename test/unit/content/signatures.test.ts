import { describe, expect, it } from 'vitest';
import { loadCauseEntries } from '../../../src/catalog/from-disk.ts';
import { buildCatalog } from '../../../src/catalog/build.ts';
import { CONTENT_DIR } from '../../../src/lib/content-files.ts';

const entries = loadCauseEntries(CONTENT_DIR);
const catalog = buildCatalog(entries);
/** The catalog's matching order: priority first, then catalog order (as the engine uses it). */
const ordered = catalog.causes
  .flatMap((c) => c.signatures)
  .map((s, index) => ({ ...s, index, re: new RegExp(s.pattern) }))
  .sort((a, b) => b.priority - a.priority || a.index - b.index);
const examples = entries.flatMap((e) =>
  e.data.signatures.flatMap((s) => s.examples.map((line) => ({ cause: e.slug, sig: s.id, line }))),
);

describe('catalog signatures', () => {
  it('compiles without duplicate signature ids', () => {
    const ids = ordered.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(examples.map((e) => [`${e.cause} / ${e.sig}`, e] as const))(
    'example of %s is claimed by its own cause first',
    (_n, e) => {
      const first = ordered.find((s) => s.re.test(e.line));
      expect(first ? `${first.cause} / ${first.id}` : 'nothing', e.line).toBe(`${e.cause} / ${e.sig}`);
    },
  );

  it('keeps a literal run of six or more characters in every pattern (the prefilter key)', () => {
    const weak = ordered.filter((s) => !/(?:[^\\()[\]{}|?*+.^$]|\\[()[\]{}|?*+.^$\\/-]){6,}/.test(s.pattern));
    expect(weak.map((s) => s.id)).toEqual([]);
  });
});
