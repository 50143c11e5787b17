import Synchronization

/// Counters for `GET /metrics`, in the Prometheus text exposition format
/// (https://prometheus.io/docs/instrumenting/exposition_formats/), written by hand.
final class Metrics: Sendable {
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct Histogram {
        var buckets = [Int](repeating: 0, count: Metrics.bucketBounds.count)
        var count = 0
        var sum = 0.0

        mutating func record(_ seconds: Double) {
            for (index, bound) in Metrics.bucketBounds.enumerated() where seconds <= bound { buckets[index] += 1 }
            count += 1
            sum += seconds
        }
    }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var latency: [String: Histogram] = [:]
        var cacheHits = 0
        var cacheMisses = 0
    }

    private let state = Mutex(State())

    func record(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            // Mutated in place: copying the histogram out and back would copy its buckets on every request.
            state.latency[route, default: Histogram()].record(seconds)
        }
    }

    func recordCache(hit: Bool) {
        state.withLock { state in
            if hit { state.cacheHits += 1 } else { state.cacheMisses += 1 }
        }
    }

    var cacheHits: Int { state.withLock { $0.cacheHits } }

    /// The exposition text; `articles` and `entities` are the corpus counts.
    func exposition(articles: Int?, entities: Int?) -> String {
        let snapshot = state.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP dossier_http_requests_total HTTP requests answered, by route template, method and status.")
        lines.append("# TYPE dossier_http_requests_total counter")
        for (key, count) in snapshot.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            lines.append("dossier_http_requests_total{route=\"\(Self.escape(key.route))\",method=\"\(Self.escape(key.method))\",status=\"\(key.status)\"} \(count)")
        }
        lines.append("# HELP dossier_http_request_duration_seconds Time from routing to the response, by route template.")
        lines.append("# TYPE dossier_http_request_duration_seconds histogram")
        for (route, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            let label = Self.escape(route)
            for (index, bound) in Metrics.bucketBounds.enumerated() {
                lines.append("dossier_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"\(bound)\"} \(histogram.buckets[index])")
            }
            lines.append("dossier_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"+Inf\"} \(histogram.count)")
            lines.append("dossier_http_request_duration_seconds_sum{route=\"\(label)\"} \(histogram.sum)")
            lines.append("dossier_http_request_duration_seconds_count{route=\"\(label)\"} \(histogram.count)")
        }
        lines.append("# HELP dossier_response_cache_hits_total GET answers served from the response cache.")
        lines.append("# TYPE dossier_response_cache_hits_total counter")
        lines.append("dossier_response_cache_hits_total \(snapshot.cacheHits)")
        lines.append("# HELP dossier_response_cache_misses_total GET answers computed because the cache had none.")
        lines.append("# TYPE dossier_response_cache_misses_total counter")
        lines.append("dossier_response_cache_misses_total \(snapshot.cacheMisses)")
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
