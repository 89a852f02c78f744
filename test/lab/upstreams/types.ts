/** What every mock upstream looks like to the harness. */
import type { Certs } from '../harness/certs.ts';

/** Where an upstream listens: the harness picks the concrete address. */
export type Listen = 'tcp4' | 'tcp6' | 'unix' | 'udp4';

export interface Address {
  host?: string;
  port?: number;
  path?: string;
}

export interface UpstreamEnv {
  certs: Certs;
  /** The scenario's own directory. */
  dir: string;
}

export interface Running {
  close(): Promise<void>;
  /** A one-line summary of what the upstream saw, for the record's trigger notes. */
  note?(): string;
  /** The upstream application's own log text (e.g. uWSGI's), when it writes one. */
  log?(): string;
}

export interface Upstream {
  listen: Listen;
  start(at: Address, env: UpstreamEnv): Promise<Running>;
}
