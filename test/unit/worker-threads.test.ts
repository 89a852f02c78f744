/**
 * How many block workers the analyzer page reads a dropped file with
 * (src/worker/threads.ts): none where starting them costs more than they
 * save, more as the file and the cores grow, and what `?threads=N` asks for.
 */
import { describe, expect, it } from 'vitest';
import { blockWorkers } from '../../src/worker/threads.ts';

const MB = 1 << 20;

describe('block workers for a dropped file', () => {
  it('are none on one core, or for a file of fewer than two blocks', () => {
    expect(blockWorkers(1000 * MB, 1)).toBe(0);
    expect(blockWorkers(8 * MB, 8)).toBe(0);
    expect(blockWorkers(15 * MB, 8)).toBe(0);
    expect(blockWorkers(0, 8)).toBe(0);
  });

  it('are none on two cores below the size where two workers were measured faster', () => {
    expect(blockWorkers(100 * MB, 2)).toBe(0);
    expect(blockWorkers(128 * MB, 2)).toBe(2);
    expect(blockWorkers(1000 * MB, 2)).toBe(2);
  });

  it('start from smaller files on more cores, at most four, never more than the blocks', () => {
    expect(blockWorkers(64 * MB, 3)).toBe(3);
    expect(blockWorkers(50 * MB, 4)).toBe(4);
    expect(blockWorkers(40 * MB, 4)).toBe(0);
    expect(blockWorkers(1000 * MB, 16)).toBe(4);
    expect(blockWorkers(17 * MB, 16)).toBe(0);
  });

  it('are what ?threads=N asks for (1: the analyzer’s worker alone), within the blocks and sixteen', () => {
    expect(blockWorkers(20 * MB, 2, 2)).toBe(2);
    expect(blockWorkers(20 * MB, 2, 8)).toBe(3);
    expect(blockWorkers(1000 * MB, 2, 1)).toBe(0);
    expect(blockWorkers(1000 * MB, 2, 64)).toBe(16);
    expect(blockWorkers(8 * MB, 8, 4)).toBe(0);
  });
});
