/**
 * Every page under content/ with its parsed frontmatter, read straight from
 * disk (Node only): for the config (redirects, sidebar), the catalog loader
 * and the content tests. The site itself reads content through Astro.
 */
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from './list-files.ts';
import { parse as parseYaml } from 'yaml';

export const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

export interface ContentFile {
  /** e.g. "causes/connection-refused" */
  id: string;
  folder: string;
  file: string;
  source: string;
  body: string;
  data: Record<string, unknown>;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;


export function readFrontmatter(file: string): Record<string, unknown> {
  const m = FRONTMATTER.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file}: no frontmatter block`);
  return parseYaml(m[1]!) as Record<string, unknown>;
}

export function contentFiles(dir: string = CONTENT_DIR): ContentFile[] {
  const pages = listFiles(dir).filter((f) => /\.mdx?$/.test(f) && !basename(f).startsWith('_'));
  return pages.map((file) => {
    const source = readFileSync(file, 'utf8');
    const m = FRONTMATTER.exec(source);
    const rel = relative(dir, file).replace(/\\/g, '/');
    return {
      id: rel.replace(/\.mdx?$/, ''),
      folder: rel.includes('/') ? rel.split('/')[0]! : '',
      file: rel,
      source,
      body: m ? source.slice(m[0].length) : source,
      data: m ? (parseYaml(m[1]!) as Record<string, unknown>) : {},
    };
  });
}
