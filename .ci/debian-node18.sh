#!/usr/bin/env bash
# Debian's own Node.js 18 (bookworm's `nodejs` package), unpacked into
# .cache/debian-node18/ without installing it: the machine's `nodejs` is a newer
# one that npm needs. The bundle test (test/bundle/) runs dist/badgateway.mjs
# under it. Its shared libraries and externalized built-ins come from Debian
# packages installed by .ci/run (libc-ares2, node-acorn, node-cjs-module-lexer,
# node-undici).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.cache/debian-node18
node18() { apt-cache policy libnode108 | awk '/^ +(\*\*\* )?18\./ { sub(/\*\*\* /, ""); print $1; exit }'; }
version=$(node18)
[ -n "$version" ] || { apt-get update -qq && version=$(node18); }
if [ -z "$version" ]; then
  echo "debian-node18: no Node 18 (libnode108) in the apt lists; run apt-get update" >&2
  exit 1
fi
if [ -x "$dest/usr/bin/node" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$version" ]; then exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 777 "$tmp"
( cd "$tmp" && apt-get download -qq "nodejs=$version" "libnode108=$version" )
rm -rf "$dest"
mkdir -p "$dest"
for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$dest"; done
echo "$version" > "$dest/VERSION"
libdir=$(dirname "$(find "$dest" -name 'libnode.so.108*' | head -n 1)")
LD_LIBRARY_PATH="$PWD/$libdir" "$dest/usr/bin/node" --version
