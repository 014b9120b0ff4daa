#!/usr/bin/env bash
# Run Stoplight Prism (@stoplight/prism-cli, pinned here) from .ci/node, installing it from the npm
# registry on first use: tests/contract/prism.sh mock|proxy ... (any prism arguments).
set -euo pipefail
PRISM_VERSION=5.16.0
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PRISM_PREFIX:-$here/../../.ci/node}
prism=$prefix/node_modules/.bin/prism
if ! [ -x "$prism" ] || [ "$("$prism" --version 2>/dev/null)" != "$PRISM_VERSION" ]; then
    echo "installing @stoplight/prism-cli@$PRISM_VERSION into $prefix" >&2
    npm install --silent --no-audit --no-fund --no-save --prefix "$prefix" \
        "@stoplight/prism-cli@$PRISM_VERSION" >&2
fi
exec "$prism" "$@"
