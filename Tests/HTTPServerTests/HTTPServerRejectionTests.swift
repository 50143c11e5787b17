import Foundation
import Testing
import HTTPServer

/// What the server itself answers for requests it refuses: the status, a problem+json body with a stable
/// type, and a closed connection.
@Suite("HTTPServer rejections")
struct HTTPServerRejectionTests {
    static let cases: [(String, Int, String)] = [
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "/problems/ambiguous-message-length"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nhello", 400, "/problems/invalid-content-length"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 4\r\n\r\nhello", 400, "/problems/invalid-content-length"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", 400, "/problems/invalid-content-length"),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 400, "/problems/invalid-transfer-encoding"),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: deflate, chunked\r\n\r\n", 501, "/problems/unsupported-transfer-coding"),
        ("GET / HTTP/1.1\r\n\r\n", 400, "/problems/missing-host"),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "/problems/duplicate-host"),
        ("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", 501, "/problems/method-not-implemented"),
        ("GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505, "/problems/http-version-not-supported"),
        ("\u{16}\u{03}\u{01}\u{00}\u{a5}\u{01}\u{00}\u{00}", 400, "/problems/not-http"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n folded\r\n\r\n", 400, "/problems/obsolete-line-folding"),
        ("GET /%E0%A4%A HTTP/1.1\r\nHost: a\r\n\r\n", 400, "/problems/invalid-request-target"),
        ("GET /?q=%C0%AF HTTP/1.1\r\nHost: a\r\n\r\n", 400, "/problems/invalid-request-target"),
        ("POST / HTTP/1.1\r\nHost: a\r\nExpect: something\r\nContent-Length: 1\r\n\r\nx", 417, "/problems/expectation-failed"),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nnothex\r\n", 400, "/problems/invalid-chunked-body"),
    ]

    @Test("refuses with problem+json and closes the connection", arguments: cases)
    func rejection(request: String, status: Int, type: String) throws {
        let server = try TestServer()
        let client = try server.connect()
        let response = try client.roundTrip(request)
        #expect(response.status == status)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Connection") == "close")
        let problem = try #require(response.problem)
        #expect(problem["type"] as? String == type)
        #expect(problem["status"] as? Int == status)
        #expect((problem["title"] as? String)?.isEmpty == false)
        #expect((problem["detail"] as? String)?.isEmpty == false)
        #expect(client.isClosedByPeer())
        // The server is still fine.
        #expect(try server.request("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
    }

    static func limited(_ change: (inout ServerLimits) -> Void) -> ServerLimits {
        var limits = ServerLimits.testing
        change(&limits)
        return limits
    }

    @Test("refuses over-limit requests", arguments: [
        (limited { $0.maxRequestLineBytes = 64 }, "GET /\(String(repeating: "a", count: 100)) HTTP/1.1\r\nHost: a\r\n\r\n", 414, "/problems/request-line-too-long"),
        (limited { $0.maxHeaderBytes = 64 }, "GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "b", count: 100))\r\n\r\n", 431, "/problems/header-fields-too-large"),
        (limited { $0.maxHeaderCount = 4 }, "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\n\r\n", 431, "/problems/too-many-header-fields"),
        (limited { $0.maxBodyBytes = 100 }, "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n", 413, "/problems/content-too-large"),
    ])
    func limits(limits: ServerLimits, request: String, status: Int, type: String) throws {
        let server = try TestServer(limits: limits)
        let client = try server.connect()
        // 413 is decided from Content-Length alone: no body byte is sent.
        let response = try client.roundTrip(request)
        #expect(response.status == status)
        #expect(response.problem?["type"] as? String == type)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByPeer())
    }

    @Test("answers a refused request with a large body still in flight, without a reset")
    func refusesWhileBodyInFlight() throws {
        var limits = ServerLimits.testing
        limits.maxBodyBytes = 1000
        let server = try TestServer(limits: limits)
        let client = try server.connect()
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 200000\r\n\r\n" + String(repeating: "x", count: 200_000))
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(client.isClosedByPeer())
    }
}
