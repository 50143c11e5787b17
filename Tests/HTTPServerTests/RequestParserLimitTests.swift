import Testing
@testable import HTTPServer

/// Each limit at its value (accepted) and one past it (refused with its status), at every byte split.
@Suite("RequestParser limits")
struct RequestParserLimitTests {
    static func request(path: String) -> String { "GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n" }

    @Test("request line: at the limit passes, one byte over is 414")
    func requestLine() {
        let limits = ServerLimits(maxRequestLineBytes: 32)
        let atLimit = "/" + String(repeating: "a", count: 16)  // "GET " + 17 + " HTTP/1.1\r\n" = 32
        let over = atLimit + "a"
        #expect(("GET \(atLimit) HTTP/1.1\r\n").utf8.count == 32)
        for outcome in ParserHarness.allSplits(Self.request(path: atLimit), limits: limits) {
            #expect(outcome.error == nil && outcome.events.count == 1)
        }
        for outcome in ParserHarness.allSplits(Self.request(path: over), limits: limits) {
            #expect(outcome.error == .requestLineTooLong(limit: 32))
        }
    }

    @Test("request line that never ends is refused as soon as it passes the limit")
    func endlessRequestLine() throws {
        var parser = RequestParser(limits: ServerLimits(maxRequestLineBytes: 64))
        parser.append(Array(("GET /" + String(repeating: "a", count: 58)).utf8))
        #expect(try parser.next() == nil)
        parser.append([0x61])
        #expect(throws: HTTPParseError.requestLineTooLong(limit: 64)) { _ = try parser.next() }
    }

    @Test("header bytes: at the limit passes, one byte over is 431")
    func headerBytes() {
        let limits = ServerLimits(maxHeaderBytes: 30)
        // "Host: a\r\n" (9) + "X-Fill: " (8) + value + "\r\n" (2) + "\r\n" (2) = 21 + value
        let atLimit = "GET / HTTP/1.1\r\nHost: a\r\nX-Fill: \(String(repeating: "v", count: 9))\r\n\r\n"
        let over = "GET / HTTP/1.1\r\nHost: a\r\nX-Fill: \(String(repeating: "v", count: 10))\r\n\r\n"
        for outcome in ParserHarness.allSplits(atLimit, limits: limits) {
            #expect(outcome.error == nil && outcome.events.count == 1)
        }
        for outcome in ParserHarness.allSplits(over, limits: limits) {
            #expect(outcome.error == .headerSectionTooLarge(limit: 30))
        }
    }

    @Test("header count: at the limit passes, one more field is 431")
    func headerCount() {
        let limits = ServerLimits(maxHeaderCount: 3)
        let atLimit = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n"
        let over = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        for outcome in ParserHarness.allSplits(atLimit, limits: limits) {
            #expect(outcome.error == nil && outcome.events.count == 1)
        }
        for outcome in ParserHarness.allSplits(over, limits: limits) {
            #expect(outcome.error == .tooManyHeaderFields(limit: 3))
        }
    }

    @Test("Content-Length body: at the limit passes, one byte over is 413 before any body byte")
    func contentLength() throws {
        let limits = ServerLimits(maxBodyBytes: 10)
        let atLimit = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789"
        for outcome in ParserHarness.allSplits(atLimit, limits: limits) {
            #expect(outcome.error == nil && outcome.events.count == 1)
        }
        var parser = RequestParser(limits: limits)
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.contentTooLarge(limit: 10)) { _ = try parser.next() }
        let huge = ParserHarness.whole("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", limits: limits)
        #expect(huge.error == .contentTooLarge(limit: 10))
    }

    @Test("chunked body: at the limit passes, one byte over is 413")
    func chunked() {
        let limits = ServerLimits(maxBodyBytes: 10)
        let atLimit = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n6\r\nefghij\r\n0\r\n\r\n"
        let over = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n7\r\nefghijk\r\n0\r\n\r\n"
        for outcome in ParserHarness.allSplits(atLimit, limits: limits) {
            #expect(outcome.error == nil && outcome.events.count == 1)
        }
        for outcome in ParserHarness.allSplits(over, limits: limits) {
            #expect(outcome.error == .contentTooLarge(limit: 10))
        }
        let hugeChunk = ParserHarness.whole("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n", limits: limits)
        #expect(hugeChunk.error == .contentTooLarge(limit: 10))
    }

    @Test("trailer section obeys the header limits too")
    func trailers() {
        let limits = ServerLimits(maxHeaderCount: 2)
        let over = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        #expect(ParserHarness.whole(over, limits: limits).error == .tooManyHeaderFields(limit: 2))
    }
}
