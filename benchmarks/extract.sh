#!/usr/bin/env bash
# Extraction benchmark: words/s of entity and date extraction alone (no SQLite), on one core, over the
# deterministic generated corpus.
#
#   benchmarks/extract.sh [COUNT] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-2000}"
seconds="${2:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product dossier-extract >/dev/null
python3 benchmarks/generate_corpus.py --count "$count" --out "$work/corpus" >/dev/null
taskset -c 0 .build/release/dossier-extract bench "$work/corpus" --seconds "$seconds" 2>/dev/null \
    || .build/release/dossier-extract bench "$work/corpus" --seconds "$seconds"
