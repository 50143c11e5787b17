import Synchronization

/// A rendered GET answer for one data version: the identity body and its ETag, and the gzip variant once made.
struct CachedRepresentation: Sendable {
    let dataVersion: Int
    let body: [UInt8]
    let etag: String
    /// nil: not computed yet; `.some(nil)`: gzip is not smaller.
    var gzip: [UInt8]??

    var size: Int { body.count + ((gzip ?? nil)?.count ?? 0) + 128 }
}

/// Bounded in-memory cache of GET answers keyed by route template and normalised query, valid for one data
/// version: when the version moves, everything goes (every answer may have changed). Oldest entries are evicted
/// first once the byte budget is spent.
final class ResponseCache: Sendable {
    private struct State {
        var version = Int.min
        var entries: [String: CachedRepresentation] = [:]
        var order: [String] = []
        var head = 0
        var bytes = 0
    }

    private let budget: Int
    private let state = Mutex(State())

    init(budget: Int) {
        self.budget = budget
    }

    func lookup(_ key: String, version: Int) -> CachedRepresentation? {
        state.withLock { state in
            guard state.version == version else { return nil }
            return state.entries[key]
        }
    }

    func store(_ key: String, _ representation: CachedRepresentation) {
        guard representation.size <= budget / 4 else { return }
        state.withLock { state in
            if representation.dataVersion != state.version {
                guard representation.dataVersion > state.version else { return }
                state = State()
                state.version = representation.dataVersion
            }
            if let old = state.entries[key] {
                state.bytes -= old.size
            } else {
                state.order.append(key)
            }
            state.entries[key] = representation
            state.bytes += representation.size
            while state.bytes > budget, state.head < state.order.count {
                let victim = state.order[state.head]
                state.head += 1
                if let removed = state.entries.removeValue(forKey: victim) { state.bytes -= removed.size }
            }
            if state.head > 1024, state.head * 2 > state.order.count {
                state.order.removeFirst(state.head)
                state.head = 0
            }
        }
    }
}
