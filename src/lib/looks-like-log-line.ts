/**
 * Whether a search query is a pasted log line rather than words: a log
 * timestamp, an nginx level tag, or nginx's tell-tale phrases.
 */
const SIGNS = [
  /\b\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\b/, // nginx error log timestamp
  /\[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\]/, // access log $time_local
  /\[\d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}:\d{2}\]/, // PHP-FPM
  /\[(emerg|alert|crit|error|warn|notice|info)\] \d+#\d+:/,
  /\bwhile (connecting to|reading response header from|sending request to|SSL handshaking to) upstream\b/,
  /\bupstream: "[a-z]+:\/\//,
  /\b(client|server): [^,]+, (server|request): /,
];

export function looksLikeLogLine(text: string): boolean {
  const t = text.trim();
  return t.length >= 20 && SIGNS.some((re) => re.test(t));
}
