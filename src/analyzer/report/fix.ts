/**
 * Fills a cause's fix template: {fact} → the most frequent value seen. A
 * missing fact becomes a generic phrase, never a literal "{x}".
 */
import { dict } from '../dict.ts';

const GENERIC: Record<string, string> = dict({
  upstream: 'the upstream address',
  socket: 'the socket path',
  errno: 'the error code',
  errtext: 'the error',
  timeout: 'the configured timeout',
  pool: 'the PHP-FPM pool',
  max_children: 'the current pm.max_children',
  pid: 'the process',
  signal: 'the signal',
  host: 'the host',
  port: 'the port',
  header: 'the header',
  code: 'the code',
  name: 'the name',
  path: 'the path',
  value: 'the current value',
  client: 'the client',
  server: 'the server',
  request: 'the request',
  user: "nginx's user",
  directive: 'the buffer directive',
  location: 'the location',
  producer: 'the proxy in front of nginx',
  worker_connections: 'worker_connections',
  resolver: 'the resolver',
});

function generic(name: string): string {
  return GENERIC[name] ?? `the ${name.replace(/_/g, ' ')}`;
}

export function fillFix(template: string, facts: Record<string, string[]>): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = facts[name]?.[0];
    return v !== undefined && v !== '' ? v : generic(name);
  });
}
