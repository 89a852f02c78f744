/**
 * A listening TCP socket that never accept()s and whose accept queue is
 * full, so new SYNs are dropped and connect() times out. A child Node process
 * listens with backlog 1 (Node reads 0 as "default") and is then SIGSTOPped; the harness fills the queue
 * with one connection of its own, held until the scenario ends.
 */
import { connect, type Socket } from 'node:net';
import { start, stop } from '../harness/processes.ts';
import type { Upstream } from './types.ts';

const CHILD = `
const net = require('node:net');
const [host, port] = [process.argv[1], Number(process.argv[2])];
const s = net.createServer(() => {});
s.listen({ host, port, backlog: 1 }, () => process.stdout.write('ready\\n'));
`;

export function blackhole(): Upstream {
  return {
    listen: 'tcp4',
    async start(at) {
      const proc = start('blackhole', process.execPath, ['-e', CHILD, at.host!, String(at.port!)]);
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('blackhole did not start')), 5000);
        proc.child.stdout?.on('data', (b: Buffer) => {
          if (b.toString().includes('ready')) {
            clearTimeout(t);
            resolve();
          }
        });
        void proc.exited.then(() => reject(new Error(`blackhole exited: ${proc.output()}`)));
      });
      process.kill(proc.pid, 'SIGSTOP');
      let queued = 0;
      // Fill the accept queue: connect until a connection no longer completes
      // (its SYN is dropped): backlog + 1 connections.
      const fillers: Socket[] = [];
      let full = false;
      for (let i = 0; i < 256 && !full; i++) {
        const c = connect({ host: at.host!, port: at.port! });
        c.on('error', () => undefined);
        fillers.push(c);
        let connected = false;
        c.once('connect', () => (connected = true));
        // On loopback a handshake takes well under a millisecond; under load
        // allow it 1.5 s before calling the SYN dropped.
        for (let waited = 0; waited < 1500 && !connected; waited += 50) await new Promise((r) => setTimeout(r, 50));
        full = !connected;
      }
      if (!full) {
        for (const c of fillers) c.destroy();
        await stop(proc, 500);
        throw new Error('blackhole: the accept queue never filled up');
      }
      queued = fillers.length - 1;
      return {
        async close() {
          for (const c of fillers) c.destroy();
          await stop(proc, 500);
        },
        note: () => `listener stopped (SIGSTOP); its accept queue filled up after ${queued} connection(s)`,
      };
    },
  };
}
