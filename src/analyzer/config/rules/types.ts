/** The contract between the config rules and the engine. */
import type { Confidence } from '../../types.ts';
import type { EngineCause } from '../../cause-ids.ts';
import type { NginxModel } from '../model.ts';
import type { ParsedFpmConfig } from '../parse-fpm.ts';
import type { UwsgiConfig } from '../parse-uwsgi.ts';
import type { DeployConfig } from '../parse-deploy-yaml.ts';
import type { NginxVersion } from '../nginx-version.ts';
import type { IngressController } from '../ingress-controller.ts';
import type { ConnectFailure, LoggedUpstream } from '../../parse/connect-failure.ts';
import type { Http11Evidence } from '../../parse/http11-evidence.ts';

/** What the collector bundle told us about the host. */
export interface HostFacts {
  /** `ulimit -n` of the shell that ran the collector. */
  nofile?: { value: number; line: number };
  /** Listening sockets from `ss -tlnp` / `ss -xlp` ("127.0.0.1:9000", "/run/php/php8.2-fpm.sock"). */
  listening: { address: string; line: number }[];
  /** Entries of a pasted `ls -l` (names as listed, without their directory). */
  files?: { name: string; type: 'socket' | 'dir' | 'other'; owner: string; group: string; line: number }[];
  /** Paths a pasted `ls` said do not exist. */
  missing?: { path: string; line: number }[];
  /** Rows of a pasted `docker ps` (ports as listed: "0.0.0.0:8080->80/tcp, :::8080->80/tcp"). */
  containers?: { image: string; name: string; ports: string; line: number }[];
  /** The PHP version a pasted `php -v` shows ("8.2"). */
  php?: { version: string; line: number };
  /** Where a pasted start command binds its server (`gunicorn … -b unix:/run/app.sock`): "unix:/run/app.sock", "127.0.0.1:8000". */
  binds?: { address: string; program: string; line: number }[];
  /** Pasted `docker run` commands: published ports ("9001" on the host → "9000" in the container) and bind mounts. */
  dockerRuns?: { ports: { host: string; container: string }[]; volumes: { source: string; target: string }[]; line: number }[];
}

export interface RuleContext {
  nginx: NginxModel | null;
  fpm: ParsedFpmConfig | null;
  host: HostFacts;
  /** Counts from the logs that make a config hint concrete. */
  logHints: LogHints;
  /** uWSGI configurations (ini sections, command lines, compose `command:`). */
  uwsgi: UwsgiConfig[];
  /** docker-compose files and Kubernetes objects. */
  deploy: DeployConfig | null;
  /** The nginx version the input shows, if any. */
  version: NginxVersion | null;
  /** The ingress controller an image name in the input shows, if any. */
  controller?: IngressController | null;
}

/** What the pasted log lines tell the config rules. */
export interface LogHints {
  tooBigHeader: number;
  /** "connect() … failed" lines, for cross-checks with the pass directives and pools. */
  connectFailures?: ConnectFailure[];
  /** Lines showing a backend that refuses HTTP/1.0 (a 426, Envoy's log or headers, Istio injection). */
  http11?: Http11Evidence[];
  /** Upstreams the logged lines name with their protocol (`upstream: "uwsgi://…:9090"`): what nginx spoke when its config was not pasted. */
  upstreams?: LoggedUpstream[];
}

export interface ConfigProblem {
  /** Input line of the offending (or relevant) directive. */
  line: number;
  /** The directive name to highlight on that line. */
  directive?: string;
  facts: Record<string, string>;
  note: string;
  confidence: Confidence;
  /** Overrides the rule's cause for this problem. */
  cause?: EngineCause;
  /** A risk, not a fault: shown with the configuration's explanation, not as a finding. */
  advice?: boolean;
  /** Evidence kind when the line is not nginx configuration. */
  kind?: 'php-fpm-config' | 'deploy-config' | 'uwsgi-config';
}

export interface ConfigRule {
  id: string;
  cause: EngineCause;
  /** What the rule checks, one line (docs and rule listings). */
  title: string;
  check(ctx: RuleContext): ConfigProblem[];
}
