#!/usr/bin/env bash
# Stoplight Prism as a validating proxy in front of the served sandbox (python -m wixsandbox serve), on openapi.yaml as
# published: the command line's whole agency workflow and every SDK operation (API key, async and
# signed) go through it, and the run fails on any violation in Prism's log.
# Usage: tests/contract/run_prism_proxy.sh   (installs Prism from npm on first use, see prism.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/contract/python.sh
WIXSITES=${WIXSITES:-$BIN/wixsites}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for COMMAND NAME LOG: up to a minute
    for _ in $(seq 600); do
        eval "$1" && return 0
        sleep 0.1
    done
    echo "$2 did not start:"; cat "$3"; exit 1
}

tests/contract/prism.sh --version >/dev/null   # install it now, not while the clock runs
SANDBOX_PORT=$(free_port)
PRISM_PORT=$(free_port)
export WIX_API_KEY=prism-contract-key WIX_ACCOUNT_ID=55555555-5555-4555-8555-555555555555
export WIX_APP_ID=prism-contract-app WIX_APP_SECRET=prism-contract-secret
export WIX_BASE_URL=http://127.0.0.1:$PRISM_PORT
# a sub-account of the key's account, with sites of its own, for Transfer Site
export WIX_SUB_ACCOUNT_ID=56565656-5656-4565-8565-565656565656
DB=$WORK/sandbox.db
export PRISM_SANDBOX_DB=$DB   # the signed SDK client registers its sites' instances there
"$PY" -m wixsandbox --db "$DB" seed --account-id "$WIX_ACCOUNT_ID" --sites 60 --folders 4 >/dev/null
"$PY" -m wixsandbox --db "$DB" seed --account-id "$WIX_SUB_ACCOUNT_ID" --sites 12 --folders 0 >/dev/null
"$PY" -m wixsandbox --db "$DB" relate "$WIX_ACCOUNT_ID" "$WIX_SUB_ACCOUNT_ID" >/dev/null
# python -m wixsandbox reads the app secret from the environment, never from its command line
WIXSANDBOX_APP_SECRET=$WIX_APP_SECRET "$PY" -m wixsandbox --db "$DB" serve --port "$SANDBOX_PORT" \
    --api-key "$WIX_API_KEY" --account-id "$WIX_ACCOUNT_ID" --app-id "$WIX_APP_ID" \
    >"$WORK/sandbox.log" 2>&1 &
PIDS+=($!)
tests/contract/prism.sh proxy openapi.yaml "http://127.0.0.1:$SANDBOX_PORT" --errors \
    --host 127.0.0.1 --port "$PRISM_PORT" >"$WORK/prism.log" 2>&1 &
PIDS+=($!)
wait_for 'curl -s -o /dev/null "http://127.0.0.1:$SANDBOX_PORT/"' sandbox "$WORK/sandbox.log"
wait_for 'grep -q "Prism is listening" "$WORK/prism.log"' Prism "$WORK/prism.log"

failures=0
cli() {  # cli EXPECTED_STATUS ARGS...: run the command line against Prism
    local expected=$1; shift
    local status=0
    "$WIXSITES" --max-retries 0 "$@" >"$WORK/out" 2>&1 || status=$?
    if [ "$status" -ne "$expected" ]; then
        echo "FAILED wixsites $* (exit $status, expected $expected):"; sed 's/^/    /' "$WORK/out"
        failures=$((failures + 1))
    else
        echo "ok     wixsites $*"
    fi
}

echo "== the agency workflow with the command line, through Prism"
cli 0 sites list --limit 30 --format csv
cp "$WORK/out" "$WORK/sites.csv"
head -n 21 "$WORK/sites.csv" >"$WORK/design.csv"
head -n 11 "$WORK/sites.csv" >"$WORK/qa.csv"
head -n 5 "$WORK/sites.csv" >"$WORK/live.csv"
{ echo site_id,customer; sed -n '2,4p' "$WORK/live.csv" | cut -d, -f1 | sed 's/$/,overdue/'
  echo 5eed5eed-0000-4000-8000-000000000404,gone; } >"$WORK/unpaid.csv"
cli 0 sites list --where published=true --sort createdDate:desc --limit 10
cli 0 sites list --where editorType=EDITOR,ADI --format json
cli 0 sites list --filter '{"domainConnected": false}' --sort displayName
cli 0 sites count
cli 0 sites count --where published=true
cli 0 sites count --where premium=true
cli 0 workflow init
cli 0 workflow init
cli 0 sites move --to Stages/Design --from-file "$WORK/design.csv" --dry-run
cli 0 sites move --to Stages/Design --from-file "$WORK/design.csv"
cli 0 workflow advance --to QA --from-file "$WORK/qa.csv"
cli 0 workflow advance --to Live --from-file "$WORK/live.csv"
cli 3 workflow suspend --unpaid "$WORK/unpaid.csv"   # partial: one id is not in the account
cli 0 workflow status
cli 0 workflow rename-stage QA Review
cli 0 sites list --folder Stages/Review
cli 0 folders create Clients/Acme/QA
cli 0 folders create Clients/Globex
cli 0 folders rename Clients/Acme/QA Review
cli 0 folders create Archive
cli 0 folders move Clients/Acme Clients/Globex --to Archive
cli 0 folders of "$(sed -n 2p "$WORK/design.csv" | cut -d, -f1)"
cli 0 folders tree
cli 0 folders list --format json
cli 0 folders delete --yes Archive/Acme
cli 0 sites move --to / --from-file "$WORK/live.csv"
cli 0 --json workflow status
cli 2 folders delete No/Such/Folder

echo "== the lifecycle of a site with the command line, through Prism"
template=$(sed -n 6p "$WORK/sites.csv" | cut -d, -f1)
cli 0 sites duplicate "$template" --name "Prism copy" --to Stages/Design --publish
cli 0 --json sites duplicate "$template" --name "Prism copy 2"
copy=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["newSiteId"])' "$WORK/out")
cli 0 sites publish "$copy"
cli 0 sites trash --yes "$copy"
cli 3 sites publish "$copy"
cli 3 sites trash --yes 5eed5eed-0000-4000-8000-000000000404
cli 0 workflow onboard --template "$template" --name "Client X"
cli 0 workflow onboard --template "$template" --name "Client Y" --stage Review --publish
cli 0 sites list --where premium=false --where published=false --limit 3 --format csv
cp "$WORK/out" "$WORK/suspended.csv"
cli 0 sites move --to Stages/Suspended --from-file "$WORK/suspended.csv"
cli 0 workflow purge --dry-run
cli 0 workflow purge --yes
cli 0 workflow purge --yes
cli 0 --account-id "$WIX_SUB_ACCOUNT_ID" sites list --where premium=false --format csv
moving=$(sed -n 2p "$WORK/out" | cut -d, -f1)
cli 2 sites transfer "$moving" --from "$WIX_SUB_ACCOUNT_ID"   # no terminal: needs --yes
cli 0 sites transfer --yes "$moving" --from "$WIX_SUB_ACCOUNT_ID"
cli 1 sites transfer --yes "$moving" --from "$WIX_SUB_ACCOUNT_ID"

echo "== every SDK operation, through Prism"
"$PY" tests/contract/prism_sdk_calls.py || failures=$((failures + 1))

echo "== Prism's log"
if grep -nE "Violation|✖|⚠" "$WORK/prism.log"; then
    echo "FAILED Prism reported the violations above"
    failures=$((failures + 1))
else
    echo "ok     no violation in $(grep -c 'Request received' "$WORK/prism.log") requests"
fi
[ "$failures" -eq 0 ] || { echo "$failures failures"; exit 1; }
