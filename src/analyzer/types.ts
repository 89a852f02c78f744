/**
 * The engine's public contract. The worker, the CLI, the analyzer page and the
 * lab all speak these types; change them only together with their users.
 * Pure data: everything here survives structuredClone and JSON.
 */

/* ---------- catalog (compiled from cause articles by src/catalog/) ---------- */

import type { EventConditionSpec } from './conditions/spec.ts';
export type { EventConditionSpec } from './conditions/spec.ts';

/**
 * A condition over an nginx error-log event (src/analyzer/events/): the way
 * a cause article declares which nginx lines reveal it, on every platform.
 */
export interface CatalogCondition {
  id: string;
  /** The cause (article slug) this condition reveals. */
  cause: string;
  when: EventConditionSpec;
  status: number;
  priority: number;
  confidence: Confidence;
  /** Set when a matching line is harmless: why. It is then counted in `report.harmless`, never a finding. */
  harmless?: string;
}

export interface CatalogSignature {
  id: string;
  /** The cause (article slug) this signature reveals. */
  cause: string;
  source: string;
  /** JavaScript RegExp source, named groups are facts. */
  pattern: string;
  status: number;
  priority: number;
  confidence: Confidence;
}

export interface CatalogCause {
  id: string;
  title: string;
  description: string;
  /** Site-relative article URL, e.g. "/causes/connection-refused/". */
  url: string;
  status: number[];
  layer: string;
  stacks: string[];
  severity: Severity;
  /** Fix template with {fact} placeholders. */
  fix: string;
  related: string[];
  /** Conditions over nginx error-log events (nginx lines). */
  conditions: CatalogCondition[];
  /** Regular expressions for sources without a grammar (app servers, kernel, process managers…). */
  signatures: CatalogSignature[];
}

export interface Catalog {
  /** Catalog schema version. */
  version: number;
  causes: CatalogCause[];
}

/* ---------- per-line classification ---------- */

export type Confidence = 'high' | 'medium' | 'low';
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** What one input line was recognised as. */
export type LineKind =
  | 'nginx-error'
  | 'nginx-access'
  | 'nginx-entrypoint'
  | 'php-fpm'
  | 'kernel'
  | 'systemd'
  | 'gunicorn'
  | 'uwsgi'
  | 'node'
  | 'apache'
  | 'supervisor'
  | 'ruby'
  | 'platform'
  | 'selinux'
  | 'ingress'
  | 'browser'
  /** A container image's start-up scripts (the nginx image's /docker-entrypoint.sh). */
  | 'nginx-config'
  | 'php-fpm-config'
  | 'deploy-config'
  | 'uwsgi-config'
  | 'collector'
  | 'blank'
  | 'unknown';

/** One input line's verdict; the CLI's `--format jsonl` prints one per line. */
export interface LineResult {
  /** 1-based. */
  line: number;
  kind: LineKind;
  /** Cause slug, or null. */
  cause: string | null;
  status: number | null;
  facts: Record<string, string>;
  /** The line was recognised as harmless (counted in `report.harmless`). */
  harmless?: boolean;
  /** An error no condition claims: `cause` is the closest article, not a diagnosis (the finding is `unclassified`). */
  unclassified?: boolean;
}

/* ---------- report ---------- */

export interface Evidence {
  /** 1-based line number in the input. */
  line: number;
  /** The line as it was (capped at MAX_EVIDENCE_CHARS; never HTML, render as text). */
  text: string;
  /** [start, end) of the matched part within `text`. */
  span: [number, number];
  kind: LineKind;
  /** ISO-8601 local time without zone, when the line had a timestamp. */
  time?: string;
  level?: string;
  /** Signature id or config rule id that produced it. */
  rule: string;
}

export interface Finding {
  /** Cause id = article slug. */
  cause: string;
  title: string;
  /** Article URL and its #fix anchor, site-relative. */
  url: string;
  fixUrl: string;
  /** Resulting HTTP status for the client. */
  status: number;
  severity: Severity;
  confidence: Confidence;
  /** Lines (or config problems) attributed to this cause. */
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Up to MAX_EVIDENCE per finding, first ones kept. */
  evidence: Evidence[];
  /** Distinct values per fact name (upstream, socket, errno, timeout, pool…), most frequent first. */
  facts: Record<string, string[]>;
  /** The cause's fix with the facts filled in. */
  fix: string;
  /** How the finding was reached. */
  origin: 'log' | 'config' | 'correlation';
  /** Extra explanation for config and correlation findings. */
  note?: string;
  /**
   * No cause article claims these lines: the finding explains them from their
   * errno and phase, and `cause`/`url` point to the closest article.
   */
  unclassified?: boolean;
}

/** Known-harmless lines, counted by template (never findings). */
export interface HarmlessEntry {
  /** The message's template (nginx lines) or a short name of the line. */
  template: string;
  count: number;
  /** Why it is harmless. */
  why: string;
  level?: string;
  /** The article that explains it, when one does. */
  cause?: string;
  url?: string;
  /** First line number seen. */
  firstLine: number;
}

export interface TimelineBucket {
  /** "YYYY-MM-DDTHH:MM" */
  minute: string;
  errors: number;
  requests: number;
  /** Responses with a 5xx status in the access log. */
  server5xx: number;
}

export interface Stats {
  lines: number;
  bytes: number;
  byKind: Partial<Record<LineKind, number>>;
  /** nginx error-log levels and other logs' levels. */
  byLevel: Record<string, number>;
  /** Access-log $status counts. */
  statuses: Record<string, number>;
  /** Per-attempt $upstream_status counts. */
  upstreamStatuses: Record<string, number>;
  topUpstreams: [string, number][];
  topUris: [string, number][];
  topClients: [string, number][];
  timeline: TimelineBucket[];
  timeRange?: { first: string; last: string };
  /** Lines recognised as anything (log line of a known kind, config, collector section): lines − unknown − blank. 0 means nothing in the input was understood. */
  recognisedLines: number;
}

export interface Report {
  /** Engine report format version. */
  version: number;
  findings: Finding[];
  /** Lines not recognised as anything (capped at MAX_UNRECOGNISED; `unrecognisedCount` has the total). */
  unrecognised: { line: number; text: string }[];
  unrecognisedCount: number;
  /** Known-harmless lines by template, most frequent first (capped; `harmlessCount` has the total). */
  harmless: HarmlessEntry[];
  harmlessCount: number;
  stats: Stats;
  /** Clear messages about the input: binary data, cut lines, unbalanced braces… */
  warnings: string[];
  /** Who produced a pasted error page (nginx, cloudflare, awselb…), when one was seen. */
  producer?: { name: string; version?: string; line: number };
  /** What the pasted configuration sets that matters to upstream errors (present when configuration was pasted). */
  config?: ConfigExplanation;
}

/* ---------- configuration explanation ---------- */

export interface ExplainEntry {
  /** nginx directive (or "uwsgi harakiri", "php-fpm request_terminate_timeout", an ingress annotation…). */
  directive: string;
  /** Where it applies: "location /api", "upstream app", "server example.com", "pool www"… */
  scope: string;
  /** The value in effect there. */
  value: string;
  /** Input line that sets it; absent when the value is the default. */
  line?: number;
  /** The default this value overrides (for the input's nginx version when known). */
  default?: string;
  /** When the default depends on the nginx version and the input does not show it: "1.1 since nginx 1.29.7, 1.0 before". */
  defaultVaries?: string;
  /** What it does to 502/504 behaviour. */
  effect: string;
}

export interface ConfigExplanation {
  /** The nginx version the input shows ("1.22.1", "older than 1.27.3") and where it was seen. */
  version?: string;
  explain: ExplainEntry[];
  /** What the paste does not show and the checks could not know (includes not pasted, cut parts…). */
  unknown: string[];
  /** Risks worth knowing that are not faults by themselves (single upstream server…). */
  advice: { line: number; rule: string; text: string }[];
}

export interface AnalyzeOptions {
  catalog: Catalog;
  /** Called for every line in order (used by `--format jsonl`). */
  onLine?: (result: LineResult) => void;
  /** Lines before this input (a block of a larger input): its first line is numbered firstLine + 1. */
  firstLine?: number;
  /**
   * For a block of a larger input: what the blocks before it already filled
   * (see blocks.ts, Saturation); this block keeps no more of it. Read live.
   */
  saturated?: Saturation;
}

/** Bounded lists the blocks before a block already filled: lines kept there would be dropped when blocks are absorbed. */
export interface Saturation {
  /** Causes whose finding has all the evidence lines it keeps from the logs. */
  evidence: Set<string>;
  /** Correlation events that have all their evidence lines. */
  events: Set<string>;
  /** Lists that are full: "unrecognised", "connectFailures", "loggedUpstreams", "http11". */
  lists: Set<string>;
}

export const REPORT_VERSION = 1;
export const MAX_EVIDENCE = 20;
export const MAX_EVIDENCE_CHARS = 2000;
export const MAX_UNRECOGNISED = 200;
