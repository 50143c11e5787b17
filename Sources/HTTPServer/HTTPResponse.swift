/// A response produced by a handler. The server adds `Date`, `Server`, `Content-Length` and `Connection`,
/// strips the body for HEAD, and may gzip it (see `ServerConfiguration`) unless `Content-Encoding` is set.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
