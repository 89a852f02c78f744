/**
 * SARIF 2.1.0 for CI systems (code scanning, GitLab, Azure DevOps) so config
 * findings show inline on the line of the nginx or PHP-FPM file that causes
 * them. One rule per cause (help link = its article's fix); one result per
 * finding, located at its evidence lines mapped back to the files they came
 * from (an `nginx -T` dump maps through its `# configuration file` markers).
 */
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Report, Severity } from '../analyzer/types.ts';

/** Where an input line came from. */
export interface SourceLocation {
  /** A path as given (relative stays relative) or an absolute path. */
  path: string;
  line: number;
}

export interface SarifOptions {
  siteUrl: string;
  version: string;
  /** Maps a line of the (merged) input to its file and line; undefined = no file to point at. */
  locate: (inputLine: number) => SourceLocation | undefined;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

/** SARIF wants URIs: absolute paths become file:// URIs, relative ones stay relative (to the checkout). */
export function pathToUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const enc = p.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(p)) return `file:///${enc.replace('%3A', ':')}`;
  return p.startsWith('/') ? `file://${enc}` : enc;
}

function message(f: Finding): string {
  const where = f.origin === 'config' ? 'configuration' : f.origin === 'correlation' ? 'correlated lines' : `${f.count} log line(s)`;
  return `${f.title} (${f.status}, ${f.confidence} confidence, from ${where}). ${f.note ? `${f.note} ` : ''}Fix: ${f.fix}`;
}

export function formatSarif(report: Report, opts: SarifOptions): string {
  const causes = [...new Set(report.findings.map((f) => f.cause))];
  const rules = causes.map((id): ReportingDescriptor => {
    const f = report.findings.find((x) => x.cause === id)!;
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: f.title },
      helpUri: `${opts.siteUrl}${f.fixUrl}`,
      help: { text: `${f.title}: ${opts.siteUrl}${f.fixUrl}` },
      defaultConfiguration: { level: LEVEL[f.severity] },
      properties: { status: f.status },
    };
  });
  const results = report.findings.map((f): Result => {
    const locations = f.evidence.flatMap((e): Location[] => {
      const at = opts.locate(e.line);
      if (!at) return [];
      return [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(at.path), ...(at.path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(at.path) ? {} : { uriBaseId: '%SRCROOT%' }) },
            region: { startLine: at.line, startColumn: e.span[0] + 1, endColumn: Math.max(e.span[1], e.span[0] + 1) + 1, snippet: { text: e.text } },
          },
        },
      ];
    });
    return {
      ruleId: f.cause,
      ruleIndex: causes.indexOf(f.cause),
      level: LEVEL[f.severity],
      kind: 'fail',
      message: { text: message(f) },
      ...(locations.length ? { locations: locations.slice(0, 1) } : {}),
      ...(locations.length > 1 ? { relatedLocations: locations.slice(1).map((l, i) => ({ id: i + 1, ...l })) } : {}),
      properties: { origin: f.origin, count: f.count, confidence: f.confidence, facts: f.facts },
    };
  });
  const sarif: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'badgateway', version: opts.version, semanticVersion: opts.version, informationUri: opts.siteUrl, rules } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
