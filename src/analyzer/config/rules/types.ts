/** The contract between the config rules and the engine. */
import type { Confidence } from '../../types.ts';
import type { EngineCause } from '../../cause-ids.ts';
import type { NginxModel } from '../model.ts';
import type { ParsedFpmConfig } from '../parse-fpm.ts';

/** What the collector bundle told us about the host. */
export interface HostFacts {
  /** `ulimit -n` of the shell that ran the collector. */
  nofile?: { value: number; line: number };
  /** Listening sockets from `ss -tlnp` / `ss -xlp` ("127.0.0.1:9000", "/run/php/php8.2-fpm.sock"). */
  listening: { address: string; line: number }[];
}

export interface RuleContext {
  nginx: NginxModel | null;
  fpm: ParsedFpmConfig | null;
  host: HostFacts;
  /** Counts from the logs that make a config hint concrete. */
  logHints: { tooBigHeader: number };
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
}

export interface ConfigRule {
  id: string;
  cause: EngineCause;
  /** What the rule checks, one line (docs and rule listings). */
  title: string;
  check(ctx: RuleContext): ConfigProblem[];
}
