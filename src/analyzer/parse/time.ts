/**
 * Timestamp normalisers. Every format becomes "YYYY-MM-DDTHH:MM:SS" (local
 * time as written, zone dropped) so times from different logs compare as
 * strings and the timeline can bucket them by their first 16 characters.
 */
import { dict } from '../dict.ts';

const MONTHS: Record<string, string> = dict({
  Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06',
  Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12',
});

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** nginx error log: "2026/11/22 23:58:07" at `at`. */
export function nginxErrorTime(s: string, at: number): string {
  return `${s.slice(at, at + 4)}-${s.slice(at + 5, at + 7)}-${s.slice(at + 8, at + 10)}T${s.slice(at + 11, at + 19)}`;
}

/** Does `s` hold an nginx error-log timestamp ("YYYY/MM/DD HH:MM:SS") at `at`? */
export function isNginxErrorTime(s: string, at: number): boolean {
  return (
    s.length >= at + 19 &&
    s.charCodeAt(at + 4) === 47 &&
    s.charCodeAt(at + 7) === 47 &&
    s.charCodeAt(at + 10) === 32 &&
    s.charCodeAt(at + 13) === 58 &&
    s.charCodeAt(at + 16) === 58 &&
    isDigit(s.charCodeAt(at)) &&
    isDigit(s.charCodeAt(at + 3)) &&
    isDigit(s.charCodeAt(at + 18))
  );
}

/** Access log $time_local: "22/Nov/2026:23:58:07 +0000" → ISO, or undefined. */
export function timeLocal(v: string): string | undefined {
  if (v.length < 20 || v.charCodeAt(2) !== 47 || v.charCodeAt(6) !== 47 || v.charCodeAt(11) !== 58) return undefined;
  const mon = MONTHS[v.slice(3, 6)];
  if (!mon) return undefined;
  return `${v.slice(7, 11)}-${mon}-${v.slice(0, 2)}T${v.slice(12, 20)}`;
}

/** PHP-FPM: "22-Nov-2026 23:58:07" → ISO, or undefined. */
export function fpmTime(v: string): string | undefined {
  const m = /^(\d{2})-([A-Z][a-z]{2})-(\d{4}) (\d{2}:\d{2}:\d{2})/.exec(v);
  if (!m) return undefined;
  const mon = MONTHS[m[2]!];
  return mon ? `${m[3]}-${mon}-${m[1]}T${m[4]}` : undefined;
}

/** ISO 8601 / RFC 3339 ("2026-11-22T23:58:07.123Z", "2026-11-22 23:58:07+00:00") → ISO without zone. */
export function isoTime(v: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/.exec(v);
  return m ? `${m[1]}T${m[2]}` : undefined;
}

/** syslog "Nov 22 23:58:07" has no year; we borrow one if the caller knows it, else leave the year out. */
export function syslogTime(v: string, year?: string): string | undefined {
  const m = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2})/.exec(v);
  if (!m) return undefined;
  const mon = MONTHS[m[1]!];
  if (!mon || !year) return undefined;
  return `${year}-${mon}-${m[2]!.padStart(2, '0')}T${m[3]}`;
}

/** Any of the above, tried in order (JSON logs carry one of several). */
export function anyTime(v: string): string | undefined {
  return isoTime(v) ?? timeLocal(v) ?? (isNginxErrorTime(v, 0) ? nginxErrorTime(v, 0) : undefined) ?? fpmTime(v);
}

/** ctime as Apache writes it: "Fri Dec 20 22:00:10.627115 2019" or "Sat Jul  8 17:32:14 2017" → ISO, or undefined. */
export function ctimeTime(v: string): string | undefined {
  const m = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2})(?:\.\d{1,9})? (\d{4})$/.exec(v);
  if (!m) return undefined;
  const mon = MONTHS[m[1]!];
  return mon ? `${m[4]}-${mon}-${m[2]!.padStart(2, '0')}T${m[3]}` : undefined;
}
