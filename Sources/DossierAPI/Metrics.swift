import Synchronization

/// Counters for `GET /metrics`, in the Prometheus text exposition format
/// (https://prometheus.io/docs/instrumenting/exposition_formats/), written by hand.
final class Metrics: Sendable {
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct Histogram {
        var buckets = [Int](repeating: 0, count: Metrics.bucketBounds.count)
        var count = 0
        var sum = 0.0

        mutating func record(_ seconds: Double) {
            for index in buckets.indices where seconds <= Metrics.bucketBounds[index] { buckets[index] += 1 }
            count += 1
            sum += seconds
        }

        mutating func merge(_ other: Histogram) {
            for index in buckets.indices { buckets[index] += other.buckets[index] }
            count += other.count
            sum += other.sum
        }
    }

    /// One route's samples: its latency, and its answers counted by method and status. A route sees only a few
    /// (method, status) pairs, so a short list searched in order beats hashing a key per request.
    private struct RouteSamples {
        var latency = Histogram()
        var answers: [(method: String, status: Int, count: Int)] = []

        mutating func record(method: String, status: Int, seconds: Double) {
            latency.record(seconds)
            count(method: method, status: status, by: 1)
        }

        mutating func count(method: String, status: Int, by amount: Int) {
            if let index = answers.firstIndex(where: { $0.status == status && $0.method == method }) {
                answers[index].count += amount
            } else {
                answers.append((method: method, status: status, count: amount))
            }
        }

        mutating func merge(_ other: RouteSamples) {
            latency.merge(other.latency)
            for answer in other.answers { count(method: answer.method, status: answer.status, by: answer.count) }
        }
    }

    private struct State {
        var routes: [String: RouteSamples] = [:]
    }

    /// One shard's samples behind its own lock (`Mutex` cannot live in an array itself).
    private final class Shard: Sendable {
        let state = Mutex(State())
    }

    /// Sharded by thread (`ThreadShard`), so concurrent requests record without waiting for one lock; a
    /// scrape adds the shards up.
    private let shards = (0..<8).map { _ in Shard() }
    /// Counted apart from the lock, which they would otherwise take a second time per request.
    private let hits = Atomic<Int>(0)
    private let misses = Atomic<Int>(0)

    func record(route: String, method: String, status: Int, seconds: Double) {
        shards[ThreadShard.index(count: shards.count)].state.withLock { state in
            // Mutated in place: copying the samples out and back would copy their arrays on every request.
            state.routes[route, default: RouteSamples()].record(method: method, status: status, seconds: seconds)
        }
    }

    func recordCache(hit: Bool) {
        if hit { hits.wrappingAdd(1, ordering: .relaxed) } else { misses.wrappingAdd(1, ordering: .relaxed) }
    }

    var cacheHits: Int { hits.load(ordering: .relaxed) }

    /// The exposition text; `articles` and `entities` are the corpus counts.
    func exposition(articles: Int?, entities: Int?) -> String {
        var snapshot = State()
        for shard in shards {
            for (route, samples) in shard.state.withLock({ $0.routes }) {
                snapshot.routes[route, default: RouteSamples()].merge(samples)
            }
        }
        var lines: [String] = []
        lines.append("# HELP dossier_http_requests_total HTTP requests answered, by route template, method and status.")
        lines.append("# TYPE dossier_http_requests_total counter")
        let requests = snapshot.routes.flatMap { route, samples in
            samples.answers.map { (route: route, method: $0.method, status: $0.status, count: $0.count) }
        }
        for request in requests.sorted(by: { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }) {
            lines.append("dossier_http_requests_total{route=\"\(Self.escape(request.route))\",method=\"\(Self.escape(request.method))\",status=\"\(request.status)\"} \(request.count)")
        }
        lines.append("# HELP dossier_http_request_duration_seconds Time from routing to the response, by route template.")
        lines.append("# TYPE dossier_http_request_duration_seconds histogram")
        for (route, samples) in snapshot.routes.sorted(by: { $0.key < $1.key }) {
            let label = Self.escape(route)
            let histogram = samples.latency
            for (index, bound) in Metrics.bucketBounds.enumerated() {
                lines.append("dossier_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"\(bound)\"} \(histogram.buckets[index])")
            }
            lines.append("dossier_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"+Inf\"} \(histogram.count)")
            lines.append("dossier_http_request_duration_seconds_sum{route=\"\(label)\"} \(histogram.sum)")
            lines.append("dossier_http_request_duration_seconds_count{route=\"\(label)\"} \(histogram.count)")
        }
        lines.append("# HELP dossier_response_cache_hits_total GET answers served from the response cache.")
        lines.append("# TYPE dossier_response_cache_hits_total counter")
        lines.append("dossier_response_cache_hits_total \(hits.load(ordering: .relaxed))")
        lines.append("# HELP dossier_response_cache_misses_total GET answers computed because the cache had none.")
        lines.append("# TYPE dossier_response_cache_misses_total counter")
        lines.append("dossier_response_cache_misses_total \(misses.load(ordering: .relaxed))")
        if let articles {
            lines.append("# HELP dossier_articles Articles stored.")
            lines.append("# TYPE dossier_articles gauge")
            lines.append("dossier_articles \(articles)")
        }
        if let entities {
            lines.append("# HELP dossier_entities Entities stored.")
            lines.append("# TYPE dossier_entities gauge")
            lines.append("dossier_entities \(entities)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
