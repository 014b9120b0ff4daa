#!/usr/bin/env bash
# Run the schemathesis command line on openapi.yaml as published, against `python -m wixsandbox serve`
# (uvicorn, 127.0.0.1, a free port): every phase and every check, once with the API key and once with
# the legacy signature (tests/contract/schemathesis_signing.py signs each request), bounded for CI.
# The committed schemathesis.toml holds only what the spec itself allows.
# Usage: run_schemathesis_cli.sh [MAX_EXAMPLES] [key|signature|both]
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/contract/python.sh
ST=${SCHEMATHESIS:-$BIN/schemathesis}
MAX_EXAMPLES=${1:-10}
MODES=${2:-both}
WORK=$(mktemp -d)
SERVER=
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
KEY=cli-contract-key
ACCOUNT=44444444-4444-4444-8444-444444444444
APP=cli-contract-app
export WIXSANDBOX_APP_SECRET=cli-contract-secret   # read by serve, never on its command line
"$PY" -m wixsandbox --db "$WORK/sandbox.db" seed --account-id "$ACCOUNT" --sites 40 --folders 5 >/dev/null
# a signed request acts on its instance's site only: each site gets an instance of the app
"$PY" -m tests.contract.site_instances "$WORK/sandbox.db" "$APP" "$ACCOUNT" >/dev/null
# the key in the environment, not on the command line, where ps would show it
WIXSANDBOX_API_KEY="$KEY" "$PY" -m wixsandbox --db "$WORK/sandbox.db" serve --port "$PORT" \
    --account-id "$ACCOUNT" --app-id "$APP" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.1
done

run() {  # run MODE [options]: every phase and check; then every operation must have said 2xx once
    local mode=$1; shift
    "$ST" --config-file schemathesis.toml run openapi.yaml \
        --url "http://127.0.0.1:$PORT" \
        --checks all \
        --max-examples "$MAX_EXAMPLES" \
        --phases examples,coverage,fuzzing,stateful \
        --seed 1 \
        --report har --report-har-path "$WORK/${mode// /-}.har" \
        --no-color "$@" &&
    "$PY" tests/contract/accepted_operations.py "$WORK/${mode// /-}.har" "schemathesis with the $mode"
}
status=0
if [ "$MODES" = key ] || [ "$MODES" = both ]; then
    echo "== schemathesis with the API key"
    run "API key" --header "Authorization: $KEY" --header "wix-account-id: $ACCOUNT" || status=1
fi
if [ "$MODES" = signature ] || [ "$MODES" = both ]; then
    echo "== schemathesis with the x-wix-signature (signed by tests/contract/schemathesis_signing.py)"
    SCHEMATHESIS_HOOKS=tests.contract.schemathesis_signing WIX_APP_ID=$APP \
        WIX_APP_SECRET=$WIXSANDBOX_APP_SECRET WIX_ACCOUNT_ID=$ACCOUNT run signature || status=1
fi
exit $status
