/**
 * The engine's public entry point. Pure TypeScript: no DOM, no Node APIs, so
 * the browser worker, the CLI and the tests run the same code.
 */
export { Analyzer, analyze, type Progress } from './analyzer.ts';
export * from './types.ts';
export { CAUSES, type EngineCause } from './cause-ids.ts';
export { CONFIG_RULES } from './config/rules/index.ts';
export { requiredLiterals, allLiteralRuns } from './match/literals.ts';
