/**
 * Repairs what chat tools, translators and copy-paste do to a log line
 * before it is read: runs of spaces, non-breaking and full-width spaces,
 * full-width or curly quotes, a space slipped into "connect ()" or
 * "unix: /run/php.sock" or "( 111 : …)", and an ellipsis that cut the line.
 * A clean nginx line passes the cheap test and is returned as is.
 */

/** One scan: does the line need repairs at all? */
const SUSPECT = /\*\*|,$| {2}|[\u00a0\u2000-\u200b\u3000\u2026\u201c\u201d\u201e\u2018\u2019\uff02\uff07\uff08\uff09\uff1a\uff0c]|\w \(\)| \(\) |\( | \)|unix: \/| : |\.\.\.\]?$|\t/;

/**
 * Marks a paste into an issue or chat adds around a line: Markdown quote
 * ("> "), code ticks, bold stars, wrapping quotes, a pager's "$" at a cut
 * end. Returns the inner text's [start, end), or null when there are none.
 */
export function pasteMarks(s: string): { start: number; end: number; cut: boolean } | null {
  let start = 0;
  let end = s.length;
  for (let guard = 0; guard < 4; guard++) {
    const c = s.charCodeAt(start);
    if (c === 62 /* > */) start += s.charCodeAt(start + 1) === 32 ? 2 : 1;
    else if (c === 96 /* ` */) while (s.charCodeAt(start) === 96) start++;
    else if (c === 42 /* * */ && s.charCodeAt(start + 1) === 42) start += 2;
    else if ((c === 39 /* ' */ || c === 34 /* " */) && s.charCodeAt(end - 1) === c && end - start > 2) {
      start++;
      end--;
    } else if (c === 32 && start > 0) start++;
    else break;
  }
  let cut = false;
  for (let guard = 0; guard < 4; guard++) {
    const c = s.charCodeAt(end - 1);
    if (c === 96 || (c === 42 && s.charCodeAt(end - 2) === 42) || c === 32) end -= c === 42 ? 2 : 1;
    else if (c === 36 /* $ */ && start > 0) {
      end--;
      cut = true;
    } else break;
  }
  if (start === 0 && end === s.length) return null;
  return start < end ? { start, end, cut } : null;
}

export interface Normalised {
  text: string;
  /** The line was changed (spans into it no longer match the original). */
  changed: boolean;
  /** The line ended with "..." or "…" (cut short by a paste or by nginx's 2048-byte limit). */
  truncated: boolean;
}

/** Characters a clean nginx line never has (their scan is one fast class test). */
const EXOTIC = /[\u00a0\u2000-\u200b\u3000\u2026\u201c\u201d\u201e\u2018\u2019\uff02\uff07\uff08\uff09\uff1a\uff0c\t]/;

/** The same test as SUSPECT, as native substring searches (hot path: every nginx line). */
export function needsNormalising(s: string): boolean {
  return (
    s.indexOf('  ') !== -1 ||
    s.indexOf(' ()') !== -1 ||
    s.indexOf('( ') !== -1 ||
    s.indexOf(' )') !== -1 ||
    s.indexOf('unix: /') !== -1 ||
    s.indexOf(' : ') !== -1 ||
    s.indexOf('**') !== -1 ||
    s.endsWith(',') ||
    s.endsWith('...') ||
    s.endsWith('...]') ||
    EXOTIC.test(s)
  );
}

export function normaliseLine(s: string): Normalised {
  let truncated = false;
  let t = s;
  if (!needsNormalising(t) && !SUSPECT.test(t)) return { text: s, changed: false, truncated: false };
  t = t
    .replace(/[\u00a0\u2000-\u200b\u3000\t]/g, ' ')
    .replace(/[\u201c\u201d\u201e\uff02]/g, '"')
    .replace(/[\u2018\u2019\uff07]/g, "'")
    .replace(/\uff08/g, '(')
    .replace(/\uff09/g, ')')
    .replace(/\uff1a/g, ': ')
    .replace(/\uff0c/g, ', ')
    .replace(/\u2026/g, '...')
    .replace(/\*\*/g, '');
  let end = t.trimEnd();
  // nginx never ends a line with a comma: the paste stopped there.
  if (end.endsWith(',')) {
    end = end.slice(0, -1).trimEnd();
    t = end;
    truncated = true;
  }
  // "[...]": the poster's own mark for text left out at the end.
  if (end.endsWith(' [...]')) {
    end = end.slice(0, -6).trimEnd();
    t = end;
    truncated = true;
  }
  if (end.endsWith('...') && !end.endsWith('..."')) {
    truncated = true;
    t = end.slice(0, -3).trimEnd();
  }
  t = t
    .replace(/ {2,}/g, ' ')
    .replace(/(\w) \(\)/g, '$1()')
    .replace(/\( (?=\S)/g, '(')
    .replace(/(?<=\S) \)/g, ')')
    .replace(/\((\d{1,5}) : /g, '($1: ')
    .replace(/unix: \//g, 'unix:/')
    .trimEnd();
  return { text: t, changed: t !== s, truncated };
}
