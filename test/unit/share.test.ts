import { describe, expect, it } from 'vitest';
import { buildPermalink, decodeInput, encodeInput, readPermalink, SHARE_MAX_BYTES, ShareLinkError } from '../../src/share/permalink.ts';
import { ALL_REDACTIONS, redact } from '../../src/share/redact.ts';

const LINE =
  '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: api.example.com, request: "GET /v1/orders?token=abc&user=bob@corp.example.org HTTP/1.1", upstream: "http://10.0.3.15:8080/v1/orders", host: "api.example.com", referrer: "https://shop.example.net/cart"';

describe('redaction', () => {
  it('replaces client and upstream IPs but keeps loopback', () => {
    const r = redact(`${LINE}\nupstream: "http://127.0.0.1:9000/"`);
    expect(r.text).not.toContain('203.0.113.7');
    expect(r.text).not.toContain('10.0.3.15');
    expect(r.text).toContain('127.0.0.1:9000');
    expect(r.counts.ip).toBe(2);
  });

  it('replaces a host name everywhere once it was seen in a server or host field', () => {
    const r = redact(`${LINE}\n- **server**: \`api.example.com\``);
    expect(r.text).not.toMatch(/api\.example\.com|shop\.example\.net/);
    expect(r.text.match(/host-1\b/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the log parseable: same placeholders for the same value', () => {
    const r = redact(`${LINE}\n${LINE}`);
    const [a, b] = r.text.split('\n');
    expect(a).toBe(b);
    expect(r.text).toContain('connect() failed (111: Connection refused)');
  });

  it('redacts query strings, e-mails, cookies and authorization headers', () => {
    const r = redact(`${LINE}\nCookie: session=s3cr3t; theme=dark\nAuthorization: Bearer eyJhbGciOi.abc.def\n"http_cookie":"sid=zzz"`);
    for (const secret of ['token=abc', 'bob@corp.example.org', 's3cr3t', 'eyJhbGciOi', 'sid=zzz']) expect(r.text).not.toContain(secret);
    expect(r.text).toContain('Authorization: Bearer [redacted]');
  });

  it('does only what is enabled, and says what it did', () => {
    const r = redact(LINE, ['query']);
    expect(r.text).toContain('203.0.113.7');
    expect(r.text).not.toContain('token=abc');
    expect(r.counts.query).toBe(1);
    expect(r.samples.query[0]).toEqual(['token=abc&user=bob@corp.example.org', '[redacted]']);
  });

  it('never mistakes a time for an IPv6 address', () => {
    expect(redact('23:58:07 12:00:00 fe80::1 2001:db8:85a3::8a2e:370:7334').text).toBe('23:58:07 12:00:00 fe80::1 2001:db8::1');
  });

  it('keeps our own site links in exports', () => {
    const md = `[fix](https://badgateway.dev/causes/x/#fix) server: api.example.com`;
    expect(redact(md, ALL_REDACTIONS, { keepHosts: ['badgateway.dev'] }).text).toContain('https://badgateway.dev/causes/x/#fix');
  });
});

describe('permalinks', () => {
  it('round-trips text through the fragment', async () => {
    const text = `${LINE}\n`.repeat(50) + 'üñí©ødé ✓';
    expect(await decodeInput(await encodeInput(text))).toBe(text);
    expect((await buildPermalink('https://badgateway.dev/analyze/', 'x')).ok && (await buildPermalink('https://badgateway.dev/analyze/', 'x') as { url: string }).url).toMatch(/#v=1&input=/);
    const link = await buildPermalink('https://badgateway.dev/analyze/', text);
    expect(link.ok).toBe(true);
    if (link.ok) {
      const url = new URL(link.url);
      expect(url.search).toBe('');
      expect(await readPermalink(url.hash)).toBe(text);
    }
  });

  it('refuses inputs too large for a link, saying by how much', async () => {
    const noise = Array.from({ length: 200_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join(' ');
    const link = await buildPermalink('https://badgateway.dev/analyze/', noise);
    expect(link.ok).toBe(false);
    if (!link.ok && link.reason === 'too-long') expect(link.encodedChars).toBeGreaterThan(link.limit);
    else throw new Error('expected a too-long link');
  });

  it('builds links only from inputs up to 4 MB', async () => {
    const big = 'a'.repeat(SHARE_MAX_BYTES + 1); // compresses to almost nothing: the size check is on the input
    const link = await buildPermalink('https://badgateway.dev/analyze/', big);
    expect(link).toMatchObject({ ok: false, reason: 'too-large', limit: SHARE_MAX_BYTES });
  });

  it('stops a link that inflates beyond the cap, with a clear message', async () => {
    // 64 MB of zeros deflate to ~64 KB: a link of that size must not freeze the page.
    const bomb = await encodeInput('\0'.repeat(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200_000);
    await expect(readPermalink(`#v=1&input=${bomb}`)).rejects.toThrow(/inflates to more than 4 MB/);
  });

  it('hostile links: bad base64, damaged data, another version, huge, empty', async () => {
    const good = await encodeInput('hello');
    const cases: [string, RegExp][] = [
      ['#v=1&input=abc$%*', /not valid base64url/],
      ['#v=1&input=A', /not valid base64url/],
      [`#v=1&input=${good.slice(0, -3)}AAAA`, /damaged|inflates/],
      ['#v=1&input=////', /damaged/],
      [`#v=2&input=${good}`, /another version of the analyzer \(format 2/],
      [`#v=1&input=${'A'.repeat(3 * 1024 * 1024)}`, /far longer than any link we make/],
      ['#v=1&input=', /carries no input/],
      [`#line=${'x'.repeat(70_000)}`, /too long to be a log line/],
    ];
    for (const [hash, message] of cases) {
      const r = readPermalink(hash);
      await expect(r, hash.slice(0, 40)).rejects.toBeInstanceOf(ShareLinkError);
      await expect(readPermalink(hash), hash.slice(0, 40)).rejects.toThrow(message);
    }
    // Old links (before the version parameter) still open.
    expect(await readPermalink(`#input=${good}`)).toBe('hello');
  });

  it('reads the single line passed by the search dialog', async () => {
    expect(await readPermalink('#line=no+live+upstreams')).toBe('no live upstreams');
  });
});
