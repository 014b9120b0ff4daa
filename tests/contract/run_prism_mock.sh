#!/usr/bin/env bash
# Stoplight Prism as a mock of openapi.yaml as published (`prism mock openapi.yaml`): every documented
# response example is asked for and parsed by the generated client and by the SDK
# (tests/contract/prism_mock_examples.py). Usage: tests/contract/run_prism_mock.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/contract/python.sh
WORK=$(mktemp -d)
MOCK=
trap 'if [ -n "$MOCK" ]; then kill "$MOCK" 2>/dev/null || true; wait "$MOCK" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
tests/contract/prism.sh --version >/dev/null   # install it now, not while waiting for the mock
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
tests/contract/prism.sh mock openapi.yaml --host 127.0.0.1 --port "$PORT" >"$WORK/prism.log" 2>&1 &
MOCK=$!
for _ in $(seq 600); do
    grep -q "Prism is listening" "$WORK/prism.log" && break
    kill -0 "$MOCK" 2>/dev/null || { echo "Prism mock exited:"; cat "$WORK/prism.log"; exit 1; }
    sleep 0.1
done
grep -q "Prism is listening" "$WORK/prism.log" || { echo "Prism mock did not start:"; cat "$WORK/prism.log"; exit 1; }
status=0
WIX_BASE_URL=http://127.0.0.1:$PORT "$PY" tests/contract/prism_mock_examples.py || status=1
if grep -nE "Violation|✖|⚠" "$WORK/prism.log"; then
    echo "FAILED Prism reported the violations above"
    status=1
fi
exit $status
