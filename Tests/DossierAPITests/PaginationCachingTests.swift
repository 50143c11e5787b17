import DossierAPI
import DossierStore
import Foundation
import HTTPServer
import Testing

@Suite("Pagination and caching")
struct PaginationCachingTests {
    @Test("paging through every page while an article is inserted between pages: no repeat, no gap")
    func pagingWithInsertions() throws {
        let harness = try Harness(samples: false)
        for index in 0..<25 {
            try harness.fixture.insert(.init(
                id: String(format: "p%02d", index), title: "Title", body: "Title\nBody \(index)",
                publishedAt: index % 6 == 0 ? nil : String(format: "2026-01-%02d", 1 + index % 4),
                ingestedAt: String(format: "2026-02-01T00:00:%02dZ", index % 3)))
        }
        let before = harness.get("/v1/articles?limit=100").ids
        #expect(before.count == 25)
        var seen: [String] = []
        var target = "/v1/articles?limit=3"
        for round in 0..<30 {
            let page = harness.get(target)
            #expect(page.status.code == 200)
            seen += page.ids
            try harness.fixture.insert(.init(id: "new\(round)", title: "T", body: "T\nnew \(round)",
                                             publishedAt: round % 2 == 0 ? "2026-01-02" : nil, ingestedAt: "2026-02-01T00:00:01Z"))
            guard let cursor = page.nextCursor else { break }
            target = "/v1/articles?limit=3&cursor=" + percentEncoded(cursor)
        }
        #expect(seen.filter { !$0.hasPrefix("new") } == before)
        #expect(Set(seen).count == seen.count)
    }

    @Test("every list pages to its end with limit=1", arguments: [
        "/v1/articles?", "/v1/articles?q=iran&", "/v1/entities?", "/v1/entities?sort=name&", "/v1/timeline?",
        "/v1/timeline?from=2026-01-02&", "/v1/entities/iran/timeline?",
    ])
    func pagesToTheEnd(base: String) throws {
        let harness = try Harness()
        let whole = harness.get(base + "limit=100").ids
        var seen: [String] = []
        var target = base + "limit=1"
        for _ in 0..<20 {
            let page = harness.get(target)
            #expect(page.status.code == 200)
            seen += page.ids
            guard let cursor = page.nextCursor else { break }
            target = base + "limit=1&cursor=" + percentEncoded(cursor)
        }
        #expect(seen == whole)
        #expect(!whole.isEmpty)
    }

    @Test("a cursor is bound to its list and filters, and tamper-evident")
    func cursorBinding() throws {
        let harness = try Harness()
        let cursor = try #require(harness.get("/v1/articles?limit=1&language=en").nextCursor)
        #expect(harness.get("/v1/articles?limit=1&language=en&cursor=" + percentEncoded(cursor)).status.code == 200)
        #expect(harness.get("/v1/articles?limit=5&language=en&cursor=" + percentEncoded(cursor)).status.code == 200)
        #expect(harness.get("/v1/articles?limit=1&language=fr&cursor=" + percentEncoded(cursor)).status.code == 400)
        #expect(harness.get("/v1/timeline?cursor=" + percentEncoded(cursor)).status.code == 400)
        var bytes = Array(cursor.utf8)
        bytes[3] = bytes[3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let tampered = String(decoding: bytes, as: UTF8.self)
        let response = harness.get("/v1/articles?limit=1&language=en&cursor=" + percentEncoded(tampered))
        #expect(response.status.code == 400)
        #expect(response.invalidNames == ["cursor"])
    }

    @Test("cursors survive a restart: the key is the database's")
    func cursorAcrossRestart() throws {
        let harness = try Harness()
        let cursor = try #require(harness.get("/v1/articles?limit=1").nextCursor)
        let restarted = makeRouter(store: harness.fixture.store, configuration: APIConfiguration(), readiness: Readiness(ready: true))
        let response = restarted.handle(HTTPRequest(method: .get, target: "/v1/articles", path: "/v1/articles",
                                                    query: [("limit", "1"), ("cursor", cursor)]))
        #expect(response.status.code == 200)
    }

    @Test("strong ETag from the data version, 304 on If-None-Match, new ETag after another process writes")
    func etags() throws {
        let harness = try Harness()
        let first = harness.get("/v1/articles/a1")
        let etag = try #require(first.header("ETag"))
        #expect(etag.hasPrefix("\"v") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
        #expect(first.header("Vary") == "Accept-Encoding")
        #expect(first.header("Cache-Control") != nil)
        #expect(harness.get("/v1/articles/a1").header("ETag") == etag)
        let notModified = harness.get("/v1/articles/a1", headers: [("If-None-Match", "\"other\", " + etag)])
        #expect(notModified.status.code == 304)
        #expect(notModified.body.isEmpty)
        #expect(notModified.header("ETag") == etag)
        #expect(harness.get("/v1/articles/a1", headers: [("If-None-Match", "*")]).status.code == 304)
        #expect(harness.get("/v1/articles/a1", headers: [("If-None-Match", "\"v0-stale\"")]).status.code == 200)
        let list = harness.get("/v1/articles")

        // Another "process": a second store on the same file writes; the router notices.
        let other = try DossierStore(path: harness.fixture.path)
        try other.write { db in
            try db.execute(sql: "UPDATE articles SET title = 'Changed title' WHERE id = 'a1'", arguments: [])
        }
        let after = harness.get("/v1/articles/a1")
        #expect(after.header("ETag") != etag)
        #expect(after.json["title"] as? String == "Changed title")
        #expect(harness.get("/v1/articles/a1", headers: [("If-None-Match", etag)]).status.code == 200)
        #expect(harness.get("/v1/articles").header("ETag") != list.header("ETag"))
    }

    @Test("gzip: a distinct ETag per encoding, Content-Encoding when smaller")
    func gzipVariant() throws {
        // A stand-in compressor (the server's Gzip.compress plugs in the same way): halves the body.
        let harness = try Harness(gzip: { Array($0.prefix($0.count / 2)) })
        let plain = harness.get("/v1/articles")
        let zipped = harness.get("/v1/articles", headers: [("Accept-Encoding", "br, gzip;q=0.8")])
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(zipped.body.count == plain.body.count / 2)
        let plainTag = try #require(plain.header("ETag"))
        let zippedTag = try #require(zipped.header("ETag"))
        #expect(zippedTag == String(plainTag.dropLast()) + "-gzip\"")
        #expect(harness.get("/v1/articles", headers: [("Accept-Encoding", "gzip;q=0")]).header("Content-Encoding") == nil)
        #expect(harness.get("/v1/articles", headers: [("Accept-Encoding", "gzip"), ("If-None-Match", zippedTag)]).status.code == 304)
        #expect(harness.get("/v1/articles", headers: [("If-None-Match", zippedTag)]).status.code == 200)
    }
}
