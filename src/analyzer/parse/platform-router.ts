/**
 * Hosting platforms' own router/proxy lines, pasted when the 502/503 comes
 * from the platform in front of the app rather than from nginx:
 *   2016-01-15T16:13:56.982182+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="/" … status=503 bytes=0
 *   Jul 16 22:52:43 fateoftime heroku/router:  at=error code=H10 desc="App crashed" …     (syslog drain)
 *   2020-12-02T18:31:56.360217+00:00 heroku[web.1]: Idling
 *   2013-03-15T19:56:45+00:00 app[web.1]: Unicorn worker intercepting TERM …      (the dyno's own output)
 *   2014-09-19 11:39:25.901328+00:00 heroku router - - at=info method=GET …      (RFC 5424 drain, as log viewers show it)
 *   2023-02-16T03:02:28.944 proxy[ed63d73f] lhr [error] instance refused connection      (Fly.io)
 * The ISO stamp of Heroku lines is peeled by detect/prefixes.ts; Fly's has no zone and stays.
 */
import type { Recognised } from './recognised.ts';
import { isoTime } from './time.ts';

const HEROKU = /^heroku\[([\w.-]{1,32})\]: /;
const DYNO = /^app\[((?:web|worker|run|release|scheduler|api)[\w-]{0,24}\.\d{1,4})\]: /;
const DRAIN_ROUTER = 'heroku router - - ';
const ROUTER_KV = /^at=(info|warning|error) (?:code=(H\d{1,3}) desc="([^"]{1,120})" )?/;
const FLY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,9})?Z? (proxy|app|runner|health)\[([0-9a-f]{6,16})\] ([a-z]{3}) \[(info|warn|error)\] /;
const STATUS = / status=(\d{3})\b/;

function router(msg: string, facts: Record<string, string>): Recognised | null {
  const r = ROUTER_KV.exec(msg);
  if (!r) return null;
  facts.process = 'router';
  if (r[2]) facts.code = r[2];
  if (r[3]) facts.errtext = r[3];
  const st = STATUS.exec(msg);
  if (st) facts.status = st[1]!;
  const out: Recognised = { kind: 'platform', level: r[1] === 'warning' ? 'warn' : r[1]!, facts };
  if (r[1] === 'error') out.event = 'platform-error';
  return out;
}

export function recognisePlatformRouter(s: string, at: number, tag: string | undefined): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const facts: Record<string, string> = { platform: 'heroku' };
  const h = HEROKU.exec(text);
  if (h) {
    const msg = text.slice(h[0].length);
    if (h[1] === 'router') return router(msg, facts) ?? { kind: 'platform', facts: { platform: 'heroku', process: 'router' } };
    facts.process = h[1]!;
    return { kind: 'platform', level: /^Error R\d{1,3}\b|^State changed from \w+ to crashed/.test(msg) ? 'error' : 'info', facts };
  }
  const d = DYNO.exec(text);
  if (d) return { kind: 'platform', level: 'info', facts: { platform: 'heroku', process: d[1]! } };
  const r = text.indexOf(DRAIN_ROUTER);
  if (r >= 0 && r < 96) return router(text.slice(r + DRAIN_ROUTER.length), facts);
  // A syslog drain's tag ("heroku/router"), or the key=value body pasted alone.
  if (tag === 'heroku/router' || text.startsWith('at=')) return router(text, facts);
  if (tag?.startsWith('heroku/')) {
    facts.process = tag.slice(7);
    return { kind: 'platform', facts };
  }
  const f = FLY.exec(text);
  if (f) {
    const out: Recognised = { kind: 'platform', level: f[5]!, facts: { platform: 'fly', process: f[2]!, instance: f[3]!, region: f[4]! } };
    const time = isoTime(f[1]!);
    if (time) out.time = time;
    if (f[5] === 'error' && f[2] === 'proxy') out.event = 'platform-error';
    return out;
  }
  return null;
}
