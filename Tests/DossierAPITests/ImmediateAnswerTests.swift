import DossierAPI
import DossierTestSupport
import HTTPServer
import Testing

@Suite("Answers from the cache without a handler thread")
struct ImmediateAnswerTests {
    func request(_ target: String, headers: HTTPHeaders = HTTPHeaders()) -> HTTPRequest {
        HTTPRequest(method: .get, target: target, path: target, headers: headers)
    }

    @Test("a cold cache answers nothing immediately; once warm, the immediate answer equals the handled one")
    func warmCache() throws {
        // A long freshness window keeps the test independent of how fast it runs.
        let harness = try Harness(seeded: true, freshness: .seconds(600))
        let path = "/v1/articles/000_06c42b9a60775aa6"
        #expect(harness.router.respondImmediately(to: request(path)) == nil)
        let handled = harness.router.handle(request(path))
        #expect(handled.status == .ok)
        let immediate = try #require(harness.router.respondImmediately(to: request(path)))
        #expect(immediate.status == .ok)
        #expect(immediate.body == handled.body)
        #expect(immediate.headers["ETag"] == handled.headers["ETag"])
        #expect(immediate.headers["X-Request-Id"] != nil)
        #expect(immediate.headers["Access-Control-Allow-Origin"] == "*")
        let conditional = try #require(harness.router.respondImmediately(to: request(path, headers: ["If-None-Match": handled.headers["ETag"] ?? ""])))
        #expect(conditional.status == .notModified)
    }

    @Test("immediate answers carry CORS and the request id once, with any origin or with a list of them")
    func immediateFields() throws {
        let path = "/v1/articles/000_06c42b9a60775aa6"
        let any = try Harness(seeded: true, freshness: .seconds(600))
        _ = any.router.handle(request(path))
        let open = try #require(any.router.respondImmediately(to: request(path)))
        for name in ["Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "X-Request-Id", "ETag"] {
            #expect(open.headers.values(for: name).count == 1, "\(name)")
        }
        #expect(open.headers["Access-Control-Allow-Origin"] == "*")
        let etag = try #require(open.headers["ETag"])
        let notModified = try #require(any.router.respondImmediately(to: request(path, headers: ["If-None-Match": etag])))
        #expect(notModified.status == .notModified)
        #expect(notModified.headers.values(for: "Access-Control-Allow-Origin") == ["*"])

        let listed = try Harness(corsOrigins: ["https://a.example"], seeded: true, freshness: .seconds(600))
        _ = listed.router.handle(request(path))
        let allowed = try #require(listed.router.respondImmediately(to: request(path, headers: ["Origin": "https://a.example"])))
        #expect(allowed.headers.values(for: "Access-Control-Allow-Origin") == ["https://a.example"])
        #expect(allowed.headers["Vary"] == "Accept-Encoding, Origin")
        let refused = try #require(listed.router.respondImmediately(to: request(path, headers: ["Origin": "https://evil.example"])))
        #expect(refused.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test("writes, operational routes, bad parameters and a server that is not ready always go to the handler")
    func neverImmediate() throws {
        let harness = try Harness(seeded: true, freshness: .seconds(600))
        _ = harness.router.handle(request("/healthz"))
        #expect(harness.router.respondImmediately(to: request("/healthz")) == nil)
        #expect(harness.router.respondImmediately(to: request("/v1/nowhere")) == nil)
        var post = request("/v1/articles")
        post.method = .post
        #expect(harness.router.respondImmediately(to: post) == nil)
        let bad = HTTPRequest(method: .get, target: "/v1/articles?limit=0", path: "/v1/articles", query: [("limit", "0")])
        #expect(harness.router.respondImmediately(to: bad) == nil)
        #expect(harness.router.handle(bad).status == .badRequest)
        harness.readiness.markNotReady()
        _ = harness.router.handle(request("/v1/articles"))
        #expect(harness.router.respondImmediately(to: request("/v1/articles")) == nil)
    }
}

@Suite("Data version freshness")
struct FreshnessTests {
    @Test("with no freshness window every answer goes through the handler, which sees other processes' writes")
    func zeroWindow() throws {
        let harness = try Harness(seeded: true, freshness: .zero)
        let path = "/v1/articles/000_06c42b9a60775aa6"
        _ = harness.router.handle(HTTPRequest(method: .get, target: path, path: path))
        #expect(harness.router.respondImmediately(to: HTTPRequest(method: .get, target: path, path: path)) == nil)
    }
}
