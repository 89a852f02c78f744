import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../../../src/lib/content-files.ts';
import { PRODUCERS } from '../../../src/triage/producers.ts';
import { FIRST, QUESTIONS, decodePath, encodePath, walk } from '../../../src/triage/questions.ts';

/** Heading anchors as the site builds them (lowercase, punctuation dropped, spaces to dashes). */
const slug = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/ /g, '-');

function pageExists(href: string): string | null {
  const [path, anchor] = href.split('#');
  const file = join(CONTENT_DIR, `${path!.replace(/^\/|\/$/g, '')}.mdx`);
  if (!existsSync(file)) return `${href}: no page ${file}`;
  if (anchor) {
    const headings = [...readFileSync(file, 'utf8').matchAll(/^#{2,4} (.+)$/gm)].map((m) => slug(m[1]!));
    if (!headings.includes(anchor)) return `${href}: no heading #${anchor}`;
  }
  return null;
}

describe('the "who returned this 502?" questions', () => {
  it('link every producer to a page (and heading) that exists', () => {
    const broken = Object.values(PRODUCERS)
      .map((p) => pageExists(p.link.href))
      .filter(Boolean);
    expect(broken).toEqual([]);
  });

  it('lead only to questions that exist, with unique answer ids, and reach every question', () => {
    const reached = new Set<string>([FIRST]);
    for (const q of Object.values(QUESTIONS)) {
      const ids = q.answers.map((a) => a.id);
      expect(new Set(ids).size, q.id).toBe(ids.length);
      for (const a of q.answers) {
        expect(a.id, `${q.id}/${a.id}`).toMatch(/^[a-z0-9-]{1,24}$/);
        if (typeof a.next === 'string') {
          expect(QUESTIONS[a.next], `${q.id}/${a.id} → ${a.next}`).toBeDefined();
          reached.add(a.next);
        } else expect(PRODUCERS[a.next.producer], `${q.id}/${a.id}`).toBeDefined();
      }
    }
    expect([...reached].sort()).toEqual(Object.keys(QUESTIONS).sort());
  });

  it('walks a path to its verdict and keeps the longest valid prefix of a bad one', () => {
    const done = walk(['nginx', 'no', 'other', 'k8s']);
    expect(done.steps.at(-1)).toEqual({ kind: 'verdict', producer: 'ingress-nginx', note: undefined });
    expect(done.used).toEqual(['nginx', 'no', 'other', 'k8s']);

    const cut = walk(['cloudflare', '599', '521']);
    expect(cut.used).toEqual(['cloudflare']);
    expect(cut.steps.at(-1)).toMatchObject({ kind: 'question', question: { id: 'cf-code' } });

    expect(walk([]).steps).toEqual([{ kind: 'question', question: QUESTIONS[FIRST] }]);
  });

  it('round-trips the URL form and drops anything that is not an answer id', () => {
    expect(decodePath(encodePath(['cloudflare', '521']))).toEqual(['cloudflare', '521']);
    expect(decodePath('bare.<script>.awselb')).toEqual(['bare', 'awselb']);
    expect(decodePath(null)).toEqual([]);
  });
});
