#!/usr/bin/env bash
# Extraction quality through the API, scored the way the product is judged.
#
# For each corpus: start `dossier serve` on a fresh database seeded from the corpus folder, fetch every article
# with eval/fetch_api.sh, score it with eval/score.py, and print the figures. Corpora: the seeds (gold/), and,
# when the development data is present beside the repository, dev/news and dev/timebank (dates only).
#
#   benchmarks/quality.sh [SHARED_DIR]    (default: ../shared beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
if [ ! -f "$shared/eval/score.py" ]; then
    echo "quality: no scorer at $shared/eval/score.py; skipping"
    exit 0
fi
swift build -c release --product dossier >/dev/null
bin="$(swift build -c release --show-bin-path)/dossier"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

score() {  # name articles-dir gold-dir
    local name="$1" articles="$2" gold="$3"
    if [ ! -d "$articles" ]; then
        echo "== $name: $articles absent, skipped"
        return
    fi
    rm -f "$work"/db.sqlite*
    "$bin" serve --db "$work/db.sqlite" --seeds "$articles" --host 127.0.0.1 --port 0 >"$work/serve.log" 2>&1 &
    server=$!
    local port=""
    for _ in $(seq 1 600); do
        port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/serve.log" | head -1)
        if [ -n "$port" ] && curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
        sleep 0.1
    done
    if [ -z "$port" ]; then echo "== $name: server did not start"; cat "$work/serve.log"; return 1; fi
    bash "$shared/eval/fetch_api.sh" "http://127.0.0.1:$port" "$work/pred.jsonl" >/dev/null
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    echo "== $name"
    python3 "$shared/eval/score.py" --gold "$gold" --pred "$work/pred.jsonl" --pred-format api -v 2>/dev/null >"$work/score.txt"
    grep -E '^(entities|group|event|dates|cross-article|entity_f1)' "$work/score.txt"
    # Value accuracy on the gold dates that have a calendar value (the figure published for other taggers):
    # gold entries without one (TimeML values that name no interval) count against any resolved date above.
    awk '/date value (ok|wrong):/ && $0 !~ / gold None\.\.None / { n++; if ($0 ~ /date value ok:/) ok++ }
         END { if (n) printf "dates with a calendar value in the gold: value acc=%.3f (%d/%d)\n", ok / n, ok, n }' "$work/score.txt"
}

score "seeds" seeds "$shared/gold"
score "dev/news" "$shared/dev/news" "$shared/dev/news-gold"
score "dev/timebank (dates only)" "$shared/dev/timebank/articles" "$shared/dev/timebank/gold"
