#!/usr/bin/env bash
# Query latency of the API over a generated corpus: p50/p99 of the hot reads at 1 and 32 concurrent clients,
# with the response cache cold (every request a different id, term or window), and the server's RSS over the run.
#
#   benchmarks/queries.sh [--count 100000] [--seconds 10] [--keep DIR]
#   DOSSIER_BIN=path/to/dossier benchmarks/queries.sh ...     # another build (skips `swift build`)
#
# The load comes from wrk (benchmarks/paths.lua): one connection per client, each walking its share of a list
# of distinct paths, so no request repeats and the response cache never answers. The 1-client and the 32-client
# runs of a scenario take disjoint paths. Every run is bounded by --seconds and by the length of its path list.
# Talks to 127.0.0.1 only.
# Aims at 32 clients: by-id p99 < 2 ms, full-text common term < 100 ms, others < 20 ms; RSS < 100 MB
# (the last column: the server's largest resident set sampled during that run).
set -euo pipefail

COUNT=100000
SECONDS_PER_RUN=10
KEEP=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --count) COUNT=$2; shift 2 ;;
        --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
        --keep) KEEP=$2; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
    echo "installing wrk" >&2
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; fi
    [[ -n "$KEEP" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -n "${DOSSIER_BIN:-}" ]]; then
    BIN=$DOSSIER_BIN
else
    swift build -c release --product dossier >/dev/null
    BIN="$(swift build -c release --show-bin-path)/dossier"
fi
DB="$WORK/bench.sqlite"
if [[ ! -f "$DB" ]]; then
    echo "generating $COUNT articles"
    python3 benchmarks/generate_corpus.py --count "$COUNT" --out "$WORK/corpus.jsonl" --format jsonl
    # Files of 1,000 articles: under the ingest's per-file size limit, and read one at a time.
    mkdir -p "$WORK/corpus"
    split -l 1000 -d -a 4 --additional-suffix=.jsonl "$WORK/corpus.jsonl" "$WORK/corpus/part-"
    rm "$WORK/corpus.jsonl"
    echo "ingesting"
    started=$(date +%s)
    "$BIN" ingest --db "$DB" "$WORK/corpus" 2>"$WORK/ingest.log" | tail -1
    echo "ingest: $(( $(date +%s) - started )) s for $COUNT articles"
    rm -rf "$WORK/corpus"
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$BIN" serve --db "$DB" --host 127.0.0.1 --port "$PORT" --no-seed --log-level warning >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

python3 - "$PORT" "$SERVER_PID" "$SECONDS_PER_RUN" "$WORK" <<'PY'
import datetime, http.client, json, os, random, statistics, subprocess, sys, threading, time, urllib.parse

port, pid, seconds, work = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
script = os.path.join(os.getcwd(), "benchmarks", "paths.lua")
random.seed(7)

def rss_mb():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def get(connection, path):
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()

for _ in range(600):
    try:
        if get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/readyz")[0] == 200:
            break
    except OSError:
        pass
    time.sleep(0.5)
else:
    sys.exit("the server did not become ready")

c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

def walk(path, pages):
    ids, cursor = [], None
    for _ in range(pages):
        status, body = get(c, path + ("&cursor=" + urllib.parse.quote(cursor) if cursor else ""))
        page = json.loads(body)
        ids += [item["id"] for item in page["items"]]
        cursor = page["nextCursor"]
        if not cursor:
            break
    return ids

articles = walk("/v1/articles?limit=100", 1000)
entities = walk("/v1/entities?limit=100", 1000)

# Terms of the generated corpus (benchmarks/generate_corpus.py): common ones occur in most articles; the rare ones are
# the words of the Arabic, Hebrew, Persian and Russian paragraphs, each in about 2.5% of the articles.
common = ["said", "government", "president", "people", "minister", "year", "country", "security", "police", "report",
          "officials", "forces", "opposition", "protesters", "economy", "border", "parliament", "election", "ceasefire",
          "sanctions"]
paragraphs = ["قال مسؤولون في بغداد إن المحادثات ستستمر الأسبوع المقبل رغم التوتر في المنطقة",
              "הממשלה הודיעה כי השיחות יימשכו בשבוע הבא למרות המתיחות באזור",
              "مقام‌های ایرانی گفتند که گفتگوها هفته آینده در تهران ادامه پیدا می‌کند",
              "Представители правительства заявили что переговоры продолжатся на следующей неделе"]
rare = sorted({urllib.parse.quote(word) for paragraph in paragraphs for word in paragraph.split() if len(word) > 3 and "\u200c" not in word})

def with_limits(bases, most=100):
    # A different cache key per request: each base (a term, an entity) with every limit 1..most.
    return [base + ("&" if "?" in base else "?") + f"limit={limit}" for base in bases for limit in range(1, most + 1)]

def windows():
    out, first = [], datetime.date(2004, 1, 1)
    for offset in range(0, 22 * 365):
        day = first + datetime.timedelta(days=offset)
        out.append(f"/v1/timeline?from={day.isoformat()}&to={(day + datetime.timedelta(days=30)).isoformat()}")
    return out

scenarios = {
    "article by id": [f"/v1/articles/{urllib.parse.quote(i)}" for i in articles],
    "entity by id": [f"/v1/entities/{urllib.parse.quote(i)}" for i in entities],
    "search common term": with_limits([f"/v1/articles?q={t}" for t in common]),
    "search rare term": with_limits([f"/v1/articles?q={t}" for t in rare]),
    "timeline by entity": with_limits([f"/v1/timeline?entity={urllib.parse.quote(i)}" for i in entities]),
    "timeline window": windows(),
    "graph": [f"/v1/graph?limit={limit}&minWeight={weight}" for weight in range(1, 5) for limit in range(1, 501)],
}

rss_samples = []
stop = threading.Event()
def sample():
    while not stop.is_set():
        rss_samples.append(rss_mb())
        time.sleep(0.2)
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()

def run(paths, clients):
    listing = os.path.join(work, "paths.txt")
    with open(listing, "w") as out:
        out.write("\n".join(paths) + "\n")
    command = ["wrk", "-t", str(clients), "-c", str(clients), "-d", f"{seconds}s", "--timeout", "30s",
               "-s", script, f"http://127.0.0.1:{port}", "--", listing, str(clients)]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120).stdout
    line = next((l for l in output.splitlines() if l.startswith("result ")), None)
    if line is None:
        sys.exit("wrk printed no result:\n" + output)
    n, p50, p99, errors = line.split()[1:]
    return int(n), float(p50), float(p99), int(errors)

print(f"{'scenario':22} {'clients':>7} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} {'RSS MB':>7}")
for name, paths in scenarios.items():
    random.shuffle(paths)
    # Disjoint paths for the two runs: the second never meets an answer the first left in the cache.
    split = len(paths) // 5
    for clients, share in ((1, paths[:split]), (32, paths[split:])):
        first_sample = len(rss_samples)
        n, p50, p99, errors = run(share, clients)
        peak = max(rss_samples[first_sample:] or [rss_mb()])
        print(f"{name:22} {clients:>7} {n:>6} {p50:>8.2f} {p99:>8.2f} {errors:>6} {peak:>7.1f}", flush=True)
stop.set()
sampler.join()
print(f"server RSS: max {max(rss_samples):.1f} MB, median {statistics.median(rss_samples):.1f} MB over {len(rss_samples)} samples")
PY
