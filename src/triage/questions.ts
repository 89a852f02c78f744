/**
 * "Who returned this 502?" as a few questions, for when there is nothing to
 * paste. Each answer has a short id; the path of ids is what the page keeps in
 * its URL (`?who=page-nginx.log-no`), so a teammate opens the same path.
 * Pure data plus a walker: no DOM.
 */
import { PRODUCERS, type ProducerId } from './producers.ts';

export interface Answer {
  /** Stable id used in the URL; lowercase letters, digits and dashes. */
  id: string;
  label: string;
  /** Either the next question's id or a verdict. */
  next: string | { producer: ProducerId; note?: string };
}

export interface Question {
  id: string;
  text: string;
  /** A hint on how to find the answer. */
  hint?: string;
  answers: Answer[];
}

export const FIRST = 'page';

export const QUESTIONS: Record<string, Question> = {
  page: {
    id: 'page',
    text: 'What does the error page look like?',
    hint: 'Open the failing URL; look at the bottom of the page and at its title.',
    answers: [
      { id: 'nginx', label: 'White page, “502 Bad Gateway”, “nginx” or “nginx/1.x” at the bottom', next: 'log' },
      { id: 'openresty', label: 'White page with “openresty” at the bottom', next: 'openresty' },
      { id: 'bare', label: 'White page with no footer at all', next: 'server' },
      { id: 'cloudflare', label: 'Cloudflare-branded page (“Error 52x”, a Ray ID)', next: 'cf-code' },
      { id: 'gitlab', label: '“Whoops, GitLab is taking too much time to respond”', next: { producer: 'gitlab' } },
      { id: 'app', label: 'The application’s own page or a JSON error', next: { producer: 'backend' } },
      { id: 'some-users', label: 'Only some users or one office see it', next: { producer: 'client-side' } },
    ],
  },
  log: {
    id: 'log',
    text: 'Does nginx’s error log have a line at the same second?',
    hint: 'sudo tail -n 50 /var/log/nginx/error.log — or the server block’s own error_log.',
    answers: [
      { id: 'yes', label: 'Yes', next: { producer: 'nginx' } },
      { id: 'no', label: 'No', next: 'version' },
    ],
  },
  version: {
    id: 'version',
    text: 'Does the version in the page footer match `nginx -v` on your server?',
    hint: 'With server_tokens off the footer says only “nginx”: then answer “can’t tell”.',
    answers: [
      { id: 'same', label: 'Same version', next: { producer: 'nginx', note: 'Nothing logged at the default level: lower error_log to info, check the server block’s own error_log, and look at $upstream_status in the access log.' } },
      { id: 'other', label: 'Another version', next: 'where' },
      { id: 'unknown', label: 'Can’t tell', next: 'where' },
    ],
  },
  where: {
    id: 'where',
    text: 'Where else could an nginx sit on the path?',
    answers: [
      { id: 'k8s', label: 'Kubernetes ingress (ingress-nginx)', next: { producer: 'ingress-nginx' } },
      { id: 'backend', label: 'Behind my nginx (the app’s own nginx, a container)', next: { producer: 'backend' } },
      { id: 'front', label: 'In front of my nginx (a hosting proxy, another server)', next: { producer: 'edge-other' } },
    ],
  },
  openresty: {
    id: 'openresty',
    text: 'Which OpenResty-based proxy do you run?',
    answers: [
      { id: 'npm', label: 'Nginx Proxy Manager or my own OpenResty', next: { producer: 'openresty' } },
      { id: 'kong', label: 'Kong', next: { producer: 'kong' } },
      { id: 'apisix', label: 'Apache APISIX', next: { producer: 'apisix' } },
      { id: 'k8s', label: 'ingress-nginx in Kubernetes', next: { producer: 'ingress-nginx' } },
    ],
  },
  server: {
    id: 'server',
    text: 'What does the Server header say?',
    hint: 'curl -sI https://your.site/failing/path | grep -i ^server',
    answers: [
      { id: 'awselb', label: 'awselb/2.0', next: { producer: 'aws-alb' } },
      { id: 'azure', label: 'Microsoft-Azure-Application-Gateway/v2', next: { producer: 'azure-appgw' } },
      { id: 'cloudfront', label: 'CloudFront (X-Cache: Error from cloudfront)', next: { producer: 'cloudfront' } },
      { id: 'google', label: 'Via: 1.1 google', next: { producer: 'google-lb' } },
      { id: 'nginx', label: 'nginx', next: { producer: 'backend', note: 'nginx’s own pages always have a footer, so a bare page relayed by nginx was made further back.' } },
      { id: 'other', label: 'Something else', next: { producer: 'edge-other' } },
    ],
  },
  'cf-code': {
    id: 'cf-code',
    text: 'Which error code does the Cloudflare page show?',
    answers: [
      { id: '502', label: '502 or 504', next: { producer: 'cloudflare-origin' } },
      { id: '520', label: '520', next: { producer: 'cloudflare-520' } },
      { id: '521', label: '521', next: { producer: 'cloudflare-521' } },
      { id: '522', label: '522', next: { producer: 'cloudflare-522' } },
      { id: '523', label: '523', next: { producer: 'cloudflare-523' } },
      { id: '524', label: '524', next: { producer: 'cloudflare-524' } },
      { id: '525', label: '525', next: { producer: 'cloudflare-525' } },
      { id: '526', label: '526', next: { producer: 'cloudflare-526' } },
    ],
  },
};

export type Step = { kind: 'question'; question: Question; chosen?: Answer } | { kind: 'verdict'; producer: ProducerId; note?: string };

/**
 * Walks the answer ids from the first question. Unknown ids stop the walk
 * (a hand-edited or outdated link keeps what it can), so the result is the
 * longest valid prefix: every answered question, then either the next open
 * question or the verdict.
 */
export function walk(ids: readonly string[]): { steps: Step[]; used: string[] } {
  const steps: Step[] = [];
  const used: string[] = [];
  let q: Question | undefined = QUESTIONS[FIRST];
  for (const id of ids) {
    if (!q) break;
    const a: Answer | undefined = q.answers.find((x) => x.id === id);
    if (!a) break;
    steps.push({ kind: 'question', question: q, chosen: a });
    used.push(id);
    if (typeof a.next === 'string') q = QUESTIONS[a.next];
    else {
      steps.push({ kind: 'verdict', producer: a.next.producer, note: a.next.note });
      return { steps, used };
    }
  }
  if (q) steps.push({ kind: 'question', question: q });
  return { steps, used };
}

/** The URL form of an answer path, and back. */
export const encodePath = (ids: readonly string[]): string => ids.join('.');
export const decodePath = (s: string | null | undefined): string[] => (s ? s.split('.').filter((x) => /^[a-z0-9-]{1,24}$/.test(x)).slice(0, 12) : []);

export { PRODUCERS };
