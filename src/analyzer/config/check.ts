/** Parses the buffered configuration and runs every rule; problems become config findings, risks become advice. */
import type { ConfigExplanation, Evidence } from '../types.ts';
import { CONFIG_RULES, type HostFacts, type LogHints } from './rules/index.ts';
import { parseNginxConfig, type ConfigLine } from './parse-nginx.ts';
import { parseFpmConfig } from './parse-fpm.ts';
import { allIn, buildModel, type NginxModel } from './model.ts';
import { parseTime } from './units.ts';
import { defaultOf } from './defaults.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import { MAX_EVIDENCE_CHARS } from '../types.ts';
import type { ConfigDocs } from '../detect/config-docs.ts';
import { parseUwsgiCommand, parseUwsgiIni, looksLikeUwsgiCommand, type UwsgiConfig } from './parse-uwsgi.ts';
import { parseDeployYaml, type DeployConfig } from './parse-deploy-yaml.ts';
import { describeVersion } from './nginx-version.ts';
import { explainConfig, MAX_EXPLAIN } from './explain.ts';
import { snippetLines } from './ingress-annotations.ts';

export interface ConfigCheckInput {
  nginxLines: ConfigLine[];
  fpmLines: ConfigLine[];
  /** YAML documents, uWSGI configuration and the nginx version seen in the input. */
  docs?: ConfigDocs;
  host: HostFacts;
  logHints: LogHints;
}

export interface ConfigCheckResult {
  warnings: string[];
  /** Read timeouts (seconds) in effect, for the timeout-cluster correlation. */
  readTimeouts: number[];
  model: NginxModel | null;
  report: ConfigExplanation;
}

export function checkConfig(input: ConfigCheckInput, findings: FindingsAccumulator): ConfigCheckResult {
  const warnings: string[] = [];
  const docs = input.docs;
  const text = new Map<number, string>();
  const kindOf = new Map<number, Evidence['kind']>();
  const remember = (lines: ConfigLine[], kind: Evidence['kind']): void => {
    for (const l of lines) {
      text.set(l.line, l.text);
      kindOf.set(l.line, kind);
    }
  };
  remember(input.fpmLines, 'php-fpm-config');
  remember(input.nginxLines, 'nginx-config');

  // Deploy YAML first: an Ingress's configuration snippets are nginx configuration too.
  let deploy: DeployConfig | null = null;
  if (docs?.yaml.length) {
    deploy = { compose: [], ingresses: [], services: [], workloads: [], controllerConfig: new Map(), warnings: [] };
    for (const block of docs.yaml) {
      remember(block, 'deploy-config');
      const d = parseDeployYaml(block);
      deploy.compose.push(...d.compose);
      deploy.ingresses.push(...d.ingresses);
      deploy.services.push(...d.services);
      deploy.workloads.push(...d.workloads);
      for (const [k, v] of d.controllerConfig) deploy.controllerConfig.set(k, v);
      if (d.composeExternalNetworks) (deploy.composeExternalNetworks ??= []).push(...d.composeExternalNetworks);
      warnings.push(...d.warnings);
    }
  }
  let nginxLines = input.nginxLines;
  if (deploy && nginxLines.length === 0) nginxLines = deploy.ingresses.flatMap((i) => snippetLines(i, text));

  const parsed = nginxLines.length ? parseNginxConfig(nginxLines) : null;
  if (parsed) warnings.push(...parsed.warnings.slice(0, 20).map((w) => `nginx configuration: ${w}`));
  const model = parsed ? buildModel(parsed.directives) : null;
  if (model && parsed!.commentedPasses.length) model.commentedPasses = parsed!.commentedPasses;
  const fpm = input.fpmLines.length ? parseFpmConfig(input.fpmLines) : null;

  const uwsgi: UwsgiConfig[] = [];
  for (const block of docs?.uwsgiIni ?? []) {
    remember(block, 'uwsgi-config');
    uwsgi.push(parseUwsgiIni(block));
  }
  for (const l of docs?.uwsgiCommands ?? []) {
    remember([l], 'uwsgi-config');
    uwsgi.push(parseUwsgiCommand(l));
  }
  for (const file of deploy?.compose ?? []) {
    for (const svc of file.services.values()) {
      if (svc.command && looksLikeUwsgiCommand(svc.command.value)) uwsgi.push(parseUwsgiCommand({ line: svc.command.line, text: svc.command.value }));
    }
  }
  const version = docs?.version ?? null;

  const unknown: string[] = [];
  const missing = parsed?.missingIncludes ?? [];
  if (missing.length) {
    unknown.push(`Included but not pasted: ${[...new Set(missing.map((d) => d.args[0]))].slice(0, 8).join(', ')} (input line ${missing[0]!.line}${missing.length > 1 ? '…' : ''}). Whatever they set is unknown; a check that relies on a directive being absent may be wrong if they set it.`);
  }
  if (parsed?.elided.length) unknown.push(`Parts were cut from the paste ("…" at input line ${parsed.elided.slice(0, 5).join(', ')}): what was there is unknown.`);
  if (model?.fragment) unknown.push('Directives were pasted without their enclosing location/server: values inherited from http/server blocks that were not pasted are unknown, so defaults are assumed.');
  if (model && !model.http && model.servers.length === 0 && !model.fragment && model.locations.length > 0) unknown.push('Locations were pasted without their server block: values inherited from server/http are unknown, so defaults are assumed.');
  if (!version && (model || deploy)) unknown.push('The nginx version is not shown (nginx -v, a Server: header or the error page footer would tell); defaults that changed between releases are given for each.');

  const advice: ConfigExplanation['advice'] = [];
  for (const rule of CONFIG_RULES) {
    let problems;
    try {
      problems = rule.check({ nginx: model, fpm, host: input.host, logHints: input.logHints, uwsgi, deploy, version, controller: docs?.controller ?? null });
    } catch (e) {
      warnings.push(`config rule ${rule.id} failed on this input (${(e as Error).message}); its check was skipped`);
      continue;
    }
    for (const p of problems) {
      if (p.advice) {
        if (advice.length < 50) advice.push({ line: p.line, rule: rule.id, text: p.note });
        continue;
      }
      const lineText = (text.get(p.line) ?? '').slice(0, MAX_EVIDENCE_CHARS);
      let start = p.directive ? lineText.indexOf(p.directive) : -1;
      if (start === -1) start = lineText.length - lineText.trimStart().length;
      const end = Math.max(start, lineText.trimEnd().length);
      const evidence: Evidence = { line: p.line, text: lineText, span: [start, end], kind: p.kind ?? kindOf.get(p.line) ?? 'nginx-config', rule: rule.id };
      // Absence-based conclusions cannot see into includes that were not pasted.
      const note = missing.length ? `${p.note} (Files included but not pasted could change this.)` : p.note;
      const confidence = missing.length && p.confidence === 'high' ? 'medium' : p.confidence;
      findings.add(p.cause ?? rule.cause, 'config', { evidence, facts: p.facts, confidence, note });
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
  const explain = explainConfig({ nginx: model, fpm, uwsgi, deploy, version });
  if (explain.length >= MAX_EXPLAIN) unknown.push(`The explanation stops after ${MAX_EXPLAIN} directives; the rules checked the whole configuration.`);
  const report: ConfigExplanation = { explain, unknown, advice };
  if (version) report.version = describeVersion(version);
  return { warnings, readTimeouts: [...readTimeouts], model, report };
}
