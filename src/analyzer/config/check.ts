/** Parses the buffered configuration and runs every rule; problems become config findings. */
import type { Evidence } from '../types.ts';
import { CONFIG_RULES, type HostFacts } from './rules/index.ts';
import { parseNginxConfig, type ConfigLine } from './parse-nginx.ts';
import { parseFpmConfig } from './parse-fpm.ts';
import { allIn, buildModel, type NginxModel } from './model.ts';
import { parseTime } from './units.ts';
import { defaultOf } from './defaults.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import { MAX_EVIDENCE_CHARS } from '../types.ts';

export interface ConfigCheckInput {
  nginxLines: ConfigLine[];
  fpmLines: ConfigLine[];
  host: HostFacts;
  logHints: { tooBigHeader: number };
}

export interface ConfigCheckResult {
  warnings: string[];
  /** Read timeouts (seconds) in effect, for the timeout-cluster correlation. */
  readTimeouts: number[];
  model: NginxModel | null;
}

export function checkConfig(input: ConfigCheckInput, findings: FindingsAccumulator): ConfigCheckResult {
  const warnings: string[] = [];
  const parsed = input.nginxLines.length ? parseNginxConfig(input.nginxLines) : null;
  if (parsed) warnings.push(...parsed.warnings.slice(0, 20).map((w) => `nginx configuration: ${w}`));
  const model = parsed ? buildModel(parsed.directives) : null;
  const fpm = input.fpmLines.length ? parseFpmConfig(input.fpmLines) : null;
  const text = new Map<number, string>();
  for (const l of input.nginxLines) text.set(l.line, l.text);
  for (const l of input.fpmLines) text.set(l.line, l.text);
  for (const rule of CONFIG_RULES) {
    let problems;
    try {
      problems = rule.check({ nginx: model, fpm, host: input.host, logHints: input.logHints });
    } catch (e) {
      warnings.push(`config rule ${rule.id} failed on this input (${(e as Error).message}); its check was skipped`);
      continue;
    }
    for (const p of problems) {
      const lineText = (text.get(p.line) ?? '').slice(0, MAX_EVIDENCE_CHARS);
      let start = p.directive ? lineText.indexOf(p.directive) : -1;
      if (start === -1) start = lineText.length - lineText.trimStart().length;
      const end = Math.max(start, lineText.trimEnd().length);
      const evidence: Evidence = { line: p.line, text: lineText, span: [start, end], kind: input.fpmLines.some((l) => l.line === p.line) ? 'php-fpm-config' : 'nginx-config', rule: rule.id };
      findings.add(p.cause ?? rule.cause, 'config', { evidence, facts: p.facts, confidence: p.confidence, note: p.note });
    }
  }
  const readTimeouts = new Set<number>();
  for (const name of ['proxy_read_timeout', 'fastcgi_read_timeout', 'uwsgi_read_timeout', 'grpc_read_timeout']) {
    const d = parseTime(defaultOf(name));
    if (d !== undefined) readTimeouts.add(d);
    if (parsed) for (const x of allIn(parsed.directives, name)) {
      const t = parseTime(x.args[0]);
      if (t !== undefined) readTimeouts.add(t);
    }
  }
  return { warnings, readTimeouts: [...readTimeouts], model };
}
