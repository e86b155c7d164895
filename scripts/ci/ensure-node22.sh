#!/usr/bin/env bash
# Node 22 for CI (package.json's engines; `ai` and `@ai-sdk/*` need it): when the machine's node is
# older, installs the npm package node-linux-<arch>@22 into a cache folder that later runs reuse.
# Prints the folder to put first on PATH.
set -euo pipefail
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -ge 22 ]; then
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
if ! "$bin/node" -v 2>/dev/null | grep -q '^v22\.'; then
  echo "ensure-node22: installing node-linux-$arch@22 into $cache" >&2
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@22" >&2
fi
echo "$bin"
