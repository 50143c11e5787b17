#!/usr/bin/env bash
# HTTP throughput and latency of `dossier serve` against nginx serving the very same bytes as static files.
#
#   benchmarks/http.sh                      # builds the release binary, serves a temporary database
#   DOSSIER_BIN=path/to/binary benchmarks/http.sh
#
# The binary is started as `$DOSSIER_BIN serve --db TMP/dossier.sqlite --port PORT` and must print
# `listening on HOST:PORT`. Loopback only; every run is bounded (ROUNDS x routes x 2 servers x DURATION).
#
# Environment: DOSSIER_BIN, DOSSIER_PORT (18080), NGINX_PORT (18081), DURATION (10s), ROUNDS (3),
# THREADS (2), CONNECTIONS (64), ROUTES ("/healthz /v1/articles/000_06c42b9a60775aa6").
#
# A third server built outside the repository (another framework's one-route app) joins the same rounds with
# OTHER_SERVER, a command in which {file} and {port} stand for a file of the route's bytes and the port to serve
# them on at every path, e.g. OTHER_SERVER='/path/to/app {file} {port}' OTHER_NAME=hummingbird; one instance per
# route, on OTHER_PORT (18082) and up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOSSIER_PORT="${DOSSIER_PORT:-18080}"
NGINX_PORT="${NGINX_PORT:-18081}"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
ROUTES="${ROUTES:-/healthz /v1/articles/000_06c42b9a60775aa6}"
OTHER_SERVER="${OTHER_SERVER:-}"
OTHER_NAME="${OTHER_NAME:-other}"
OTHER_PORT="${OTHER_PORT:-18082}"

need() { command -v "$1" >/dev/null 2>&1; }
install_tools() {
    local missing=()
    need wrk || missing+=(wrk)
    need nginx || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    need curl || missing+=(curl)
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "installing ${missing[*]}" >&2
        if ! apt-get install -y "${missing[@]}" >/dev/null 2>&1; then
            apt-get update >/dev/null
            apt-get install -y "${missing[@]}" >/dev/null
        fi
    fi
}
install_tools
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

WORK="$(mktemp -d /tmp/dossier-http-bench.XXXXXX)"
SERVER_PID=""
NGINX_PID=""
OTHER_PIDS=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
    for pid in $OTHER_PIDS; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${DOSSIER_BIN:-}" ]; then
    (cd "$ROOT" && swift build -c release --product dossier >&2)
    DOSSIER_BIN="$ROOT/.build/release/dossier"
fi

# --- Dossier -----------------------------------------------------------------------------------------
"$DOSSIER_BIN" serve --db "$WORK/dossier.sqlite" --port "$DOSSIER_PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
ADDRESS=""
for _ in $(seq 1 300); do
    ADDRESS="$(sed -n 's/.*listening on \([^ ]*:[0-9][0-9]*\).*/\1/p' "$WORK/server.log" | head -n1)"
    [ -n "$ADDRESS" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.1
done
[ -n "$ADDRESS" ] || { echo "server did not print 'listening on HOST:PORT'" >&2; exit 1; }
PORT="${ADDRESS##*:}"
BASE="http://127.0.0.1:$PORT"
# Ready once /readyz answers 200 (seeded), or /healthz where there is no /readyz.
for _ in $(seq 1 600); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz" || true)"
    [ "$code" = "200" ] && break
    [ "$code" = "404" ] && break
    sleep 0.1
done

# --- The same bytes as static files for nginx ------------------------------------------------------
mkdir -p "$WORK/www" "$WORK/nginx"
for route in $ROUTES; do
    mkdir -p "$WORK/www$(dirname "$route")"
    status="$(curl -s -o "$WORK/www$route" -w '%{http_code}' "$BASE$route")"
    [ "$status" = "200" ] || { echo "GET $route answered $status" >&2; exit 1; }
    printf '%-45s %6d bytes\n' "$route" "$(wc -c <"$WORK/www$route")"
done
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    default_type application/json;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location / { charset off; etag off; }
    }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
NGINX_PID=$!
for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/healthz" && break
    sleep 0.1
done

# --- The other server, one instance per route ---------------------------------------------------------
SERVERS="dossier nginx"
other_port() {  # the port serving route $1
    local index=0
    for route in $ROUTES; do
        [ "$route" = "$1" ] && { echo $((OTHER_PORT + index)); return; }
        index=$((index + 1))
    done
}
if [ -n "$OTHER_SERVER" ]; then
    SERVERS="dossier nginx $OTHER_NAME"
    for route in $ROUTES; do
        port="$(other_port "$route")"
        command="${OTHER_SERVER//\{file\}/$WORK/www$route}"
        command="${command//\{port\}/$port}"
        bash -c "exec $command" >"$WORK/other-$port.log" 2>&1 &
        OTHER_PIDS="$OTHER_PIDS $!"
        for _ in $(seq 1 100); do
            curl -s -o /dev/null "http://127.0.0.1:$port$route" && break
            sleep 0.1
        done
        cmp -s <(curl -s "http://127.0.0.1:$port$route") "$WORK/www$route" \
            || { echo "$OTHER_NAME on port $port does not answer $route with the same bytes" >&2; exit 1; }
    done
fi
url_of() {  # server route
    case "$1" in
        dossier) echo "$BASE$2" ;;
        nginx) echo "http://127.0.0.1:$NGINX_PORT$2" ;;
        *) echo "http://127.0.0.1:$(other_port "$2")$2" ;;
    esac
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }

# Prints "requests/s p50_ms p99_ms" for one wrk run.
run_wrk() {
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency "$2" | awk '
        function ms(v) {
            if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
            if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
            if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
            return v
        }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /^Requests\/sec:/ { rps = $2 }
        END { printf "%.0f %.3f %.3f\n", rps, p50, p99 }'
}

# Other work on the machine moves every figure; the load average is printed to tell such runs apart.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warming up"
for route in $ROUTES; do
    for server in $SERVERS; do run_wrk 2s "$(url_of "$server" "$route")" >/dev/null; done
done
RSS_BEFORE="$(rss_kb)"

RESULTS="$WORK/results.txt"
: >"$RESULTS"
printf '\n%-7s %-45s %-12s %12s %10s %10s\n' round route server "requests/s" "p50 ms" "p99 ms"
for round in $(seq 1 "$ROUNDS"); do
    for route in $ROUTES; do
        for server in $SERVERS; do
            read -r rps p50 p99 < <(run_wrk "$DURATION" "$(url_of "$server" "$route")")
            printf '%-7s %-45s %-12s %12s %10s %10s\n' "$round" "$route" "$server" "$rps" "$p50" "$p99"
            echo "$route $server $rps $p50 $p99" >>"$RESULTS"
        done
    done
done
RSS_AFTER="$(rss_kb)"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '\nmedians over %s rounds (%s threads, %s connections, %s each)\n' "$ROUNDS" "$THREADS" "$CONNECTIONS" "$DURATION"
printf '%-45s %-12s %12s %10s %10s\n' route server "requests/s" "p50 ms" "p99 ms"
for route in $ROUTES; do
    for server in $SERVERS; do
        rps="$(awk -v r="$route" -v s="$server" '$1 == r && $2 == s {print $3}' "$RESULTS" | median)"
        p50="$(awk -v r="$route" -v s="$server" '$1 == r && $2 == s {print $4}' "$RESULTS" | median)"
        p99="$(awk -v r="$route" -v s="$server" '$1 == r && $2 == s {print $5}' "$RESULTS" | median)"
        printf '%-45s %-12s %12s %10s %10s\n' "$route" "$server" "$rps" "$p50" "$p99"
    done
    # Ratio per round (same round, adjacent runs), then the median of those ratios.
    for server in $SERVERS; do
        [ "$server" = dossier ] && continue
        ratio="$(awk -v r="$route" -v s="$server" '$1 == r && $2 == "dossier" {d[++i] = $3} $1 == r && $2 == s {n[++j] = $3}
            END { for (k = 1; k <= i; k++) if (n[k] > 0) printf "%.3f\n", d[k] / n[k] }' "$RESULTS" | median)"
        printf '%-45s dossier/%s requests/s, median ratio: %s\n' "$route" "$server" "$ratio"
    done
done
printf '\ndossier RSS: %s KiB before the measured runs, %s KiB after\n' "$RSS_BEFORE" "$RSS_AFTER"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
