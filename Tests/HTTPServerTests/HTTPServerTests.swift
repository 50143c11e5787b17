import HTTPTestSupport
import Foundation
import Testing
import HTTPServer

/// The protocol over real sockets on 127.0.0.1, port 0.
@Suite("HTTPServer protocol")
struct HTTPServerTests {
    @Test("reports the ephemeral port it bound and answers with the server's own fields")
    func basics() throws {
        let server = try TestServer()
        #expect(server.port > 0)
        #expect(server.server.localAddress?.port == server.port)
        let before = Date()
        let response = try server.request("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        let after = Date()
        #expect(response.status == 200)
        #expect(response.text == "hello /hello")
        #expect(response.header("Content-Length") == "12")
        #expect(response.header("Content-Type") == "text/plain")
        #expect(response.header("Server") == "dossier")
        let date = try #require(response.header("Date"))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let parsed = try #require(formatter.date(from: date), "Date is not IMF-fixdate: \(date)")
        // The Date field is the server's wall clock in whole seconds. The test reads the same clock, but a virtual
        // machine may step it while the test runs; a day either side still tells a live clock from a fixed or
        // garbled value.
        #expect(abs(parsed.timeIntervalSince(before)) < 86_400 && abs(parsed.timeIntervalSince(after)) < 86_400,
                "Date \(date) is not the time of the response")
    }

    @Test("listens on IPv6 loopback")
    func ipv6() throws {
        let server: TestServer
        do {
            server = try TestServer(host: "::1")
        } catch {
            return  // no IPv6 on this host
        }
        #expect(server.server.localAddress?.isIPv6 == true)
        #expect(server.server.localAddress?.description == "[::1]:\(server.port)")
        let client = try RawClient(port: server.port, host: "::1")
        #expect(try client.roundTrip("GET / HTTP/1.1\r\nHost: a\r\n\r\n").status == 200)
    }

    @Test("accepts bytes one at a time")
    func oneByteAtATime() throws {
        let server = try TestServer()
        let client = try server.connect()
        for byte in Array("POST /echo?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello".utf8) {
            try client.send([byte])
        }
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(response.header("X-Query") == "x=1")
    }

    @Test("answers three pipelined requests sent in one write, in order")
    func pipelining() throws {
        let server = try TestServer()
        let client = try server.connect()
        try client.send(
            "GET /count?i=1 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\ntwo"
            + "GET /count?i=3 HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try client.readResponse().text == "n=1")
        #expect(try client.readResponse().text == "two")
        #expect(try client.readResponse().text == "n=3")
    }

    @Test("serves 100 requests on one keep-alive connection")
    func keepAlive() throws {
        let server = try TestServer()
        let client = try server.connect()
        for index in 0..<100 {
            let response = try client.roundTrip("GET /count?i=\(index) HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(response.text == "n=\(index)")
            #expect(response.header("Connection") == nil)
        }
    }

    @Test("answers HEAD with the GET's headers and no body")
    func head() throws {
        let server = try TestServer()
        let client = try server.connect()
        let get = try client.roundTrip("GET /json HTTP/1.1\r\nHost: a\r\n\r\n")
        let head = try client.roundTrip("HEAD /json HTTP/1.1\r\nHost: a\r\n\r\n", head: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == get.header("Content-Length"))
        #expect(head.header("Content-Type") == "application/json")
        // The connection is still in step: no body bytes were sent after the HEAD response.
        #expect(try client.roundTrip("GET /count?i=7 HTTP/1.1\r\nHost: a\r\n\r\n").text == "n=7")
    }

    @Test("reads chunked bodies with extensions and trailers")
    func chunked() throws {
        let server = try TestServer()
        let response = try server.request(
            "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Digest: abc\r\n\r\n")
        #expect(response.status == 200)
        #expect(response.text == "hello world")
        #expect(response.header("X-Trailers") == "X-Digest=abc")
    }

    @Test("sends 100 Continue before the body of a request that expects it")
    func expectContinue() throws {
        let server = try TestServer()
        let client = try server.connect()
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("data")
        let final = try client.readResponse()
        #expect(final.status == 200)
        #expect(final.text == "data")
    }

    @Test("refuses a too-large body with 413 instead of 100 Continue")
    func expectContinueTooLarge() throws {
        var limits = ServerLimits.testing
        limits.maxBodyBytes = 10
        let server = try TestServer(limits: limits)
        let client = try server.connect()
        let response = try client.roundTrip("POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n")
        #expect(response.status == 413)
        #expect(client.isClosedByPeer())
    }

    @Test("honours Connection: close and HTTP/1.0 defaults", arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", true, "close"),
        ("GET / HTTP/1.0\r\n\r\n", true, "close"),
        ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", false, "keep-alive"),
        ("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n", false, nil),
    ])
    func connectionHeader(request: String, closes: Bool, header: String?) throws {
        let server = try TestServer()
        let client = try server.connect()
        let response = try client.roundTrip(request)
        #expect(response.status == 200)
        #expect(response.header("Connection") == header)
        if closes {
            #expect(client.isClosedByPeer())
        } else {
            #expect(try client.roundTrip(request).status == 200)
        }
    }

    @Test("answers pipelined requests sent before the client shuts its sending side")
    func halfClose() throws {
        let server = try TestServer()
        let client = try server.connect()
        try client.send("GET /count?i=1 HTTP/1.1\r\nHost: a\r\n\r\nGET /count?i=2 HTTP/1.1\r\nHost: a\r\n\r\n")
        client.shutdownWrite()
        #expect(try client.readResponse().text == "n=1")
        #expect(try client.readResponse().text == "n=2")
        #expect(client.isClosedByPeer())
    }

    @Test("passes every standard method to the handler", arguments: HTTPMethod.standard)
    func standardMethods(method: HTTPMethod) throws {
        let server = try TestServer()
        let target = method == .connect ? "example.com:443" : "/echo"
        let response = try server.request("\(method.rawValue) \(target) HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", head: method == .head)
        #expect(response.status == 200)
    }

    @Test("handles many connections in parallel from several threads")
    func parallelClients() async throws {
        let server = try TestServer()
        let port = server.port
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let client = try RawClient(port: port)
                    for index in 0..<50 {
                        let response = try client.roundTrip("GET /count?i=\(worker)-\(index) HTTP/1.1\r\nHost: a\r\n\r\n")
                        #expect(response.text == "n=\(worker)-\(index)")
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
