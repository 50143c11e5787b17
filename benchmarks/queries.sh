#!/usr/bin/env bash
# Query latency of the API over a generated corpus: p50/p99 of the hot reads at 1 and 32 concurrent clients,
# with the response cache cold (every request a different id, term or window), and the server's RSS over the run.
#
#   benchmarks/queries.sh [--count 100000] [--requests 2000] [--keep DIR]
#
# Talks to 127.0.0.1 only; every loop is bounded by a request count and a time limit.
# Aims at 32 clients: by-id p99 < 2 ms, full-text common term < 100 ms, others < 20 ms; RSS < 100 MB.
set -euo pipefail

COUNT=100000
REQUESTS=2000
KEEP=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --count) COUNT=$2; shift 2 ;;
        --requests) REQUESTS=$2; shift 2 ;;
        --keep) KEEP=$2; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

cd "$(dirname "$0")/.."
WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; fi
    [[ -n "$KEEP" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

swift build -c release --product dossier >/dev/null
BIN="$(swift build -c release --show-bin-path)/dossier"
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

python3 - "$PORT" "$SERVER_PID" "$REQUESTS" <<'PY'
import http.client, json, random, statistics, sys, threading, time, urllib.parse

port, pid, total = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
deadline_per_scenario = 120.0
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
    body = response.read()
    return response.status, body

for _ in range(240):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        if get(c, "/readyz")[0] == 200:
            break
    except OSError:
        pass
    time.sleep(0.5)

c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

def walk(path, key="id", pages=50):
    ids, cursor = [], None
    for _ in range(pages):
        status, body = get(c, path + ("&cursor=" + urllib.parse.quote(cursor) if cursor else ""))
        page = json.loads(body)
        ids += [item[key] for item in page["items"]]
        cursor = page["nextCursor"]
        if not cursor:
            break
    return ids

articles = walk("/v1/articles?limit=100")
entities = walk("/v1/entities?limit=100")
random.shuffle(articles)
random.shuffle(entities)
common = ["said", "government", "president", "people", "minister", "year", "country", "security", "police", "report"]
rare = [w for w in ("ceasefire", "referendum", "embargo", "tribunal", "uranium", "drought", "pipeline", "monsoon")]

def variants(base, n):
    # A different cache key per request: the limit varies over 1..100 (and the term or id list rotates).
    return [base[i % len(base)] + ("&" if "?" in base[i % len(base)] else "?") + f"limit={1 + (i // len(base)) % 100}"
            for i in range(n)]

def windows(n):
    out = []
    for i in range(n):
        start = random.randint(0, 365 * 8)
        day = time.gmtime(time.mktime((2018, 1, 1, 0, 0, 0, 0, 0, 0)) + start * 86400)
        end = time.gmtime(time.mktime(day) + 30 * 86400)
        out.append(f"/v1/timeline?from={time.strftime('%Y-%m-%d', day)}&to={time.strftime('%Y-%m-%d', end)}")
    return out

scenarios = {
    "article by id": lambda n: [f"/v1/articles/{articles[i % len(articles)]}" for i in range(n)],
    "entity by id": lambda n: [f"/v1/entities/{entities[i % len(entities)]}" for i in range(n)],
    "search common term": lambda n: variants([f"/v1/articles?q={t}" for t in common], n),
    "search rare term": lambda n: variants([f"/v1/articles?q={t}" for t in rare], n),
    "timeline by entity": lambda n: [f"/v1/timeline?entity={entities[i % len(entities)]}&limit={1 + i // len(entities) % 100}" for i in range(n)],
    "timeline window": windows,
    "graph": lambda n: [f"/v1/graph?limit={1 + i % 500}&minWeight={1 + i // 500}" for i in range(n)],
}

rss_samples = []
def sample():
    while not stop.is_set():
        rss_samples.append(rss_mb())
        time.sleep(0.2)
stop = threading.Event()
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()

print(f"{'scenario':22} {'clients':>7} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
for name, make in scenarios.items():
    for clients in (1, 32):
        count = total if clients == 32 else max(200, total // 4)
        paths = make(count)
        latencies, errors, lock = [], [0], threading.Lock()
        started = time.monotonic()
        def worker(chunk):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for path in chunk:
                if time.monotonic() - started > deadline_per_scenario:
                    break
                t0 = time.perf_counter()
                try:
                    status, _ = get(connection, path)
                except OSError:
                    status = 0
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                elapsed = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(elapsed)
                    if status != 200:
                        errors[0] += 1
        threads = [threading.Thread(target=worker, args=(paths[i::clients],)) for i in range(clients)]
        for t in threads: t.start()
        for t in threads: t.join()
        latencies.sort()
        p50 = latencies[len(latencies) // 2] if latencies else float("nan")
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
        print(f"{name:22} {clients:>7} {len(latencies):>6} {p50:>8.2f} {p99:>8.2f} {errors[0]:>6}", flush=True)
stop.set()
sampler.join()
print(f"server RSS: max {max(rss_samples):.1f} MB, median {statistics.median(rss_samples):.1f} MB over {len(rss_samples)} samples")
PY
