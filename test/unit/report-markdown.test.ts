import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/index.ts';
import { reportToMarkdown } from '../../src/analyzer/report/markdown.ts';
import { loadCatalog } from '../../src/catalog/from-disk.ts';

const catalog = loadCatalog('content');
const LINE =
  '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: x, request: "GET /```evil``` HTTP/1.1", upstream: "http://127.0.0.1:19001/", host: "x"';

describe('ticket Markdown', () => {
  const md = reportToMarkdown(analyze(LINE, { catalog }), { siteUrl: 'https://badgateway.dev/', timezone: 'server local time', redacted: true });

  it('links each finding and its fix with absolute URLs', () => {
    expect(md).toContain('](https://badgateway.dev/causes/connection-refused/)');
    expect(md).toContain('(https://badgateway.dev/causes/connection-refused/#fix)');
  });

  it('states the time range, the timezone and the redaction', () => {
    expect(md).toContain('2026-11-22T23:58:07');
    expect(md).toContain('(server local time)');
    expect(md).toMatch(/redacted/);
  });

  it('fences evidence with more backticks than the log line contains', () => {
    expect(md).toContain('````log\n');
    expect(md).toContain('/```evil``` HTTP/1.1');
  });

  it('says so when nothing was recognised', () => {
    expect(reportToMarkdown(analyze('hello world', { catalog }), { siteUrl: 'https://badgateway.dev' })).toContain('No known cause recognised');
  });
});
