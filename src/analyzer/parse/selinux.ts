/**
 * SELinux AVC denials (audit.log, journald):
 *   type=AVC msg=audit(1700000000.123:456): avc:  denied  { name_connect } for  pid=1234 comm="nginx" dest=8080 … tclass=tcp_socket permissive=0
 */
import type { Recognised } from './recognised.ts';

const AVC = /avc:\s+denied\s+\{ ([^}]{1,128}) \}/;
const FIELD = /\b(comm|dest|name|path|tclass|scontext|tcontext|permissive)=("[^"]{0,512}"|\S{1,512})/g;

export function recogniseSelinux(s: string, at: number): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const m = AVC.exec(text);
  if (!m) return null;
  const facts: Record<string, string> = { permission: m[1]!.trim() };
  for (const f of text.matchAll(FIELD)) facts[f[1]!] = f[2]!.replace(/^"|"$/g, '');
  if (facts.dest) facts.port = facts.dest;
  return { kind: 'selinux', level: 'error', event: 'avc-denied', facts };
}
