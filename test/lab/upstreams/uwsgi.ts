/**
 * A real uWSGI (Debian's uwsgi + python3 plugin) serving a tiny WSGI app on a
 * uwsgi-protocol socket, with its log kept for the record. Its `buffer-size`
 * is the knob the scenarios turn.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, stop } from '../harness/processes.ts';
import { readFrom, size, waitForText } from '../harness/files.ts';
import type { Upstream } from './types.ts';

export const UWSGI = process.env.LAB_UWSGI ?? '/usr/bin/uwsgi';
const PLUGIN_DIR = '/usr/lib/uwsgi/plugins';

const APP = `def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'ok\\n']
`;

export interface UwsgiOptions {
  /** uWSGI's buffer-size (its default is 4096). */
  bufferSize?: number;
}

export function uwsgi(o: UwsgiOptions = {}): Upstream {
  return {
    listen: 'tcp4',
    async start(at, env) {
      if (!existsSync(UWSGI) || !existsSync(join(PLUGIN_DIR, 'python3_plugin.so')))
        throw new Error(`uWSGI with its python3 plugin is needed: install the Debian packages "uwsgi" and "uwsgi-plugin-python3" (or set LAB_UWSGI)`);
      const app = join(env.dir, 'uwsgi-app.py');
      const log = join(env.dir, 'uwsgi.log');
      writeFileSync(app, APP);
      writeFileSync(log, '');
      const args = ['--plugin-dir', PLUGIN_DIR, '--plugin', 'python3', '--socket', `${at.host}:${at.port}`, '--wsgi-file', app];
      args.push('--master', '--processes', '1', '--buffer-size', String(o.bufferSize ?? 4096), '--logto', log, '--die-on-term', '--disable-logging');
      const proc = start('uwsgi', UWSGI, args);
      try {
        await waitForText(log, /spawned uWSGI worker/, 8000, proc);
      } catch (e) {
        await stop(proc);
        throw e;
      }
      const from = size(log);
      return {
        close: () => stop(proc),
        log: () => readFrom(log, from),
        note: () => `uWSGI ${o.bufferSize ?? 4096}-byte buffer-size`,
      };
    },
  };
}
