import { describe, expect, it } from 'vitest';
import { looksLikeLogLine } from '../../src/lib/looks-like-log-line.ts';

describe('"Analyze this line" in search', () => {
  it.each([
    '2026/11/22 23:58:21 [crit] 1893#1893: *41 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory)',
    '203.0.113.7 - - [22/Nov/2026:23:58:07 +0000] "GET / HTTP/1.1" 502 157 "-" "curl/8.5.0"',
    '[22-Nov-2026 23:58:11] WARNING: [pool www] server reached pm.max_children setting (5)',
    'upstream timed out (110: Connection timed out) while reading response header from upstream',
  ])('offers it for a log line: %s', (line) => expect(looksLikeLogLine(line)).toBe(true));

  it.each(['connection refused', 'too big header', 'how to fix 502 bad gateway nginx php-fpm', '2026/11/22'])(
    'does not offer it for words: %s',
    (query) => expect(looksLikeLogLine(query)).toBe(false),
  );
});
