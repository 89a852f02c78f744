/**
 * Bounds that keep the engine's memory and CPU predictable whatever it is fed.
 * Everything that grows with the input is capped by one of these.
 */

/** Regexes never see more than this many characters of one line (linear-time budget per line). */
export const MAX_SCAN_CHARS = 8192;
/** The splitter keeps at most this much of an over-long line; the rest is counted and dropped. */
export const MAX_LINE_KEEP = 16384;
/** Configuration text buffered for the rules (nginx + PHP-FPM together). */
export const MAX_CONFIG_CHARS = 4 * 1024 * 1024;
/** Distinct keys kept by each top-N counter before it prunes its smallest counts. */
export const TOP_CAPACITY = 4096;
/** How many entries a top-N list in the report shows. */
export const TOP_N = 10;
/** Distinct minutes kept in the timeline (two weeks of minutes). */
export const MAX_TIMELINE_MINUTES = 20160;
/** Distinct values kept per fact name in a finding. */
export const MAX_FACT_VALUES = 20;
/** Lines remembered per minute bucket for correlations (minutes with error lines). */
export const MAX_CORRELATION_MINUTES = 20160;
/** Lines of a multi-line `log_format` directive we accumulate before giving up. */
export const MAX_LOG_FORMAT_LINES = 30;
/** Distinct values kept by each plain tally (levels, statuses, upstream statuses); the rest count as "(other)". */
export const MAX_TALLY_KEYS = 64;
