#!/usr/bin/env bash
# Run the schemathesis command line against `python -m wixsandbox serve` (uvicorn, 127.0.0.1, a
# free port) with every check and the API key, bounded for CI. Usage: run_schemathesis_cli.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
ST=${SCHEMATHESIS:-.venv/bin/schemathesis}
MAX_EXAMPLES=${1:-10}
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
KEY=cli-contract-key
ACCOUNT=44444444-4444-4444-8444-444444444444
"$PY" -m wixsandbox --db "$WORK/sandbox.db" seed --account-id "$ACCOUNT" --sites 40 --folders 5 >/dev/null
# the key in the environment, not on the command line, where ps would show it
WIXSANDBOX_API_KEY="$KEY" "$PY" -m wixsandbox --db "$WORK/sandbox.db" serve --port "$PORT" \
    --account-id "$ACCOUNT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.1
done
# Schema-valid requests that the spec answers with 400 (cursors, open filters).
cat >"$WORK/schemathesis.toml" <<TOML
[[operations]]
include-operation-id = ["querySites", "countSites", "queryFolders"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "409"]
TOML
"$ST" --config-file "$WORK/schemathesis.toml" run openapi.yaml \
    --url "http://127.0.0.1:$PORT" \
    --checks all \
    --header "Authorization: $KEY" --header "wix-account-id: $ACCOUNT" \
    --max-examples "$MAX_EXAMPLES" \
    --phases examples,coverage,fuzzing,stateful \
    --seed 1 \
    --no-color
