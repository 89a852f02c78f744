/**
 * Command output users paste next to a config, outside the collector's
 * sections: `ss -ltnp` / `netstat -tlnp` listeners, `ls -l` of a socket
 * directory (and ls's "cannot access" for a missing path), `docker ps`,
 * `php -v`, where a pasted gunicorn command binds, a `docker run`'s ports and mounts. Each
 * recogniser returns false when the line is not its kind; the facts go to the
 * config rules as HostFacts.
 */
import type { HostFacts } from '../config/rules/types.ts';
import { parseSsLine } from './host-facts.ts';

/** "LISTEN 0 511 127.0.0.1:9000 0.0.0.0:* users:((…))", "tcp LISTEN 0 …", "u_str LISTEN 0 …". */
const SS = /^(?:(?:tcp6?|u_str|u_seq)\s+)?LISTEN\s+\d+\s+\d+\s+\S+/;
/** netstat -tlnp: "tcp 0 0 127.0.0.1:9000 0.0.0.0:* LISTEN 1234/php-fpm: mast". */
const NETSTAT = /^tcp6?\s+\d+\s+\d+\s+(\S+)\s+\S+\s+LISTEN\b/;
/** ls -l entry: "srw-rw---- 1 www-data www-data 0 Dec  1 10:00 php8.2-fpm.sock". */
const LS = /^([-dlsbcp])([-rwxsStT]{9})[.+@]?\s+\d+\s+(\S+)\s+(\S+)\s+\d+\s+\w{3}\s+\d{1,2}\s+(?:\d{1,2}:\d{2}|\d{4})\s+(.+)$/;
/** ls: cannot access '/run/php/php7.1-fpm.sock': No such file or directory */
const LS_MISSING = /^ls: cannot access ['"‘]?([^'"’]+)['"’]?: No such file or directory$/;
/** docker ps: a row starts with the 12-digit container id; columns are separated by 2+ spaces (PORTS may be empty). */
const DOCKER_ROW = /^[0-9a-f]{12}\s{2,}\S/;
const DOCKER_HEADER = /^CONTAINER ID\s{2,}IMAGE\s{2,}COMMAND\b/;
/** php -v / php-fpm -v: "PHP 8.2.7 (cli) (built: …)", "PHP 7.4.3 (fpm-fcgi) …". */
const PHP_V = /^PHP (\d+)\.(\d+)\.\d+\S* \((cli|fpm-fcgi|cgi-fcgi)\)/;
/** A `docker run` command: its -p/--publish and -v/--volume options (a stray quote a poster left is dropped). */
const DOCKER_RUN = /^(?:\$\s+|sudo\s+)*docker\s+(?:container\s+)?run\s/;
const DOCKER_PUBLISH = /\s(?:-p|--publish)(?:=|\s+)["']?(?:[\d.]+:)?(\d+):(\d+)(?:\/\w+)?/g;
const DOCKER_VOLUME = /\s(?:-v|--volume)(?:=|\s+)["']?(\/[^\s:"']*)["']?:["']?(\/[^\s:"']*)/g;
/** A gunicorn start command ("gunicorn app.wsgi -b unix:/run/app.sock", "exec gunicorn --bind=0.0.0.0:8000 …"): where it binds. */
const GUNICORN_CMD = /^(?:\$\s+|exec\s+|ExecStart=)?(?:\S*\/)?gunicorn\s/;
const GUNICORN_BIND = /\s(?:-b|--bind)(?:=|\s+)["']?([^\s"']+)/g;

export function parsePastedOutput(t: string, line: number, host: HostFacts): boolean {
  if (SS.test(t)) return parseSsLine(t, line, host);
  const ns = NETSTAT.exec(t);
  if (ns) {
    if (host.listening.length < 1000) host.listening.push({ address: ns[1]!, line });
    return true;
  }
  const ls = LS.exec(t);
  if (ls) {
    const files = (host.files ??= []);
    if (files.length < 500) files.push({ name: ls[5]!.replace(/ -> .*$/, ''), type: ls[1] === 's' ? 'socket' : ls[1] === 'd' ? 'dir' : 'other', owner: ls[3]!, group: ls[4]!, line });
    return true;
  }
  const miss = LS_MISSING.exec(t);
  if (miss) {
    (host.missing ??= []).push({ path: miss[1]!, line });
    return true;
  }
  if (DOCKER_HEADER.test(t)) return true;
  if (DOCKER_ROW.test(t)) {
    const cols = t.split(/\s{2,}/);
    const containers = (host.containers ??= []);
    if (cols.length >= 6 && containers.length < 200) containers.push({ image: cols[1]!, name: cols[cols.length - 1]!, ports: cols.find((c) => /\/(?:tcp|udp)\b/.test(c)) ?? '', line });
    return true;
  }
  if (DOCKER_RUN.test(t)) {
    const runs = (host.dockerRuns ??= []);
    if (runs.length < 50) {
      runs.push({
        ports: [...t.matchAll(DOCKER_PUBLISH)].map((m) => ({ host: m[1]!, container: m[2]! })),
        volumes: [...t.matchAll(DOCKER_VOLUME)].map((m) => ({ source: m[1]!.replace(/\/+$/, ''), target: m[2]!.replace(/\/+$/, '') })),
        line,
      });
    }
    // Facts only: the line goes on to the other readers (a uWSGI command or an image name in it).
    return false;
  }
  if (GUNICORN_CMD.test(t)) {
    const binds = (host.binds ??= []);
    for (const m of t.matchAll(GUNICORN_BIND)) if (binds.length < 50) binds.push({ address: m[1]!, program: 'gunicorn', line });
    return true;
  }
  const php = PHP_V.exec(t);
  if (php) {
    host.php ??= { version: `${php[1]}.${php[2]}`, line };
    return true;
  }
  return false;
}
