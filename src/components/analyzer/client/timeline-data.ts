/**
 * The timeline's data, before any DOM: the engine keeps only minutes that had
 * lines; the chart wants an even time axis, so empty minutes in between are
 * filled in (up to a day; longer spans stay as "minutes with activity").
 */
import type { TimelineBucket } from '../../../analyzer/types.ts';

export const MAX_FILLED_MINUTES = 24 * 60;

const toMs = (minute: string) => Date.parse(`${minute}:00Z`);
const toMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16);

export interface TimelineSeries {
  buckets: TimelineBucket[];
  /** True when the axis is continuous time; false when only active minutes are shown. */
  continuous: boolean;
  /** Largest errors + 5xx in a bucket (at least 1). */
  max: number;
  /** Index of the first bucket holding the maximum. */
  peak: number;
}

export const errorsIn = (b: TimelineBucket) => b.errors + b.server5xx;

export function timelineSeries(input: TimelineBucket[]): TimelineSeries {
  let buckets = input;
  let continuous = true;
  const first = input[0];
  const last = input.at(-1);
  if (first && last) {
    const span = (toMs(last.minute) - toMs(first.minute)) / 60_000 + 1;
    if (Number.isFinite(span) && span <= MAX_FILLED_MINUTES) {
      const have = new Map(input.map((b) => [b.minute, b]));
      buckets = [];
      for (let t = toMs(first.minute); t <= toMs(last.minute); t += 60_000) {
        const minute = toMinute(t);
        buckets.push(have.get(minute) ?? { minute, errors: 0, requests: 0, server5xx: 0 });
      }
    } else {
      continuous = false;
    }
  }
  let peak = 0;
  buckets.forEach((b, i) => {
    if (errorsIn(b) > errorsIn(buckets[peak]!)) peak = i;
  });
  return { buckets, continuous, max: Math.max(1, ...buckets.map(errorsIn)), peak };
}

/** "2026-11-22T23:58" → "23:58", or with the date when `withDate`. */
export function minuteLabel(minute: string, withDate: boolean): string {
  return withDate ? `${minute.slice(0, 10)} ${minute.slice(11, 16)}` : minute.slice(11, 16);
}
