import DossierAPI
import Foundation
import HTTPServer
import Testing

@Suite("Read endpoints")
struct ReadEndpointTests {
    @Test("GET /v1/articles: order, filters, search with snippet")
    func articles() throws {
        let harness = try Harness()
        let all = harness.get("/v1/articles")
        #expect(all.status.code == 200)
        #expect(all.header("Content-Type") == "application/json; charset=utf-8")
        #expect(all.ids == ["a2", "a3", "a1", "a4"])
        #expect(all.json["nextCursor"] is NSNull)
        let first = try #require(all.items.first)
        #expect(first["body"] == nil && first["entities"] == nil && first["status"] == nil)
        #expect((first["languages"] as? [[String: Any]])?.first?["code"] as? String == "en")
        #expect(harness.get("/v1/articles?entity=tehran").ids == ["a3", "a1", "a4"])
        #expect(harness.get("/v1/articles?language=fr").ids == ["a3"])
        #expect(harness.get("/v1/articles?from=2026-01-06").ids == ["a2", "a3"])
        #expect(harness.get("/v1/articles?to=2026-01-06").ids == ["a1"])
        #expect(harness.get("/v1/articles?entity=nobody").ids == [])
        #expect(harness.get("/v1/articles?unknown=1&limit=2").ids == ["a2", "a3"])
        let search = harness.get("/v1/articles?q=" + percentEncoded("\"united nations\" OR zürich"))
        #expect(Set(search.ids) == ["a2", "a3"])
        for item in search.items {
            let snippet = try #require(item["snippet"] as? [String: Any])
            let text = try #require(snippet["text"] as? String)
            let highlights = try #require(snippet["highlights"] as? [[String: Int]])
            #expect(!highlights.isEmpty)
            let utf16 = Array(text.utf16)
            for highlight in highlights {
                let word = String(decoding: utf16[highlight["start"]!..<highlight["end"]!], as: UTF16.self).lowercased()
                #expect(["united nations", "zürich"].contains(word))
            }
        }
        #expect(harness.get("/v1/articles?q=protest*+NOT+tehran").ids == [])
        #expect(harness.get("/v1/articles?q=").ids.count == 4)
    }

    @Test("GET /v1/articles/{id}: whole, mentions by start, events with summary and entities")
    func article() throws {
        let harness = try Harness()
        let response = harness.get("/v1/articles/a1")
        #expect(response.status.code == 200)
        let article = response.json
        #expect(article["id"] as? String == "a1")
        #expect(article["status"] == nil)
        let body = try #require(article["body"] as? String)
        let utf16 = Array(body.utf16)
        let entities = try #require(article["entities"] as? [[String: Any]])
        #expect(entities.compactMap { ($0["entity"] as? [String: Any])?["id"] as? String } == ["tehran", "iran", "khamenei"])
        for entity in entities {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                let start = mention["start"] as! Int, end = mention["end"] as! Int
                #expect(String(decoding: utf16[start..<end], as: UTF16.self) == mention["text"] as? String)
            }
        }
        let events = try #require(article["events"] as? [[String: Any]])
        #expect(events.count == 2)
        let date = try #require(events[0]["date"] as? [String: Any])
        #expect(date["start"] as? String == "2026-01-05" && date["precision"] as? String == "day")
        #expect((events[1]["date"] as? [String: Any])?["start"] is NSNull)
        #expect(harness.get("/v1/articles/missing").status.code == 404)
    }

    @Test("GET /v1/entities and /v1/entities/{id}")
    func entities() throws {
        let harness = try Harness()
        #expect(harness.get("/v1/entities").ids == ["iran", "tehran", "un", "zurich", "khamenei"])
        #expect(harness.get("/v1/entities?sort=name").ids == ["khamenei", "iran", "tehran", "un", "zurich"])
        #expect(harness.get("/v1/entities?type=person").ids == ["khamenei"])
        #expect(harness.get("/v1/entities?q=ZURI").ids == ["zurich"])
        #expect(harness.get("/v1/entities?q=ali+KHA").ids == ["khamenei"])
        let entity = harness.get("/v1/entities/iran").json
        #expect(entity["name"] as? String == "Iran")
        #expect(entity["type"] as? String == "location")
        #expect(entity["mentionCount"] as? Int == 5)
        #expect(entity["articleCount"] as? Int == 4)
        #expect(entity["firstSeen"] as? String == "2026-01-05")
        #expect(entity["lastSeen"] as? String == "2026-01-07")
        #expect((entity["aliases"] as? [String])?.contains("Iran") == true)
        #expect((entity["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["a2", "a3", "a1", "a4"])
        let related = try #require(entity["related"] as? [[String: Any]])
        #expect((related.first?["entity"] as? [String: Any])?["id"] as? String == "un")
        #expect(related.first?["weight"] as? Int == 2)
        #expect(harness.get("/v1/entities/nobody").status.code == 404)
    }

    @Test("GET /v1/timeline and /v1/entities/{id}/timeline")
    func timeline() throws {
        let harness = try Harness()
        #expect(harness.get("/v1/timeline").ids == ["a2-e2", "a3-e1", "a2-e1", "a1-e1"])
        #expect(harness.get("/v1/timeline?from=2026-01-02&to=2026-01-06").ids == ["a3-e1", "a2-e1", "a1-e1"])
        #expect(harness.get("/v1/timeline?precision=month").ids == ["a2-e1"])
        #expect(harness.get("/v1/timeline?article=a2").ids == ["a2-e2", "a2-e1"])
        #expect(harness.get("/v1/timeline?entity=iran").ids == ["a2-e2", "a2-e1"])
        #expect(harness.get("/v1/entities/iran/timeline").ids == ["a2-e2", "a2-e1"])
        #expect(harness.get("/v1/entities/iran/timeline?from=2026-01-01").ids == ["a2-e1"])
        let event = try #require(harness.get("/v1/timeline?article=a2").items.last)
        #expect(event["summary"] as? String == "A sentence.")
        #expect((event["entities"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["iran", "un"])
        #expect(harness.get("/v1/entities/nobody/timeline").status.code == 404)
    }

    @Test("GET /v1/graph: whole, neighbourhood, type, minWeight, limit")
    func graph() throws {
        let harness = try Harness()
        let graph = harness.get("/v1/graph").json
        let nodes = try #require(graph["nodes"] as? [[String: Any]])
        #expect(nodes.count == 5)
        #expect(nodes.first?["mentionCount"] as? Int == 5)
        let edges = try #require(graph["edges"] as? [[String: Any]])
        #expect(edges.first?["weight"] as? Int == 2)
        let around = harness.get("/v1/graph?entity=zurich").json
        #expect((around["nodes"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["zurich", "iran"])
        #expect((harness.get("/v1/graph?minWeight=2").json["nodes"] as? [Any])?.count == 2)
        #expect((harness.get("/v1/graph?limit=1").json["nodes"] as? [Any])?.count == 1)
        #expect((harness.get("/v1/graph?type=person").json["nodes"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["khamenei"])
        #expect((harness.get("/v1/graph?entity=nobody").json["nodes"] as? [Any])?.count == 0)
    }

    @Test("an invalid value of a documented parameter is a 400 naming it", arguments: [
        ("/v1/articles?limit=0", "limit"), ("/v1/articles?limit=101", "limit"), ("/v1/articles?limit=ten", "limit"),
        ("/v1/articles?limit=" + percentEncoded("١٠"), "limit"), ("/v1/articles?limit=", "limit"), ("/v1/articles?limit=-1", "limit"),
        ("/v1/articles?from=2020-02-30", "from"), ("/v1/articles?to=20200101", "to"),
        ("/v1/articles?from=" + percentEncoded("２０２０-01-01"), "from"), ("/v1/articles?from=2026-02-01&to=2026-01-01", "from"),
        ("/v1/articles?q=" + percentEncoded("\"unterminated"), "q"), ("/v1/articles?q=" + percentEncoded("NEAR("), "q"),
        ("/v1/articles?q=*", "q"), ("/v1/articles?q=-", "q"), ("/v1/articles?q=a+AND", "q"), ("/v1/articles?entity=", "entity"),
        ("/v1/articles?cursor=bogus", "cursor"), ("/v1/entities?type=alien", "type"), ("/v1/entities?sort=size", "sort"),
        ("/v1/entities?limit=1000", "limit"), ("/v1/timeline?precision=hour", "precision"), ("/v1/timeline?from=2026-13-01", "from"),
        ("/v1/entities/iran/timeline?limit=0", "limit"), ("/v1/graph?minWeight=1.5", "minWeight"), ("/v1/graph?minWeight=0", "minWeight"),
        ("/v1/graph?limit=501", "limit"), ("/v1/graph?type=thing", "type"), ("/v1/timeline?cursor=a.b", "cursor"),
    ])
    func invalidParameter(target: String, name: String) throws {
        let harness = try Harness()
        let response = harness.get(target)
        #expect(response.status.code == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.json["type"] as? String == "/problems/invalid-parameter")
        #expect(response.json["status"] as? Int == 400)
        #expect(response.invalidNames.contains(name))
        #expect((response.json["detail"] as? String)?.contains(name) == true)
    }

    @Test("several invalid parameters are all named")
    func severalInvalid() throws {
        let harness = try Harness()
        #expect(Set(harness.get("/v1/articles?limit=0&from=x&q=*").invalidNames) == ["limit", "from", "q"])
    }
}
