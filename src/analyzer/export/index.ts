/** The fleet exports, written by the build into dist/export/ (src/lib/cli-bundle.ts). */
import type { Catalog } from '../types.ts';
import { catalogLineRules } from './line-rules.ts';
import { mtailProgram, type ExportMeta } from './mtail.ts';
import { prometheusRules } from './prometheus.ts';
import { lokiRules } from './loki.ts';

/** dist-relative path → file content. */
export function fleetExports(catalog: Catalog, meta: ExportMeta): Record<string, string> {
  const rules = catalogLineRules(catalog);
  return {
    'export/mtail/badgateway.mtail': mtailProgram(rules, meta),
    'export/prometheus/badgateway.rules.yml': prometheusRules(catalog, rules, meta),
    'export/loki/badgateway.rules.yml': lokiRules(catalog, rules, meta),
  };
}
