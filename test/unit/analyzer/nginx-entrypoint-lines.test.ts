/**
 * The nginx image's start-up scripts: recognised (so they count as read, not
 * unknown), harmless by themselves, an error level when a script fails.
 * Real lines from the real-lines corpus (test/fixtures/real-lines/lines.jsonl).
 */
import { describe, expect, it } from 'vitest';
import { recogniseNginxEntrypoint } from '../../../src/analyzer/parse/nginx-entrypoint.ts';
import { analyze, type LineResult } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';

const catalog = loadCatalog(new URL('../../../content', import.meta.url).pathname);

function verdict(line: string): LineResult {
  const out: LineResult[] = [];
  analyze(line, { catalog, onLine: (r) => out.push(r) });
  return out[0]!;
}

describe('nginx image entrypoint', () => {
  const startUp = [
    // https://github.com/hnasr/javascript_playground/issues/16
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    '10-listen-on-ipv6-by-default.sh: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    // https://github.com/podman-container-tools/podman/issues/14648 (under a compose prefix)
    'tandoor_recipes-nginx_recipes-1  | /docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    // https://github.com/TeamPiped/Piped/issues/3679
    '10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  ];
  it.each(startUp)('start-up chatter is read and harmless: %s', (line) => {
    expect(verdict(line)).toMatchObject({ kind: 'nginx-entrypoint', cause: null });
  });
  it('reads the script and the level', () => {
    expect(recogniseNginxEntrypoint('10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled', 0)).toMatchObject({ kind: 'nginx-entrypoint', level: 'info', facts: { script: '10-listen-on-ipv6-by-default.sh' } });
    // https://github.com/deepfence/DocumentationWebsite/issues/30
    const failed = '/docker-entrypoint.d/docker-entrypoint.sh: line 7: can\'t open /etc/nginx/conf.d/community.deepfence.io.conf.template: no such file';
    expect(recogniseNginxEntrypoint(failed, 0)).toMatchObject({ level: 'error', facts: { script: '/docker-entrypoint.d/docker-entrypoint.sh' } });
    expect(verdict(failed)).toMatchObject({ kind: 'nginx-entrypoint', cause: 'nginx-not-running' });
  });
  it('leaves other scripts and nginx lines alone', () => {
    expect(recogniseNginxEntrypoint('/entrypoint.sh: starting', 0)).toBeNull();
    expect(recogniseNginxEntrypoint('2024/01/01 00:00:00 [notice] 1#1: start worker processes', 0)).toBeNull();
    expect(recogniseNginxEntrypoint('deploy.sh: done', 0)).toBeNull();
  });
});
