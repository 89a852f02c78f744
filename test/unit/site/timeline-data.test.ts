import { describe, expect, it } from 'vitest';
import { MAX_FILLED_MINUTES, timelineSeries } from '../../../src/components/analyzer/client/timeline-data.ts';

const b = (minute: string, errors: number, server5xx = 0) => ({ minute, errors, requests: 0, server5xx });

describe('timeline series', () => {
  it('fills empty minutes so the time axis is even, across midnight, and finds the peak', () => {
    const s = timelineSeries([b('2026-11-22T23:58', 1), b('2026-11-23T00:01', 2, 3)]);
    expect(s.buckets.map((x) => x.minute)).toEqual(['2026-11-22T23:58', '2026-11-22T23:59', '2026-11-23T00:00', '2026-11-23T00:01']);
    expect(s).toMatchObject({ continuous: true, max: 5, peak: 3 });
  });
  it('keeps only active minutes when the span is longer than a day', () => {
    const s = timelineSeries([b('2026-11-20T00:00', 1), b('2026-11-22T00:00', 1)]);
    expect(s.buckets).toHaveLength(2);
    expect(s.continuous).toBe(false);
    expect(MAX_FILLED_MINUTES).toBe(1440);
  });
});
