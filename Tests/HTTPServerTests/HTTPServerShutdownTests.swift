import HTTPTestSupport
import Dispatch
import Foundation
import Testing
import HTTPServer

@Suite("HTTPServer shutdown")
struct HTTPServerShutdownTests {
    /// A handler that blocks in `/block` until the test releases it.
    final class Gate: HTTPHandler {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)

        func handle(_ request: HTTPRequest) -> HTTPResponse {
            if request.path == "/block" {
                entered.signal()
                release.wait()
                return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("finished".utf8))
            }
            return HTTPResponse(status: .ok, body: Array("quick".utf8))
        }
    }

    @Test("finishes a request in flight, closes idle connections, refuses new ones, then stops")
    func graceful() throws {
        let gate = Gate()
        let server = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, limits: .testing), handler: gate)
        let port = try server.start().port
        let idle = try RawClient(port: port)
        #expect(try idle.roundTrip("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
        let busy = try RawClient(port: port)
        try busy.send("GET /block HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(gate.entered.wait(timeout: .now() + 5) == .success)

        server.shutdown(gracePeriod: .seconds(10))
        #expect(idle.isClosedByPeer())
        #expect(eventually { (try? RawClient(port: port)) == nil }, "still accepting after shutdown")
        #expect(!server.waitUntilStopped(timeout: .milliseconds(100)))

        gate.release.signal()
        let response = try busy.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "finished")
        #expect(response.header("Connection") == "close")
        #expect(busy.isClosedByPeer())
        #expect(server.waitUntilStopped(timeout: .seconds(5)))
    }

    @Test("closes what is left when the grace period ends")
    func deadline() throws {
        let gate = Gate()
        let server = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, limits: .testing), handler: gate)
        let port = try server.start().port
        let busy = try RawClient(port: port)
        try busy.send("GET /block HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(gate.entered.wait(timeout: .now() + 5) == .success)
        server.shutdown(gracePeriod: .milliseconds(300))
        // The handler is still blocked: only the end of the grace period can have stopped the server.
        #expect(server.waitUntilStopped(timeout: .seconds(10)))
        #expect(busy.isClosedByPeer())
        gate.release.signal()
    }

    @Test("a server that was never started counts as stopped")
    func neverStarted() {
        let server = HTTPServer(configuration: ServerConfiguration(port: 0), handler: ClosureHandler { _ in HTTPResponse(status: .ok) })
        server.shutdown(gracePeriod: .seconds(1))
        #expect(server.waitUntilStopped(timeout: .seconds(1)))
        #expect(throws: ServerError.alreadyStarted) { try server.start() }
    }

    @Test("reports a port already in use as a system error")
    func portInUse() throws {
        let first = try TestServer()
        let second = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: first.port), handler: TestRoutes())
        #expect(throws: ServerError.self) { try second.start() }
        #expect(throws: ServerError.invalidHost("no such host.invalid")) {
            try HTTPServer(configuration: ServerConfiguration(host: "no such host.invalid", port: 0), handler: TestRoutes()).start()
        }
    }
}
