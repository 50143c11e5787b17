import Testing
@testable import HTTPServer

@Suite("RequestParser")
struct RequestParserTests {
    static let wellFormed: [String] = [
        "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /v1/articles?q=iran+protests&limit=5 HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world",
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\nX-More: 1\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\nPOST /c HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyz",
        "GET http://example.com/x/y?z=1 HTTP/1.1\r\nHost: example.com\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\n",
        "\r\nGET /after-empty-line HTTP/1.1\nHost: a\n\n",
        "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
        "POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
    ]

    @Test("parses the same requests however the bytes are split", arguments: wellFormed)
    func splitsDoNotMatter(text: String) {
        let whole = ParserHarness.whole(text)
        #expect(whole.error == nil)
        #expect(!whole.events.isEmpty)
        let expected = ParserHarness.Outcome(events: whole.events.filter { $0 != "100-continue" }, error: nil)
        for outcome in ParserHarness.allSplits(text) {
            #expect(outcome == expected)
        }
    }

    @Test("decodes the request line, target and headers")
    func fields() throws {
        var parser = RequestParser(limits: .default)
        parser.append(Array("GET /a%20b/%C3%A9?q=x+y%26z&flag&q=2 HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nx-a:  2 \r\n\r\n".utf8))
        guard case .request(let request)? = try parser.next() else {
            Issue.record("no request")
            return
        }
        #expect(request.method == .get)
        #expect(request.path == "/a b/é")
        #expect(request.target == "/a%20b/%C3%A9?q=x+y%26z&flag&q=2")
        #expect(request.query.map(\.name) == ["q", "flag", "q"])
        #expect(request.query.map(\.value) == ["x y&z", "", "2"])
        #expect(request.queryValue("q") == "x y&z")
        #expect(request.headers.values(for: "X-A") == ["1", "2"])
        #expect(request.headers["x-A"] == "1")
        #expect(request.headers.fields.map(\.name) == ["Host", "X-A", "x-a"])
        #expect(parser.phase == .idle)
    }

    @Test("passes every standard method to the handler", arguments: HTTPMethod.standard)
    func standardMethods(method: HTTPMethod) {
        let target = method == .connect ? "example.com:443" : "/x"
        let outcome = ParserHarness.whole("\(method.rawValue) \(target) HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.events.count == 1)
        #expect(outcome.events.first?.hasPrefix(method.rawValue + " ") == true)
    }

    static let rejections: [(String, HTTPParseError)] = [
        ("FOO / HTTP/1.1\r\nHost: a\r\n\r\n", .unknownMethod("FOO")),
        ("get / HTTP/1.1\r\nHost: a\r\n\r\n", .unknownMethod("get")),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", .unsupportedVersion("HTTP/2.0")),
        ("GET / HTTP/1.2\r\nHost: a\r\n\r\n", .unsupportedVersion("HTTP/1.2")),
        ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", .unsupportedVersion("HTTP/2.0")),
        ("GET / HTTP/1.1x\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET /  HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET\r\n\r\n", .malformedRequestLine),
        ("\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}", .notHTTP),
        ("{\"json\": true}\r\n\r\n", .notHTTP),
        ("GET / HTTP/1.1\r\n\r\n", .missingHost),
        ("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", .duplicateHost),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Long: a\r\n  folded\r\n\r\n", .obsoleteLineFolding),
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", .malformedHeaderField(reason: "whitespace between a field name and its colon")),
        ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", .malformedHeaderField(reason: "a field line has no colon")),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{01}b\r\n\r\n", .malformedHeaderField(reason: "a field value contains a control character")),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", .contentLengthWithTransferEncoding),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n", .invalidContentLength("+5")),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", .invalidContentLength("-1")),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x5\r\n\r\n", .invalidContentLength("0x5")),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", .invalidContentLength("")),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", .invalidContentLength("5, 6")),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\n", .invalidContentLength("5, 6")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", .transferEncodingNotChunked("gzip")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", .transferEncodingNotChunked("chunked, gzip")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", .transferEncodingNotChunked("chunked, chunked")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferCoding("gzip")),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", .transferEncodingInHTTP10),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .invalidChunk(reason: "a chunk size is not hexadecimal")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n", .invalidChunk(reason: "chunk data is longer than its declared size")),
        ("POST / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\nx", .unsupportedExpectation("200-ok")),
        ("GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "the path has an incomplete or non-hexadecimal percent-escape")),
        ("GET /a%4 HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "the path has an incomplete or non-hexadecimal percent-escape")),
        ("GET /%C3%28 HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "the path does not decode to valid UTF-8")),
        ("GET /?q=%FF HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "the query does not decode to valid UTF-8")),
        ("GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "the path contains an encoded NUL")),
        ("GET nopath HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "it must start with '/'")),
        ("GET * HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "'*' is only valid with OPTIONS")),
        ("GET /a#frag HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "byte 0x23 is not allowed in a request target")),
        ("GET /é HTTP/1.1\r\nHost: a\r\n\r\n", .invalidRequestTarget(reason: "byte 0xc3 is not allowed in a request target")),
    ]

    @Test("rejects malformed or ambiguous requests with a typed error at every split", arguments: rejections)
    func rejects(text: String, expected: HTTPParseError) {
        let whole = ParserHarness.whole(text)
        #expect(whole.error == expected)
        for outcome in ParserHarness.allSplits(text) {
            #expect(outcome.error == expected)
        }
    }

    @Test("rejects non-HTTP bytes as soon as they arrive, without waiting for a line end")
    func notHTTPEarly() {
        var parser = RequestParser(limits: .default)
        parser.append([0x16, 0x03])
        #expect(throws: HTTPParseError.notHTTP) { _ = try parser.next() }
    }

    @Test("each error knows its status and problem type", arguments: [
        (HTTPParseError.requestLineTooLong(limit: 1), 414, "/problems/request-line-too-long"),
        (.headerSectionTooLarge(limit: 1), 431, "/problems/header-fields-too-large"),
        (.tooManyHeaderFields(limit: 1), 431, "/problems/too-many-header-fields"),
        (.contentTooLarge(limit: 1), 413, "/problems/content-too-large"),
        (.unknownMethod("X"), 501, "/problems/method-not-implemented"),
        (.unsupportedVersion("HTTP/2.0"), 505, "/problems/http-version-not-supported"),
        (.contentLengthWithTransferEncoding, 400, "/problems/ambiguous-message-length"),
        (.missingHost, 400, "/problems/missing-host"),
        (.headerTimeout(seconds: 10), 408, "/problems/header-timeout"),
        (.unsupportedExpectation("x"), 417, "/problems/expectation-failed"),
        (.unsupportedTransferCoding("gzip"), 501, "/problems/unsupported-transfer-coding"),
    ])
    func statuses(error: HTTPParseError, status: Int, type: String) {
        #expect(error.status.code == status)
        #expect(error.problem.type == type)
        #expect(error.problem.status == error.status)
        #expect(!error.problem.detail.isEmpty)
    }

    @Test("emits 100-continue once the head passes, only when the body has not arrived")
    func expectContinue() throws {
        var parser = RequestParser(limits: .default)
        parser.append(Array("POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        guard case .continueExpected? = try parser.next() else {
            Issue.record("expected 100-continue")
            return
        }
        #expect(try parser.next() == nil)
        #expect(parser.phase == .body)
        parser.append(Array("ok".utf8))
        guard case .request(let request)? = try parser.next() else {
            Issue.record("expected the request")
            return
        }
        #expect(request.body == Array("ok".utf8))

        var tooLarge = RequestParser(limits: ServerLimits(maxBodyBytes: 1))
        tooLarge.append(Array("POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.contentTooLarge(limit: 1)) { _ = try tooLarge.next() }
    }

    @Test("reports its phase for the connection's deadlines")
    func phases() throws {
        var parser = RequestParser(limits: .default)
        #expect(parser.phase == .idle)
        parser.append(Array("GET".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.phase == .head)
        parser.append(Array(" / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nab".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.phase == .body)
        parser.append(Array("c".utf8))
        #expect(try parser.next() != nil)
        #expect(parser.phase == .idle)
    }
}

extension RequestParser.Event: Equatable {
    public static func == (lhs: RequestParser.Event, rhs: RequestParser.Event) -> Bool {
        switch (lhs, rhs) {
        case (.continueExpected, .continueExpected): return true
        case (.request(let a), .request(let b)): return ParserHarness.render(a) == ParserHarness.render(b)
        default: return false
        }
    }
}
