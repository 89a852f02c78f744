/**
 * The diagnostic collector's bundle: sections introduced by
 * "==== badgateway-collect: <section> ====". The section name picks the
 * parser for the lines that follow.
 */

export type SectionMode = 'nginx-config' | 'fpm-config' | 'fpm-tt' | 'logs' | 'ss' | 'ulimit' | 'info';

export interface Section {
  name: string;
  /** Rest of the marker after the section name, e.g. the pool file path. */
  arg?: string;
  mode: SectionMode;
}

const MARKER = /^==== badgateway-collect: (\S+)(?: (.{1,512}?))? ====\s*$/;

export function parseCollectorMarker(s: string): Section | null {
  if (!s.startsWith('==== badgateway-collect: ')) return null;
  const m = MARKER.exec(s);
  if (!m) return null;
  const name = m[1]!;
  const section: Section = { name, mode: modeFor(name) };
  if (m[2]) section.arg = m[2];
  return section;
}

function modeFor(name: string): SectionMode {
  const n = name.toLowerCase();
  if (n === 'nginx-t' || n.startsWith('nginx-conf')) return 'nginx-config';
  if (n === 'php-fpm-tt') return 'fpm-tt';
  if (n.startsWith('php-fpm-pool') || n.startsWith('php-fpm-conf') || n === 'php-ini') return 'fpm-config';
  if (n.startsWith('ss')) return 'ss';
  if (n.startsWith('ulimit')) return 'ulimit';
  if (n.includes('log') || n.startsWith('kernel') || n.startsWith('systemctl') || n.startsWith('journal') || n.startsWith('dmesg')) return 'logs';
  return 'info';
}
