/**
 * The SSL-reason table: the same TLS failure as OpenSSL 1.0.2, 1.1, 3.x,
 * BoringSSL (upper-case reasons, "OPENSSL_internal") and LibreSSL print it
 * inside nginx's `(SSL: error:<code>:<lib>:<func>:<reason>[:<data>] …)`.
 * Reasons are normalised (lower case, underscores → spaces) and aliased to
 * one wording; alert numbers come from `SSL alert number N` or, when a
 * library leaves it out, from the alert reason itself.
 */

/** Library-specific reason → the wording conditions use. */
const ALIASES: Record<string, string> = {
  // OpenSSL 1.0.2 (SSL23_GET_SERVER_HELLO) when the peer answers in plain text.
  'unknown protocol': 'wrong version number',
  // BoringSSL.
  'no supported versions enabled': 'no protocols available',
  'unsupported protocol version': 'unsupported protocol',
  'tlsv1 alert unrecognized name': 'tlsv1 unrecognized name',
  'certificate verify failed': 'certificate verify failed',
  'unexpected eof': 'unexpected eof while reading',
};

/** TLS alert reason → alert number (RFC 8446 §6). */
const ALERT_NUMBER: Record<string, number> = {
  'sslv3 alert unexpected message': 10,
  'sslv3 alert bad record mac': 20,
  'sslv3 alert handshake failure': 40,
  'sslv3 alert bad certificate': 42,
  'sslv3 alert unsupported certificate': 43,
  'sslv3 alert certificate revoked': 44,
  'sslv3 alert certificate expired': 45,
  'sslv3 alert certificate unknown': 46,
  'sslv3 alert illegal parameter': 47,
  'tlsv1 alert unknown ca': 48,
  'tlsv1 alert access denied': 49,
  'tlsv1 alert decode error': 50,
  'tlsv1 alert decrypt error': 51,
  'tlsv1 alert protocol version': 70,
  'tlsv1 alert insufficient security': 71,
  'tlsv1 alert internal error': 80,
  'tlsv1 alert inappropriate fallback': 86,
  'tlsv1 unrecognized name': 112,
  'tlsv13 alert certificate required': 116,
  'tlsv1 alert no application protocol': 120,
};

export interface SslError {
  /** Normalised reason of the first SSL error in the queue, e.g. "wrong version number". */
  reason: string;
  /** Every normalised reason in the queue. */
  reasons: string[];
  /** TLS alert number, when the failure was an alert. */
  alert?: number;
  /** The hex code of the first error, e.g. "0A00010B". */
  code?: string;
  /** The library's function field (empty in OpenSSL 3), e.g. "ssl3_get_record". */
  func?: string;
  /** Which library the wording points to. */
  library?: 'openssl-3' | 'openssl-1.1' | 'openssl-1.0' | 'boringssl' | 'libressl' | 'unknown';
  /** The queue as printed. */
  raw: string;
}

export function normaliseReason(reason: string): string {
  const r = reason.trim().replace(/_/g, ' ').replace(/\s+/g, ' ').toLowerCase();
  return ALIASES[r] ?? r;
}

export function alertNumberOf(reason: string): number | undefined {
  return ALERT_NUMBER[normaliseReason(reason)];
}

function libraryOf(code: string, func: string, reasonRaw: string): SslError['library'] {
  if (func === 'OPENSSL_internal' || (/^[A-Z0-9_]+$/.test(reasonRaw) && reasonRaw.includes('_'))) return 'boringssl';
  if (func === '' && /^0A/i.test(code)) return 'openssl-3';
  if (/^[A-Z0-9_]+$/.test(func) && func.length > 0) return func.startsWith('SSL') ? 'openssl-1.0' : 'libressl';
  if (/^[a-z0-9_]+$/.test(func) && func.length > 0) return 'openssl-1.1';
  return 'unknown';
}

/**
 * Parses the inside of `(SSL: …)`: one or more `error:CODE:LIB:FUNC:REASON[:DATA]`
 * entries separated by spaces (data such as "SSL alert number 40" may follow).
 */
export function parseSslQueue(raw: string): SslError | null {
  const entries = raw.split(/\s+(?=error:[0-9A-Fa-f]{1,16}:)/);
  const reasons: string[] = [];
  let first: { code: string; func: string; reasonRaw: string } | undefined;
  let alert: number | undefined;
  for (const e of entries) {
    const m = /SSL alert number (\d{1,3})/.exec(e);
    if (m) alert ??= Number(m[1]);
    if (!e.startsWith('error:')) continue;
    const parts = e.split(':');
    // error : code : lib : func : reason [: data…]
    const code = parts[1] ?? '';
    const func = parts[3] ?? '';
    const reasonRaw = parts[4] ?? parts[parts.length - 1] ?? '';
    if (!reasonRaw) continue;
    const reason = normaliseReason(reasonRaw);
    reasons.push(reason);
    first ??= { code, func, reasonRaw };
  }
  if (!first) {
    // A queue cut short, or a library printing only a reason.
    const tail = raw.replace(/^error:/, '').split(':').pop()?.trim();
    if (!tail) return null;
    const reason = normaliseReason(tail.replace(/SSL alert number \d+/, '').trim() || tail);
    return { reason, reasons: [reason], raw, library: 'unknown', ...(alert !== undefined ? { alert } : {}) };
  }
  const reason = reasons[0]!;
  alert ??= reasons.map((r) => ALERT_NUMBER[r]).find((n) => n !== undefined);
  const out: SslError = { reason, reasons, raw, code: first.code, func: first.func, library: libraryOf(first.code, first.func, first.reasonRaw) };
  if (alert !== undefined) out.alert = alert;
  return out;
}

/** Ways libraries print `reason` (normalised) as `func:reason` text inside `(SSL: …)` (variant tests and exports). */
export function sslSpellings(reason: string): string[] {
  const upper = reason.toUpperCase().replace(/ /g, '_');
  const out = [reason, upper];
  for (const [alias, canon] of Object.entries(ALIASES)) if (canon === reason && alias !== reason) out.push(alias);
  return out;
}
