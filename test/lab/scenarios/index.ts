/** Every scenario, in record order. */
import { connect } from './connect.ts';
import { phpFpm } from './php.ts';
import { protocol } from './protocol.ts';
import { tlsScenarios } from './tls.ts';
import { dnsScenarios } from './dns.ts';
import { resources } from './resources.ts';
import { uwsgiScenarios } from './uwsgi.ts';
import { nginxSide } from './nginx-side.ts';
import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [...connect, ...phpFpm, ...protocol, ...tlsScenarios, ...dnsScenarios, ...resources, ...uwsgiScenarios, ...nginxSide].sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

const ids = new Set<string>();
for (const s of scenarios) {
  if (ids.has(s.id)) throw new Error(`duplicate scenario id ${s.id}`);
  ids.add(s.id);
}
