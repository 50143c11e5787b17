import HTTPTestSupport
import Foundation
import Glibc
import Testing
import HTTPServer

/// Deadlines, connection limits and misbehaving clients, over real sockets with short configured limits.
@Suite("HTTPServer deadlines and load")
struct HTTPServerLimitTests {
    @Test("cuts off a slowloris client at the header deadline, serving another client meanwhile")
    func slowloris() throws {
        var limits = ServerLimits.testing
        limits.headerTimeout = 3
        let server = try TestServer(limits: limits)
        let started = ContinuousClock.now
        let slow = try server.connect()
        let request = Array("GET / HTTP/1.1\r\nHost: a\r\nX-Padding: \(String(repeating: "p", count: 400))\r\n\r\n".utf8)
        // One byte every 20 ms takes at least 8.5 s, far past the deadline: a deadline renewed by each byte
        // would never fire and the request would be answered 200. The deadline is counted from accept.
        for (index, byte) in request.enumerated() {
            if (try? slow.send([byte])) == nil { break }
            if index == 5 {
                // Another client is served while the slow one still holds its connection: had it waited for a
                // thread or a read the slow client blocks, it would be answered only after the 408 below.
                #expect(try server.request("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
                #expect(!slow.hasBytesWaiting(), "the other client was served only after the slow one was cut off")
            }
            if slow.hasBytesWaiting() { break }
            usleep(20_000)
        }
        let answer = try slow.readResponse()
        #expect(answer.status == 408)
        #expect(answer.problem?["type"] as? String == "/problems/header-timeout")
        #expect(answer.header("Connection") == "close")
        #expect(ContinuousClock.now - started >= .seconds(3), "cut off before the deadline")
        #expect(slow.isClosedByPeer())
    }

    @Test("a client that connects and sends nothing gets 408 at the header deadline")
    func silentClient() throws {
        var limits = ServerLimits.testing
        limits.headerTimeout = 0.3
        let server = try TestServer(limits: limits)
        let client = try server.connect()
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(client.isClosedByPeer())
    }

    @Test("a body that stalls gets 408 at the body deadline")
    func bodyTimeout() throws {
        var limits = ServerLimits.testing
        limits.bodyTimeout = 0.3
        let server = try TestServer(limits: limits)
        let client = try server.connect()
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(response.problem?["type"] as? String == "/problems/body-timeout")
        #expect(client.isClosedByPeer())
    }

    @Test("closes a keep-alive connection left idle past the idle timeout")
    func idleTimeout() throws {
        var limits = ServerLimits.testing
        limits.idleTimeout = 0.3
        let server = try TestServer(limits: limits)
        let client = try server.connect()
        // Taken before the request: the idle clock starts after the response, so the close cannot come sooner.
        let started = ContinuousClock.now
        #expect(try client.roundTrip("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
        #expect(client.isClosedByPeer())
        #expect(ContinuousClock.now - started >= .milliseconds(300))
    }

    @Test("holds 500 idle connections and still answers a new client")
    func manyIdleConnections() throws {
        var limits = ServerLimits.testing
        limits.headerTimeout = 120  // never while the test runs, however slowly the 500 connect
        let server = try TestServer(limits: limits)
        var idle: [RawClient] = []
        for _ in 0..<500 {
            idle.append(try server.connect())
        }
        #expect(eventually { server.server.openConnectionCount >= 500 })
        // A new client is answered while all 500 hold their connections, and none of them was dropped to
        // make room: a server with a thread per connection would answer only after their header deadline.
        #expect(try server.request("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
        #expect(idle.allSatisfy { !$0.hasBytesWaiting() }, "an idle connection was answered or closed")
        #expect(try idle[250].roundTrip("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
    }

    @Test("answers a client over the connection limit with 503 and Retry-After, then closes")
    func connectionLimit() throws {
        var limits = ServerLimits.testing
        limits.maxConnections = 8
        let server = try TestServer(limits: limits)
        var held: [RawClient] = []
        for _ in 0..<8 {
            let client = try server.connect()
            #expect(try client.roundTrip("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
            held.append(client)
        }
        let extra = try server.connect()
        let response = try extra.roundTrip("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(response.status == 503)
        #expect(response.header("Retry-After") == "1")
        #expect(response.problem?["status"] as? Int == 503)
        #expect(extra.isClosedByPeer())
        // Freeing a slot lets the next client in.
        held.removeLast()
        #expect(eventually { server.server.openConnectionCount <= 7 })
        #expect(try server.request("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
    }

    @Test("survives clients that reset in the middle of a large response")
    func resetMidResponse() throws {
        let server = try TestServer()
        for _ in 0..<20 {
            let client = try server.connect()
            try client.send("GET /big?n=4000000 HTTP/1.1\r\nHost: a\r\n\r\n")
            client.setResetOnClose()
        }
        #expect(eventually { server.server.openConnectionCount == 0 })
        #expect(try server.request("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
    }

    @Test("stops handling pipelined requests while a client does not read its responses")
    func boundedOutput() throws {
        let counter = Counter()
        let handler = ClosureHandler { _ in
            counter.increment()
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: [UInt8](repeating: 0x62, count: 256 * 1024))
        }
        var limits = ServerLimits.testing
        limits.writeTimeout = 30
        let server = try TestServer(limits: limits, handler: handler)
        let client = try server.connect()
        let requests = String(repeating: "GET /x HTTP/1.1\r\nHost: a\r\n\r\n", count: 400)
        try client.send(requests)
        // Let it run until the count stops growing: the socket buffers fill and the server stops.
        var last = -1
        #expect(eventually(timeout: 10) {
            let now = counter.value
            defer { last = now }
            usleep(100_000)
            return now == last && now > 0
        })
        #expect(counter.value < 100, "handled \(counter.value) of 400 while the client read nothing")
        // Reading drains everything, in order.
        for _ in 0..<400 {
            #expect(try client.readResponse().body.count == 256 * 1024)
        }
        #expect(counter.value == 400)
    }
}

final class Counter: Sendable {
    private let state = Mutexed(0)
    func increment() { state.update { $0 += 1 } }
    var value: Int { state.update { $0 } }
}

/// A lock-protected value for tests.
/// `@unchecked Sendable` holds because `value` is only touched inside `update`, under `lock`.
final class Mutexed<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func update<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
