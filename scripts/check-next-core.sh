#!/usr/bin/env bash
# Allowed to fail: the cdktn build against the newest cdktn on the registry (pre-releases included), when it is newer
# than the pinned one. Installs that cdktn and its @cdktn/provider-generator outside the lock (build/next-core), lays
# out build/cdktn-next from the same source (bindings from that generator), compiles it with jsii and runs the cdktn
# suite on it (unit tests; CORE_NEXT_E2E=1 adds the e2e tests). CDKTN_NEXT=<version> forces a version.
# Usage: bash scripts/check-next-core.sh   (after npm ci); exits non-zero when the newer cdktn breaks the build.
set -euo pipefail
cd "$(dirname "$0")/.."
pinned=$(node -p "require('cdktn/package.json').version")
newest=${CDKTN_NEXT:-$(npm view cdktn versions --json | node -e "const s=require('semver');console.log(s.rsort([].concat(JSON.parse(require('fs').readFileSync(0,'utf8'))))[0])")}
if [ -z "${CDKTN_NEXT:-}" ] && [ "$newest" = "$pinned" ]; then
  echo "cdktn $pinned is the newest release on the registry: no pre-release to check"
  exit 0
fi
echo "checking the cdktn build against cdktn $newest (pinned: $pinned)"
rm -rf build/next-core build/cdktn-next
mkdir -p build/next-core
echo '{ "name": "next-core", "private": true }' > build/next-core/package.json
npm install --prefix build/next-core --no-audit --no-fund --no-package-lock "cdktn@$newest" "@cdktn/provider-generator@$newest"
node scripts/build-variant.js cdktn-next --core-from build/next-core/node_modules
npx jsii build/cdktn-next --silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency
ignore=(--testPathIgnorePatterns /e2e/)
[ "${CORE_NEXT_E2E:-}" = 1 ] && ignore=()
CORE_NEXT=1 npx jest --selectProjects cdktn-next "${ignore[@]}"
