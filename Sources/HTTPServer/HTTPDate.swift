import Foundation
import Glibc
import Synchronization

/// The `Date` header value in IMF-fixdate form (RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`,
/// formatted at most once per second per shard of threads.
enum HTTPDate {
    private struct Cached {
        var second = -1
        var text = ""
        var bytes: [UInt8] = []

        mutating func refresh() {
            let second = time(nil)
            guard second != self.second else { return }
            self.second = second
            text = HTTPDate.format(second)
            bytes = Array(text.utf8)
        }
    }

    /// A cache behind its own lock (`Mutex` cannot live in an array itself).
    private final class Shard: Sendable {
        let cached = Mutex(Cached())
    }

    /// One cache per shard of threads, so handler and I/O threads do not queue on one lock for a value that
    /// changes once a second. A thread always uses the same shard (its `pthread_t`, scrambled).
    private static let shards = (0..<8).map { _ in Shard() }

    private static var shard: Shard {
        shards[Int((UInt64(pthread_self()) &* 0x9E37_79B9_7F4A_7C15) >> 32) % shards.count]
    }

    /// The current time, formatted.
    static func now() -> String {
        shard.cached.withLock { cached in
            cached.refresh()
            return cached.text
        }
    }

    /// Appends the current time, formatted, without handing a `String` around.
    static func appendNow(to out: inout [UInt8]) {
        shard.cached.withLock { cached in
            cached.refresh()
            out.append(contentsOf: cached.bytes)
        }
    }

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `seconds` since the epoch, formatted.
    static func format(_ seconds: Int) -> String {
        var timestamp = time_t(seconds)
        var parts = tm()
        gmtime_r(&timestamp, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}

/// A value guarded by a lock.
///
/// `@unchecked Sendable` holds because `value` is only ever read or written inside `withLock`, under `lock`.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
