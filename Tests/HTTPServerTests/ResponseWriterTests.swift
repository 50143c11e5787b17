import HTTPTestSupport
import Testing
@testable import HTTPServer

@Suite("ResponseWriter")
struct ResponseWriterTests {
    static func text(_ output: ResponseWriter.Output) -> String {
        String(decoding: output.chunks.joined(), as: UTF8.self)
    }

    static let json = Array(("[" + (0..<200).map { "{\"n\":\($0)}" }.joined(separator: ",") + "]").utf8)

    @Test("adds Content-Length, Date, Server and keeps handler fields in order")
    func fields() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.add(name: "X-A", value: "1")
        headers.add(name: "X-A", value: "2")
        let output = ResponseWriter.serialize(HTTPResponse(status: .ok, headers: headers, body: Array("hi".utf8)), context: .init(keepAlive: true))
        let text = Self.text(output)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-A: 1\r\nX-A: 2\r\nContent-Length: 2\r\nDate: "))
        #expect(text.contains("\r\nServer: dossier\r\n"))
        #expect(text.hasSuffix("\r\n\r\nhi"))
        #expect(!text.contains("Connection"))
        #expect(output.chunks.count == 1)
        #expect(!output.closeConnection)
    }

    /// The text without its `Date` line, which may differ between two serialisations a second apart.
    static func undated(_ output: ResponseWriter.Output) -> String {
        text(output).split(separator: "\r\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Date: ") }.joined(separator: "\r\n")
    }

    @Test("prepared fields are sent exactly as the same fields unprepared, also when the server drops or merges some",
          arguments: [
              ["Content-Type": "application/json", "X-Evil": "a\r\nb"],
              ["Content-Type": "application/json", "Content-Length": "99", "Connection": "close"],
              ["Content-Type": "application/json", "Vary": "Origin"],
              ["Vary": "Accept-Encoding", "Content-Type": "application/json", "Keep-Alive": "timeout=5"],
          ] as [HTTPHeaders])
    func preparedFields(fields: HTTPHeaders) {
        var plain = fields
        var prepared = fields.prepared()
        plain.add(name: "X-Request-Id", value: "abc")
        prepared.add(name: "X-Request-Id", value: "abc")
        for context in [ResponseWriter.Context(keepAlive: true), .init(keepAlive: true, acceptsGzip: false, compression: true)] {
            let expected = ResponseWriter.serialize(HTTPResponse(status: .ok, headers: plain, body: Self.json), context: context)
            let actual = ResponseWriter.serialize(HTTPResponse(status: .ok, headers: prepared, body: Self.json), context: context)
            #expect(Self.undated(actual) == Self.undated(expected))
            #expect(actual.closeConnection == expected.closeConnection)
        }
    }

    @Test("removing a prepared field forgets the prepared form")
    func preparedRemoval() {
        let fields: HTTPHeaders = ["Content-Type": "text/plain", "X-A": "1"]
        var headers = fields.prepared()
        headers.add(name: "X-B", value: "2")
        headers.remove(name: "X-B")
        #expect(headers.serialized != nil)
        headers.remove(name: "x-a")
        #expect(headers.serialized == nil)
        let text = Self.text(ResponseWriter.serialize(HTTPResponse(status: .ok, headers: headers), context: .init(keepAlive: true)))
        #expect(!text.contains("X-A"))
    }

    @Test("set leaves a field that says so already in place, adds a missing one and replaces a different one")
    func setField() {
        let fields: HTTPHeaders = ["A": "1", "B": "2"]
        var headers = fields.prepared()
        headers.set(name: "a", value: "1")
        #expect(headers.serialized != nil)
        #expect(headers.fields.map(\.name) == ["A", "B"])
        headers.set(name: "C", value: "3")
        #expect(headers.serialized != nil)
        #expect(headers.fields.map(\.name) == ["A", "B", "C"])
        headers.set(name: "A", value: "9")
        #expect(headers.serialized == nil)
        #expect(headers.fields.map(\.name) == ["B", "C", "A"])
        #expect(headers["a"] == "9")
    }

    @Test("keeps a large body apart from the head for one gathered write, without copying it")
    func largeBody() {
        let body = [UInt8](repeating: 1, count: 100_000)
        let output = ResponseWriter.serialize(HTTPResponse(status: .ok, body: body), context: .init(keepAlive: true))
        #expect(output.chunks.count == 2)
        #expect(output.chunks[1] == body)
    }

    @Test("never lets a field value split the response")
    func sanitises() {
        let output = ResponseWriter.serialize(HTTPResponse(status: .ok, headers: ["X-Evil": "a\r\nSet-Cookie: x"]), context: .init(keepAlive: true))
        #expect(Self.text(output).contains("X-Evil: a  Set-Cookie: x\r\n"))
    }

    @Test("HEAD keeps the GET's Content-Length and sends no body; 204 and 304 carry none")
    func bodyless() {
        let head = ResponseWriter.serialize(HTTPResponse(status: .ok, body: Array("12345".utf8)), context: .init(isHead: true, keepAlive: true))
        #expect(Self.text(head).contains("Content-Length: 5\r\n"))
        #expect(Self.text(head).hasSuffix("\r\n\r\n"))
        let noContent = ResponseWriter.serialize(HTTPResponse(status: .noContent, headers: ["Content-Length": "9"]), context: .init(keepAlive: true))
        #expect(!Self.text(noContent).contains("Content-Length"))
        let notModified = ResponseWriter.serialize(HTTPResponse(status: .notModified, headers: ["ETag": "\"x\""]), context: .init(keepAlive: true))
        #expect(!Self.text(notModified).contains("Content-Length"))
        #expect(Self.text(notModified).hasSuffix("\r\n\r\n"))
    }

    @Test("Connection: close from the handler or the client closes; HTTP/1.0 keep-alive is announced")
    func connection() {
        let handlerClose = ResponseWriter.serialize(HTTPResponse(status: .ok, headers: ["Connection": "close"]), context: .init(keepAlive: true))
        #expect(handlerClose.closeConnection)
        #expect(Self.text(handlerClose).contains("Connection: close\r\n"))
        let old = ResponseWriter.serialize(HTTPResponse(status: .ok), context: .init(version: .http1_0, keepAlive: true))
        #expect(Self.text(old).contains("Connection: keep-alive\r\n"))
        #expect(!old.closeConnection)
    }

    @Test("gzips compressible bodies of 1 KiB or more when the client accepts gzip", arguments: [
        ("application/json", json, true, true),
        ("text/html; charset=utf-8", json, true, true),
        ("application/problem+json", json, true, true),
        ("image/png", json, true, false),
        ("application/json", Array(json.prefix(1000)), true, false),
        ("application/json", json, false, false),
    ])
    func compression(contentType: String, body: [UInt8], accepts: Bool, compressed: Bool) throws {
        let response = HTTPResponse(status: .ok, headers: ["Content-Type": contentType], body: body)
        let output = ResponseWriter.serialize(response, context: .init(keepAlive: true, acceptsGzip: accepts, compression: true))
        let text = Self.text(output)
        #expect(text.contains("Content-Encoding: gzip") == compressed)
        if compressed {
            #expect(text.contains("Vary: Accept-Encoding\r\n"))
            let bytes = Array(output.chunks.joined())
            let start = try #require(RawClient.find([13, 10, 13, 10], in: bytes)) + 4
            #expect(try Gzip.decompress(Array(bytes[start...])) == body)
        }
    }

    @Test("leaves a body alone when the handler set Content-Encoding, and merges Vary")
    func handlerEncoding() {
        let own = ResponseWriter.serialize(
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/json", "Content-Encoding": "gzip"], body: Self.json),
            context: .init(keepAlive: true, acceptsGzip: true, compression: true))
        #expect(Self.text(own).contains("Content-Length: \(Self.json.count)\r\n"))
        let vary = ResponseWriter.serialize(
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/json", "Vary": "Origin"], body: Self.json),
            context: .init(keepAlive: true, acceptsGzip: false, compression: true))
        #expect(Self.text(vary).contains("Vary: Origin, Accept-Encoding\r\n"))
    }

    @Test("reads Accept-Encoding with qualities", arguments: [
        ("gzip", true), ("gzip, deflate, br", true), ("GZIP;q=0.5", true), ("gzip;q=0", false),
        ("gzip; q=0.000", false), ("*", true), ("*;q=0", false), ("br", false), ("identity", false),
        ("*, gzip;q=0", false), ("x-gzip", true), ("", false),
    ])
    func acceptEncoding(value: String, accepts: Bool) {
        let request = HTTPRequest(method: .get, target: "/", path: "/", headers: ["Accept-Encoding": value])
        #expect(request.acceptsGzip == accepts)
    }

    @Test("formats the Date header as IMF-fixdate")
    func date() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test("renders problems as RFC 9457 JSON with escaping")
    func problem() throws {
        let response = HTTPProblem(type: "/problems/x", title: "T", status: .badRequest, detail: "a \"quoted\"\n\u{01} é").makeResponse(closeConnection: true)
        #expect(String(decoding: response.body, as: UTF8.self)
            == #"{"type":"/problems/x","title":"T","status":400,"detail":"a \"quoted\"\n\u0001 é"}"#)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["Connection"] == "close")
    }
}
