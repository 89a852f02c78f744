/**
 * Maps a line of the merged input back to the file and line it came from:
 * runs of consecutive lines from one source are stored as segments, and an
 * `nginx -T` dump's `# configuration file PATH:` markers take over inside it.
 */
import type { SourceLocation } from '../format-sarif.ts';

const MARKER = /^# configuration file (.+?):\s*$/;

export class LineMap {
  /** [first merged line, source index, its line number in the source]. */
  private readonly segments: [number, number, number][] = [];
  /** [merged line of the marker, path]. */
  private readonly markers: [number, string, number][] = [];
  private readonly names: string[];

  constructor(names: string[]) {
    this.names = names;
  }

  add(merged: number, source: number, sourceLine: number, text: string): void {
    const last = this.segments[this.segments.length - 1];
    if (!last || last[1] !== source || merged - last[0] !== sourceLine - last[2]) this.segments.push([merged, source, sourceLine]);
    if (text.charCodeAt(0) === 35 /* # */) {
      const m = MARKER.exec(text);
      if (m) this.markers.push([merged, m[1]!, source]);
    }
  }

  locate(merged: number): SourceLocation | undefined {
    const seg = this.find(this.segments, merged);
    if (!seg) return undefined;
    const marker = this.find(this.markers, merged);
    if (marker && marker[2] === seg[1] && marker[0] < merged && marker[0] >= seg[0]) return { path: marker[1], line: merged - marker[0] };
    const name = this.names[seg[1]]!;
    if (name === 'standard input') return undefined;
    return { path: name, line: seg[2] + (merged - seg[0]) };
  }

  /** The last entry starting at or before `line` (entries are in ascending order). */
  private find<T extends [number, ...unknown[]]>(list: T[], line: number): T | undefined {
    let lo = 0;
    let hi = list.length - 1;
    let best: T | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]![0] <= line) {
        best = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }
}
