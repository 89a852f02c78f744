/**
 * Permalinks carry the input in the URL fragment, deflated and base64url
 * encoded. Browsers never send the fragment to a server, so a shared link
 * reveals nothing to us or to any proxy in between.
 *
 * A link is data from a stranger: it is decoded in the analyzer's worker,
 * inflated as a stream and stopped at SHARE_MAX_BYTES (a 2 MB link can
 * inflate to gigabytes), and every way it can be wrong has a clear message.
 */

/** Largest encoded input we put in a link; chat tools and tickets cut longer URLs. */
export const PERMALINK_MAX_CHARS = 48_000;
/** Largest input (UTF-8 bytes) a link is built from, and the most a link may inflate to. */
export const SHARE_MAX_BYTES = 4 * 1024 * 1024;
/** Longest fragment we try to decode at all (hand-made links can be longer than ours). */
export const LINK_MAX_CHARS = 2 * 1024 * 1024;
/** Longest plain line accepted from `#line=` ("Analyze this line" from the search dialog). */
export const LINE_MAX_CHARS = 64 * 1024;
export const FRAGMENT_KEY = 'input';
export const LINK_VERSION = '1';

/** A link that cannot be opened; the message says why, for the person who clicked it. */
export class ShareLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShareLinkError';
  }
}

const MB = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** Inflates chunk by chunk and gives up as soon as the output passes `cap` bytes. */
async function inflate(bytes: Uint8Array, cap: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        throw new ShareLinkError(`This link's input inflates to more than ${MB(cap)}, more than any link we make; it was not opened.`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError('This link is damaged (its data does not decompress); ask for a new link.');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new ShareLinkError('This link is damaged (its data is not valid base64url); it may have been cut or changed when it was pasted.');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function encodeInput(text: string): Promise<string> {
  return toBase64Url(await deflate(new TextEncoder().encode(text)));
}

export async function decodeInput(encoded: string, cap = SHARE_MAX_BYTES): Promise<string> {
  if (encoded.length > LINK_MAX_CHARS) throw new ShareLinkError(`This link is ${MB(encoded.length)} long, far longer than any link we make; it was not opened.`);
  const bytes = await inflate(fromBase64Url(encoded), cap);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export type PermalinkResult =
  | { ok: true; url: string; encodedChars: number }
  | { ok: false; reason: 'too-long'; encodedChars: number; limit: number }
  | { ok: false; reason: 'too-large'; bytes: number; limit: number };

/** Builds `<base>#v=1&input=…`, or says by how much the input is over a limit. */
export async function buildPermalink(base: string, text: string): Promise<PermalinkResult> {
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > SHARE_MAX_BYTES) return { ok: false, reason: 'too-large', bytes, limit: SHARE_MAX_BYTES };
  const encoded = await encodeInput(text);
  if (encoded.length > PERMALINK_MAX_CHARS) return { ok: false, reason: 'too-long', encodedChars: encoded.length, limit: PERMALINK_MAX_CHARS };
  const url = new URL(base);
  url.hash = `v=${LINK_VERSION}&${FRAGMENT_KEY}=${encoded}`;
  return { ok: true, url: url.toString(), encodedChars: encoded.length };
}

/** Reads the input out of a location hash, or null when there is none; throws ShareLinkError for a bad link. */
export async function readPermalink(hash: string): Promise<string | null> {
  if (hash.length > LINK_MAX_CHARS + 64) throw new ShareLinkError(`This link is ${MB(hash.length)} long, far longer than any link we make; it was not opened.`);
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get(FRAGMENT_KEY);
  const version = params.get('v');
  if (encoded !== null) {
    // Links from before versions existed carry no v: they are version 1.
    if (version !== null && version !== LINK_VERSION) throw new ShareLinkError(`This link was made by another version of the analyzer (format ${version.slice(0, 10)}; this page reads format ${LINK_VERSION}). Reload the page, or ask for the log itself.`);
    if (encoded === '') throw new ShareLinkError('This link carries no input (it was cut after "input=").');
    return decodeInput(encoded);
  }
  // "Analyze this line" from the search dialog passes one plain line.
  const line = params.get('line');
  if (line !== null && line.length > LINE_MAX_CHARS) throw new ShareLinkError('This link carries a line too long to be a log line; it was not opened.');
  return line;
}
