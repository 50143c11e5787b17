#!/usr/bin/env bash
# Ingest benchmark: generates a deterministic corpus (default 10,000 articles), ingests it with the release
# binary into a fresh database, and prints articles/s, words/s and the database size.
#
#   benchmarks/ingest.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product dossier >/dev/null
python3 benchmarks/generate_corpus.py --count "$count" --out "$work/corpus" >/dev/null
words=$(cat "$work"/corpus/*.txt | wc -w)
bytes=$(cat "$work"/corpus/*.txt | wc -c)

start=$(date +%s.%N)
.build/release/dossier ingest --db "$work/bench.sqlite" "$work/corpus" 2>/dev/null | tail -1
end=$(date +%s.%N)
# Checkpoint the WAL so the size is the database's own.
sqlite3 "$work/bench.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null 2>&1 || true

python3 - "$count" "$words" "$bytes" "$start" "$end" "$work/bench.sqlite" <<'PY'
import os, sys
count, words, bytes_, start, end, db = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
elapsed = end - start
size = os.path.getsize(db) + (os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0)
print(f"corpus: {count} articles, {words} words, {bytes_ / 1e6:.1f} MB of text")
print(f"ingest: {elapsed:.1f} s  {count / elapsed:.0f} articles/s  {words / elapsed:,.0f} words/s")
print(f"database: {size / 1e6:.1f} MB ({size / bytes_:.2f}x the text)")
PY
