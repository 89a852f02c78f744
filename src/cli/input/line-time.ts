/**
 * The time a log line was written, as epoch milliseconds, for merging files in
 * time order and for `--since`. Times without a zone (nginx error log, PHP-FPM,
 * syslog) are the server's local time, which is where the CLI runs. Pure.
 */

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

// The first timestamp within a line's first 200 characters (wrappers come before nginx's own).
const TIME =
  /(?<ny>\d{4})\/(?<nmo>\d\d)\/(?<nd>\d\d) (?<nh>\d\d):(?<nmi>\d\d):(?<ns>\d\d)|(?<iy>\d{4})-(?<imo>\d\d)-(?<id>\d\d)[T ](?<ih>\d\d):(?<imi>\d\d):(?<is>\d\d)(?:[.,](?<ifr>\d{1,9}))?(?<iz>Z|[+-]\d\d:?\d\d)?|(?<ad>\d\d)\/(?<amo>[A-Z][a-z]{2})\/(?<ay>\d{4}):(?<ah>\d\d):(?<ami>\d\d):(?<as>\d\d) (?<az>[+-]\d{4})|(?<fd>\d\d)-(?<fmo>[A-Z][a-z]{2})-(?<fy>\d{4}) (?<fh>\d\d):(?<fmi>\d\d):(?<fs>\d\d)|^(?<smo>[A-Z][a-z]{2}) {1,2}(?<sd>\d{1,2}) (?<sh>\d\d):(?<smi>\d\d):(?<ss>\d\d)/;

const n = (s: string | undefined): number => Number(s);

function zoneMinutes(z: string): number {
  if (z === 'Z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const d = z.replace(':', '');
  return sign * (Number(d.slice(1, 3)) * 60 + Number(d.slice(3, 5)));
}

/** `now` decides the year of a syslog time (which has none): this year, or last year if that would be in the future. */
export function lineTime(line: string, now: number = Date.now()): number | undefined {
  const m = TIME.exec(line.length > 200 ? line.slice(0, 200) : line);
  const g = m?.groups;
  if (!g) return undefined;
  if (g.ny) return new Date(n(g.ny), n(g.nmo) - 1, n(g.nd), n(g.nh), n(g.nmi), n(g.ns)).getTime();
  if (g.iy) {
    const ms = g.ifr ? Math.floor(Number(`0.${g.ifr}`) * 1000) : 0;
    if (g.iz) return Date.UTC(n(g.iy), n(g.imo) - 1, n(g.id), n(g.ih), n(g.imi), n(g.is), ms) - zoneMinutes(g.iz) * 60000;
    return new Date(n(g.iy), n(g.imo) - 1, n(g.id), n(g.ih), n(g.imi), n(g.is), ms).getTime();
  }
  if (g.ay) {
    const mo = MONTHS[g.amo!];
    if (mo === undefined) return undefined;
    return Date.UTC(n(g.ay), mo, n(g.ad), n(g.ah), n(g.ami), n(g.as)) - zoneMinutes(g.az!) * 60000;
  }
  if (g.fy) {
    const mo = MONTHS[g.fmo!];
    return mo === undefined ? undefined : new Date(n(g.fy), mo, n(g.fd), n(g.fh), n(g.fmi), n(g.fs)).getTime();
  }
  const mo = MONTHS[g.smo!];
  if (mo === undefined) return undefined;
  const year = new Date(now).getFullYear();
  const t = new Date(year, mo, n(g.sd), n(g.sh), n(g.smi), n(g.ss)).getTime();
  return t > now + 86400000 ? new Date(year - 1, mo, n(g.sd), n(g.sh), n(g.smi), n(g.ss)).getTime() : t;
}

/** `--since` → epoch ms: `90s`, `30m`, `2h`, `1d`, `1w` before `now`, or an ISO date/time (local unless it has a zone). */
export function parseSince(v: string, now: number = Date.now()): number | undefined {
  const rel = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)$/.exec(v.trim());
  if (rel) {
    const unit = { s: 1e3, m: 6e4, min: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 }[rel[2] as 's' | 'm' | 'min' | 'h' | 'd' | 'w'];
    return now - Number(rel[1]) * unit;
  }
  const iso = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?(Z|[+-]\d\d:?\d\d)?$/.exec(v.trim());
  if (!iso) return undefined;
  const [y, mo, d, h, mi, s] = [iso[1], iso[2], iso[3], iso[4] ?? '0', iso[5] ?? '0', iso[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  if (iso[7]) return Date.UTC(y, mo - 1, d, h, mi, s) - zoneMinutes(iso[7]) * 60000;
  return new Date(y, mo - 1, d, h, mi, s).getTime();
}
