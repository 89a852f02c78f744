#!/bin/sh
# badgateway diagnostic collector — https://badgateway.dev/guides/diagnostic-collector/
#
# Gathers what a 502 triage needs from this host and prints ONE bundle to
# stdout; sections start with "==== badgateway-collect: <section> ====".
# Feed the bundle to https://badgateway.dev/analyze/ (it stays in your browser)
# or to `badgateway analyze bundle.txt`.
#
# Safe to run as root on a production host:
#   - it never restarts, reloads, signals or reconfigures anything;
#   - it writes nothing itself outside one private mktemp directory, removed on exit;
#   - every command runs under `timeout` (5 s by default);
#   - secrets are redacted before anything is printed: private keys and
#     certificate bodies, passwords, keys, licences, tokens (JWTs, ghp_, xoxb-…),
#     Authorization and Cookie headers, secret fastcgi_param / proxy_set_header /
#     env[] / php_value[] values (also when continued on the next line), secret
#     map and if values, credentials in URLs (also redis://:pw@).
# What it touches: `nginx -T` is nginx's own config test. It writes into no
# existing file (startup messages go to stderr with -e on nginx >= 1.19.5),
# but like `nginx -t` it CREATES what the config names and is missing: empty
# log files (error_log, access_log), an empty pid file when nginx is not
# running, and *_temp_path / proxy_cache_path directories. `php-fpm -tt` runs
# on a private copy of its config whose error_log is /dev/null.
# Host names and IP addresses are kept (the analyzer needs them; its exports
# replace them). Review the bundle before you share it.
#
# Usage: sh collect.sh > bundle.txt
#        sh collect.sh --redact < some.log > some-redacted.log   (only redact)
# Environment overrides (all optional):
#   NGINX_BIN          nginx binary                     (default: nginx in PATH, /usr/sbin/nginx …)
#   NGINX_CONF         main config file, passed as -c   (default: the binary's built-in path)
#   NGINX_PREFIX       prefix, passed as -p             (default: the binary's built-in prefix)
#   NGINX_LOG_DIR      where to look when the config names no log files (default: /var/log/nginx)
#   NGINX_ERROR_LOG / NGINX_ACCESS_LOG   read exactly these log files
#   PHP_FPM_BIN        php-fpm binary, or "none"        (default: php-fpm* in PATH and sbin dirs)
#   PHP_FPM_CONF_GLOB  pool/config files to read        (default: Debian, RHEL and /usr/local layouts)
#   BG_UNITS           extra systemd units, space separated
#   BG_TAIL_LINES      log lines per file (default 2000)
#   BG_TIMEOUT         seconds per command (default 5)

set -u
umask 077
LC_ALL=C
export LC_ALL
PATH="${PATH:-/usr/bin:/bin}:/usr/sbin:/sbin:/usr/local/sbin:/usr/local/bin"
export PATH
SYSTEMD_PAGER='cat'
SYSTEMD_COLORS=0
PAGER='cat'
export SYSTEMD_PAGER SYSTEMD_COLORS PAGER

COLLECTOR_VERSION=1
TAIL_LINES=${BG_TAIL_LINES:-2000}
TIMEOUT=${BG_TIMEOUT:-5}
case $TAIL_LINES in '' | *[!0-9]*) TAIL_LINES=2000 ;; esac
case $TIMEOUT in '' | *[!0-9]*) TIMEOUT=5 ;; esac

case ${1:-} in
  -h | --help)
    sed -n '2,30p' "$0" 2>/dev/null | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/badgateway-collect.XXXXXX") || {
  echo 'badgateway-collect: cannot create a temporary directory' >&2
  exit 1
}
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM HUP

have() { command -v "$1" >/dev/null 2>&1; }

# run CMD ARGS… — with a time limit, stdin closed, stderr merged.
if have timeout; then
  run() { timeout -k 2 "$TIMEOUT" "$@" </dev/null 2>&1; }
else
  run() { "$@" </dev/null 2>&1; }
fi

section() { printf '==== badgateway-collect: %s ====\n' "$*"; }
note() { printf '# badgateway-collect: %s\n' "$*"; }

# Redaction filter: every byte printed goes through it.
redact() {
  awk '
function setline(s) { line = s; low = tolower(s) }
# Replaces the value after each match of re (matched on the lower-cased line).
# A quoted value runs to its closing quote; otherwise to the first char in stop ("" = end of line).
function kv(re, stop,    out, rest, rl, n, i, c, j) {
  out = ""; rest = line; rl = low
  while (match(rl, re)) {
    out = out substr(rest, 1, RSTART + RLENGTH - 1)
    rest = substr(rest, RSTART + RLENGTH); rl = substr(rl, RSTART + RLENGTH)
    n = length(rest); c = substr(rest, 1, 1)
    if (c == "\"" || c == "\047") { j = index(substr(rest, 2), c); i = j ? j + 2 : n + 1 }
    else { i = 1; while (i <= n && (stop == "" || index(stop, substr(rest, i, 1)) == 0)) i++ }
    # nginx variables ($http_authorization, $cookie_session) are names, not secrets.
    if (i > 1 && c != "$") out = out "[REDACTED]"
    else if (i > 1) out = out substr(rest, 1, i - 1)
    rest = substr(rest, i); rl = substr(rl, i)
  }
  setline(out rest)
}
# Replaces each whole match of re with repl.
function whole(re, repl,    out, rest, rl) {
  out = ""; rest = line; rl = low
  while (match(rl, re)) {
    out = out substr(rest, 1, RSTART - 1) repl
    rest = substr(rest, RSTART + RLENGTH); rl = substr(rl, RSTART + RLENGTH)
  }
  setline(out rest)
}
# Tokens after "Bearer", "Basic", "Token" (8+ token characters).
function scheme_tokens(    out, rest, rl, n, i) {
  out = ""; rest = line; rl = low
  while (match(rl, /(bearer|basic|token|digest)[ \t]+/)) {
    out = out substr(rest, 1, RSTART + RLENGTH - 1)
    rest = substr(rest, RSTART + RLENGTH); rl = substr(rl, RSTART + RLENGTH)
    n = length(rest); i = 1
    while (i <= n && substr(rest, i, 1) ~ /[A-Za-z0-9._~+\/=-]/) i++
    if (i > 9) { out = out "[REDACTED]"; rest = substr(rest, i); rl = substr(rl, i) }
  }
  setline(out rest)
}
# user:password@ in URLs.
function userinfo(    out, rest, rl, m, k) {
  out = ""; rest = line; rl = low
  while (match(rl, /:\/\/[^\/ \t:@"]*:[^\/ \t@"]+@/)) {
    m = substr(rest, RSTART, RLENGTH); k = index(substr(m, 4), ":") + 3
    out = out substr(rest, 1, RSTART - 1) substr(m, 1, k) "[REDACTED]@"
    rest = substr(rest, RSTART + RLENGTH); rl = substr(rl, RSTART + RLENGTH)
  }
  setline(out rest)
}
BEGIN {
  S = "(authorization|cookie|passwd|password|pass|pwd|_pw|secret|token|key|licen[cs]e|credential|signature|salt|dsn|auth)"
  pem = 0; cont = 0; inmap = 0
}
{
  setline($0)
  # A secret value continued from the previous line runs to the next ";".
  if (cont) {
    match(line, /^[ \t]*/); ind = substr(line, 1, RLENGTH)
    if (index(line, ";")) { line = ind "[REDACTED]" substr(line, index(line, ";")); cont = 0 } else line = ind "[REDACTED]"
    print line
    next
  }
  # Inside a map whose source variable looks secret, the keys are the secrets.
  if (inmap) {
    if (line ~ /^[ \t]*}/) { inmap = 0 }
    else if (line !~ /^[ \t]*(default|hostnames|volatile|include)[ \t;]/ && match(line, /^[ \t]*("[^"]*"|\047[^\047]*\047|[^ \t]+)/)) {
      match(line, /^[ \t]*/); ind = substr(line, 1, RLENGTH); rest = substr(line, RLENGTH + 1)
      match(rest, /^("[^"]*"|\047[^\047]*\047|[^ \t]+)/); line = ind "[REDACTED]" substr(rest, RLENGTH + 1)
    }
    print line
    next
  }
  if (low ~ /^[ \t]*map[ \t]+\$[^ \t]*/) {
    split(low, w, /[ \t]+/); v = (w[1] == "" ? w[3] : w[2])
    if (v ~ S && low ~ /{[ \t]*$/) inmap = 1
  }
  # if ($http_authorization = "Bearer …"), if ($arg_token != x): the compared value.
  if (low ~ /^[ \t]*if[ \t]*\([ \t]*\$[^ \t)]*/ && low ~ /^[ \t]*if[ \t]*\([ \t]*\$[a-z0-9_]*(authorization|cookie|passw|pass|pwd|secret|token|key|auth)[a-z0-9_]*[ \t]*!?[=~]/) {
    kv("^[ \t]*if[ \t]*\\([ \t]*\\$[a-z0-9_]*[ \t]*!?~?[*]?=?[ \t]*", ")")
  }
  # A secret directive whose value starts on the next line.
  if (low ~ ("^[ \t]*(proxy_set_header|grpc_set_header|fastcgi_param|uwsgi_param|scgi_param|add_header|set|env)[ \t]+[^ \t;]*" S "[^ \t;]*[ \t]*$")) { cont = 1; print line; next }
  if (pem) {
    pem++
    if (line ~ /-----END [A-Z0-9 ]*-----/ || pem > 2000) pem = 0
    next
  }
  if (line ~ /-----BEGIN [A-Z0-9 ]*-----/) {
    if (line !~ /-----END [A-Z0-9 ]*-----/) pem = 1
    sub(/-----BEGIN .*/, "[REDACTED: PEM block (key or certificate) removed by badgateway-collect]", line)
    print line
    next
  }
  # nginx: proxy_set_header Authorization "…"; fastcgi_param DB_PASSWORD …; env SECRET=…;
  kv("^[ \t]*(proxy_set_header|grpc_set_header|fastcgi_param|uwsgi_param|scgi_param|add_header|more_set_headers|more_set_input_headers|proxy_hide_header|set|env)[ \t]+[^ \t;]*" S "[^ \t;]*[ \t]+", ";")
  kv("^[ \t]*(env|fastcgi_param|uwsgi_param)[ \t]+[^ \t;=]*" S "[^ \t;=]*=", ";")
  kv("^[ \t]*(secure_link_secret|secure_link_md5|auth_jwt_key|auth_basic_user_pass)[ \t]+", ";")
  # ini / env files: env[DB_PASSWORD] = …, php_admin_value[…password] = …, SECRET_KEY=…
  kv("^[ \t]*[^ \t=]*" S "[^ \t=]*[ \t]*=[ \t]*", "")
  # php-fpm -tt prints its config as "[date] NOTICE: \tenv[DB_PASSWORD] = …"
  kv("notice:[ \t]*[^ \t=]*" S "[^ \t=]*[ \t]*=[ \t]*", "")
  # command lines (systemctl status): --password=…, --requirepass …
  kv("--[a-z0-9_-]*" S "[a-z0-9_-]*[= ]", " \t\"\047")
  # HTTP headers in logs and configs: Authorization: …, Cookie: …
  kv("(proxy-authorization|authorization|set-cookie|cookie|x-api-key|x-auth-token|x-access-token|x-csrf-token)[ \t]*:[ \t]*", "\"")
  # query strings and form bodies
  kv("[?&;](password|passwd|pwd|pass|token|access_token|refresh_token|id_token|api_?key|apikey|key|secret|client_secret|signature|sig|auth|session|sessionid|sid|jwt|code)=", "& \t\";#,")
  userinfo()
  scheme_tokens()
  whole("eyj[a-z0-9_-][a-z0-9_-][a-z0-9_-][a-z0-9_-][a-z0-9_-][a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.?", "[REDACTED-JWT]")
  whole("(gh[pousr]_|github_pat_)[a-z0-9_][a-z0-9_][a-z0-9_][a-z0-9_][a-z0-9_][a-z0-9_][a-z0-9_][a-z0-9_]+", "[REDACTED-TOKEN]")
  whole("xox[abposr]-[a-z0-9-][a-z0-9-][a-z0-9-][a-z0-9-][a-z0-9-][a-z0-9-][a-z0-9-][a-z0-9-]+", "[REDACTED-TOKEN]")
  whole("(sk|rk)_(live|test)_[a-z0-9][a-z0-9][a-z0-9][a-z0-9][a-z0-9][a-z0-9][a-z0-9][a-z0-9]+", "[REDACTED-TOKEN]")
  whole("glpat-[a-z0-9_-][a-z0-9_-][a-z0-9_-][a-z0-9_-][a-z0-9_-][a-z0-9_-][a-z0-9_-][a-z0-9_-]+", "[REDACTED-TOKEN]")
  whole("akia[0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z][0-9a-z]", "[REDACTED-AWS-KEY]")
  print line
}'
}

# `sh collect.sh --redact < file` only redacts: for a log you want to share yourself.
if [ "${1:-}" = --redact ]; then
  redact
  exit 0
fi

# emit SECTION-NAME CMD ARGS… — one section with the command's redacted output.
emit() {
  name=$1
  shift
  section "$name"
  run "$@" | redact
}

# ---------------------------------------------------------------- meta
find_nginx() {
  if [ -n "${NGINX_BIN:-}" ]; then
    printf '%s\n' "$NGINX_BIN"
    return
  fi
  for c in "$(command -v nginx 2>/dev/null)" "$(command -v openresty 2>/dev/null)" /usr/sbin/nginx /usr/local/sbin/nginx /usr/local/nginx/sbin/nginx /usr/local/openresty/nginx/sbin/nginx /opt/nginx/sbin/nginx; do
    if [ -n "$c" ] && [ -x "$c" ]; then
      printf '%s\n' "$c"
      return
    fi
  done
}
NGINX=$(find_nginx)
set -- # nginx's -p/-c arguments, kept in "$@"
[ -n "${NGINX_PREFIX:-}" ] && set -- "$@" -p "$NGINX_PREFIX"
[ -n "${NGINX_CONF:-}" ] && set -- "$@" -c "$NGINX_CONF"
# nginx >= 1.19.5 takes -e: its own startup messages (warnings of the config
# test) then go to stderr, never into a live error log compiled in as default.
nginx_takes_e() {
  run "$NGINX" -v | awk '{ if (match($0, /[0-9]+\.[0-9]+\.[0-9]+/)) { split(substr($0, RSTART, RLENGTH), v, "."); ok = (v[1] > 1 || (v[1] == 1 && (v[2] > 19 || (v[2] == 19 && v[3] >= 5)))) } } END { exit !ok }'
}
[ -n "$NGINX" ] && nginx_takes_e && set -- "$@" -e stderr

{
  section meta
  echo "collector: badgateway-collect $COLLECTOR_VERSION"
  echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ' 2>/dev/null)"
  echo "hostname: $(hostname 2>/dev/null || uname -n)"
  echo "kernel: $(uname -srm 2>/dev/null)"
  if [ -r /etc/os-release ]; then
    # shellcheck disable=SC1091
    echo "os: $(. /etc/os-release 2>/dev/null && printf '%s' "${PRETTY_NAME:-unknown}")"
  fi
  echo "uid: $(id -u 2>/dev/null)"
  echo "nginx: ${NGINX:-not found}"
  if [ -n "$NGINX" ]; then
    run "$NGINX" -V
  fi
  echo "overrides: NGINX_BIN=${NGINX_BIN:-} NGINX_CONF=${NGINX_CONF:-} NGINX_PREFIX=${NGINX_PREFIX:-} NGINX_LOG_DIR=${NGINX_LOG_DIR:-} PHP_FPM_BIN=${PHP_FPM_BIN:-}"
} | redact

# ---------------------------------------------------------------- nginx -T
section nginx-T
if [ -z "$NGINX" ]; then
  note 'nginx binary not found (set NGINX_BIN=/path/to/nginx)'
  : >"$WORK/nginx-T"
else
  if run "$NGINX" "$@" -T >"$WORK/nginx-T"; then
    redact <"$WORK/nginx-T"
  else
    # -T failed (a config error, or no permission to read a file): show what it said, then nginx -t.
    redact <"$WORK/nginx-T"
    note "nginx -T failed; nginx -t says:"
    run "$NGINX" "$@" -t | redact
  fi
fi

# ---------------------------------------------------------------- logs
# Prefix for relative log paths: NGINX_PREFIX or the binary's --prefix.
PREFIX=${NGINX_PREFIX:-}
if [ -z "$PREFIX" ] && [ -n "$NGINX" ]; then
  PREFIX=$(run "$NGINX" -V | tr ' ' '\n' | sed -n 's/^--prefix=//p' | head -n 1)
fi
PREFIX=${PREFIX:-/etc/nginx/}

# log_paths DIRECTIVE — file paths named by error_log / access_log in the nginx -T output.
log_paths() {
  awk -v d="$1" '
    $1 == d && NF >= 2 {
      p = $2; gsub(/[;"\047]/, "", p)
      if (p == "off" || p == "stderr" || p ~ /^(syslog|memory):/ || p ~ /^\/dev\// || p ~ /\$/) next
      print p
    }' "$WORK/nginx-T" | while IFS= read -r p; do
    case $p in
      /*) printf '%s\n' "$p" ;;
      *) printf '%s/%s\n' "${PREFIX%/}" "$p" ;;
    esac
  done | awk '!seen[$0]++' | head -n 8
}

# existing FILE… — the arguments that are regular files, one a line, first 8.
existing() {
  for f in "$@"; do
    if [ -f "$f" ]; then printf '%s\n' "$f"; fi
  done | awk '!seen[$0]++' | head -n 8
}

# tail_logs SECTION FILE… — the last lines of each readable file.
tail_logs() {
  name=$1
  shift
  found=0
  for f in "$@"; do
    if [ ! -f "$f" ] || [ ! -r "$f" ]; then continue; fi
    found=1
    section "$name $f"
    run tail -n "$TAIL_LINES" "$f" | redact
  done
  if [ "$found" = 0 ]; then
    section "$name"
    note "no readable log file found (tried: $*); set NGINX_LOG_DIR, NGINX_ERROR_LOG or NGINX_ACCESS_LOG"
  fi
}

LOG_DIR=${NGINX_LOG_DIR:-/var/log/nginx}
if [ -n "${NGINX_ERROR_LOG:-}" ]; then
  ERROR_LOGS=$NGINX_ERROR_LOG
else
  ERROR_LOGS=$(log_paths error_log)
  [ -n "$ERROR_LOGS" ] || ERROR_LOGS=$(existing "$LOG_DIR"/error.log "$LOG_DIR"/*error*.log)
fi
if [ -n "${NGINX_ACCESS_LOG:-}" ]; then
  ACCESS_LOGS=$NGINX_ACCESS_LOG
else
  ACCESS_LOGS=$(log_paths access_log)
  [ -n "$ACCESS_LOGS" ] || ACCESS_LOGS=$(existing "$LOG_DIR"/access.log "$LOG_DIR"/*access*.log)
fi
# Word splitting on newlines only: paths with spaces survive.
OLDIFS=$IFS
IFS='
'
# shellcheck disable=SC2086
tail_logs nginx-error-log ${ERROR_LOGS:-$LOG_DIR/error.log}
# shellcheck disable=SC2086
tail_logs nginx-access-log ${ACCESS_LOGS:-$LOG_DIR/access.log}
IFS=$OLDIFS

# ---------------------------------------------------------------- PHP-FPM
find_fpm() {
  if [ -n "${PHP_FPM_BIN:-}" ]; then
    [ "$PHP_FPM_BIN" = none ] || printf '%s\n' "$PHP_FPM_BIN"
    return
  fi
  {
    command -v php-fpm 2>/dev/null
    for d in /usr/sbin /usr/local/sbin /usr/bin /usr/local/bin /opt/remi/php*/root/usr/sbin; do
      for f in "$d"/php-fpm "$d"/php-fpm[0-9]*; do
        [ -x "$f" ] && printf '%s\n' "$f"
      done
    done
  } | awk '!seen[$0]++' | head -n 4
}
# fpm_conf BINARY — its main config file: PHP_FPM_CONF, else the usual place for that build.
fpm_conf() {
  if [ -n "${PHP_FPM_CONF:-}" ]; then
    printf '%s\n' "$PHP_FPM_CONF"
    return
  fi
  v=$(basename "$1" | sed -n 's/^php-fpm\([0-9][0-9.]*\)$/\1/p')
  for c in ${v:+/etc/php/$v/fpm/php-fpm.conf} /etc/php-fpm.conf /usr/local/etc/php-fpm.conf "$(dirname "$(dirname "$1")")/etc/php-fpm.conf" /etc/php/*/fpm/php-fpm.conf; do
    if [ -f "$c" ] && [ -r "$c" ]; then
      printf '%s\n' "$c"
      return
    fi
  done
}
FPMS=$(find_fpm)
if [ -z "$FPMS" ]; then
  section php-fpm-tt
  note 'php-fpm not found (set PHP_FPM_BIN=/path/to/php-fpm if it runs here)'
else
  for fpm in $FPMS; do
    section php-fpm-tt
    conf=$(fpm_conf "$fpm")
    if [ -z "$conf" ]; then
      note "$fpm: main config not found (set PHP_FPM_CONF); not running -tt"
      continue
    fi
    # `php-fpm -tt` also appends its dump to the configured error_log. To stay
    # read-only, run it on a private copy of the config whose error_log is
    # /dev/null; the dump still comes on stderr. Includes keep their absolute paths.
    awk '
      /^[[:space:]]*error_log[[:space:]]*=/ { next }
      { print }
      /^[[:space:]]*\[global\]/ { print "error_log = /dev/null"; g = 1 }
      END { if (!g) print "[global]\nerror_log = /dev/null" }
    ' "$conf" >"$WORK/php-fpm.conf"
    echo "# $fpm -tt -y $conf (run on a copy whose error_log is /dev/null)"
    run "$fpm" -tt -y "$WORK/php-fpm.conf" | sed "s#$WORK/php-fpm.conf#$conf#g" | redact
  done
fi

if [ -n "${PHP_FPM_CONF_GLOB:-}" ]; then
  FPM_FILES=$PHP_FPM_CONF_GLOB
else
  FPM_FILES='/etc/php/*/fpm/php-fpm.conf /etc/php/*/fpm/pool.d/*.conf /etc/php-fpm.conf /etc/php-fpm.d/*.conf /usr/local/etc/php-fpm.conf /usr/local/etc/php-fpm.d/*.conf /opt/remi/php*/root/etc/php-fpm.conf /opt/remi/php*/root/etc/php-fpm.d/*.conf /etc/opt/remi/php*/php-fpm.d/*.conf'
fi
n=0
# shellcheck disable=SC2086
for f in $FPM_FILES; do
  if [ ! -f "$f" ] || [ ! -r "$f" ]; then continue; fi
  n=$((n + 1))
  [ "$n" -le 24 ] || break
  case $f in
    *php-fpm.conf) section "php-fpm-conf $f" ;;
    *) section "php-fpm-pool $f" ;;
  esac
  # Comments and blank lines dropped: pool files are mostly comments.
  grep -v -e '^[[:space:]]*;' -e '^[[:space:]]*$' "$f" 2>/dev/null | head -n 400 | redact
done

# ---------------------------------------------------------------- systemd units
if have systemctl && [ -d /run/systemd/system ]; then
  units=$(
    {
      echo nginx.service
      echo openresty.service
      run systemctl list-units --type=service --all --no-legend --plain 2>/dev/null |
        awk '{print $1}' |
        grep -E '^(php[0-9.]*-fpm|php-fpm|gunicorn|uwsgi|puma|unicorn|pm2|node|apache2|httpd|docker|containerd|tomcat|caddy|varnish|haproxy|mysql|mariadb|postgresql|redis)[^ ]*\.service$'
      for u in ${BG_UNITS:-}; do echo "$u"; done
    } | awk '!seen[$0]++' | head -n 16
  )
  for u in $units; do
    # Units that do not exist on this host are skipped quietly.
    state=$(run systemctl show -p LoadState --value "$u" | head -n 1)
    [ "$state" = loaded ] || continue
    section "systemctl ${u%.service}"
    run systemctl status --no-pager --full --lines=40 "$u" | redact
  done
else
  section systemctl nginx
  note 'systemd is not running here (container or other init); no unit status'
fi

# ---------------------------------------------------------------- host
section ss-tlnp
if have ss; then
  run ss -tlnp | redact
  section ss-xlp
  run ss -xlp | grep -E 'LISTEN|^Netid' | redact
elif have netstat; then
  run netstat -tlnp | redact
else
  note 'neither ss nor netstat found'
fi

section free
if have free; then run free -m; else run cat /proc/meminfo; fi

emit df df -h
emit uptime uptime

section kernel-oom
OOM='out of memory|oom-kill|oom_kill|killed process|invoked oom-killer|oom_reaper|memory cgroup out of memory'
KERN=''
if have journalctl && run journalctl -k --no-pager -q --since '-7 days' -n 20000 >"$WORK/kern" && grep -q 'kernel' "$WORK/kern"; then
  KERN='journalctl -k (7 days)'
elif have dmesg && run dmesg -T >"$WORK/kern" && [ -s "$WORK/kern" ]; then
  KERN='dmesg'
elif [ -r /var/log/kern.log ] && run tail -n 20000 /var/log/kern.log >"$WORK/kern"; then
  KERN=/var/log/kern.log
fi
if [ -z "$KERN" ]; then
  note 'kernel log not readable (no journalctl -k, dmesg or /var/log/kern.log); run as root to include OOM kills'
elif grep -iE "$OOM" "$WORK/kern" >"$WORK/oom"; then
  tail -n 200 "$WORK/oom" | redact
else
  note "no OOM-killer lines in $KERN"
fi

section ulimit
# shellcheck disable=SC3045 # ulimit -n: not in POSIX, but in dash, bash, busybox and ksh
echo "shell: ulimit -n = $(ulimit -n 2>/dev/null)"
# This nginx's master (pid directive in nginx -T, else /run/nginx.pid), so its own workers are shown.
PID_FILE=$(awk '$1 == "pid" && NF >= 2 { p = $2; gsub(/[;"\047]/, "", p); print p; exit }' "$WORK/nginx-T")
case $PID_FILE in
  '') PID_FILE=/run/nginx.pid ;;
  /*) ;;
  *) PID_FILE="${PREFIX%/}/$PID_FILE" ;;
esac
MASTER=$(head -n 1 "$PID_FILE" 2>/dev/null | tr -cd '0-9')
workers=0
for d in /proc/[0-9]*; do
  [ -r "$d/cmdline" ] || continue
  cmd=$(tr '\000' ' ' <"$d/cmdline" 2>/dev/null)
  case $cmd in
    'nginx: worker process'*)
      if [ -n "$MASTER" ] && [ -d "/proc/$MASTER" ]; then
        ppid=$(awk '/^PPid:/ { print $2 }' "$d/status" 2>/dev/null)
        [ "$ppid" = "$MASTER" ] || continue
      fi
      workers=$((workers + 1))
      [ "$workers" -le 2 ] || break
      echo "# nginx worker ${d#/proc/}: $d/limits"
      # The worker's soft limit, in the form `ulimit -n` reports it.
      awk '/^Max open files/ { print "open files (-n) " $4 }' "$d/limits" 2>/dev/null
      grep -E '^(Limit|Max open files|Max processes)' "$d/limits" 2>/dev/null
      ;;
  esac
done
[ "$workers" -gt 0 ] || note 'no nginx worker process found'

echo 'badgateway-collect: done. Review the bundle before sharing it, then paste it into https://badgateway.dev/analyze/ or run: badgateway analyze FILE' >&2
