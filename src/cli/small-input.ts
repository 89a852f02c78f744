/**
 * Whether a command line reads little: the single-file CLI then skips
 * starting itself again with its V8 settings (bundle-entry.ts), which only
 * matter for large inputs and cost about 0.2 s.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { parseArgs } from './args.ts';

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
      if (total > SMALL_INPUT || isGzip(f)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = new Uint8Array(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}
