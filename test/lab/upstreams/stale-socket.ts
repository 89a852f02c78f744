/**
 * A unix socket file with nobody listening behind it: a child process listens
 * on it and is killed with SIGKILL, like a backend that crashed and left its
 * socket behind.
 */
import { existsSync } from 'node:fs';
import { start, stop } from '../harness/processes.ts';
import type { Upstream } from './types.ts';

const CHILD = `
const net = require('node:net');
net.createServer(() => {}).listen(process.argv[1], () => {
  require('node:fs').chmodSync(process.argv[1], 0o666);
  process.stdout.write('ready\\n');
});
`;

export function staleSocket(): Upstream {
  return {
    listen: 'unix',
    async start(at) {
      const proc = start('stale-socket', process.execPath, ['-e', CHILD, at.path!]);
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('socket holder did not start')), 5000);
        proc.child.stdout?.on('data', (b: Buffer) => {
          if (b.toString().includes('ready')) {
            clearTimeout(t);
            resolve();
          }
        });
      });
      process.kill(proc.pid, 'SIGKILL');
      await stop(proc, 500);
      if (!existsSync(at.path!)) throw new Error(`stale socket ${at.path} vanished`);
      return { close: async () => undefined, note: () => 'the process listening on the socket was killed with SIGKILL; the socket file stayed' };
    },
  };
}
