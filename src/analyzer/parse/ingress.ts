/**
 * ingress-nginx controller (Go klog) lines:
 *   W1122 23:58:07.123456       7 controller.go:1234] Service "default/api" does not have any active Endpoint.
 */
import type { Recognised } from './recognised.ts';
import { dict } from '../dict.ts';

const KLOG = /^([IWEF])(\d{2})(\d{2}) (\d{2}:\d{2}:\d{2})\.\d+\s+\d+ [\w.-]{1,64}:\d+\] /;
const LEVELS: Record<string, string> = dict({ I: 'info', W: 'warn', E: 'error', F: 'fatal' });

export function recogniseIngress(s: string, at: number): Recognised | null {
  const text = at === 0 ? s : s.slice(at, at + 200);
  const m = KLOG.exec(text);
  if (!m) return null;
  return { kind: 'ingress', level: LEVELS[m[1]!], facts: {} };
}
