/// A parsed request, handed to the application's `HTTPHandler`.
///
/// `path` and `query` are already percent-decoded into text (invalid encodings and invalid UTF-8 were
/// rejected with 400 by the parser), so handlers never see raw escapes.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request target exactly as sent, e.g. `/v1/articles?q=iran%20protests`.
    public var target: String
    /// The decoded path, e.g. `/v1/articles/abc`. Starts with `/`, except `*` for `OPTIONS *` and the raw
    /// `host:port` of a `CONNECT` request. An absolute-form target (`http://host/x`) gives its path (`/x`).
    public var path: String
    /// The decoded query items in order (`+` decoded as a space: form encoding), duplicates kept.
    public var query: [(name: String, value: String)]
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Trailer fields sent after a chunked body (RFC 9112 §7.1.2); kept apart from `headers` on purpose.
    public var trailers: HTTPHeaders

    public init(
        method: HTTPMethod,
        target: String,
        path: String,
        query: [(name: String, value: String)] = [],
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        trailers: HTTPHeaders = HTTPHeaders()
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
    }

    /// The first value of the query parameter `name`, if present.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
