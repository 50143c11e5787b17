-- wrk script for benchmarks/queries.sh: walks a file of distinct request paths, each path requested once.
--
--   wrk -t N -c N -d SECONDS -s benchmarks/paths.lua http://127.0.0.1:PORT -- PATHS_FILE N
--
-- Thread i (one connection per thread) takes every N-th line of PATHS_FILE starting at line i and stops when its
-- share is done, so no path is requested twice. Each thread times its own requests with the monotonic clock:
-- with one connection per thread a request and its response pair up exactly, and the figures are the plain
-- closed-loop latencies (wrk's own histogram adds synthetic samples for coordinated omission).
-- done() prints one line: `result REQUESTS P50_MS P99_MS ERRORS` (errors: status other than 200).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } queries_timespec;
int clock_gettime(int clock, queries_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("queries_timespec")

local function now_us()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
    return tonumber(timespec.tv_sec) * 1e6 + tonumber(timespec.tv_nsec) / 1e3
end

local threads = {}
local next_index = 0

function setup(thread)
    thread:set("thread_index", next_index)
    next_index = next_index + 1
    table.insert(threads, thread)
end

function init(args)
    local stride = tonumber(args[2])
    requests = {}
    local line_number = 0
    for line in io.lines(args[1]) do
        if line_number % stride == thread_index and line ~= "" then
            requests[#requests + 1] = wrk.format("GET", line)
        end
        line_number = line_number + 1
    end
    position = 0
    started = 0
    finished = false
    latencies = {}
    errors = 0
end

function request()
    position = position + 1
    if position > #requests then
        -- Out of distinct paths: stop; the request below is never counted.
        finished = true
        wrk.thread:stop()
        return wrk.format("GET", "/healthz")
    end
    started = now_us()
    return requests[position]
end

function response(status, headers, body)
    if finished then return end
    latencies[#latencies + 1] = (now_us() - started) / 1000
    if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
    local all, failed = {}, 0
    for _, thread in ipairs(threads) do
        for _, value in ipairs(thread:get("latencies")) do all[#all + 1] = value end
        failed = failed + thread:get("errors")
    end
    table.sort(all)
    local function percentile(p)
        if #all == 0 then return 0 / 0 end
        return all[math.min(#all, math.floor(#all * p) + 1)]
    end
    io.write(string.format("result %d %.3f %.3f %d\n", #all, percentile(0.5), percentile(0.99), failed))
end
