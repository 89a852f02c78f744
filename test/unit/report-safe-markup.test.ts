/**
 * Ticket text from hostile logs: rendered with a real CommonMark + GFM
 * pipeline, nothing from the log may become a heading, a link, HTML or break
 * out of its code span; Jira markup keeps log text inside {noformat}/{{…}};
 * the terminal formatter prints no escape sequence.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Finding, Report } from '../../src/analyzer/types.ts';
import { codeSpan, reportToMarkdown } from '../../src/analyzer/report/markdown.ts';
import { reportToJira } from '../../src/analyzer/report/jira.ts';
import { formatText, terminalSafe } from '../../src/cli/format-text.ts';
import { analyze } from '../../src/analyzer/index.ts';
import { main } from '../../src/cli/main.ts';
import { CHECKOUT } from '../../src/cli/checkout.ts';
import { PassThrough } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/from-disk.ts';

const SITE = 'https://badgateway.dev';
const HOSTILE = [
  'a\r# Injected heading',
  'b\r\n[click](https://evil.example.net/x)',
  'c `` ` ``` <img src=x onerror=alert(1)> <script>alert(1)</script>',
  'https://evil.example.net/bare www.evil.example.net mail@evil.example.net',
  '\u2028## sep\u2029<b>bold</b>',
  '\x1b]8;;https://evil.example.net\x07link\x1b]8;;\x07 \x1bc \x9b31m red',
  '| a | b |\n|---|---|',
  '`',
  '``',
  ' ` ',
  '1. nested list',
  'h1. jira heading (y) ??cite??',
  '- nested item',
];

function hostileReport(): Report {
  const finding: Finding = {
    cause: 'connection-refused',
    title: 'Upstream refused the connection (111)',
    url: '/causes/connection-refused/',
    fixUrl: '/causes/connection-refused/#fix',
    status: 502,
    severity: 'critical',
    confidence: 'high',
    count: 1,
    firstSeen: HOSTILE[0],
    lastSeen: HOSTILE[1],
    evidence: HOSTILE.map((text, i) => ({ line: i + 1, text, span: [0, 1] as [number, number], kind: 'nginx-error' as const, rule: 'x' })),
    facts: Object.fromEntries(HOSTILE.map((h, i) => [`f${i}`, [h]])),
    fix: `Start the backend: \`systemctl start ${HOSTILE[2]}\` then check ${HOSTILE[3]} and ${HOSTILE[0]}`,
    origin: 'log',
    note: HOSTILE.join(' '),
  };
  return {
    version: 1,
    findings: [finding],
    unrecognised: [],
    unrecognisedCount: 0,
    harmless: [],
    harmlessCount: 0,
    stats: { lines: 1, bytes: 1, byKind: {}, byLevel: {}, statuses: {}, upstreamStatuses: {}, topUpstreams: [], topUris: [], topClients: [], timeline: [], recognisedLines: 1, timeRange: { first: HOSTILE[4]!, last: HOSTILE[6]! } },
    warnings: HOSTILE,
    producer: { name: HOSTILE[1]!, line: 1 },
  };
}

async function html(md: string): Promise<string> {
  return String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).process(md));
}

describe('Markdown for tickets', () => {
  it('log text never becomes a heading, a link, HTML or a table', async () => {
    const out = await html(reportToMarkdown(hostileReport(), { siteUrl: SITE, shareUrl: `${SITE}/analyze/#v=1&input=abc` }));
    expect(out.match(/<h[1-6]/g)).toEqual(['<h2', '<h3', '<h3']); // title, the finding, Warnings
    for (const href of out.matchAll(/href="([^"]*)"/g)) expect(href[1], out).toMatch(/^https:\/\/badgateway\.dev\//);
    expect(out).not.toMatch(/<(img|script|b|table)\b/);
    expect(out).not.toMatch(/<li>\s*<(ol|ul)\b/);
    expect(out).not.toMatch(/[\r\x1b\x9b\u2028\u2029]/);
  });

  it('a code span cannot be closed by what it holds (CR, backticks)', async () => {
    for (const v of HOSTILE) {
      const out = await html(`x ${codeSpan(v)} y`);
      expect(out.match(/<code>/g), v).toHaveLength(1);
      expect(out, v).toMatch(/^<p>x <code>[\s\S]*<\/code> y<\/p>\s*$/);
    }
  });

  it('fix texts keep their commands as code spans, and the share link is in the ticket', async () => {
    const md = reportToMarkdown(hostileReport(), { siteUrl: SITE, shareUrl: `${SITE}/analyze/#v=1&input=abc` });
    expect(md).toContain(`Reopen this analysis: <${SITE}/analyze/#v=1&input=abc>`);
    const out = await html(md);
    expect(out).toContain('<code>systemctl start c');
    expect(out).toContain(`<a href="${SITE}/analyze/#v=1&#x26;input=abc">`);
  });

  it('escapes a carriage return in a fact of a real report', () => {
    const catalog = loadCatalog('content');
    const line = '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: x, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:9000/\r# Owned [x](https://evil.example.net)", host: "x"';
    const md = reportToMarkdown(analyze(line, { catalog }), { siteUrl: SITE });
    expect(md).not.toContain('\r');
    expect(md.split('\n').some((l) => l.startsWith('# Owned'))).toBe(false);
  });
});

describe('Jira wiki markup', () => {
  it('keeps log text out of markup', () => {
    const all = reportToJira(hostileReport(), { siteUrl: SITE });
    expect(all.match(/^\{noformat\}$/gm)).toHaveLength(2);
    // Inside {noformat} Jira shows text as it is; everywhere else nothing may be markup.
    const out = all.replace(/^\{noformat\}\n[\s\S]*?\n\{noformat\}$/m, '');
    expect(out.startsWith('h2. badgateway analysis')).toBe(true);
    // Only our own links; every [ from the log is escaped.
    for (const m of out.matchAll(/(?<!\\)\[([^\]]*)\]/g)) expect(m[1]).toMatch(/\|https:\/\/badgateway\.dev\//);
    expect(out).not.toMatch(/https?:\/\/evil/);
    expect(out).not.toContain('{noformat}');
    expect(out).not.toMatch(/[\r\x1b\x9b]/);
    expect(out.split('\n').filter((l) => /^h\d\. /.test(l))).toHaveLength(3);
    expect(all).not.toMatch(/[\r\x1b\x9b]/);
    expect(out).not.toMatch(/^\s*h1\. jira/m);
    expect(out).not.toMatch(/(?<!\\)\(y\)|(?<!\\)\?\?cite/);
  });
});

describe('terminal output', () => {
  it('the CLI prints hostile log lines without any escape sequence (text, markdown, jira)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-esc-'));
    const file = join(dir, 'hostile.log');
    // ESC is not a "binary" byte for the engine, so the line is analysed and its text printed.
    const esc = '\x1bc\x1b[2J\x1b]0;owned\x1b\\\x9b31m\x1b]8;;https://evil.example.net\x1b\\';
    writeFileSync(file, `2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: x${esc}, request: "GET /${esc} HTTP/1.1", upstream: "http://127.0.0.1:9000/${esc}", host: "x"\n${esc}\n`);
    for (const format of ['text', 'markdown', 'jira']) {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      stdout.on('data', (c: Buffer) => (out += c.toString()));
      stderr.on('data', (c: Buffer) => (out += c.toString()));
      expect(await main(['analyze', file, '--format', format, '--no-color'], { stdin: new PassThrough(), stdout, stderr, env: {} }, CHECKOUT), out).toBe(1);
      expect(out, format).toContain('Connection refused');
      expect(out.replace(/\n/g, ''), format).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
  });

  it('strips ESC c, CSI, OSC, 8-bit CSI and other C0/C1 controls', () => {
    const hostile = 'x\x1bc\x1b[2J\x1b[31mred\x1b]0;title\x07\x1b]8;;https://evil.example.net\x1b\\link\x9b31m\x9d0;t\x9c\x85\x07\x08\ry';
    const out = terminalSafe(hostile);
    expect(out).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(out).toContain('red');
    expect(out).not.toContain('2J');
    expect(out).not.toContain('evil');
    const text = formatText(hostileReport(), { color: false, siteUrl: SITE });
    expect(text.replace(/\n/g, '')).not.toMatch(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/);
    expect(text.split('\n').length).toBeLessThan(40);
  });
});
