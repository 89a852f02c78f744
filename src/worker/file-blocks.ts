/**
 * A dropped file's blocks for block workers: the file is read once, as a
 * stream (gunzipped when it is gzip, as file-chunks.ts does), and cut into
 * blocks as its bytes arrive (carve.ts). Each pull reads just far enough for
 * the next block, so a file is never held whole. Browser APIs only, so Node
 * runs its tests too.
 */
import { BlockCarver, type CarvedBlock } from '../analyzer/parallel/carve.ts';
import { fileBytes } from './file-chunks.ts';

export interface FileBlocks {
  /** The next block (a BlockStream), and whether it is the file's last. */
  pull: () => Promise<(CarvedBlock & { last: boolean }) | null>;
  /** The file's own bytes read when block `index` was cut (gzip: compressed bytes), for progress. */
  readAt(index: number): number;
  /** Stops reading. */
  cancel(): void;
}

export async function fileBlocks(file: Blob, carver = new BlockCarver()): Promise<FileBlocks> {
  const read = { bytes: 0 };
  const { stream } = await fileBytes(file, read);
  const reader = stream.getReader();
  const ready: CarvedBlock[] = [];
  const readAt: number[] = [];
  let done = false;
  const pull: FileBlocks['pull'] = async () => {
    while (ready.length === 0 && !done) {
      const r = await reader.read();
      const cut = r.done ? [carver.end()] : carver.push(r.value);
      done = r.done;
      for (const c of cut) {
        readAt[c.block.index] = read.bytes;
        ready.push(c);
      }
    }
    const c = ready.shift();
    return c ? { ...c, last: done && ready.length === 0 } : null;
  };
  return { pull, readAt: (i) => readAt[i] ?? read.bytes, cancel: () => void reader.cancel().catch(() => undefined) };
}
