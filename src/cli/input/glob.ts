/**
 * FILE arguments → paths. A shell expands `error.log*`, but cron lines, sudo -c
 * and systemd units often pass it quoted, so patterns are expanded here too
 * (`*`, `?`, `[…]` in the last path component; a literal file wins).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './decode.ts';

const MAGIC = /[*?[]/;

/** A glob of one path component as a RegExp (dot files only when the pattern starts with a dot). */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function expandFiles(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a === '-' || !MAGIC.test(a) || existsSync(a)) {
      out.push(a);
      continue;
    }
    const dir = dirname(a);
    if (MAGIC.test(dir)) throw new InputError(`cannot expand ${a}: wildcards are expanded in the file name only (let the shell expand the rest)`);
    const re = globToRegExp(basename(a));
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      throw new InputError(`cannot expand ${a}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (e as Error).message}`);
    }
    const hits = names.filter((n) => re.test(n) && (basename(a).startsWith('.') || !n.startsWith('.'))).sort();
    if (hits.length === 0) throw new InputError(`no file matches ${a}`);
    for (const n of hits) out.push(dir === '.' && !a.startsWith('./') ? n : join(dir, n));
  }
  return [...new Set(out)];
}
