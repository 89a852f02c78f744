/** Effective nginx defaults, extracted from @nginx/reference-lib by gen-defaults.ts. */
import data from './directive-defaults.json' with { type: 'json' };

export interface DefaultsData {
  directives: Record<string, { default: string; contexts: string[]; module: string }>;
  upstreamServer: { max_fails: number; fail_timeout: string };
  names: string[];
}

export const DEFAULTS: DefaultsData = data;

/** The reference default of a directive ("" when it has none). */
export function defaultOf(name: string): string {
  const d = DEFAULTS.directives[name];
  if (!d) throw new Error(`directive-defaults.json lacks ${name}; add it to gen-defaults.ts`);
  return d.default;
}

const NAMES = new Set(DEFAULTS.names);

/** Is `name` a directive nginx knows (any module of the reference)? */
export function isDirectiveName(name: string): boolean {
  return NAMES.has(name);
}
