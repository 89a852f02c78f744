/**
 * Which command lines the single-file CLI runs without starting itself again
 * with its V8 settings (src/cli/small-input.ts): only those that surely read
 * little. A large file, gzip, standard input or a glob gets the settings.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_INPUT, smallInput } from '../../../src/cli/small-input.ts';

let dir = '';
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'badgateway-small-'));
  writeFileSync(at('small.log'), 'connect() failed (111: Connection refused) while connecting to upstream\n');
  writeFileSync(at('large.log'), '');
  truncateSync(at('large.log'), SMALL_INPUT + 1); // sparse: no real 32 MB written
  writeFileSync(at('half.log'), '');
  truncateSync(at('half.log'), SMALL_INPUT / 2 + 1);
  writeFileSync(at('small.log.gz'), gzipSync('x\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a command line that reads little', () => {
  it('is one of small regular files, or no analysis at all', () => {
    expect(smallInput(['analyze', at('small.log')])).toBe(true);
    expect(smallInput(['analyze', at('small.log'), '--format', 'json'])).toBe(true);
    expect(smallInput(['--version'])).toBe(true);
    expect(smallInput(['analyze'])).toBe(true); // a usage error, said by the first start
  });

  it('is not one with a large file, or small files that are large together', () => {
    expect(smallInput(['analyze', at('large.log')])).toBe(false);
    expect(smallInput(['analyze', at('half.log'), at('small.log')])).toBe(true);
    expect(smallInput(['analyze', at('half.log'), at('half.log')])).toBe(false);
  });

  it('is not one that reads gzip, standard input, a glob, a directory or a missing file', () => {
    expect(smallInput(['analyze', at('small.log.gz')])).toBe(false);
    expect(smallInput(['analyze', '-'])).toBe(false);
    expect(smallInput(['analyze', join(dir, '*.log')])).toBe(false);
    expect(smallInput(['analyze', dir])).toBe(false);
    expect(smallInput(['analyze', at('nope.log')])).toBe(false);
  });
});
