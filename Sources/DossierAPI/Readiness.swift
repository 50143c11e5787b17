import Synchronization

/// Whether the server may take traffic (`GET /readyz`): false until the CLI has opened, migrated and seeded
/// the database. The server listens from the start, so liveness and readiness are told apart.
public final class Readiness: Sendable {
    private let ready: Atomic<Bool>

    public init(ready: Bool = false) {
        self.ready = Atomic(ready)
    }

    public var isReady: Bool { ready.load(ordering: .acquiring) }

    public func markReady() { ready.store(true, ordering: .releasing) }

    public func markNotReady() { ready.store(false, ordering: .releasing) }
}
