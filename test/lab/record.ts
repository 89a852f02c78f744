/** The committed record of a lab run: src/data/lab-record.json (schema in docs/lab.md). */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RecordScenario {
  id: string;
  title: string;
  cause: string;
  /** Other causes that also count as a right diagnosis. */
  acceptedCauses: string[];
  trigger: string;
  /** What curl saw, in order; 0 = no HTTP response (curl's 000). */
  clientStatuses: number[];
  /** $status of each access-log line (499 and 009 only show here). */
  accessStatuses: number[];
  expectedStatus: number;
  /** Where expectedStatus is asserted. */
  statusFrom: 'client' | 'access';
  errorLog: string[];
  accessLog: string[];
  phpFpmLog: string[];
  /** The upstream application's own log lines (uWSGI…); empty for the mock upstreams that keep none. */
  appLog: string[];
  /** What the mock upstreams and the harness observed. */
  notes: string[];
  reproduced: boolean;
  diagnosed: boolean;
  /** The analyzer's findings, top first. */
  diagnosedCauses: string[];
}

export interface LabRecord {
  version: 1;
  generated: string;
  nginx: string;
  phpFpm: string;
  scenarios: RecordScenario[];
}

export function writeRecord(file: string, record: LabRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  const sorted = { ...record, scenarios: [...record.scenarios].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
  // Written aside and renamed: a test reading the record meanwhile (npm test runs the lab beside others) sees one whole version.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
