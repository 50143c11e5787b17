import Foundation
import HTTPServer
import HTTPTestSupport
import Testing

/// The API over a real socket: the in-process server over a database seeded from `seeds/`.
@Suite("API over a socket, seeded from seeds/")
struct ServerSocketTests {
    static let seedIDs = ["000_06c42b9a60775aa6", "001_35c2fb1143aee1db", "002_ce621ff7f50b0fdc"]

    @Test("operational endpoints: healthz, readyz, metrics, openapi.json")
    func operational() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let health = try client.get("/healthz")
        #expect(health.status == 200)
        #expect(health.json["status"] as? String == "ok")
        #expect(health.header("ETag") == nil)
        #expect(try client.get("/readyz").status == 200)
        let metrics = try client.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains("/healthz"))
        let document = try client.get("/openapi.json")
        #expect(document.status == 200)
        #expect((document.json["openapi"] as? String)?.hasPrefix("3.1") == true)
        let paths = try #require(document.json["paths"] as? [String: Any])
        for path in ["/v1/articles", "/v1/articles/{id}", "/v1/entities", "/v1/entities/{id}", "/v1/entities/{id}/timeline",
                     "/v1/timeline", "/v1/graph", "/healthz", "/readyz", "/metrics", "/openapi.json"] {
            #expect(paths[path] != nil, "\(path) is not documented")
        }
    }

    @Test("articles: the seeds listed, one whole, unknown id and trailing slash 404, X-Request-Id echoed")
    func articles() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let list = try client.get("/v1/articles", headers: [("X-Request-Id", "trace-42")])
        #expect(list.status == 200)
        #expect(list.header("Content-Type") == "application/json; charset=utf-8")
        #expect(list.header("X-Request-Id") == "trace-42")
        #expect(Set(list.ids) == Set(Self.seedIDs))
        #expect(list.json["nextCursor"] is NSNull)
        #expect(list.items.allSatisfy { $0["body"] == nil && $0["entities"] == nil })

        let paged = try client.get("/v1/articles?limit=2")
        #expect(paged.ids.count == 2)
        let cursor = try #require(paged.json["nextCursor"] as? String)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let rest = try client.get("/v1/articles?limit=2&cursor=" + cursor.addingPercentEncoding(withAllowedCharacters: allowed)!)
        #expect(paged.ids + rest.ids == list.ids)

        let yiddish = try client.get("/v1/articles/002_ce621ff7f50b0fdc")
        #expect(yiddish.status == 200)
        let body = try #require(yiddish.json["body"] as? String)
        #expect(body.hasSuffix("driving Iranians into the streets."))
        #expect((yiddish.json["title"] as? String)?.hasPrefix("איראן") == true)
        let languages = (yiddish.json["languages"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(Set(languages).isSuperset(of: ["en", "yi"]))
        let utf16 = Array(body.utf16)
        let entities = try #require(yiddish.json["entities"] as? [[String: Any]])
        #expect(!entities.isEmpty)
        for entity in entities {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
                #expect(String(decoding: utf16[start..<end], as: UTF16.self) == mention["text"] as? String)
            }
        }

        let missing = try client.get("/v1/articles/no-such-article")
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "application/problem+json")
        #expect(missing.json["status"] as? Int == 404)
        #expect(try client.get("/v1/articles/").status == 404)
        let search = try client.get("/v1/articles?q=Khamenei")
        #expect(search.status == 200)
        #expect(!search.ids.isEmpty)
        #expect(search.items.allSatisfy { $0["snippet"] is [String: Any] })
    }

    @Test("entities, entity timeline, timeline, graph")
    func entitiesTimelineGraph() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let entities = try client.get("/v1/entities?limit=100")
        #expect(entities.status == 200)
        #expect(!entities.ids.isEmpty)
        let validTypes: Set<String> = ["person", "organization", "location", "group", "event"]
        #expect(entities.items.allSatisfy { validTypes.contains($0["type"] as? String ?? "") })
        let top = try #require(entities.ids.first)
        let entity = try client.get("/v1/entities/\(top)")
        #expect(entity.status == 200)
        #expect(entity.json["id"] as? String == top)
        #expect((entity.json["articleCount"] as? Int ?? 0) >= 1)
        let articles = try #require(entity.json["articles"] as? [[String: Any]])
        #expect(articles.allSatisfy { Self.seedIDs.contains($0["id"] as? String ?? "") })
        #expect(entity.json["related"] is [[String: Any]])
        #expect(try client.get("/v1/entities/no-such-entity").status == 404)

        let byEntity = try client.get("/v1/articles?entity=\(top)")
        #expect(Set(byEntity.ids).count == entity.json["articleCount"] as? Int)

        let entityTimeline = try client.get("/v1/entities/\(top)/timeline")
        #expect(entityTimeline.status == 200)
        #expect(entityTimeline.json["items"] is [[String: Any]])

        let timeline = try client.get("/v1/timeline?limit=100")
        #expect(timeline.status == 200)
        let starts = timeline.items.compactMap { ($0["date"] as? [String: Any])?["start"] as? String }
        #expect(starts == starts.sorted())
        #expect(timeline.items.allSatisfy { Self.seedIDs.contains($0["articleId"] as? String ?? "") })

        let graph = try client.get("/v1/graph")
        #expect(graph.status == 200)
        let nodes = try #require(graph.json["nodes"] as? [[String: Any]])
        let edges = try #require(graph.json["edges"] as? [[String: Any]])
        let nodeIDs = Set(nodes.compactMap { $0["id"] as? String })
        #expect(!nodeIDs.isEmpty)
        #expect(edges.allSatisfy { nodeIDs.contains($0["source"] as? String ?? "") && nodeIDs.contains($0["target"] as? String ?? "") })
    }

    @Test("writes: 401 with WWW-Authenticate, POST 201 with Location, then 200 unchanged, DELETE 204, then 404")
    func writes() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let body = Array(#"{"id":"wire-1","body":"Protests spread to Tabriz.\n\nOfficials in Tehran met on 3 March 2026.","publishedAt":"2026-03-04"}"#.utf8)
        let anonymous = try client.request("POST", "/v1/articles", headers: [("Content-Type", "application/json")], body: body)
        #expect(anonymous.status == 401)
        #expect(anonymous.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        let auth = [("Content-Type", "application/json"), ("Authorization", "Bearer \(SeededServer.token)")]
        let created = try client.request("POST", "/v1/articles", headers: auth, body: body)
        #expect(created.status == 201)
        #expect(created.header("Location") == "/v1/articles/wire-1")
        #expect(created.json["status"] as? String == "created")
        #expect(created.json["publishedAt"] as? String == "2026-03-04")
        let again = try client.request("POST", "/v1/articles", headers: auth, body: body)
        #expect(again.status == 200)
        #expect(again.json["status"] as? String == "unchanged")
        #expect(try client.get("/v1/articles/wire-1").status == 200)
        #expect(try client.get("/v1/articles").ids.contains("wire-1"))

        let invalid = try client.request("POST", "/v1/articles", headers: auth, body: Array(#"{"body": 7}"#.utf8))
        #expect(invalid.status == 400)
        #expect(invalid.header("Content-Type") == "application/problem+json")

        let deleted = try client.request("DELETE", "/v1/articles/wire-1", headers: auth)
        #expect(deleted.status == 204)
        #expect(try client.get("/v1/articles/wire-1").status == 404)
        #expect(try client.request("DELETE", "/v1/articles/wire-1", headers: auth).status == 404)
    }

    @Test("gzip: Content-Encoding gzip, a distinct ETag, the identity body once decompressed")
    func gzip() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let identity = try client.get("/v1/articles/000_06c42b9a60775aa6")
        let compressed = try client.get("/v1/articles/000_06c42b9a60775aa6", headers: [("Accept-Encoding", "gzip")])
        #expect(identity.status == 200 && compressed.status == 200)
        #expect(identity.header("Content-Encoding") == nil)
        #expect(compressed.header("Content-Encoding") == "gzip")
        #expect(compressed.header("Vary")?.contains("Accept-Encoding") == true)
        let plainTag = try #require(identity.header("ETag")), gzipTag = try #require(compressed.header("ETag"))
        #expect(plainTag != gzipTag)
        #expect(plainTag.hasPrefix("\"") && gzipTag.hasPrefix("\""))
        #expect(compressed.body.count < identity.body.count)
        #expect(try Gzip.decompress(compressed.body) == identity.body)
        // Each tag validates only its own encoding.
        #expect(try client.get("/v1/articles/000_06c42b9a60775aa6", headers: [("Accept-Encoding", "gzip"), ("If-None-Match", gzipTag)]).status == 304)
        #expect(try client.get("/v1/articles/000_06c42b9a60775aa6", headers: [("If-None-Match", gzipTag)]).status == 200)
    }

    @Test("HEAD: the GET's status and headers, no body")
    func head() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let get = try client.get("/v1/entities")
        let head = try client.request("HEAD", "/v1/entities")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("ETag") == get.header("ETag"))
        #expect(head.header("Content-Length") == get.header("Content-Length"))
        #expect(head.header("Content-Type") == get.header("Content-Type"))
        // The connection stays usable: no body bytes were sent after the HEAD answer.
        #expect(try client.get("/healthz").status == 200)
        #expect(try client.request("HEAD", "/healthz").status == 200)
    }

    @Test("If-None-Match: 304 with the ETag and no body; a stale tag gets 200")
    func notModified() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let first = try client.get("/v1/timeline")
        let etag = try #require(first.header("ETag"))
        let second = try client.get("/v1/timeline", headers: [("If-None-Match", etag)])
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(second.header("ETag") == etag)
        #expect(try client.get("/v1/timeline", headers: [("If-None-Match", "\"stale\"")]).status == 200)
        #expect(try client.get("/v1/timeline", headers: [("If-None-Match", "*")]).status == 304)
    }

    @Test("CORS: preflight 204 with methods and headers; answers carry Allow-Origin and Expose-Headers")
    func cors() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let preflight = try client.request("OPTIONS", "/v1/articles", headers: [
            ("Origin", "http://localhost:3000"), ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "Authorization, Content-Type"),
        ])
        #expect(preflight.status == 204)
        let methods = preflight.header("Access-Control-Allow-Methods") ?? ""
        #expect(methods.contains("GET") && methods.contains("POST") && methods.contains("HEAD"))
        let allowHeaders = preflight.header("Access-Control-Allow-Headers")?.lowercased() ?? ""
        #expect(allowHeaders.contains("authorization") && allowHeaders.contains("content-type") && allowHeaders.contains("if-none-match"))
        #expect(preflight.header("Access-Control-Allow-Origin") == "*")
        let get = try client.get("/v1/articles", headers: [("Origin", "http://localhost:3000")])
        #expect(get.header("Access-Control-Allow-Origin") == "*")
        #expect(get.header("Access-Control-Expose-Headers")?.contains("ETag") == true)
    }

    @Test("problem+json: a server-level error (bad Content-Length) and an API 400 with a query string")
    func problems() throws {
        let server = try SeededServer()
        let badLength = try server.connect()
        try badLength.send(Array("POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12abc\r\n\r\n".utf8))
        let framing = try badLength.readResponse()
        #expect(framing.status == 400)
        #expect(framing.header("Content-Type") == "application/problem+json")
        #expect(framing.json["status"] as? Int == 400)
        #expect((framing.json["type"] as? String)?.hasPrefix("/problems/") == true)
        #expect(framing.json["title"] is String && framing.json["detail"] is String)

        let client = try server.connect()
        for (target, name) in [("/v1/articles?limit=0&language=en", "limit"), ("/v1/timeline?from=2020-02-30", "from"),
                               ("/v1/entities?sort=size", "sort"), ("/v1/graph?minWeight=two", "minWeight"),
                               ("/v1/articles?cursor=forged", "cursor"), ("/v1/articles?q=%22unterminated", "q")] {
            let response = try client.get(target)
            #expect(response.status == 400, "\(target)")
            #expect(response.header("Content-Type") == "application/problem+json", "\(target)")
            #expect(response.json["type"] as? String == "/problems/invalid-parameter", "\(target)")
            let names = (response.json["invalidParams"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names == [name], "\(target)")
            #expect((response.json["detail"] as? String)?.contains(name) == true, "\(target)")
        }
        let notAllowed = try client.request("PUT", "/v1/articles", body: Array("{}".utf8))
        #expect(notAllowed.status == 405)
        #expect(notAllowed.header("Allow")?.contains("POST") == true)
        let query = try client.request("QUERY", "/healthz")
        #expect(query.status == 405)
        #expect(query.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(try client.request("BREW", "/v1/articles").status == 501)
    }

    @Test("a write by another process (dossier ingest on the same file) is seen: new ETag, new article")
    func writeFromAnotherProcess() throws {
        let server = try SeededServer()
        let client = try server.connect()
        let before = try client.get("/v1/articles")
        let beforeTag = try #require(before.header("ETag"))
        #expect(try client.get("/v1/articles", headers: [("If-None-Match", beforeTag)]).status == 304)

        let file = server.folder.url.appendingPathComponent("late-report.txt")
        try "date 2026-02-02\nLate report from Basra\n\nMilitia leaders met in Basra on Monday to discuss the protests in Tehran."
            .write(to: file, atomically: true, encoding: .utf8)
        let ingest = try DossierProcess.run(["ingest", "--db", server.databasePath, file.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let after = try client.get("/v1/articles", headers: [("If-None-Match", beforeTag)])
        #expect(after.status == 200)
        #expect(after.header("ETag") != beforeTag)
        #expect(after.ids.first == "late-report")
        #expect(Set(after.ids) == Set(Self.seedIDs + ["late-report"]))
        let article = try client.get("/v1/articles/late-report")
        #expect(article.status == 200)
        #expect(article.json["publishedAt"] as? String == "2026-02-02")
    }
}
