import HTTPTestSupport
import Foundation
import HTTPServer

extension ServerLimits {
    /// Defaults with timeouts short enough for tests but long enough never to fire by accident.
    static var testing: ServerLimits {
        var limits = ServerLimits()
        limits.headerTimeout = 5
        limits.bodyTimeout = 5
        limits.idleTimeout = 5
        limits.writeTimeout = 5
        limits.lingerTimeout = 1
        limits.handlerConcurrency = 4
        return limits
    }
}

/// The handler most server tests use: a few routes that reflect the request back.
struct TestRoutes: HTTPHandler {
    func handle(_ request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/echo":
            var headers: HTTPHeaders = ["Content-Type": "text/plain"]
            headers.add(name: "X-Method", value: request.method.rawValue)
            headers.add(name: "X-Query", value: request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
            headers.add(name: "X-Trailers", value: request.trailers.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
            return HTTPResponse(status: .ok, headers: headers, body: request.body)
        case "/big":
            let count = Int(request.queryValue("n") ?? "") ?? 100_000
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: [UInt8](repeating: 0x61, count: count))
        case "/json":
            let items = (0..<100).map { "{\"id\":\($0),\"name\":\"item number \($0)\"}" }.joined(separator: ",")
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: Array("[\(items)]".utf8))
        case "/count":
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array(request.queryValue("i").map { "n=\($0)" }?.utf8 ?? "n=".utf8))
        default:
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("hello \(request.path)".utf8))
        }
    }
}

/// A started server on 127.0.0.1 port 0, shut down when the test is done.
final class TestServer {
    let server: HTTPServer
    let port: Int

    init(limits: ServerLimits = .testing, compression: Bool = true, host: String = "127.0.0.1", handler: some HTTPHandler = TestRoutes()) throws {
        server = HTTPServer(configuration: ServerConfiguration(host: host, port: 0, limits: limits, compression: compression), handler: handler)
        port = try server.start().port
    }

    func connect(receiveTimeout: Double = 5) throws -> RawClient {
        try RawClient(port: port, receiveTimeout: receiveTimeout)
    }

    /// Sends one request on a new connection and reads the response.
    func request(_ text: String, head: Bool = false) throws -> RawResponse {
        try connect().roundTrip(text, head: head)
    }

    deinit {
        server.shutdown(gracePeriod: .zero)
        _ = server.waitUntilStopped(timeout: .seconds(5))
    }
}
