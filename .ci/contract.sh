#!/usr/bin/env bash
# Contract check: the live server against its own OpenAPI document.
#
# Builds `dossier`, serves a temporary database on 127.0.0.1 (a free port), validates /openapi.json with
# openapi-spec-validator and runs schemathesis (examples, coverage, fuzzing, stateful) with the checks
# not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance.
# Any failure fails the script. Bounded: a fixed number of examples per operation and a time limit.
#
# Environment: DOSSIER_CONTRACT_EXAMPLES (default 25), DOSSIER_CONTRACT_SERVE_ARGS (extra `serve` arguments).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
EXAMPLES=${DOSSIER_CONTRACT_EXAMPLES:-25}
WORK=$(mktemp -d)
SERVER_PID=""

cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "contract: building dossier"
swift build --product dossier >"$WORK/build.log" 2>&1 || { tail -50 "$WORK/build.log"; exit 1; }
BIN="$(swift build --show-bin-path)/dossier"

echo "contract: installing openapi-spec-validator and schemathesis==4.32.5"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5' openapi-spec-validator

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
TOKEN="contract-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"

echo "contract: serving $WORK/dossier.sqlite on $BASE"
# shellcheck disable=SC2086
DOSSIER_API_TOKEN="$TOKEN" "$BIN" serve --db "$WORK/dossier.sqlite" --host 127.0.0.1 --port "$PORT" \
    --seeds "$ROOT/seeds" ${DOSSIER_CONTRACT_SERVE_ARGS:-} >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

ready=""
for _ in $(seq 1 120); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    if python3 - "$BASE/readyz" <<'PY' 2>/dev/null; then ready=1; break; fi
import sys, urllib.request
sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=2).status == 200 else 1)
PY
    sleep 0.5
done
if [[ -z "$ready" ]]; then
    echo "contract: the server did not become ready"; tail -50 "$WORK/server.log"; exit 1
fi

python3 -c 'import sys, urllib.request; open(sys.argv[2], "wb").write(urllib.request.urlopen(sys.argv[1], timeout=10).read())' \
    "$BASE/openapi.json" "$WORK/openapi.json"
echo "contract: validating /openapi.json"
"$WORK/venv/bin/openapi-spec-validator" "$WORK/openapi.json"

echo "contract: schemathesis ($EXAMPLES examples per operation)"
status=0
timeout 330 "$WORK/venv/bin/schemathesis" run "$BASE/openapi.json" \
    --url "$BASE" \
    --phases examples,coverage,fuzzing,stateful \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --max-examples "$EXAMPLES" \
    --request-timeout 10 \
    --header "Authorization: Bearer $TOKEN" \
    --seed 1 \
    --no-color || status=$?
if [[ $status -ne 0 ]]; then
    echo "contract: FAILED (schemathesis exit $status); server log tail:"
    tail -30 "$WORK/server.log"
    exit "$status"
fi
echo "contract: passed"
