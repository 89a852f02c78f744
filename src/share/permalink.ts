/**
 * Permalinks carry the input in the URL fragment, deflated and base64url
 * encoded. Browsers never send the fragment to a server, so a shared link
 * reveals nothing to us or to any proxy in between.
 */

/** Largest encoded input we put in a link; chat tools and tickets cut longer URLs. */
export const PERMALINK_MAX_CHARS = 48_000;
export const FRAGMENT_KEY = 'input';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function encodeInput(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

export async function decodeInput(encoded: string): Promise<string> {
  return new TextDecoder().decode(await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw')));
}

export type PermalinkResult = { ok: true; url: string; encodedChars: number } | { ok: false; encodedChars: number; limit: number };

/** Builds `<base>#input=…`, or says by how much the input is over the limit. */
export async function buildPermalink(base: string, text: string): Promise<PermalinkResult> {
  const encoded = await encodeInput(text);
  if (encoded.length > PERMALINK_MAX_CHARS) return { ok: false, encodedChars: encoded.length, limit: PERMALINK_MAX_CHARS };
  const url = new URL(base);
  url.hash = `${FRAGMENT_KEY}=${encoded}`;
  return { ok: true, url: url.toString(), encodedChars: encoded.length };
}

/** Reads the input out of a location hash, or null when there is none. */
export async function readPermalink(hash: string): Promise<string | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get(FRAGMENT_KEY);
  if (encoded) return decodeInput(encoded);
  // "Analyze this line" from the search dialog passes one plain line.
  const line = params.get('line');
  return line ?? null;
}
