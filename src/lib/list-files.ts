/** Every file below a folder, recursively (Node only: config, build integrations, tests). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}
