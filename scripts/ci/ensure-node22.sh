#!/usr/bin/env bash
# Node 22 for CI (package.json's engines; `ai` and `@ai-sdk/*` need it): when the machine's node is
# older, installs the npm package node-linux-<arch>@22 into a cache folder that later runs reuse.
# Prints the folder to put first on PATH.
set -euo pipefail
# package.json's engines: >=22.12 (an older 22.x passes a major-only check but not npm's).
if node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null; then
  dirname "$(command -v node)"
  exit 0
fi
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "ensure-node22: no Node 22 package for $(uname -m)" >&2; exit 1 ;;
esac
cache="${XDG_CACHE_HOME:-$HOME/.cache}/aos-ci/node22"
bin="$cache/node_modules/node-linux-$arch/bin"
if ! "$bin/node" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a === 22 && b >= 12 ? 0 : 1)' 2>/dev/null; then
  echo "ensure-node22: installing node-linux-$arch@22 into $cache" >&2
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@22" >&2
fi
echo "$bin"
