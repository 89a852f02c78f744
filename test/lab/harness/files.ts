/** Log-file helpers: wait for a line, read what was appended since an offset. */
import { readFileSync, statSync } from 'node:fs';
import type { Proc } from './processes.ts';

export function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function readFrom(file: string, offset = 0, end?: number): string {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return '';
  }
  return buf.subarray(offset, end ?? buf.length).toString('utf8');
}

/** Waits until `re` appears in `file`, the process exits, or the time is up. */
export async function waitForText(file: string, re: RegExp, timeoutMs: number, proc?: Proc): Promise<void> {
  let exited = false;
  void proc?.exited.then(() => (exited = true));
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (re.test(readFrom(file))) return;
    if (exited) throw new Error(`${proc!.name} exited during start-up:\n${proc!.output()}${readFrom(file)}`);
    if (Date.now() > until) throw new Error(`${proc?.name ?? file}: no ${re} within ${timeoutMs} ms:\n${proc?.output() ?? ''}${readFrom(file)}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}
