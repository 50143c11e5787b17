/// The application behind the server: turns one request into one response.
///
/// Synchronous on purpose: handlers do blocking work (SQLite), so the server calls them on its own bounded
/// handler queues, never on the I/O queue and never on Swift's cooperative pool.
public protocol HTTPHandler: Sendable {
    func handle(_ request: HTTPRequest) -> HTTPResponse
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
