import DossierAPI
import HTTPServer
import Testing

@Suite("Routing")
struct RoutingTests {
    @Test("unknown paths and trailing slashes are 404 problem+json", arguments: [
        "/", "/v1", "/v1/articles/", "/v1/nothing", "/v1/entities/iran/timeline/", "/v1/articles/a1/extra", "/v1//articles",
    ])
    func notFound(path: String) throws {
        let harness = try Harness()
        let response = harness.get(path)
        #expect(response.status.code == 404)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.json["type"] as? String == "/problems/not-found")
    }

    @Test("a standard method a path does not allow is 405 with Allow", arguments: [
        (HTTPMethod.put, "/v1/articles"), (.delete, "/v1/articles"), (.patch, "/v1/articles/a1"), (.post, "/v1/entities"),
        (.trace, "/healthz"), (.connect, "/v1/graph"), (.post, "/v1/timeline"),
    ])
    func methodNotAllowed(method: HTTPMethod, path: String) throws {
        let harness = try Harness()
        let response = harness.request(method, path)
        #expect(response.status.code == 405)
        let allow = try #require(response.header("Allow"))
        #expect(allow.contains("GET") && allow.contains("HEAD") && allow.contains("OPTIONS"))
        #expect(!allow.contains(method.rawValue))
    }

    @Test("an unrecognised method token is 501, a lower-case one too")
    func notImplemented() throws {
        let harness = try Harness()
        #expect(harness.request(HTTPMethod(rawValue: "BREW"), "/v1/articles").status.code == 501)
        #expect(harness.request(HTTPMethod(rawValue: "get"), "/v1/articles").status.code == 501)
    }

    @Test("HEAD is GET's answer (the server drops the body), with the same ETag")
    func head() throws {
        let harness = try Harness()
        let get = harness.get("/v1/articles/a1")
        let head = harness.request(.head, "/v1/articles/a1")
        #expect(head.status.code == 200)
        #expect(head.header("ETag") == get.header("ETag"))
        #expect(harness.request(.head, "/healthz").status.code == 200)
    }

    @Test("OPTIONS preflight: 204 with the path's methods and the allowed headers")
    func preflight() throws {
        let harness = try Harness()
        let response = harness.request(.options, "/v1/articles/a1", headers: [
            ("Origin", "https://app.example"), ("Access-Control-Request-Method", "DELETE"),
        ])
        #expect(response.status.code == 204)
        #expect(response.header("Access-Control-Allow-Methods") == "GET, HEAD, DELETE, OPTIONS")
        #expect(response.header("Access-Control-Allow-Headers") == "Authorization, Content-Type, If-None-Match")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(harness.request(.options, "/v1/nope").status.code == 404)
    }

    @Test("CORS: default *, or the matching origin of a list with Vary: Origin")
    func cors() throws {
        let open = try Harness()
        let response = open.get("/v1/articles")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(response.header("Access-Control-Expose-Headers") == "ETag, Location, X-Request-Id")
        let listed = try Harness(corsOrigins: ["https://app.example", "http://localhost:3000"])
        let allowed = listed.get("/v1/articles", headers: [("Origin", "http://localhost:3000")])
        #expect(allowed.header("Access-Control-Allow-Origin") == "http://localhost:3000")
        #expect(allowed.header("Vary") == "Accept-Encoding, Origin")
        let refused = listed.get("/v1/articles", headers: [("Origin", "https://evil.example")])
        #expect(refused.header("Access-Control-Allow-Origin") == nil)
        #expect(refused.header("Vary")?.contains("Origin") == true)
    }

    @Test("X-Request-Id: the client's when sane, else a new one")
    func requestID() throws {
        let harness = try Harness()
        #expect(harness.get("/healthz", headers: [("X-Request-Id", "abc-123.x_y")]).header("X-Request-Id") == "abc-123.x_y")
        for insane in ["has space", String(repeating: "a", count: 129), "ünï", ""] {
            let id = harness.get("/healthz", headers: [("X-Request-Id", insane)]).header("X-Request-Id")
            #expect(id != nil && id != insane && id!.count == 16)
        }
        #expect(harness.get("/nowhere").header("X-Request-Id") != nil)
    }

    @Test("operations: healthz, readyz flag, metrics, openapi.json; none carries an ETag")
    func operations() throws {
        let harness = try Harness()
        #expect(harness.get("/healthz").json["status"] as? String == "ok")
        harness.readiness.markNotReady()
        #expect(harness.get("/readyz").status.code == 503)
        harness.readiness.markReady()
        #expect(harness.get("/readyz").status.code == 200)
        _ = harness.get("/v1/articles/a1")
        _ = harness.get("/v1/articles/a1")
        let metrics = harness.get("/metrics")
        let text = String(decoding: metrics.body, as: UTF8.self)
        #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(text.contains("dossier_http_requests_total{route=\"/v1/articles/{id}\",method=\"GET\",status=\"200\"} 2"))
        #expect(text.contains("dossier_response_cache_hits_total 1"))
        #expect(text.contains("dossier_articles 4"))
        #expect(text.contains("dossier_entities 5"))
        #expect(text.contains("dossier_http_request_duration_seconds_bucket{route=\"/v1/articles/{id}\",le=\"+Inf\"} 2"))
        for path in ["/healthz", "/readyz", "/metrics", "/openapi.json"] {
            #expect(harness.get(path).header("ETag") == nil)
        }
    }
}
