/** Line, level, status and timeline statistics, all bounded. */
import type { LineKind, Stats, TimelineBucket } from '../types.ts';
import { MAX_TIMELINE_MINUTES, TOP_N } from '../limits.ts';
import type { AccessRecord } from '../parse/access-record.ts';
import { TopCounter } from './top-counter.ts';
import { Tally } from './tally.ts';
import type { Upstream } from '../events/upstream.ts';

export class StatsCollector {
  private readonly kinds = new Tally();
  readonly levels = new Tally();
  readonly statuses = new Tally();
  readonly upstreamStatuses = new Tally();
  readonly upstreams = new TopCounter();
  readonly uris = new TopCounter();
  readonly clients = new TopCounter();
  private timeline = new Map<string, TimelineBucket>();
  timelineDropped = 0;
  first: string | undefined;
  last: string | undefined;
  private lastTime = '';
  private lastBucket: TimelineBucket | undefined;

  kind(k: LineKind): void {
    this.kinds.add(k);
  }

  level(l: string): void {
    this.levels.add(l);
  }

  /** The timeline bucket of an ISO time ("YYYY-MM-DDTHH:MM:SS"), created on demand. */
  bucket(time: string): TimelineBucket | undefined {
    if (time === this.lastTime) return this.lastBucket;
    if (this.first === undefined || time < this.first) this.first = time;
    if (this.last === undefined || time > this.last) this.last = time;
    const minute = time.slice(0, 16);
    let b = this.timeline.get(minute);
    if (!b) {
      if (this.timeline.size >= MAX_TIMELINE_MINUTES) {
        this.timelineDropped++;
        this.lastTime = time;
        this.lastBucket = undefined;
        return undefined;
      }
      b = { minute, errors: 0, requests: 0, server5xx: 0 };
      this.timeline.set(minute, b);
    }
    this.lastTime = time;
    this.lastBucket = b;
    return b;
  }

  access(rec: AccessRecord): void {
    if (rec.status !== undefined) {
      const s = rec.status < 100 ? String(rec.status).padStart(3, '0') : String(rec.status);
      this.statuses.add(s);
    }
    const us = rec.upstreamStatus;
    if (us !== undefined) {
      if (us.indexOf(',') === -1 && us.indexOf(':') === -1) {
        if (us !== '-') this.upstreamStatuses.add(us);
      } else {
        for (const v of splitUpstreamList(us)) if (v !== '-') this.upstreamStatuses.add(v);
      }
    }
    const ua = rec.upstreamAddr;
    if (ua !== undefined) {
      if (ua.indexOf(',') === -1 && ua.indexOf(' : ') === -1) {
        if (ua !== '-') this.upstreams.add(ua);
      } else {
        for (const v of splitUpstreamList(ua)) if (v !== '-') this.upstreams.add(v);
      }
    }
    if (rec.uri !== undefined) this.uris.add(rec.uri);
    if (rec.client !== undefined) this.clients.add(rec.client);
    if (rec.time !== undefined) {
      const b = this.bucket(rec.time);
      if (b) {
        b.requests++;
        if (rec.status !== undefined && rec.status >= 500 && rec.status < 600) b.server5xx++;
      }
    }
  }

  /** The `upstream: "…"` of an nginx error line: counts its peer like an $upstream_addr entry. */
  errorUpstream(u: Upstream): void {
    if (u.peer !== '') this.upstreams.add(u.peer);
  }

  /**
   * Adds the statistics of a later block of the same input (`o` may be a
   * structured-cloned copy: only its fields are read).
   */
  merge(o: StatsCollector): void {
    this.kinds.merge(o.kinds);
    this.levels.merge(o.levels);
    this.statuses.merge(o.statuses);
    this.upstreamStatuses.merge(o.upstreamStatuses);
    this.upstreams.merge(o.upstreams);
    this.uris.merge(o.uris);
    this.clients.merge(o.clients);
    for (const [minute, b] of o.timeline) {
      const mine = this.timeline.get(minute);
      if (mine) {
        mine.errors += b.errors;
        mine.requests += b.requests;
        mine.server5xx += b.server5xx;
      } else if (this.timeline.size < MAX_TIMELINE_MINUTES) this.timeline.set(minute, { ...b });
      else this.timelineDropped += Math.max(1, b.errors + b.requests);
    }
    this.timelineDropped += o.timelineDropped;
    if (o.first !== undefined && (this.first === undefined || o.first < this.first)) this.first = o.first;
    if (o.last !== undefined && (this.last === undefined || o.last > this.last)) this.last = o.last;
    this.lastTime = '';
    this.lastBucket = undefined;
  }

  build(lines: number, bytes: number): Stats {
    const byKind = this.kinds.record() as Stats['byKind'];
    const stats: Stats = {
      lines,
      bytes,
      byKind,
      byLevel: this.levels.record(),
      statuses: this.statuses.record(),
      upstreamStatuses: this.upstreamStatuses.record(),
      topUpstreams: this.upstreams.top(TOP_N),
      topUris: this.uris.top(TOP_N),
      topClients: this.clients.top(TOP_N),
      timeline: [...this.timeline.values()].sort((a, b) => (a.minute < b.minute ? -1 : a.minute > b.minute ? 1 : 0)),
      recognisedLines: lines - (byKind.unknown ?? 0) - (byKind.blank ?? 0),
    };
    if (this.first !== undefined && this.last !== undefined) stats.timeRange = { first: this.first, last: this.last };
    return stats;
  }
}


/** "502, 504 : 200" → ["502", "504", "200"] (", " = next peer, " : " = internal redirect). */
export function splitUpstreamList(v: string): string[] {
  return v.split(/, | : /).map((x) => x.trim()).filter((x) => x !== '');
}

/** Phases of an upstream list: "502, 200 : 504" → [["502","200"],["504"]]. */
export function upstreamPhases(v: string): string[][] {
  return v.split(' : ').map((p) => p.split(', ').map((x) => x.trim()));
}

