import DossierAPI
import Foundation
import HTTPServer
import Testing

@Suite("Writes and auth")
struct WriteTests {
    @Test("no token configured: writes are 403")
    func forbidden() throws {
        let harness = try Harness(token: nil)
        #expect(harness.post(#"{"body":"x"}"#).status.code == 403)
        #expect(harness.request(.delete, "/v1/articles/a1", headers: [("Authorization", "Bearer x")]).status.code == 403)
    }

    @Test("missing or wrong token: 401 with WWW-Authenticate: Bearer", arguments: [nil, "wrong", "secret-token-longer", ""] as [String?])
    func unauthorized(token: String?) throws {
        let harness = try Harness()
        let response = harness.post(#"{"body":"x"}"#, token: token)
        #expect(response.status.code == 401)
        #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        #expect(harness.request(.delete, "/v1/articles/a1", headers: [("Authorization", "Basic c2VjcmV0")]).status.code == 401)
    }

    @Test("POST: 201 + Location + the article with status; again 200 unchanged; new content 200 updated")
    func create() throws {
        let harness = try Harness()
        let body = #"{"id":"new-1","title":"Headline","body":"Headline\nIran and Tehran.","publishedAt":"2026-02-03T10:00:00Z","source":"wire"}"#
        let created = harness.post(body)
        #expect(created.status.code == 201)
        #expect(created.header("Location") == "/v1/articles/new-1")
        #expect(created.json["status"] as? String == "created")
        #expect(created.json["publishedAt"] as? String == "2026-02-03")
        #expect(created.json["body"] as? String == "Headline\nIran and Tehran.")
        #expect(created.header("ETag") == nil)
        let again = harness.post(body)
        #expect(again.status.code == 200)
        #expect(again.json["status"] as? String == "unchanged")
        #expect(again.header("Location") == nil)
        let updated = harness.post(#"{"id":"new-1","body":"Other text"}"#)
        #expect(updated.json["status"] as? String == "updated")
        #expect(harness.get("/v1/articles/new-1").json["body"] as? String == "Other text")
    }

    @Test("POST bodies that are refused", arguments: [
        (#"{"body":"x"}"#, "text/plain", 415, nil),
        (#"{"body":"x"}"#, "application/x-www-form-urlencoded", 415, nil),
        ("{not json", "application/json", 400, "body"),
        ("[1,2]", "application/json", 400, "body"),
        (#"{"title":"no body"}"#, "application/json", 400, "body"),
        (#"{"body":"   "}"#, "application/json", 400, "body"),
        (#"{"body":42}"#, "application/json", 400, "body"),
        (#"{"id":"bad id!","body":"x"}"#, "application/json", 400, "id"),
        (#"{"body":"x","publishedAt":"2020-02-30"}"#, "application/json", 400, "publishedAt"),
        (#"{"body":"x","language":"english"}"#, "application/json", 400, "language"),
    ] as [(String, String, Int, String?)])
    func refused(body: String, contentType: String, status: Int, field: String?) throws {
        let harness = try Harness()
        let response = harness.post(body, contentType: contentType)
        #expect(response.status.code == status)
        #expect(response.header("Content-Type") == "application/problem+json")
        if let field { #expect(response.invalidNames.contains(field)) }
    }

    @Test("POST accepts application/json with parameters")
    func charset() throws {
        let harness = try Harness()
        #expect(harness.post(#"{"id":"c1","body":"Text"}"#, contentType: "Application/JSON; charset=utf-8").status.code == 201)
    }

    @Test("a body over the limit is 413")
    func tooLarge() throws {
        let harness = try Harness()
        let big = #"{"body":""# + String(repeating: "a", count: 70 * 1024) + #""}"#
        #expect(harness.post(big).status.code == 413)
    }

    @Test("DELETE: 204, then 404; the article, its events and orphaned entities go; lists and ETags move")
    func delete() throws {
        let harness = try Harness()
        let listTag = harness.get("/v1/articles").header("ETag")
        let response = harness.request(.delete, "/v1/articles/a3", headers: [("Authorization", "Bearer secret-token")])
        #expect(response.status.code == 204)
        #expect(response.body.isEmpty)
        #expect(harness.get("/v1/articles/a3").status.code == 404)
        #expect(harness.get("/v1/entities/zurich").status.code == 404)
        #expect(!harness.get("/v1/timeline").ids.contains("a3-e1"))
        #expect(harness.get("/v1/articles").header("ETag") != listTag)
        #expect(harness.request(.delete, "/v1/articles/a3", headers: [("Authorization", "Bearer secret-token")]).status.code == 404)
    }
}
