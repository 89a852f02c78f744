/** Reads every page under content/ with its frontmatter, for the content tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const CONTENT_DIR = join(import.meta.dirname, '../../../content');

export interface ContentFile {
  /** e.g. "causes/connection-refused" */
  id: string;
  folder: string;
  file: string;
  source: string;
  body: string;
  data: Record<string, unknown>;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.mdx?$/.test(name) && !name.startsWith('_') ? [p] : [];
  });
}

export function contentFiles(): ContentFile[] {
  return walk(CONTENT_DIR).map((file) => {
    const source = readFileSync(file, 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
    const rel = relative(CONTENT_DIR, file).replace(/\\/g, '/');
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
