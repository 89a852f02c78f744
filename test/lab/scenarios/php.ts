/** php-fpm breaks: missing script, pool exhaustion, killed or crashed children, headers, denials. */
import type { Ctx, Scenario } from './types.ts';

const php = (pool: string, extra = '') => (c: Ctx): string => `location ~ \\.php$ {
    include fastcgi_params;
    fastcgi_pass ${c.fpm(pool)};${extra ? `\n    ${extra.trim().split('\n').join('\n    ')}` : ''}
}`;

const RESET_FCGI = /\[error\] .*recv\(\) failed \(104: Connection reset by peer\) while reading response header from upstream.*upstream: "fastcgi:/;

export const phpFpm: Scenario[] = [
  {
    id: 's04_fastcgi_primary_script_unknown',
    title: 'php-fpm cannot find the script: Primary script unknown',
    cause: 'primary-script-unknown',
    trigger: 'GET /missing.php; SCRIPT_FILENAME points at a file that is not in the root',
    pools: { www: {} },
    server: php('www'),
    requests: [{ path: '/missing.php', count: 3 }],
    expect: { status: 404, logs: [/\[error\] .*FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream/] },
  },
  {
    id: 's05a_fpm_max_children_reached',
    title: 'pm.max_children reached: requests wait in the backlog and time out',
    cause: 'php-fpm-max-children',
    accept: ['upstream-timed-out'],
    top: false,
    trigger: '5 concurrent GET slow.php?s=1.5 to a pool with pm=dynamic, max_children=1; fastcgi_read_timeout 2s',
    pools: { tiny: { pm: 'dynamic', maxChildren: 1 } },
    server: php('tiny', 'fastcgi_read_timeout 2s;'),
    requests: [{ path: '/slow.php?s=1.5', count: 5, parallel: true }],
    expect: {
      status: 504,
      match: 'some',
      logs: [/WARNING: \[pool tiny\] server reached pm\.max_children setting \(1\)/, /upstream timed out \(110: Connection timed out\) while reading response header from upstream/],
    },
  },
  {
    id: 's05b_fpm_listen_backlog_full',
    title: 'php-fpm listen backlog full: connect() gets EAGAIN',
    cause: 'php-fpm-listen-backlog-full',
    top: false,
    trigger: '8 concurrent GET slow.php?s=1.5 to a pool with 1 static child and listen.backlog=1; fastcgi_read_timeout 2s',
    pools: { tinyq: { pm: 'static', maxChildren: 1, backlog: 1 } },
    server: php('tinyq', 'fastcgi_read_timeout 2s;'),
    requests: [{ path: '/slow.php?s=1.5', count: 8, parallel: true }],
    expect: { status: 502, match: 'some', logs: [/\[error\] .*connect\(\) to unix:\S+ failed \(11: Resource temporarily unavailable\) while connecting to upstream/] },
  },
  {
    id: 's06_fpm_request_terminate_timeout',
    title: 'request_terminate_timeout kills the PHP child mid-request',
    cause: 'php-fpm-request-terminate-timeout',
    top: false,
    trigger: 'GET slow.php?s=6 to a pool with request_terminate_timeout=1s; fastcgi_read_timeout 10s',
    pools: { term: { requestTerminateTimeout: '1s' } },
    server: php('term', 'fastcgi_read_timeout 10s;'),
    requests: [{ path: '/slow.php?s=6', count: 2 }],
    expect: {
      status: 502,
      logs: [/WARNING: \[pool term\] child \d+, script '\S+slow\.php' \(request: "GET \/slow\.php\?[^"]*"\) execution timed out \([\d.]+ sec\), terminating/, /child \d+ exited on signal 15 \(SIGTERM\)/],
    },
  },
  {
    id: 's07a_fpm_child_sigkill',
    title: 'PHP child killed with SIGKILL during the request',
    cause: 'php-fpm-child-crashed',
    accept: ['connection-reset-by-peer'],
    trigger: 'kill.php: posix_kill(getmypid(), 9)',
    pools: { www: {} },
    server: php('www'),
    requests: [{ path: '/kill.php', count: 2 }],
    expect: { status: 502, logs: [/child \d+ exited on signal 9 \(SIGKILL\)/, RESET_FCGI] },
  },
  {
    id: 's07b_fpm_child_sigsegv',
    title: 'PHP child crashes with SIGSEGV during the request',
    cause: 'php-fpm-child-crashed',
    accept: ['connection-reset-by-peer'],
    trigger: 'segv.php: posix_kill(getmypid(), 11)',
    pools: { www: {} },
    server: php('www'),
    requests: [{ path: '/segv.php', count: 2 }],
    expect: { status: 502, logs: [/child \d+ exited on signal 11 \(SIGSEGV/, RESET_FCGI] },
  },
  {
    id: 's07c_fpm_child_killed_mid_body',
    title: 'PHP child killed after the headers were sent: 200 with a cut body',
    cause: 'response-truncated-mid-body',
    accept: ['php-fpm-child-crashed'],
    top: false,
    trigger: 'killmid.php: echo 4 KB; flush(); posix_kill(getmypid(), 9)',
    pools: { www: {} },
    server: php('www'),
    requests: [{ path: '/killmid.php', count: 2 }],
    expect: { status: 200, logs: [/child \d+ exited on signal 9 \(SIGKILL\)/, /\[error\] .*readv?\(\) failed \(104: Connection reset by peer\) while reading upstream/] },
  },
  {
    id: 's09_fastcgi_too_big_header',
    title: 'PHP sends a header bigger than fastcgi_buffer_size',
    cause: 'upstream-sent-too-big-header',
    trigger: "bighdr.php: header('X-Debug-Trace: ' . 16000 × 'a'); fastcgi_buffer_size default (4k)",
    pools: { www: {} },
    server: php('www'),
    requests: [{ path: '/bighdr.php', count: 3 }],
    expect: { status: 502, logs: [/\[error\] .*upstream sent too big header while reading response header from upstream.*upstream: "fastcgi:/] },
  },
  {
    id: 's10b_fastcgi_read_timeout',
    title: 'PHP script slower than fastcgi_read_timeout',
    cause: 'upstream-timed-out',
    trigger: 'slow.php?s=4; fastcgi_read_timeout 1s',
    pools: { www: {} },
    server: php('www', 'fastcgi_read_timeout 1s;'),
    requests: [{ path: '/slow.php?s=4', count: 2 }],
    expect: { status: 504, logs: [/\[error\] .*upstream timed out \(110: Connection timed out\) while reading response header from upstream.*upstream: "fastcgi:/] },
  },
  {
    id: 's22j_fpm_allowed_clients_denied',
    title: 'php-fpm listen.allowed_clients drops nginx',
    cause: 'php-fpm-allowed-clients-denied',
    top: false,
    trigger: 'fastcgi_pass 127.0.0.1:PORT, pool allows only 127.0.0.2',
    pools: { deny: { listen: 'tcp4', allowedClients: '127.0.0.2' } },
    server: php('deny'),
    requests: [{ path: '/index.php', count: 2 }],
    expect: { status: 502, logs: [/Connection disallowed: IP address '127\.0\.0\.1' has been dropped/] },
  },
  {
    id: 's22k_fpm_security_limit_extensions',
    title: 'php-fpm refuses a non-.php script (security.limit_extensions)',
    cause: 'php-fpm-security-limit-extensions',
    trigger: 'location ~ \\.txt$ passes notes.txt to php-fpm',
    pools: { www: {} },
    server: (c) => `location ~ \\.txt$ {
    include fastcgi_params;
    fastcgi_pass ${c.fpm('www')};
}`,
    requests: [{ path: '/notes.txt', count: 2 }],
    expect: { status: 403, logs: [/Access to the script '\S+notes\.txt' has been denied \(see security\.limit_extensions\)/] },
  },
  {
    id: 's22l_php_fatal_memory_exhausted',
    title: 'PHP fatal error: allowed memory size exhausted',
    cause: 'php-fatal-error',
    trigger: 'fatal.php allocates past memory_limit=16M',
    pools: { www: {} },
    server: php('www'),
    requests: [{ path: '/fatal.php', count: 2 }],
    expect: { status: 500, logs: [/FastCGI sent in stderr: "PHP message: PHP Fatal error: {1,2}Allowed memory size of \d+ bytes exhausted/] },
  },
];

phpFpm.push({
  id: 's22m_php_max_execution_time',
  title: 'PHP fatal error: maximum execution time exceeded',
  cause: 'php-fatal-error',
  trigger: 'cpu.php: set_time_limit(1); busy loop',
  pools: { www: {} },
  server: php('www'),
  requests: [{ path: '/cpu.php', count: 1 }],
  expect: { status: 500, logs: [/FastCGI sent in stderr: "PHP message: PHP Fatal error: {1,2}Maximum execution time of 1 second exceeded/] },
});
