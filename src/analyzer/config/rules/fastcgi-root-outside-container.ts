/**
 * FastCGI to a PHP-FPM container through a published port, with
 * SCRIPT_FILENAME built from nginx's root: PHP-FPM opens that path inside its
 * container, where the code is mounted elsewhere (`docker run -v
 * /srv/app:/var/www/html`), so the script does not exist there ("Primary
 * script unknown", "File not found.").
 */
import { CAUSES } from '../../cause-ids.ts';
import { lookupAll } from '../model.ts';
import { effective, scopesWith } from './helpers.ts';
import { LOOPBACK_HOST } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const FROM_ROOT = /^\$(?:document_root|realpath_root)/;

export const fastcgiRootOutsideContainer: ConfigRule = {
  id: 'fastcgi-root-outside-container',
  cause: CAUSES.primaryScriptUnknown,
  title: "SCRIPT_FILENAME from nginx's root while PHP-FPM runs in a container that mounts the code at another path",
  check({ nginx, host }) {
    const runs = host.dockerRuns ?? [];
    if (!nginx || runs.length === 0) return [];
    const out: ConfigProblem[] = [];
    for (const { scope, directive } of scopesWith(nginx, 'fastcgi_pass')) {
      const m = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]):(\d+)$/.exec(directive.args[0] ?? '');
      if (!m || !LOOPBACK_HOST.test(m[1]!)) continue;
      const run = runs.find((r) => r.ports.some((p) => p.host === m[2]));
      if (!run) continue;
      const script = lookupAll(scope, 'fastcgi_param').find((d) => d.args[0] === 'SCRIPT_FILENAME');
      if (!script || !FROM_ROOT.test(script.args[1] ?? '')) continue;
      const root = effective(scope, 'root').value;
      const mount = run.volumes.find((v) => root === v.source || root.startsWith(`${v.source}/`));
      if (!mount || mount.source === mount.target) continue;
      const inside = mount.target + root.slice(mount.source.length);
      out.push({
        line: script.line,
        directive: 'fastcgi_param',
        facts: { root, container_path: inside, upstream: directive.args[0]! },
        confidence: 'medium',
        note: `fastcgi_pass ${directive.args[0]} reaches the container of the docker run at input line ${run.line}, which mounts ${mount.source} at ${mount.target}; SCRIPT_FILENAME is built from nginx's root ${root}, a path that does not exist inside that container, so PHP-FPM answers "Primary script unknown" (nginx shows "File not found."). Set fastcgi_param SCRIPT_FILENAME ${inside}$fastcgi_script_name; in this location, or mount the code at the same path in both.`,
      });
    }
    return out;
  },
};
