/**
 * Whether a command line reads little: the single-file CLI then skips
 * starting itself again with its V8 settings (bundle-entry.ts), which only
 * matter for large inputs and cost about 0.2 s.
 */
import { statSync } from 'node:fs';
import { isGzip } from '../lib/file-magic.ts';
import { parseArgs } from './args.ts';
import { fileHead } from './input/sources.ts';

/** Files of at most this many bytes in all are read without the settings. */
export const SMALL_INPUT = 32 << 20;

/**
 * Not `analyze`, a usage error, or regular files of SMALL_INPUT bytes at most
 * in all, none of them gzip (its text can be far larger). Standard input,
 * globs, directories: not known to be small.
 */
export function smallInput(argv: string[]): boolean {
  let files: string[];
  try {
    const args = parseArgs(argv);
    if (args.command !== 'analyze') return true;
    files = args.files;
  } catch {
    return true;
  }
  let total = 0;
  for (const f of files) {
    if (f === '-') return false;
    try {
      const st = statSync(f);
      if (!st.isFile()) return false;
      total += st.size;
      if (total > SMALL_INPUT || isGzip(fileHead(f, 2))) return false;
    } catch {
      return false;
    }
  }
  return true;
}
