#!/usr/bin/env bash
# Contract check: the live server against its own OpenAPI document.
#
# Builds `dossier`, serves a temporary database on 127.0.0.1 (a free port), validates /openapi.json with
# openapi-spec-validator and runs schemathesis (examples, coverage, fuzzing, stateful) with the checks
# not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance.
# Any failure fails the script. Bounded: a fixed number of examples per operation and a time limit.
#
# Environment: DOSSIER_CONTRACT_EXAMPLES (default 50), DOSSIER_CONTRACT_SEED (default 1),
# DOSSIER_CONTRACT_SERVE_ARGS (extra `serve` arguments).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
EXAMPLES=${DOSSIER_CONTRACT_EXAMPLES:-50}
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
# A virtual environment of our own (no system packages touched). A fresh Debian lacks the venv module until
# python3-venv is installed; as root (CI) it is installed non-interactively.
if ! python3 -m venv "$WORK/venv" >"$WORK/venv.log" 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        rm -rf "$WORK/venv"
        version=$(python3 -c 'import sys; print(f"{sys.version_info.major}.{sys.version_info.minor}")')
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "python$version-venv" </dev/null >"$WORK/apt.log" 2>&1 \
            || DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv </dev/null >>"$WORK/apt.log" 2>&1 \
            || { apt-get update -q </dev/null >>"$WORK/apt.log" 2>&1 \
                 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv </dev/null >>"$WORK/apt.log" 2>&1; } \
            || { tail -20 "$WORK/apt.log"; exit 1; }
        python3 -m venv "$WORK/venv"
    else
        cat "$WORK/venv.log"; echo "contract: python3 -m venv failed (install python3-venv)"; exit 1
    fi
fi
"$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    'schemathesis==4.32.5' openapi-spec-validator </dev/null

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
# From the work folder, so schemathesis' and hypothesis' own files stay out of the repository.
(cd "$WORK" && timeout 330 "$WORK/venv/bin/schemathesis" run "$BASE/openapi.json" \
    --url "$BASE" \
    --phases examples,coverage,fuzzing,stateful \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --max-examples "$EXAMPLES" \
    --request-timeout 10 \
    --header "Authorization: Bearer $TOKEN" \
    --seed "${DOSSIER_CONTRACT_SEED:-1}" \
    --no-color </dev/null) || status=$?
if [[ $status -ne 0 ]]; then
    echo "contract: FAILED (schemathesis exit $status); server log tail:"
    tail -30 "$WORK/server.log"
    exit "$status"
fi
echo "contract: passed"
