/**
 * A scenario is data: what to break, how nginx is configured around it, what
 * to send, and what must come out. The harness (harness/run-scenario.ts) does
 * everything else.
 */
import type { Certs } from '../harness/certs.ts';
import type { RequestSpec } from '../harness/client.ts';
import type { PoolSpec } from '../harness/php-fpm.ts';
import type { Upstream } from '../upstreams/types.ts';

/** What the nginx snippets can refer to. */
export interface Ctx {
  /** "127.0.0.1:port", "[::1]:port" or "unix:/path" of a named upstream, or 127.0.0.1:port of a named free port. */
  addr(name: string): string;
  /** The port of a named upstream or free port. */
  port(name: string): number;
  /** The fastcgi_pass target of a php-fpm pool. */
  fpm(pool: string): string;
  /** A unix socket path reserved for this scenario (nothing is created). */
  sock(name: string): string;
  /** The shared document root with the PHP scripts. */
  www: string;
  /** This scenario's own directory (nginx's prefix). */
  dir: string;
  certs: Certs;
}

export interface Expect {
  /** The status that characterises the scenario; 0 = no HTTP response at all (curl's 000). */
  status: number;
  /** Every request must end with it (default), or at least one. */
  match?: 'all' | 'some';
  /** Asserted on what curl saw (default) or on the access log's $status (499, 009). */
  from?: 'client' | 'access';
  /** Each must match a captured line (error log, access log or php-fpm log). */
  logs: RegExp[];
}

export interface Scenario {
  id: string;
  title: string;
  /** The cause slug the analyzer must name (an article under content/causes/). */
  cause: string;
  /** Other slugs that also count as a right answer (the lines are shared by several articles). */
  accept?: string[];
  /** The cause must be the analyzer's top finding (default true). */
  top?: boolean;
  /** What was done, in one sentence. */
  trigger: string;
  /** Named free ports (nothing listens there unless an upstream takes the same name). */
  ports?: string[];
  upstreams?: Record<string, Upstream>;
  /** php-fpm pools (one php-fpm master per scenario). */
  pools?: Record<string, PoolSpec>;
  /** http{}-level nginx text. */
  http?: (c: Ctx) => string;
  /** server{}-level nginx text. */
  server: (c: Ctx) => string;
  workerConnections?: number;
  /** Runs before nginx starts (as the lab's user), e.g. to create a directory the workers may not enter. */
  prepare?: (c: Ctx, dir: string) => void;
  /** A config-time failure: only `nginx -t` runs (in a network namespace without DNS), then the port is requested. */
  configTest?: boolean;
  requests: RequestSpec[];
  expect: Expect;
}
