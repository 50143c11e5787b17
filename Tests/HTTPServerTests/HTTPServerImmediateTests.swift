import Synchronization
import Testing
@testable import HTTPServer

/// A handler that answers `/fast` without a handler thread and counts the calls that did need one.
private final class SplitHandler: HTTPHandler {
    let slowCalls = Atomic<Int>(0)

    func respondImmediately(to request: HTTPRequest) -> HTTPResponse? {
        guard request.path == "/fast" else { return nil }
        return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("immediate".utf8))
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        slowCalls.add(1, ordering: .relaxed)
        return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("handled".utf8))
    }
}

@Suite("Immediate answers")
struct HTTPServerImmediateTests {
    @Test("an answer ready at once is served without calling the handler; others still go to it")
    func immediateAndHandled() throws {
        let handler = SplitHandler()
        let server = try TestServer(handler: handler)
        let client = try server.connect()
        // Pipelined: two immediate answers around a handled one, in order on one connection.
        try client.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\nGET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
        let bodies = try (0..<3).map { _ in String(decoding: try client.readResponse().body, as: UTF8.self) }
        #expect(bodies == ["immediate", "handled", "immediate"])
        #expect(handler.slowCalls.load(ordering: .relaxed) == 1)
        let head = try server.request("HEAD /fast HTTP/1.1\r\nHost: x\r\n\r\n", head: true)
        #expect(head.header("Content-Length") == "9")
        #expect(head.body.isEmpty)
    }

    @Test("a long pipeline of immediate answers is answered in order across several turns of the loop")
    func longPipeline() throws {
        let handler = SplitHandler()
        let server = try TestServer(handler: handler)
        let client = try server.connect()
        let count = 3 * Connection.answersPerTurn + 5
        var requests = ""
        for index in 0..<count { requests += index == count / 2 ? "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n" : "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n" }
        try client.send(requests)
        let bodies = try (0..<count).map { _ in String(decoding: try client.readResponse().body, as: UTF8.self) }
        #expect(bodies.count == count)
        #expect(bodies.enumerated().allSatisfy { $0.element == ($0.offset == count / 2 ? "handled" : "immediate") })
        #expect(handler.slowCalls.load(ordering: .relaxed) == 1)
    }
}
