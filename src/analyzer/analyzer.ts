/**
 * The streaming analyzer: chunks in, one Report out. Each line is detected
 * (wrapper prefixes stripped, then nginx error / access / app logs / config /
 * collector sections), matched against the catalog's signatures behind a
 * literal prefilter, counted, and fed to the correlations. Memory is bounded
 * by the caps in limits.ts whatever the input size; cancelling = no more push().
 */
import type { AnalyzeOptions, Catalog, Evidence, LineKind, LineResult, Report, Saturation } from './types.ts';
import { MAX_EVIDENCE_CHARS, MAX_UNRECOGNISED, REPORT_VERSION } from './types.ts';
import { MAX_CONFIG_CHARS, MAX_LOG_FORMAT_LINES, MAX_SCAN_CHARS } from './limits.ts';
import { LineSplitter } from './lines/split.ts';
import { unwrap } from './detect/prefixes.ts';
import { braceDelta, looksLikeFpmLine, looksLikeNginxDirective, looksLikePassLine, FPM_SECTION } from './detect/config-lines.ts';
import { ERROR_LEVELS, parseNginxErrorHead, type NginxErrorHead } from './parse/nginx-error.ts';
import { BARE_HEAD, eventFrom, headAfterPrefix, lightEventFrom, looksLikeNginx, parseEvent, stderrTail, type NginxEvent } from './events/parse.ts';
import { needsNormalising, normaliseLine, pasteMarks } from './events/normalise.ts';
import { CONTEXT_FACTS, contextFacts, eventFacts, messageFacts } from './events/facts.ts';
import { benignVerdict } from './events/benign.ts';
import { ConditionMatcher, type ConditionMatch } from './conditions/matcher.ts';
import { explainUnclaimed } from './report/unclassified.ts';
import { HarmlessCounter } from './report/harmless.ts';
import { parseCombined } from './parse/access-log.ts';
import { accessFacts, type AccessRecord } from './parse/access-record.ts';
import { compileLogFormat, parseWithFormat, type CompiledLogFormat } from './parse/log-format.ts';
import { parseJsonLine } from './parse/json-access.ts';
import { isNginxErrorTime } from './parse/time.ts';
import type { Recognised } from './parse/recognised.ts';
import { recognisePhpFpm } from './parse/php-fpm.ts';
import { recogniseKernel } from './parse/kernel.ts';
import { recogniseSystemd } from './parse/systemd.ts';
import { recogniseGunicorn } from './parse/gunicorn.ts';
import { recogniseUwsgi } from './parse/uwsgi.ts';
import { recogniseNode } from './parse/node.ts';
import { recogniseSelinux } from './parse/selinux.ts';
import { recogniseIngress } from './parse/ingress.ts';
import { recogniseApache } from './parse/apache.ts';
import { recogniseSupervisord } from './parse/supervisord.ts';
import { recogniseNginxEntrypoint } from './parse/nginx-entrypoint.ts';
import { recogniseRubyServer } from './parse/ruby-server.ts';
import { recognisePlatformRouter } from './parse/platform-router.ts';
import { EDGE_PRODUCERS, recogniseBrowserPage } from './parse/browser-page.ts';
import { parseCollectorMarker, type Section } from './parse/collector.ts';
import { parseSsLine, parseUlimitLine } from './parse/host-facts.ts';
import { SignatureMatcher, type SignatureMatch } from './match/signatures.ts';
import { FindingsAccumulator, type FindingsData } from './report/findings.ts';
import { StatsCollector } from './stats/collector.ts';
import { EventLog } from './correlate/events.ts';
import { TimeoutCluster } from './correlate/timeout-cluster.ts';
import { RetryHidPeer } from './correlate/retries.ts';
import { BackendOwn5xx } from './correlate/backend-own-5xx.ts';
import { Own504 } from './correlate/own-504.ts';
import { correlatePoolExhausted } from './correlate/pool-exhausted.ts';
import { correlateChildKilled } from './correlate/child-killed.ts';
import { correlateNoLiveUpstreams } from './correlate/no-live-upstreams.ts';
import { checkConfig } from './config/check.ts';
import { parseConnectFailure, parseLoggedUpstream, type ConnectFailure, type LoggedUpstream } from './parse/connect-failure.ts';
import { parsePastedOutput } from './parse/pasted-output.ts';
import { http11FromAccess, http11FromText, type Http11Evidence } from './parse/http11-evidence.ts';
import { ConfigDocs, type ConfigDocKind } from './detect/config-docs.ts';
import type { ConfigLine } from './config/parse-nginx.ts';
import type { HostFacts } from './config/rules/types.ts';
import { CAUSES } from './cause-ids.ts';
import { own } from './own.ts';

export interface Progress {
  /** Bytes (or characters, when the caller does not say) pushed so far. */
  bytes: number;
  /** Complete lines analysed so far. */
  lines: number;
}

const BINARY = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;
const FPM_TT_PREFIX = /^\[[^\]]{1,40}\] NOTICE:\s*/;
const MAX_WARNINGS = 50;
/**
 * A finding's first lines give their client, server, request and host facts
 * each; after that one line in CONTEXT_SAMPLE (by line number) does, counted
 * for all of them: the facts list their most frequent values, and counting
 * every line of a million-line outage costs more than reading it.
 */
const EXACT_CONTEXT_LINES = 1024;
const CONTEXT_SAMPLE = 8;
/** Connect failures kept for the config cross-checks (the first ones tell the story). */
const MAX_CONNECT_FAILURES = 200;
/** Lines kept as evidence of a backend that refuses HTTP/1.0 (a few make the point). */
const MAX_HTTP11_EVIDENCE = 50;
/** Shared empty facts (most lines have none; avoids one allocation per line). */
const NO_FACTS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Appends `more` to `list` while it has fewer than `max` entries (a first-N list filled block by block). */
function appendUpTo<T>(list: T[], more: readonly T[], max: number): void {
  for (let i = 0; i < more.length && list.length < max; i++) list.push(more[i]!);
}

/** Compiled signatures and conditions per catalog: an input analysed in many blocks compiles them once. */
const COMPILED = new WeakMap<Catalog, { matcher: SignatureMatcher; conditions: ConditionMatcher }>();
function compiledFor(catalog: Catalog): { matcher: SignatureMatcher; conditions: ConditionMatcher } {
  let c = COMPILED.get(catalog);
  if (!c) COMPILED.set(catalog, (c = { matcher: new SignatureMatcher(catalog), conditions: new ConditionMatcher(catalog) }));
  return c;
}

/**
 * What one line's reading leaves for the next (the detection state): an
 * input analysed in blocks starts each block from the state its previous
 * block ended in (blocks.ts). Plain data, compared as JSON.
 */
export interface CarriedState {
  section: Section | null;
  inNginxConfig: boolean;
  nginxDepth: number;
  inFpmConfig: boolean;
  pendingLogFormat: string[] | null;
  /** The source of the pasted log_format in use (compiled again on resume). */
  accessFormat: string | null;
  year: string | null;
  docs: ConfigDocKind | null;
}

/**
 * One block of a larger input, analysed on its own (e.g. in a worker thread):
 * everything its lines added, as structured-clonable data, and the detection
 * state it started and ended in. `Analyzer.absorb` adds it to the blocks
 * before it.
 */
export interface BlockPartial {
  /** The line number of its last line (its first block's lines included). */
  lineNo: number;
  bytes: number;
  findings: FindingsData;
  stats: StatsCollector;
  harmless: HarmlessCounter;
  events: EventLog;
  timeouts: TimeoutCluster;
  backendOwn: BackendOwn5xx;
  own504: Own504;
  warnings: string[];
  warningKeys: string[];
  unrecognised: { line: number; text: string }[];
  unrecognisedCount: number;
  nginxLines: ConfigLine[];
  fpmLines: ConfigLine[];
  docs: ConfigDocs;
  configChars: number;
  host: HostFacts;
  tooBigHeader: number;
  connectFailures: ConnectFailure[];
  http11: Http11Evidence[];
  loggedUpstreams: LoggedUpstream[];
  access504: number;
  producer: Report['producer'];
  start: CarriedState;
  end: CarriedState;
}

export class Analyzer {
  private readonly options: AnalyzeOptions;
  private readonly splitter: LineSplitter;
  private readonly matcher: SignatureMatcher;
  private readonly conditions: ConditionMatcher;
  private readonly harmless = new HarmlessCounter();
  private readonly findings: FindingsAccumulator;
  private readonly stats = new StatsCollector();
  private readonly events = new EventLog();
  private readonly timeouts = new TimeoutCluster();
  private readonly retries = new RetryHidPeer();
  private readonly backendOwn = new BackendOwn5xx();
  private readonly own504 = new Own504();
  private readonly warnings: string[] = [];
  /** The key of each warning, in the same order (a block's warnings merge by key). */
  private readonly warningKeys: string[] = [];
  private readonly warned = new Set<string>();
  private readonly unrecognised: { line: number; text: string }[] = [];
  private unrecognisedCount = 0;
  private bytes = 0;
  private lineNo = 0;
  /** The lines being split may hold control bytes (tested per chunk; only then per line). */
  private binary = false;
  private ended: Report | null = null;

  // Detection state carried from line to line.
  private section: Section | null = null;
  private inNginxConfig = false;
  private nginxDepth = 0;
  private inFpmConfig = false;
  private pendingLogFormat: string[] | null = null;
  private accessFormat: CompiledLogFormat | undefined;
  private accessFormatSource: string | null = null;
  private year: string | undefined;
  /** The detection state the input started in (fresh, or carried into a block). */
  private startState: CarriedState;

  // Buffered configuration and host facts for the rules.
  private readonly nginxLines: ConfigLine[] = [];
  private readonly fpmLines: ConfigLine[] = [];
  private readonly docs = new ConfigDocs(MAX_CONFIG_CHARS);
  private configChars = 0;
  private readonly host: HostFacts = { listening: [] };
  private tooBigHeader = 0;
  private readonly connectFailures: ConnectFailure[] = [];
  private readonly http11: Http11Evidence[] = [];
  private readonly loggedUpstreams: LoggedUpstream[] = [];
  private access504 = 0;
  private producer: Report['producer'];

  /**
   * The nginx event being counted, read by curEvidence/curFacts: findings and
   * events ask for evidence and facts only for the lines they keep, and one
   * reused record spares two closures per line.
   */
  private readonly cur: { text: string; at: number; ev: NginxEvent | null; kind: LineKind; time: string | undefined; level: string | undefined; rule: string; span: [number, number] | undefined; facts: Record<string, string> | undefined; shared: Readonly<Record<string, string>> | undefined } = {
    text: '',
    at: 0,
    ev: null,
    kind: 'nginx-error',
    time: undefined,
    level: undefined,
    rule: '',
    span: undefined,
    facts: undefined,
    shared: undefined,
  };
  private readonly curEvidence = (): Evidence => {
    const c = this.cur;
    return this.evidence(c.text, c.at, c.span ?? this.eventSpan(c.text, c.at, c.ev!), c.kind, c.time, c.level, c.rule);
  };
  private readonly curFacts = (): Record<string, string> => {
    const c = this.cur;
    return c.facts ?? (c.shared ? { ...contextFacts(c.ev!, {}), ...c.shared } : NO_FACTS);
  };

  // Per-line scratch, reset for every line.
  private lineKind: LineKind = 'unknown';
  private lineCause: string | null = null;
  private lineStatus: number | null = null;
  private lineFacts: Record<string, string> = NO_FACTS;
  private lineHarmless = false;
  private lineUnclassified = false;

  constructor(options: AnalyzeOptions) {
    this.options = options;
    const compiled = compiledFor(options.catalog);
    this.matcher = compiled.matcher;
    for (const p of this.matcher.problems) this.warn(p, p);
    this.conditions = compiled.conditions;
    this.lineNo = options.firstLine ?? 0;

    for (const p of this.conditions.problems) this.warn(p, p);
    this.findings = new FindingsAccumulator(options.catalog);
    if (options.saturated) {
      this.findings.saturated = options.saturated;
      this.events.saturated = options.saturated.events;
    }
    this.splitter = new LineSplitter((text, full) => this.safeLine(text, full));
    this.startState = this.carried();
  }

  /* ---------- blocks: one input analysed in parts (blocks.ts) ---------- */

  /** The detection state after the lines read so far. */
  carried(): CarriedState {
    return {
      section: this.section,
      inNginxConfig: this.inNginxConfig,
      nginxDepth: this.nginxDepth,
      inFpmConfig: this.inFpmConfig,
      pendingLogFormat: this.pendingLogFormat === null ? null : [...this.pendingLogFormat],
      accessFormat: this.accessFormatSource,
      year: this.year ?? null,
      docs: this.docs.current,
    };
  }

  /** Starts (before any line) from the state a previous block ended in. */
  resume(s: CarriedState): void {
    this.takeState(s);
    this.docs.resume(s.docs);
    this.startState = this.carried();
  }

  /** The line-to-line detection state of `s` (the configuration documents' own is merged or resumed apart). */
  private takeState(s: CarriedState): void {
    this.section = s.section;
    this.inNginxConfig = s.inNginxConfig;
    this.nginxDepth = s.nginxDepth;
    this.inFpmConfig = s.inFpmConfig;
    this.pendingLogFormat = s.pendingLogFormat === null ? null : [...s.pendingLogFormat];
    this.accessFormatSource = s.accessFormat;
    this.accessFormat = s.accessFormat === null ? undefined : (compileLogFormat(s.accessFormat) ?? undefined);
    this.year = s.year ?? undefined;
  }

  /** What the lines so far filled: a later block need not keep more of it (see AnalyzeOptions.saturated). */
  saturation(): Saturation {
    const lists = new Set<string>();
    if (this.unrecognised.length >= MAX_UNRECOGNISED) lists.add('unrecognised');
    if (this.connectFailures.length >= MAX_CONNECT_FAILURES) lists.add('connectFailures');
    if (this.loggedUpstreams.length >= MAX_CONNECT_FAILURES) lists.add('loggedUpstreams');
    if (this.http11.length >= MAX_HTTP11_EVIDENCE) lists.add('http11');
    return { evidence: new Set(this.findings.fullEvidence()), events: new Set(this.events.full()), lists };
  }

  /** Ends a block (its last line read) and returns what it found, to be absorbed by the blocks before it. */
  finishBlock(): BlockPartial {
    this.splitter.end();
    return {
      lineNo: this.lineNo,
      bytes: this.bytes,
      findings: this.findings.data(),
      stats: this.stats,
      harmless: this.harmless,
      events: this.events,
      timeouts: this.timeouts,
      backendOwn: this.backendOwn,
      own504: this.own504,
      warnings: this.warnings,
      warningKeys: this.warningKeys,
      unrecognised: this.unrecognised,
      unrecognisedCount: this.unrecognisedCount,
      nginxLines: this.nginxLines,
      fpmLines: this.fpmLines,
      docs: this.docs,
      configChars: this.configChars,
      host: this.host,
      tooBigHeader: this.tooBigHeader,
      connectFailures: this.connectFailures,
      http11: this.http11,
      loggedUpstreams: this.loggedUpstreams,
      access504: this.access504,
      producer: this.producer,
      start: this.startState,
      end: this.carried(),
    };
  }

  /**
   * Adds the next block of the input (`p` may be a structured-cloned copy
   * from a worker): counts add up, first-N lists fill in line order, and the
   * detection state becomes the block's. The report is then `end()`'s.
   */
  absorb(p: BlockPartial): void {
    this.lineNo = p.lineNo;
    this.bytes += p.bytes;
    this.findings.merge(p.findings);
    this.stats.merge(p.stats);
    this.harmless.merge(p.harmless);
    this.events.merge(p.events);
    this.timeouts.merge(p.timeouts);
    this.backendOwn.merge(p.backendOwn);
    this.own504.merge(p.own504);
    p.warnings.forEach((w, i) => this.warn(p.warningKeys[i]!, w));
    appendUpTo(this.unrecognised, p.unrecognised, MAX_UNRECOGNISED);
    this.unrecognisedCount += p.unrecognisedCount;
    for (const l of p.nginxLines) this.bufferConfig('nginx', l.line, l.text);
    for (const l of p.fpmLines) this.bufferConfig('fpm', l.line, l.text);
    this.docs.merge(p.docs);
    mergeHost(this.host, p.host);
    this.tooBigHeader += p.tooBigHeader;
    appendUpTo(this.connectFailures, p.connectFailures, MAX_CONNECT_FAILURES);
    appendUpTo(this.loggedUpstreams, p.loggedUpstreams, MAX_CONNECT_FAILURES);
    appendUpTo(this.http11, p.http11, MAX_HTTP11_EVIDENCE);
    this.access504 += p.access504;
    if (p.producer && (!this.producer || (EDGE_PRODUCERS.has(p.producer.name) && !EDGE_PRODUCERS.has(this.producer.name)))) this.producer = p.producer;
    this.takeState(p.end);
  }

  /** Bytes and lines seen so far (read it between pushes to report progress). */
  get progress(): Progress {
    return { bytes: this.bytes, lines: this.lineNo };
  }

  /** Feeds a chunk; `byteLength` lets a caller that decoded bytes count them exactly. */
  push(chunk: string, byteLength?: number): void {
    if (this.ended) throw new Error('Analyzer.push() after end()');
    this.bytes += byteLength ?? chunk.length;
    // A line carried over from earlier chunks keeps what they had.
    this.binary = BINARY.test(chunk) || (this.binary && this.splitter.carrying);
    this.splitter.push(chunk);
  }

  end(): Report {
    if (this.ended) return this.ended;
    this.splitter.end();
    this.finishLogFormat();
    const warnings = this.warnings;
    if (this.lineNo === 0 || (this.bytes === 0 && this.lineNo <= 1)) warnings.unshift('The input is empty: nothing to analyse.');
    let readTimeouts: number[] = [60];
    let config: Report['config'];
    if (this.nginxLines.length || this.fpmLines.length || this.host.nofile || !this.docs.empty) {
      try {
        const r = checkConfig({ nginxLines: this.nginxLines, fpmLines: this.fpmLines, docs: this.docs, host: this.host, logHints: { tooBigHeader: this.tooBigHeader, connectFailures: this.connectFailures, http11: this.http11, upstreams: this.loggedUpstreams } }, this.findings);
        warnings.push(...r.warnings);
        readTimeouts = r.readTimeouts;
        config = r.report;
      } catch (e) {
        warnings.push(`The configuration could not be checked: ${(e as Error).message}`);
      }
    }
    try {
      this.timeouts.finish(this.findings, readTimeouts);
      this.backendOwn.finish(this.findings);
      this.own504.finish(this.findings, this.backendOwn.sawErrorLog);
      correlatePoolExhausted(this.events, this.findings, this.access504);
      correlateChildKilled(this.events, this.findings);
      correlateNoLiveUpstreams(this.events, this.findings);
    } catch (e) {
      warnings.push(`A correlation failed and was skipped: ${(e as Error).message}`);
    }
    if (this.stats.timelineDropped) warnings.push(`The timeline keeps ${this.stats.build(0, 0).timeline.length} minutes; ${this.stats.timelineDropped} line(s) in later minutes were not charted.`);
    for (const t of [this.stats.upstreams, this.stats.uris, this.stats.clients]) {
      if (t.approximate) {
        warnings.push('More distinct upstreams/URIs/clients than the counters keep: the top lists are approximate (lower bounds).');
        break;
      }
    }
    const report: Report = {
      version: REPORT_VERSION,
      findings: this.findings.build(),
      unrecognised: this.unrecognised,
      unrecognisedCount: this.unrecognisedCount,
      harmless: this.harmless.build(),
      harmlessCount: this.harmless.total,
      stats: this.stats.build(this.lineNo, this.bytes),
      warnings,
    };
    if (this.producer) report.producer = this.producer;
    if (config) report.config = config;
    this.ended = report;
    return report;
  }

  /* ------------------------------------------------------------------ */

  private warn(key: string, message: string): void {
    if (this.warned.has(key) || this.warnings.length >= MAX_WARNINGS) return;
    this.warned.add(key);
    this.warnings.push(message);
    this.warningKeys.push(key);
  }

  private safeLine(text: string, full: number): void {
    this.lineNo++;
    this.lineKind = 'unknown';
    this.lineCause = null;
    this.lineStatus = null;
    this.lineFacts = NO_FACTS;
    this.lineHarmless = false;
    this.lineUnclassified = false;
    try {
      this.line(text, full);
    } catch (e) {
      this.warn(`internal:${(e as Error).message}`, `Line ${this.lineNo} could not be analysed (${(e as Error).message}); it was skipped.`);
    }
    this.stats.kind(this.lineKind);
    if (this.options.onLine) {
      const r: LineResult = { line: this.lineNo, kind: this.lineKind, cause: this.lineCause, status: this.lineStatus, facts: this.lineFacts };
      if (this.lineHarmless) r.harmless = true;
      if (this.lineUnclassified) r.unclassified = true;
      this.options.onLine(r);
    }
  }

  private line(text: string, full: number): void {
    const n = this.lineNo;
    if (full > MAX_SCAN_CHARS) {
      this.warn('long', `Line ${n} is ${full} characters long; only its first ${MAX_SCAN_CHARS} characters were analysed (later over-long lines too).`);
    }
    const scan = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
    if (scan.length === 0 || (scan.charCodeAt(0) <= 32 && scan.trim() === '')) {
      this.lineKind = 'blank';
      return;
    }
    if ((this.binary && BINARY.test(scan)) || this.mostlyReplacement(scan)) {
      this.warn('binary', `Line ${n} looks binary (NUL or control bytes, or undecodable text); such lines are skipped. Is this a compressed or binary file?`);
      this.addUnrecognised(text);
      return;
    }
    // "connect() … failed" in any pasted form: the config rules cross-check it with the pass directives.
    const saturated = this.options.saturated?.lists;
    if (this.connectFailures.length < MAX_CONNECT_FAILURES && !saturated?.has('connectFailures') && scan.includes('connect() ')) {
      const f = parseConnectFailure(scan, n);
      if (f) this.connectFailures.push(f);
    }
    if (this.loggedUpstreams.length < MAX_CONNECT_FAILURES && !saturated?.has('loggedUpstreams') && scan.includes('upstream: ')) {
      const u = parseLoggedUpstream(scan, n);
      if (u) this.loggedUpstreams.push(u);
    }
    // Fast path: a raw nginx error line (the bulk of error logs).
    if (isNginxErrorTime(scan, 0) && this.pendingLogFormat === null) {
      const head = parseNginxErrorHead(scan, 0);
      if (head) {
        this.leaveConfig();
        this.nginxError(text, scan, 0, head, undefined, undefined);
        return;
      }
    }
    if (scan.charCodeAt(0) === 61 /* = */) {
      const marker = parseCollectorMarker(scan);
      if (marker) {
        this.section = marker;
        this.leaveConfig();
        this.lineKind = 'collector';
        this.lineFacts = marker.arg ? { section: marker.name, path: marker.arg } : { section: marker.name };
        return;
      }
    }
    if (this.pendingLogFormat !== null) {
      this.continueLogFormat(scan);
      return;
    }
    const section = this.section;
    if (section && section.mode !== 'logs') {
      if (this.sectionLine(section, text, scan)) return;
    }
    this.autoLine(text, scan);
  }

  /** Lines inside a collector section that is not a log. Returns false to fall back to auto-detection. */
  private sectionLine(section: Section, text: string, scan: string): boolean {
    const n = this.lineNo;
    const t = scan.trim();
    switch (section.mode) {
      case 'nginx-config': {
        // nginx -T failing prints "[emerg] …" and "test failed" lines: those are log lines.
        if (t.startsWith('nginx: ') && !/(?:syntax is ok|test is successful)$/.test(t)) return false;
        this.lineKind = 'nginx-config';
        if (t.startsWith('log_format')) this.startLogFormat(scan);
        else this.bufferConfig('nginx', n, text);
        return true;
      }
      case 'fpm-config':
        this.lineKind = 'php-fpm-config';
        this.bufferConfig('fpm', n, text);
        return true;
      case 'fpm-tt': {
        const body = scan.replace(FPM_TT_PREFIX, '').trim();
        if (FPM_SECTION.test(body) || /^[\w.]+(?:\[[^\]]*\])?\s*=/.test(body)) {
          this.lineKind = 'php-fpm-config';
          this.bufferConfig('fpm', n, body);
          return true;
        }
        return false;
      }
      case 'ss':
        this.lineKind = 'collector';
        parseSsLine(t, n, this.host);
        return true;
      case 'ulimit':
        this.lineKind = 'collector';
        parseUlimitLine(t, n, this.host);
        return true;
      case 'info':
        this.lineKind = 'collector';
        this.docs.sniff(n, text);
        return true;
      default:
        return false;
    }
  }

  private autoLine(text: string, scan: string, depth = 0): void {
    const n = this.lineNo;
    if (depth === 0 && isPasteMark(scan.charCodeAt(0))) {
      // An nginx line pasted inside Markdown quote, code ticks or bold: read the line inside.
      const marks = pasteMarks(scan);
      if (marks) {
        const inner = scan.slice(marks.start, marks.end) + (marks.cut ? '...' : '');
        if (parseEvent(inner) !== null) {
          this.autoLine(inner, inner, 1);
          return;
        }
      }
    }
    const u = unwrap(scan, this.year);
    const at = u.offset;
    const c = scan.charCodeAt(at);
    // nginx error log, possibly wrapped or without its timestamp.
    if ((c >= 48 && c <= 57) || c === 91 /* [ */ || c === 110 /* n */) {
      const head = parseNginxErrorHead(scan, at);
      if (head) {
        this.leaveConfig();
        this.nginxError(text, scan, at, head, u.time, u.wrapper === 'kubectl' ? 'ingress' : undefined);
        return;
      }
      // Re-spaced by a chat tool ("2026/11/22  23:58:07 [error]…"): repaired, then read again.
      // (Only what starts like nginx's stamp or level: access lines start with an address and skip this.)
      if ((scan.charCodeAt(at + 4) === 47 /* YYYY/ */ || c === 91 || c === 110) && needsNormalising(scan)) {
        const n = normaliseLine(at === 0 ? scan : scan.slice(at));
        const h = n.changed ? parseNginxErrorHead(n.text, 0) : null;
        if (h) {
          this.leaveConfig();
          this.nginxEvent(text, at, eventFrom(n.text, h, h.msgStart, at, true, n.truncated), u.time, u.wrapper === 'kubectl' ? 'ingress' : undefined);
          return;
        }
      }
    }
    // Access logs: the pasted log_format first, then combined/common/main/ingress.
    if (this.accessFormat && !this.accessFormat.json) {
      const rec = parseWithFormat(this.accessFormat, scan, at);
      if (rec) return this.access(text, scan, at, rec, u.time);
    }
    if (c !== 123 /* { */ && c !== 91 && c !== 35 /* # */ && c !== 32) {
      const rec = parseCombined(scan, at);
      if (rec) return this.access(text, scan, at, rec, u.time);
    }
    if (c === 123) {
      const j = parseJsonLine(at === 0 ? scan : scan.slice(at), this.accessFormat);
      if (j?.kind === 'access') return this.access(text, scan, at, j.record, u.time);
      if (j?.kind === 'wrapped') {
        // Docker json-file: analyse the inner line; evidence shows the decoded inner text.
        this.autoLine(j.inner, j.inner.slice(0, MAX_SCAN_CHARS));
        return;
      }
    }
    // Envoy's log, a 426 status line, Envoy headers, Istio injection: noted for the config rules, the line is read on.
    if (this.http11.length < MAX_HTTP11_EVIDENCE && !this.options.saturated?.lists.has('http11')) {
      const ev = http11FromText(at === 0 ? scan : scan.slice(at), n);
      if (ev) this.http11.push(ev);
    }
    // nginx's own stamp behind a prefix no unwrapper knows ("err log: …", "nginx | …", an ISO time without zone).
    const inner = headAfterPrefix(at === 0 ? scan : scan.slice(at));
    if (inner !== -1) {
      const h = parseNginxErrorHead(scan, at + inner);
      if (h) {
        this.leaveConfig();
        this.nginxError(text, scan, at + inner, h, u.time, undefined);
        return;
      }
    }
    // An nginx message pasted without its head ("connect() failed (111: …) while connecting to upstream, …").
    const bare = this.bareEvent(at === 0 ? scan : scan.slice(at), at);
    if (bare) {
      this.leaveConfig();
      this.nginxEvent(text, at, bare, u.time, undefined);
      return;
    }
    // Configuration pasted among the logs.
    const t = at === 0 ? scan.trim() : scan.slice(at).trim();
    // Command output pasted with it (ss, netstat, ls -l, php -v): host facts for the config rules.
    if (at === 0 && parsePastedOutput(t, n, this.host)) {
      this.leaveConfig();
      this.lineKind = 'collector';
      return;
    }
    if (this.configLine(text, t)) return;
    this.leaveConfig();
    // Everything else: app logs, then signatures on whatever is left.
    const rec = this.recognise(scan, at, u.tag);
    if (rec) {
      this.lineKind = rec.kind;
      this.lineFacts = rec.facts;
      const time = rec.time ?? u.time;
      if (time) this.sawTime(time);
      if (rec.level) this.stats.level(rec.level);
      const m = this.matcher.matchOther(at === 0 ? scan : scan.slice(at));
      if (m) this.claim(m, text, at, time, rec.level, rec.facts);
      else if (time && rec.level && (rec.level === 'error' || rec.level === 'critical' || rec.level === 'fatal')) {
        const b = this.stats.bucket(time);
        if (b) b.errors++;
      }
      if (rec.event) this.events.add(rec.event, this.evidence(text, at, [at, at + t.length], rec.kind, time, rec.level, rec.event), rec.facts, this.lineCause);
      const producer = (rec as Recognised & { producer?: { name: string; version?: string } }).producer;
      if (producer) this.sawProducer(producer, text, at, t.length);
      return;
    }
    const m = this.matcher.matchAny(at === 0 ? scan : scan.slice(at));
    if (m) {
      this.lineKind = m.compiled.kind;
      this.claim(m, text, at, u.time, undefined, {});
      return;
    }
    // Nothing read the line as it is: maybe a paste wrapped it.
    const c0 = scan.charCodeAt(0);
    if (depth === 0 && isPasteMark(c0)) {
      // Pasted from an issue or a chat: Markdown quote, code ticks, bold or quotes around the line; a pager's "$" where it was cut.
      const marks = pasteMarks(scan);
      if (marks) {
        const inner = scan.slice(marks.start, marks.end) + (marks.cut ? '...' : '');
        this.autoLine(inner, inner, 1);
        return;
      }
    }
    this.lineKind = 'unknown';
    this.addUnrecognised(text);
    void n;
  }

  private recognise(scan: string, at: number, tag: string | undefined): (Recognised & { producer?: { name: string; version?: string } }) | null {
    const tg = tag?.toLowerCase();
    return (
      recogniseNginxEntrypoint(scan, at) ??
      recognisePhpFpm(scan, at) ??
      recogniseSelinux(scan, at) ??
      recogniseKernel(scan, at, tg) ??
      recogniseSystemd(scan, at, tg) ??
      recogniseGunicorn(scan, at, tg) ??
      recogniseUwsgi(scan, at, tg) ??
      recogniseNode(scan, at, tg) ??
      recogniseIngress(scan, at) ??
      recogniseApache(scan, at) ??
      recogniseSupervisord(scan, at) ??
      recogniseRubyServer(scan, at) ??
      recognisePlatformRouter(scan, at, tg) ??
      recogniseBrowserPage(scan, at) ??
      (tg?.startsWith('php') && tg.includes('fpm') ? { kind: 'php-fpm', facts: {} } : null)
    );
  }

  /* ---------- configuration ---------- */

  private configLine(text: string, t: string): boolean {
    const n = this.lineNo;
    // Compose / Kubernetes YAML and uWSGI configuration (config/parse-deploy-yaml.ts, parse-uwsgi.ts).
    const doc = this.docs.line(n, text, t);
    if (doc) {
      this.inNginxConfig = this.inFpmConfig = false;
      this.lineKind = doc === 'yaml' ? 'deploy-config' : 'uwsgi-config';
      return true;
    }
    if (t.startsWith('log_format') && /^log_format\s/.test(t)) {
      this.inNginxConfig = true;
      this.inFpmConfig = false;
      this.lineKind = 'nginx-config';
      this.startLogFormat(text);
      return true;
    }
    // `nginx -t`/`-T` success lines belong to the dump; "test failed" is left to the signatures.
    if (t.startsWith('nginx: ') && /^nginx: (?:the )?configuration file \S+ (?:syntax is ok|test is successful)$/.test(t)) {
      this.lineKind = 'nginx-config';
      return true;
    }
    if (t.startsWith('#') && /^#\s*configuration file\s/.test(t)) {
      this.inNginxConfig = true;
      this.inFpmConfig = false;
      this.nginxDepth = 0;
      this.lineKind = 'nginx-config';
      this.bufferConfig('nginx', n, text);
      return true;
    }
    const fpmish = looksLikeFpmLine(t, this.inFpmConfig);
    // "key = value" never is nginx syntax: after nginx lines at top level it starts a pasted pool.
    if (fpmish && (this.inFpmConfig || !this.inNginxConfig || FPM_SECTION.test(t) || this.nginxDepth === 0)) {
      if (FPM_SECTION.test(t)) {
        this.inFpmConfig = true;
        this.inNginxConfig = false;
      }
      this.lineKind = 'php-fpm-config';
      this.bufferConfig('fpm', n, text);
      return true;
    }
    if (looksLikeNginxDirective(t) || looksLikePassLine(t) || (this.inNginxConfig && (t.startsWith('#') || this.nginxDepth > 0))) {
      this.inNginxConfig = true;
      this.inFpmConfig = false;
      this.nginxDepth = Math.max(0, this.nginxDepth + braceDelta(t));
      this.lineKind = 'nginx-config';
      this.bufferConfig('nginx', n, text);
      return true;
    }
    return false;
  }

  private leaveConfig(): void {
    this.docs.leave();
    this.inNginxConfig = false;
    this.inFpmConfig = false;
    this.nginxDepth = 0;
  }

  private bufferConfig(which: 'nginx' | 'fpm', line: number, text: string): void {
    if (this.configChars + text.length > MAX_CONFIG_CHARS) {
      this.warn('config-cap', `More than ${MAX_CONFIG_CHARS / 1024 / 1024} MB of configuration: only the first part was checked by the config rules.`);
      return;
    }
    this.configChars += text.length;
    (which === 'nginx' ? this.nginxLines : this.fpmLines).push({ line, text: own(text) });
  }

  private startLogFormat(text: string): void {
    this.pendingLogFormat = [];
    this.continueLogFormat(text);
  }

  private continueLogFormat(text: string): void {
    const pending = this.pendingLogFormat!;
    pending.push(text);
    this.lineKind = 'nginx-config';
    this.bufferConfig('nginx', this.lineNo, text);
    const t = text.trimEnd();
    if (t.endsWith(';') || pending.length >= MAX_LOG_FORMAT_LINES) this.finishLogFormat();
  }

  private finishLogFormat(): void {
    const pending = this.pendingLogFormat;
    if (pending === null) return;
    this.pendingLogFormat = null;
    const source = pending.join('\n');
    const fmt = compileLogFormat(source);
    if (fmt) {
      this.accessFormat = fmt;
      this.accessFormatSource = source;
    } else {
      this.warn(`logformat:${this.lineNo}`, `The log_format directive ending on line ${this.lineNo} could not be read (unterminated or without a format string); access lines are parsed with the built-in formats.`);
    }
  }

  /* ---------- nginx error log ---------- */

  private nginxError(text: string, scan: string, at: number, head: NginxErrorHead, wrapperTime: string | undefined, kind: LineKind | undefined): void {
    const lv = head.level;
    if ((lv === 'info' || lv === 'notice' || lv === 'debug' || lv === 'warn') && this.options.onLine === undefined) {
      // Noise (info, notice, warnings): when its message alone tells it is harmless, its context is never read.
      const light = lightEventFrom(scan, head, at);
      const m = light.known && !CORRELATED.has(light.template) ? this.conditions.lightMatch(light) : 'full';
      const why = m === null ? benignVerdict(light)?.why : m !== 'full' ? m.cond.harmless : undefined;
      if (why !== undefined) {
        this.lineKind = kind ?? 'nginx-error';
        this.stats.level(lv);
        const time = light.time ?? wrapperTime;
        if (time) {
          this.sawTime(time);
          this.stats.bucket(time);
        }
        const cause = m !== null && m !== 'full' ? { id: m.cause.id, url: m.cause.url } : undefined;
        this.harmless.add(light.template, why, this.lineNo, lv, cause);
        this.lineHarmless = true;
        return;
      }
    }
    // Read as printed first; repair (spacing, quotes, a cut end) only when the reading looks mangled.
    let ev = eventFrom(scan, head, head.msgStart, at, false, false);
    if (looksMangled(ev, scan)) {
      const n = normaliseLine(at === 0 ? scan : scan.slice(at));
      const h = n.changed ? parseNginxErrorHead(n.text, 0) : null;
      if (h) ev = eventFrom(n.text, h, h.msgStart, at, true, n.truncated);
    }
    this.nginxEvent(text, at, ev, wrapperTime, kind);
  }

  /** A head-less nginx message, or null (cheap checks first: most such lines are something else). */
  private bareEvent(s: string, at: number): NginxEvent | null {
    if (s.length < 10) return null;
    // Marks a paste left at the end only ("Error: `85#85: … not enough`").
    const marks = pasteMarks(s);
    const n = normaliseLine((marks ? s.slice(marks.start, marks.end) : s).trim());
    const rest = BARE_HEAD.exec(n.text);
    const ev = eventFrom(n.text, null, rest ? rest[0].length : 0, at, n.changed, n.truncated);
    if (!looksLikeNginx(ev)) return null;
    if (!ev.known) stderrTail(ev);
    return ev;
  }

  /** One nginx event: a cause's condition, harmless knowledge, or an explained unclassified error. */
  private nginxEvent(text: string, at: number, ev: NginxEvent, wrapperTime: string | undefined, kind: LineKind | undefined): void {
    this.lineKind = kind ?? 'nginx-error';
    const level = ev.level;
    const time = ev.time ?? wrapperTime;
    if (level !== undefined) this.stats.level(level);
    if (time) this.sawTime(time);
    const hit = this.conditions.match(ev);
    // A message pasted without its level counts as a failure unless known harmless.
    const failure = level === undefined ? true : ERROR_LEVELS.has(level);
    const wantFacts = this.options.onLine !== undefined;
    let claimed = false;
    let span: [number, number] | undefined;
    const c = this.cur;
    c.text = text;
    c.at = at;
    c.ev = ev;
    c.time = time;
    c.level = level;
    c.span = undefined;
    c.facts = undefined;
    c.shared = undefined;
    if (hit && hit.compiled.cond.harmless === undefined) {
      const { cond, cause } = hit.compiled;
      const kind = this.lineKind;
      const n = this.lineNo;
      const shared = wantFacts ? undefined : sharedFacts(hit, ev);
      if (shared !== undefined) {
        // The common case: facts of the message counted once per shape, the line's own context per line (sampled, see CONTEXT_SAMPLE).
        const exact = this.findings.count(cause.id) < EXACT_CONTEXT_LINES;
        const own = exact || n % CONTEXT_SAMPLE === 0 ? contextFacts(ev, {}) : undefined;
        c.kind = kind;
        c.rule = cond.id;
        c.shared = shared;
        this.findings.add(cause.id, 'log', { line: n, evidenceOf: this.curEvidence, facts: own, factsWeight: exact ? 1 : CONTEXT_SAMPLE, shared, status: cond.status, confidence: cond.confidence, time });
      } else {
        const facts = Object.assign(eventFacts(ev, {}), hit.facts);
        span = this.eventSpan(text, at, ev);
        const evidence = this.evidence(text, at, span, kind, time, level, cond.id);
        this.findings.add(cause.id, 'log', { evidence, facts, status: cond.status, confidence: cond.confidence, time });
        this.lineFacts = facts;
      }
      this.lineCause = cause.id;
      this.lineStatus = cond.status;
      claimed = true;
    } else if (hit) {
      const { cond, cause } = hit.compiled;
      this.harmless.add(ev.template, cond.harmless!, this.lineNo, level, { id: cause.id, url: cause.url });
      this.lineHarmless = true;
      this.lineStatus = cond.status;
      if (wantFacts) this.lineFacts = eventFacts(ev, {});
    } else {
      // The peer's own words (FastCGI stderr: PHP, database drivers) have no grammar: their signatures;
      // so has a level-less line that may be nginx's command-line output ("nginx: configuration file … test failed").
      const m = ev.detail !== undefined ? this.matcher.matchOther(ev.message) : level === undefined ? this.matcher.matchOther(at === 0 ? text : text.slice(at)) : null;
      if (m) {
        this.claim(m, text, at, time, level, eventFacts(ev, {}));
        this.lineKind = kind ?? 'nginx-error';
        claimed = true;
      } else {
        const benign = benignVerdict(ev);
        if (benign) {
          this.harmless.add(ev.template, benign.why, this.lineNo, level);
          this.lineHarmless = true;
          if (wantFacts) this.lineFacts = eventFacts(ev, {});
        } else if (failure) {
          const x = explainUnclaimed(ev);
          const facts = eventFacts(ev, {});
          span = this.eventSpan(text, at, ev);
          const evidence = this.evidence(text, at, span, this.lineKind, time, level, 'unclassified');
          this.findings.addUnclassified(x.key, x.closest, x.title, x.status.status, { evidence, facts, time, note: x.note, confidence: 'low' });
          this.lineCause = x.closest;
          this.lineUnclassified = true;
          if (x.status.status !== undefined) this.lineStatus = x.status.status;
          this.lineFacts = facts;
          claimed = true;
        } else {
          this.harmless.add(ev.template, 'Recognised as an nginx message; it failed no request.', this.lineNo, level);
          this.lineHarmless = true;
          if (wantFacts) this.lineFacts = eventFacts(ev, {});
        }
      }
    }
    if (time) {
      const b = this.stats.bucket(time);
      if (b && (failure || claimed)) b.errors++;
    }
    const u = ev.context.upstream;
    if (u !== undefined && (claimed || failure || level === 'warn')) this.stats.errorUpstream(u);
    if (claimed || failure || level === 'warn') {
      c.span = span;
      if (c.shared === undefined) c.facts = this.lineFacts;
      this.nginxEvents(ev, time);
    }
  }

  /** Where the message (through its action) sits in the original line; the whole rest of the line when it was repaired. */
  private eventSpan(text: string, at: number, ev: NginxEvent): [number, number] {
    if (ev.normalised) return [at, text.length];
    const start = ev.message ? text.indexOf(ev.message, at) : -1;
    if (start === -1) return [at, text.length];
    const ctx = text.indexOf(', client: ', start);
    return [start, ctx === -1 ? text.length : ctx];
  }

  /** Catalog-independent events from nginx lines that the correlations need. */
  private nginxEvents(ev: NginxEvent, time: string | undefined): void {
    const t = ev.template;
    if (ev.context.upstream !== undefined || t.includes('upstream')) this.backendOwn.errorAt(time);
    if (t === 'upstream timed out') this.nginxEventNamed('read-timeout', time);
    else if (t === 'no live upstreams') this.nginxEventNamed('no-live', time);
    else if (t === 'upstream server temporarily disabled') this.nginxEventNamed('peer-disabled', time);
    else if (t === 'upstream sent too big header') this.tooBigHeader++;
    else if ((ev.syscall === 'recv' || ev.syscall === 'readv') && ev.errno?.name === 'ECONNRESET' && ev.context.upstream?.scheme === 'fastcgi') this.nginxEventNamed('fastcgi-reset', time);
    else if (ev.syscall === 'connect' && ev.errno?.name === 'EAGAIN' && ev.targetKind === 'unix') this.nginxEventNamed('fastcgi-eagain', time);
  }

  private nginxEventNamed(name: string, time: string | undefined): void {
    this.cur.kind = 'nginx-error';
    this.cur.rule = name;
    this.events.add(name, this.curEvidence, this.curFacts, this.lineCause, time);
  }


  /* ---------- access log ---------- */

  private access(text: string, scan: string, at: number, rec: AccessRecord, wrapperTime: string | undefined): void {
    this.leaveConfig();
    this.lineKind = rec.format === 'ingress' ? 'ingress' : 'nginx-access';
    if (rec.time === undefined && wrapperTime !== undefined) rec.time = wrapperTime;
    if (rec.time !== undefined) this.sawTime(rec.time);
    this.stats.access(rec);
    if (rec.status !== undefined) this.lineStatus = rec.status;
    if (rec.status === 426 && this.http11.length < MAX_HTTP11_EVIDENCE && !this.options.saturated?.lists.has('http11')) {
      const ev = http11FromAccess(rec, this.lineNo);
      if (ev) this.http11.push(ev);
    }
    const wantFacts = this.options.onLine !== undefined;
    if (wantFacts) this.lineFacts = accessFacts(rec);
    let claimed = false;
    if (this.matcher.hasAccessSignatures) {
      const m = this.matcher.matchAccess(at === 0 ? scan : scan.slice(at));
      if (m) {
        this.claim(m, text, at, rec.time, undefined, accessFacts(rec));
        claimed = true;
      }
    }
    const st = rec.status;
    if (st !== undefined && st >= 500) {
      if (st === 504) this.access504++;
      const evidence = (): Evidence => this.evidence(text, at, [at, at + scan.length - at], this.lineKind, rec.time, undefined, 'access-log');
      this.timeouts.observe(rec, evidence);
      if (!claimed) {
        this.backendOwn.observe(rec, evidence);
        this.own504.observe(rec, evidence);
      }
    } else if (rec.upstreamStatus !== undefined && rec.upstreamStatus.indexOf(',') !== -1) {
      const before = this.findings.count(CAUSES.retryHidFailingPeer);
      this.retries.observe(rec, () => this.evidence(text, at, [at, at + scan.length - at], this.lineKind, rec.time, undefined, 'access-log'), this.findings);
      if (!claimed && this.findings.count(CAUSES.retryHidFailingPeer) > before) this.lineCause = CAUSES.retryHidFailingPeer;
    }
  }

  /* ---------- shared ---------- */

  private claim(m: SignatureMatch, text: string, at: number, time: string | undefined, level: string | undefined, facts: Record<string, string>): void {
    const { compiled } = m;
    const groups = m.m.groups;
    const all: Record<string, string> = { ...facts };
    if (groups) for (const k in groups) if (groups[k] !== undefined) all[k] = groups[k]!;
    const start = at + m.m.index;
    const evidence = this.evidence(text, at, [start, start + m.m[0].length], this.lineKind === 'unknown' ? compiled.kind : this.lineKind, time, level, compiled.sig.id);
    this.findings.add(compiled.cause.id, 'log', { evidence, facts: all, status: compiled.sig.status, confidence: compiled.sig.confidence, time });
    this.lineCause = compiled.cause.id;
    this.lineStatus = compiled.sig.status;
    this.lineFacts = all;
  }

  private evidence(text: string, _at: number, span: [number, number], kind: LineKind, time: string | undefined, level: string | undefined, rule: string, line = this.lineNo): Evidence {
    const shown = text.length > MAX_EVIDENCE_CHARS ? text.slice(0, MAX_EVIDENCE_CHARS) : text;
    const s = Math.min(span[0], shown.length);
    const e: Evidence = { line, text: own(shown), span: [s, Math.max(s, Math.min(span[1], shown.length))], kind, rule };
    if (time !== undefined) e.time = time;
    if (level !== undefined) e.level = level;
    return e;
  }

  private sawTime(time: string): void {
    const y = time.slice(0, 4);
    if (y !== this.year) this.year = y;
  }

  private sawProducer(p: { name: string; version?: string }, text: string, at: number, len: number): void {
    const edge = EDGE_PRODUCERS.has(p.name);
    if (!this.producer || (edge && !EDGE_PRODUCERS.has(this.producer.name))) {
      this.producer = p.version ? { name: p.name, version: p.version, line: this.lineNo } : { name: p.name, line: this.lineNo };
    }
    if (edge && this.lineCause === null) {
      const evidence = this.evidence(text, at, [at, at + len], 'browser', undefined, undefined, 'producer');
      this.findings.add(CAUSES.cdnOrLoadBalancer, 'log', {
        evidence,
        facts: { producer: p.name },
        confidence: 'high',
        note: `The pasted error page was produced by ${p.name}, not by nginx: the proxy in front of nginx could not get a good answer from it (or from its own origin settings).`,
      });
      this.lineCause = CAUSES.cdnOrLoadBalancer;
    }
  }

  private mostlyReplacement(s: string): boolean {
    if (s.indexOf('\uFFFD') === -1) return false;
    let n = 0;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0xfffd) n++;
    return n > 8 && n * 3 > s.length;
  }

  private addUnrecognised(text: string): void {
    this.unrecognisedCount++;
    if (this.unrecognised.length < MAX_UNRECOGNISED) {
      if (!this.options.saturated?.lists.has('unrecognised')) this.unrecognised.push({ line: this.lineNo, text: own(text.length > MAX_EVIDENCE_CHARS ? text.slice(0, MAX_EVIDENCE_CHARS) : text) });
    }
  }
}

/**
 * Whether a line read as printed may have been mangled by a chat tool or a
 * paste: its message fits no known template, it ends cut short, or its
 * context fields ran together (full-width quotes).
 */
function looksMangled(ev: NginxEvent, s: string): boolean {
  if (!ev.known) return true;
  const last = s.charCodeAt(s.length - 1);
  if (last === 46 /* . */ || last === 0x2026 /* … */) return needsNormalising(s);
  const server = ev.context.server;
  return server !== undefined && server.indexOf(', ') !== -1;
}

/**
 * The facts of an event's message, action and upstream with its condition's
 * own facts, as one object shared by every line the same cached condition
 * answer claims (see FindingInput.shared); undefined when they cannot be
 * shared (an answer not cached, or a condition fact named like a context one).
 */
function sharedFacts(hit: ConditionMatch, ev: NginxEvent): Readonly<Record<string, string>> | undefined {
  if (hit.shared !== true) return undefined;
  if (hit.sharedFacts === undefined) {
    let ok = true;
    for (const k in hit.facts) if (CONTEXT_FACTS.has(k)) ok = false;
    hit.sharedFacts = ok ? Object.freeze(Object.assign(messageFacts(ev, {}), hit.facts)) : null;
  }
  return hit.sharedFacts ?? undefined;
}

/** Templates the correlations follow whatever the catalog says (nginxEvents): never skipped as noise. */
const CORRELATED: ReadonlySet<string> = new Set(['upstream timed out', 'no live upstreams', 'upstream server temporarily disabled', 'upstream sent too big header']);

/** > ` * ' " — what Markdown and chat pastes put before a line. */
function isPasteMark(c: number): boolean {
  return c === 62 || c === 96 || c === 42 || c === 39 || c === 34;
}

/** The caps the readers of pasted output put on host fact lists (parse/host-facts.ts, parse/pasted-output.ts). */
const HOST_LIST_CAPS: Partial<Record<keyof HostFacts, number>> = { listening: 1000, containers: 200 };

/** Host facts of a later block: every list fills up in order, single values keep the first seen. */
function mergeHost(into: HostFacts, o: HostFacts): void {
  const to = into as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      const list = (to[k] ??= []) as unknown[];
      const cap = HOST_LIST_CAPS[k as keyof HostFacts] ?? Infinity;
      for (const x of v) if (list.length < cap) list.push(x);
    } else to[k] ??= v;
  }
}

/** One-shot convenience: analyse a whole text. */
export function analyze(text: string, options: AnalyzeOptions): Report {
  const a = new Analyzer(options);
  a.push(text);
  return a.end();
}
