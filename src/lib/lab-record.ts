/**
 * The lab's committed record (src/data/lab-record.json, written by
 * `npm run lab`): what real nginx wrote when each fault was induced.
 * Optional at build time so a fresh checkout builds before the lab has run.
 */
export interface LabScenario {
  id: string;
  title: string;
  cause: string;
  trigger?: string;
  clientStatuses: number[];
  expectedStatus?: number;
  errorLog: string[];
  accessLog: string[];
  phpFpmLog?: string[];
  /** The upstream application's own log (uWSGI…), when the scenario ran one. */
  appLog?: string[];
  reproduced: boolean;
  diagnosed: boolean;
}
export interface LabRecord {
  version: number;
  generated: string;
  nginx: string;
  phpFpm?: string;
  scenarios: LabScenario[];
}

const found = import.meta.glob<LabRecord>('../data/lab-record.json', { eager: true, import: 'default' });
export const labRecord: LabRecord | undefined = Object.values(found)[0];

export function reproductionsOf(cause: string): LabScenario[] {
  return (labRecord?.scenarios ?? []).filter((s) => s.cause === cause && s.reproduced);
}
