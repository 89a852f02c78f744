import { describe, expect, it } from 'vitest';
import { ownPageSizes, parsePaste, whoReturned } from '../../../src/triage/who-returned.ts';
import * as S from './samples.ts';

const who = (text: string) => {
  const r = whoReturned(text);
  if (!r.ok) throw new Error(`no verdict: ${r.reason}`);
  return r.verdict;
};

describe('who returned this 502? — real responses', () => {
  it('nginx’s own 502 in a curl -sv transcript, with its version', () => {
    const v = who(S.CURL_NGINX_502.text);
    expect(v.producer).toBe('nginx');
    expect(v.version).toBe('1.22.1');
    expect(v.status).toBe(502);
    expect(v.info.link.href).toBe('/guides/triage/#2-read-the-first-error-log-line');
  });

  it('a backend’s 502 relayed by nginx (not nginx’s page)', () => {
    const v = who(S.CURL_BACKEND_502.text);
    expect(v.producer).toBe('backend');
    expect(v.info.link.href).toBe('/causes/upstream-returned-502/');
  });

  it('an AWS ALB by its Server header although the page has no footer (PHP print_r paste)', () => {
    const v = who(S.ALB_PRINT_R.text);
    expect(v.producer).toBe('aws-alb');
    expect(v.status).toBe(502);
  });

  it('Cloudflare 520 from headers only (curl -I) and from the branded page', () => {
    expect(who(S.CLOUDFLARE_520_HEADERS.text).producer).toBe('cloudflare-520');
    expect(who(S.CLOUDFLARE_520_HEADERS.text).evidence.join(' ')).toContain('4ee02a558935bdc3-AMS');
    expect(who(S.CLOUDFLARE_520_PAGE.text).producer).toBe('cloudflare-520');
  });

  it('nginx from headers only, when Content-Length is the size of nginx’s own page (old bgcolor page)', () => {
    const v = who(S.NGINX_CURL_I_OLD.text);
    expect(v.producer).toBe('nginx');
    expect(v.version).toBe('0.7.67');
  });

  it('nginx pages with and without a version, multi-line and on one line', () => {
    expect(who(S.NGINX_PAGE.text)).toMatchObject({ producer: 'nginx', version: '1.21.6', status: 502 });
    expect(who(S.NGINX_PAGE_ONE_LINE.text)).toMatchObject({ producer: 'nginx', status: 502 });
    expect(who(S.NGINX_PAGE_ONE_LINE.text).version).toBeUndefined();
    expect(who(S.NGINX_PROXY_503.text)).toMatchObject({ producer: 'nginx', version: '1.19.3', status: 503 });
  });

  it('OpenResty, Azure Application Gateway, Kong and GitLab by their pages', () => {
    expect(who(S.OPENRESTY_413.text)).toMatchObject({ producer: 'openresty', version: '1.9.15.1', status: 413 });
    expect(who(S.AZURE_APPGW_PAGE.text).producer).toBe('azure-appgw');
    expect(who(S.KONG_RING_BALANCER.text).producer).toBe('kong');
    expect(who(S.GITLAB_PAGE.text).producer).toBe('gitlab');
  });
});

describe('who returned this 502? — edges', () => {
  it('says what to paste instead of guessing', () => {
    expect(whoReturned('')).toMatchObject({ ok: false });
    const r = whoReturned('it is broken since this morning');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/curl -sv/);
  });

  it('headers only with Server: nginx and an unknown body size is not called nginx’s page', () => {
    const r = whoReturned('HTTP/1.1 502 Bad Gateway\nServer: nginx/1.22.1\nContent-Length: 346');
    expect(r.ok && r.verdict.producer).toBe('backend');
  });

  it('ignores curl’s request headers (a "> Host:" is not the response)', () => {
    const p = parsePaste(S.CURL_NGINX_502.text);
    expect(p.status).toBe(502);
    expect(p.headers.has('host')).toBe(false);
    expect(p.headers.get('server')).toEqual(['nginx/1.22.1']);
    expect(p.body).toContain('<hr><center>nginx/1.22.1</center>');
  });

  it('keeps a JSON body’s braces (only curl’s "{ [N bytes data]" markers are dropped)', () => {
    // Constructed: Kong's real message, pretty-printed over several lines.
    const p = parsePaste('HTTP/1.1 502 Bad Gateway\nContent-Type: application/json\n\n{\n  "message": "An invalid response was received from the upstream server"\n}');
    expect(p.body).toBe('{\n  "message": "An invalid response was received from the upstream server"\n}');
    expect(whoReturned(p.body).ok).toBe(true);
  });

  it('predicts nginx’s page sizes (157 for 1.22.1, 150 with server_tokens off, 173 for the old bgcolor page)', () => {
    expect(ownPageSizes(502, 'nginx', '1.22.1')).toContain(157);
    expect(ownPageSizes(502, 'nginx')).toContain(150);
    expect(ownPageSizes(502, 'nginx', '0.7.67')).toContain(173);
    expect(ownPageSizes(504, 'nginx', '1.22.1')).toContain(167);
    expect(ownPageSizes(418, 'nginx')).toEqual([]);
  });

  it('keeps a huge paste bounded and still answers', () => {
    const r = whoReturned(`${S.NGINX_PAGE.text}\n${'x'.repeat(2_000_000)}`);
    expect(r.ok && r.verdict.producer).toBe('nginx');
  });
});
