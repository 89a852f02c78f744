/**
 * Small helpers the fleet exports share to write the line rules
 * (src/analyzer/export/line-rules.ts, already RE2 syntax) into mtail, Loki and
 * Prometheus files.
 */

/** Named groups become non-capturing: the exports count lines, they extract nothing (and mtail warns on unused captures). */
export function withoutCaptureNames(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
    } else if (re.startsWith('(?P<', i)) {
      const end = re.indexOf('>', i);
      out += '(?:';
      i = end;
    } else out += c;
  }
  return out;
}

/** Escapes every unescaped `/` (mtail delimits regular expressions with slashes). */
export function escapeSlashes(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
    } else out += c === '/' ? '\\/' : c;
  }
  return out;
}

/** "connection-refused" → "ConnectionRefused" (alert names). */
export function pascalCase(id: string): string {
  return id.replace(/(?:^|-)([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
}

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars. */
export const yamlString = (s: string): string => JSON.stringify(s);
