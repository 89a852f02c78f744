/**
 * nginx and uWSGI must speak the same protocol: uwsgi_pass ↔ socket, proxy_pass ↔ http / http-socket.
 * Without nginx's configuration, a logged upstream tells what nginx spoke ("upstream: \"uwsgi://…:9090\"").
 */
import { CAUSES } from '../../cause-ids.ts';
import { uwsgiListeners } from '../parse-uwsgi.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';
import type { LoggedUpstream } from '../../parse/connect-failure.ts';

/** ":8000", "0.0.0.0:8000", "127.0.0.1:8000" → "8000"; a path stays a path. */
function portOf(address: string): string {
  const m = /:(\d+)$/.exec(address);
  return m ? m[1]! : address;
}

/** The logged upstreams against uWSGI's listeners: nginx spoke uwsgi:// to an HTTP listener, or http:// to a uwsgi one. */
function fromLog(listeners: ReturnType<typeof uwsgiListeners>, logged: LoggedUpstream[]): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const seen = new Set<number>();
  for (const u of logged) {
    if (u.scheme !== 'uwsgi' && u.scheme !== 'http') continue;
    const l = listeners.find((x) => (x.address.startsWith('/') ? x.address === u.socket : u.port !== undefined && portOf(x.address) === u.port));
    if (!l || l.protocol === u.scheme || seen.has(l.line)) continue;
    seen.add(l.line);
    const spoke = u.scheme === 'uwsgi' ? 'the uwsgi protocol (uwsgi_pass)' : 'HTTP (proxy_pass)';
    const use = u.scheme === 'uwsgi' ? `socket = ${l.address} in uWSGI (or proxy_pass http://… in nginx)` : `uwsgi_pass + include uwsgi_params in nginx, or http-socket = ${l.address} in uWSGI`;
    out.push({ line: l.line, directive: l.option, kind: 'uwsgi-config', facts: { upstream: u.socket ?? `:${u.port}`, uwsgi_option: `${l.option} = ${l.address}` }, confidence: 'medium', note: `The log (input line ${u.line}) shows nginx speaking ${spoke} to ${u.socket ?? `port ${u.port}`}, where uWSGI listens with ${l.option} = ${l.address}, which speaks ${l.protocol === 'http' ? 'HTTP' : 'the uwsgi protocol'}: the two never understand each other (timeouts, "invalid request block size", 502). Use ${use}.` });
  }
  return out;
}

export const uwsgiProtocol: ConfigRule = {
  id: 'uwsgi-protocol-mismatch',
  cause: CAUSES.uwsgiProtocol,
  title: 'uwsgi_pass to a uWSGI http/http-socket, or proxy_pass to a uWSGI socket',
  check({ nginx, uwsgi, logHints }) {
    if (uwsgi.length === 0) return [];
    const listeners = uwsgi.flatMap(uwsgiListeners);
    if (!nginx) return fromLog(listeners, logHints.upstreams ?? []);
    const out: ConfigProblem[] = [];
    const targets = passTargets(nginx);
    // buffer-size (default 4096) caps the request header block uWSGI accepts; nginx forwards far larger ones.
    if (targets.some((t) => t.pass === 'uwsgi_pass')) {
      for (const u of uwsgi) {
        const b = u.options.get('buffer-size') ?? u.options.get('b');
        const size = b ? Number(b.value) : 4096;
        if (!Number.isFinite(size) || size >= 8192) continue;
        out.push({ line: b?.line ?? u.line, directive: b ? 'buffer-size' : undefined, kind: 'uwsgi-config', facts: { buffer_size: String(size) }, confidence: 'low', advice: true, note: `uWSGI's buffer-size is ${size}${b ? '' : ' (default)'} bytes for the whole request header block, while nginx accepts headers up to large_client_header_buffers (4 × 8k by default) and forwards them with uwsgi_pass: a request with big cookies is refused by uWSGI ("invalid request block size") and nginx answers 502. buffer-size = 32768 matches nginx.` });
      }
    }
    for (const t of targets) {
      if (t.pass !== 'uwsgi_pass' && t.pass !== 'proxy_pass') continue;
      const key = t.socket ?? t.port;
      if (!key) continue;
      const l = listeners.find((x) => (x.address.startsWith('/') ? x.address === t.socket : portOf(x.address) === key));
      if (!l) continue;
      const wants = t.pass === 'uwsgi_pass' ? 'uwsgi' : 'http';
      if (l.protocol === wants) continue;
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: t.socket ?? `${t.host}:${t.port}`, uwsgi_option: `${l.option} = ${l.address}` },
        note: t.pass === 'uwsgi_pass'
          ? `uwsgi_pass ${t.directive.args[0]} speaks the uwsgi protocol, but uWSGI listens there with ${l.option} = ${l.address} (input line ${l.line}), which speaks HTTP: nginx gets 502 ("upstream prematurely closed" / "invalid header"). Use socket = ${l.address} in uWSGI, or proxy_pass http://… in nginx.`
          : `proxy_pass ${t.directive.args[0]} speaks HTTP, but uWSGI listens there with ${l.option} = ${l.address} (input line ${l.line}), the uwsgi protocol: uWSGI logs "invalid request block size" and nginx answers 502. Use uwsgi_pass + include uwsgi_params, or http-socket = ${l.address} in uWSGI.`,
        confidence: 'high',
      });
    }
    return out;
  },
};
