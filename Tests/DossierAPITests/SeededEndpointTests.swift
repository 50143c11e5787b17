import Crypto
import DossierAPI
import Foundation
import HTTPServer
import Testing

/// The API over the repository's seeds, ingested and written through the real ingest path (`Seeder`,
/// `IngestorWriter`): the facts API.md states about the seeds and the write rules of the Ingestor.
@Suite("Read and write endpoints over the seeds")
struct SeededEndpointTests {
    @Test("the seed articles as API.md describes them")
    func seedArticles() throws {
        let harness = try Harness(seeded: true)
        let list = harness.get("/v1/articles")
        #expect(Set(list.ids) == ["000_06c42b9a60775aa6", "001_35c2fb1143aee1db", "002_ce621ff7f50b0fdc"])
        for id in list.ids {
            let article = harness.get("/v1/articles/\(id)").json
            let body = try #require(article["body"] as? String)
            let title = try #require(article["title"] as? String)
            let hash = SHA256.hash(data: Array(body.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(article["contentHash"] as? String == hash)
            #expect(!title.isEmpty && title.count <= 200)
            let shares = (article["languages"] as? [[String: Any]] ?? []).compactMap { $0["share"] as? Double }
            #expect(abs(shares.reduce(0, +) - 1) < 0.01)
            #expect(article["status"] == nil)
            if id.hasPrefix("000_") || id.hasPrefix("001_") {
                // Derived from the first sentence: at most 120 characters, and not a line of its own.
                #expect(title.count <= 120)
            }
        }
        let yiddish = harness.get("/v1/articles/002_ce621ff7f50b0fdc").json
        let body = try #require(yiddish["body"] as? String)
        #expect(body.hasSuffix("driving Iranians into the streets."))
        #expect(yiddish["title"] as? String == body.split(separator: "\n").first.map(String.init))
        let codes = (yiddish["languages"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(Set(codes).isSuperset(of: ["en", "yi"]))
    }

    @Test("entities of the seeds link back to their articles, and the graph's edges join its nodes")
    func seedEntities() throws {
        let harness = try Harness(seeded: true)
        let entities = harness.get("/v1/entities?limit=100")
        #expect(entities.status.code == 200)
        let top = try #require(entities.ids.first)
        let entity = harness.get("/v1/entities/\(top)").json
        let count = try #require(entity["articleCount"] as? Int)
        #expect(harness.get("/v1/articles?entity=\(top)").ids.count == count)
        let graph = harness.get("/v1/graph?entity=\(top)").json
        let nodes = (graph["nodes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(nodes.first == top)
        let related = (entity["related"] as? [[String: Any]] ?? []).compactMap { ($0["entity"] as? [String: Any])?["id"] as? String }
        #expect(Set(related.prefix(nodes.count - 1)).isSubset(of: Set(nodes)))
    }

    @Test("POST through the Ingestor: a stored body without id answers the existing article; new content replaces; DELETE drops orphaned entities")
    func ingestorWrites() throws {
        let harness = try Harness(seeded: true)
        let seeded = harness.get("/v1/articles/001_35c2fb1143aee1db").json
        let body = try #require(seeded["body"] as? String)
        let payload = String(decoding: try JSONSerialization.data(withJSONObject: ["body": body]), as: UTF8.self)
        let duplicate = harness.post(payload)
        #expect(duplicate.status.code == 200)
        #expect(duplicate.json["id"] as? String == "001_35c2fb1143aee1db")
        #expect(duplicate.json["status"] as? String == "unchanged")

        let first = harness.post(#"{"id":"wire-9","body":"Zorvanian envoys met in Geneva on 3 March 2026.","publishedAt":"2026-03-04"}"#)
        #expect(first.status.code == 201)
        #expect(first.json["publishedAt"] as? String == "2026-03-04")
        #expect(first.json["publishedAtSource"] as? String == "header")
        let replaced = harness.post(#"{"id":"wire-9","body":"Officials said nothing more today."}"#)
        #expect(replaced.status.code == 200)
        #expect(replaced.json["status"] as? String == "updated")
        #expect(harness.get("/v1/articles/wire-9").json["body"] as? String == "Officials said nothing more today.")

        let before = Set(harness.get("/v1/entities?limit=100").ids)
        #expect(harness.request(.delete, "/v1/articles/002_ce621ff7f50b0fdc", headers: [("Authorization", "Bearer secret-token")]).status.code == 204)
        let after = Set(harness.get("/v1/entities?limit=100").ids)
        #expect(after.isSubset(of: before))
        for id in after {
            let entity = harness.get("/v1/entities/\(id)").json
            #expect((entity["articleCount"] as? Int ?? 0) >= 1, "\(id) has no article left")
        }
        #expect(harness.get("/v1/articles/002_ce621ff7f50b0fdc").status.code == 404)
    }
}
