/**
 * Gives the sections of a cause article their fixed anchors (#symptoms, #why,
 * #confirm, #fix, #verify, #prevent) whatever the heading's wording, so
 * runbooks can deep-link and writers can still write "Why it happens".
 * Astro's heading-id step keeps an id that is already set.
 */
import type { Heading, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { CAUSE_SECTIONS } from '../content/vocabulary.ts';

const MATCHERS: [RegExp, (typeof CAUSE_SECTIONS)[number]][] = [
  [/^symptoms?\b/i, 'symptoms'],
  [/^why\b/i, 'why'],
  [/^(how to )?confirm\b/i, 'confirm'],
  [/^(the )?fix\b/i, 'fix'],
  [/^(how to )?verify\b/i, 'verify'],
  [/^(how to )?prevent\b/i, 'prevent'],
];

export function sectionAnchorFor(text: string): string | undefined {
  return MATCHERS.find(([re]) => re.test(text.trim()))?.[1];
}

function headingText(node: Heading): string {
  return node.children.map((c) => (c.type === 'text' || c.type === 'inlineCode' ? (c as Text).value : '')).join('');
}

export default function remarkSectionAnchors() {
  return (tree: Root, file: VFile) => {
    const path = String(file.path ?? file.history?.[0] ?? '');
    if (!/[\\/]content[\\/]causes[\\/]/.test(path)) return;
    for (const node of tree.children) {
      if (node.type !== 'heading' || node.depth !== 2) continue;
      const id = sectionAnchorFor(headingText(node));
      if (!id) continue;
      node.data ??= {};
      node.data.hProperties = { ...(node.data.hProperties ?? {}), id };
    }
  };
}
