/**
 * JSON access logs (log_format … escape=json, or any one-object-per-line
 * shipper output). Keys map to fields through the pasted log_format when
 * there is one, else through common names. Docker's json-file wrapper
 * ({"log": "…", "stream": …}) is unwrapped by returning the inner line.
 */
import { FIELD_ALIASES, setField, type AccessRecord } from './access-record.ts';
import type { CompiledLogFormat } from './log-format.ts';
import { anyTime } from './time.ts';

export type JsonLine = { kind: 'access'; record: AccessRecord } | { kind: 'wrapped'; inner: string } | { kind: 'other'; object: Record<string, unknown> };

export function parseJsonLine(s: string, fmt: CompiledLogFormat | undefined): JsonLine | null {
  let obj: unknown;
  try {
    obj = JSON.parse(s);
  } catch {
    return null;
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return null;
  const o = obj as Record<string, unknown>;
  if (typeof o.log === 'string' && (o.stream !== undefined || o.time !== undefined)) {
    return { kind: 'wrapped', inner: o.log.replace(/\r?\n$/, '') };
  }
  const rec: AccessRecord = { format: 'json' };
  for (const [key, raw] of Object.entries(o)) {
    if (raw === null || typeof raw === 'object') continue;
    const value = String(raw);
    const v = fmt?.json?.[key];
    const field = (v ? FIELD_ALIASES[v.toLowerCase()] : undefined) ?? FIELD_ALIASES[key.toLowerCase()];
    if (field) setField(rec, field, value, anyTime);
  }
  if (rec.status === undefined || (rec.request === undefined && rec.uri === undefined && rec.client === undefined)) {
    return { kind: 'other', object: o };
  }
  return { kind: 'access', record: rec };
}
