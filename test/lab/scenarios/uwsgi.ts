/** A real uWSGI behind uwsgi_pass. */
import { uwsgi } from '../upstreams/uwsgi.ts';
import type { Ctx, Scenario } from './types.ts';

// What Debian's /etc/nginx/uwsgi_params sends, minus the server-side names.
const UWSGI_PARAMS = ['QUERY_STRING $query_string', 'REQUEST_METHOD $request_method', 'CONTENT_TYPE $content_type', 'CONTENT_LENGTH $content_length', 'REQUEST_URI $request_uri', 'PATH_INFO $document_uri', 'DOCUMENT_ROOT $document_root', 'SERVER_PROTOCOL $server_protocol', 'REMOTE_ADDR $remote_addr', 'REMOTE_PORT $remote_port', 'SERVER_PORT $server_port', 'SERVER_NAME $server_name'];

const uwsgiPass = (name: string) => (c: Ctx): string => `location / {
    ${UWSGI_PARAMS.map((p) => `uwsgi_param ${p};`).join('\n    ')}
    uwsgi_pass ${c.addr(name)};
}`;

export const uwsgiScenarios: Scenario[] = [
  {
    id: 's23a_uwsgi_buffer_size_too_small',
    title: "a request bigger than uWSGI's buffer-size",
    cause: 'uwsgi-buffer-size-too-small',
    // nginx's resets name connection-reset-by-peer too; ranking the uWSGI line above them needs a correlation in the engine.
    top: false,
    trigger: 'uwsgi_pass to uWSGI with the default buffer-size 4096; a GET carrying a 5000-byte Cookie header (as big session or SSO cookies do)',
    upstreams: { app: uwsgi({ bufferSize: 4096 }) },
    server: uwsgiPass('app'),
    requests: [{ path: '/account', count: 2, headers: { Cookie: `session=${'a'.repeat(5000)}` } }],
    expect: {
      status: 502,
      logs: [/invalid request block size: \d+ \(max 4096\)\.\.\.skip/, /\[error\] .*(upstream prematurely closed connection|recv\(\) failed \(104: Connection reset by peer\)) while reading response header from upstream/],
    },
  },
];
