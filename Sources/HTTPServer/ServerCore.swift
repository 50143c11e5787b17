import Synchronization

/// What every connection shares: the limits, the application, the handler threads and the counters.
final class ServerCore: Sendable {
    let limits: ServerLimits
    let compression: Bool
    let handler: any HTTPHandler
    let pool: HandlerPool
    let log: ServerLogHook
    /// `limits.maxConnections`, lowered if the open-file limit cannot hold that many.
    let maxConnections: Int

    private struct Counters {
        var open = 0
        var rejecting = 0
    }

    private let counters = Mutex(Counters())
    /// Read for every response (to announce `Connection: close`), so kept apart from the locked counters.
    private let draining = Atomic<Bool>(false)

    init(limits: ServerLimits, compression: Bool, handler: any HTTPHandler, maxConnections: Int, log: @escaping ServerLogHook) {
        self.limits = limits
        self.compression = compression
        self.handler = handler
        self.maxConnections = maxConnections
        self.log = log
        self.pool = HandlerPool(threadCount: limits.handlerConcurrency)
    }

    /// Most over-limit clients being answered 503 at once; beyond it they are closed without an answer.
    var maxRejecting: Int { max(16, min(256, maxConnections / 4)) }

    enum Admission {
        case accepted
        case rejected
        case dropped
    }

    /// Takes a connection slot for a newly accepted client, or a slot to answer it 503.
    func admit() -> Admission {
        if draining.load(ordering: .acquiring) { return .dropped }
        return counters.withLock { counters in
            if counters.open < maxConnections {
                counters.open += 1
                return .accepted
            }
            if counters.rejecting < maxRejecting {
                counters.rejecting += 1
                return .rejected
            }
            return .dropped
        }
    }

    func release(_ admission: Admission) {
        counters.withLock { counters in
            switch admission {
            case .accepted: counters.open -= 1
            case .rejected: counters.rejecting -= 1
            case .dropped: break
            }
        }
    }

    var openConnections: Int { counters.withLock { $0.open } }

    var isDraining: Bool { draining.load(ordering: .acquiring) }

    func beginDraining() {
        draining.store(true, ordering: .releasing)
    }
}
