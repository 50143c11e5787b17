/// The application behind the server: turns one request into one response.
///
/// Synchronous on purpose: handlers do blocking work (SQLite), so the server calls them on its own bounded
/// handler queues, never on the I/O queue and never on Swift's cooperative pool.
public protocol HTTPHandler: Sendable {
    func handle(_ request: HTTPRequest) -> HTTPResponse

    /// An answer that is ready without blocking (a cached body), or nil to have `handle(_:)` called on a handler
    /// thread. Called on an I/O queue, so it must never block: no SQLite, no waiting on slow locks. Saves the
    /// two thread hand-offs that dominate the cost of small cached answers.
    func respondImmediately(to request: HTTPRequest) -> HTTPResponse?
}

extension HTTPHandler {
    public func respondImmediately(to request: HTTPRequest) -> HTTPResponse? { nil }
}

/// A handler made from a closure, for tests and small servers.
public struct ClosureHandler: HTTPHandler {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.body = body
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        body(request)
    }
}
