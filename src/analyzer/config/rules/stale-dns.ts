/**
 * proxy_pass to a cloud endpoint whose addresses change (load balancers,
 * PaaS hosts) with the name resolved once at startup: no variable, no
 * `resolve` parameter. When the addresses rotate, nginx keeps the old ones.
 */
import { CAUSES } from '../../cause-ids.ts';
import { allIn } from '../model.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const DYNAMIC = /\.(?:elb\.amazonaws\.com|elb\.[a-z0-9-]+\.amazonaws\.com|execute-api\.[a-z0-9-]+\.amazonaws\.com|cloudfront\.net|azurewebsites\.net|cloudapp\.azure\.com|herokuapp\.com|run\.app|appspot\.com|elasticbeanstalk\.com|onrender\.com|fly\.dev|vercel\.app|netlify\.app)$/i;

export const staleDns: ConfigRule = {
  id: 'stale-dns-cloud-endpoint',
  cause: CAUSES.staleDns,
  title: 'proxy_pass to a cloud load balancer / PaaS name resolved only at startup',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    for (const t of passTargets(nginx)) {
      if (t.variable || !DYNAMIC.test(t.host)) continue;
      if (t.group && allIn(nginx.main.directives, 'server').some((s) => s === t.directive && s.args.includes('resolve'))) continue;
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: t.host },
        note: `${t.host} is a cloud endpoint whose IP addresses change, but nginx resolves it once, when the configuration loads${t.group ? ` (upstream ${t.group} server without "resolve")` : ''}: after the addresses rotate, requests go to old ones and time out or fail (502/504) until nginx reloads. Use a resolver with a variable in proxy_pass, or "server ${t.host} resolve;" (nginx 1.27.3+).`,
        confidence: 'medium',
      });
    }
    return out;
  },
};
