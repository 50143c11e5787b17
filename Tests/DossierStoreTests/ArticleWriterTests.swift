import DossierTestSupport
import DossierModel
import Foundation
import SQLiteDB
import Testing
@testable import DossierStore

/// Builds records by hand: the writer is tested without extraction.
private func record(
    id: String, body: String = "Body.", published: String? = "2020-01-17",
    entities: [(String, EntityType, String, [String])] = [], mentions: [(Int, String, Int)] = [],
    events: [(String, String?, String?, [Int])] = []
) -> ArticleRecord {
    var offset = 0
    return ArticleRecord(
        id: id, title: "Title \(id)", body: body, publishedAt: published.flatMap { CalendarDate(iso: $0) },
        publishedAtSource: published == nil ? nil : .header, language: "en", languages: [LanguageShare(code: "en", share: 1)],
        source: nil, wordCount: 1, contentHash: "hash-\(body.hashValue)",
        entities: entities.map { ExtractedEntity(name: $0.0, type: $0.1, aliases: [$0.0], canonicalKey: $0.2, matchKeys: $0.3) },
        mentions: mentions.map { mention in
            defer { offset += 10 }
            return ExtractedMention(entityIndex: mention.0, span: TextSpan(start: offset, end: offset + mention.1.utf16.count), text: mention.1, sentenceIndex: mention.2)
        },
        events: events.map { event in
            ArticleRecord.Event(
                interval: event.1.flatMap { s in event.2.flatMap { e in CalendarDate(iso: s).flatMap { s in CalendarDate(iso: e).map { DayInterval(start: s, end: $0) } } } },
                precision: .day, text: event.0, span: TextSpan(start: 0, end: event.0.utf16.count), resolution: .absolute,
                anchor: nil, sentence: 0, summary: "Summary of \(event.0)", entityIndexes: event.3)
        })
}

@Suite("Article writer")
struct ArticleWriterTests {
    func count(_ store: DossierStore, _ sql: String, _ arguments: [any SQLiteValueConvertible] = []) throws -> Int {
        try store.read { try $0.scalar(Int.self, sql: sql, arguments: arguments) } ?? -1
    }

    @Test("created, then unchanged for the same content, then updated with new content replacing mentions and events")
    func statuses() throws {
        let folder = try TemporaryDirectory()
        let store = try DossierStore(path: folder.path("db.sqlite"))
        let first = record(id: "a", body: "One.", entities: [("Iran", .location, "country:IR", ["iran"])],
                           mentions: [(0, "Iran", 0), (0, "Iran", 1)], events: [("2020-01-03", "2020-01-03", "2020-01-03", [0])])
        #expect(try store.upsert(first) == .created)
        let version = try store.dataVersion()
        #expect(try store.upsert(first) == .unchanged)
        #expect(try store.dataVersion() == version, "an unchanged article must not bump the data version")
        let second = record(id: "a", body: "Two.", entities: [("Iraq", .location, "country:IQ", ["iraq"])],
                            mentions: [(0, "Iraq", 0)])
        #expect(try store.upsert(second) == .updated)
        #expect(try store.dataVersion() == version + 1)
        #expect(try count(store, "SELECT count(*) FROM articles") == 1)
        #expect(try count(store, "SELECT count(*) FROM mentions") == 1)
        #expect(try count(store, "SELECT count(*) FROM events") == 0)
        #expect(try count(store, "SELECT count(*) FROM entities WHERE canonical_key = 'country:IR'") == 0, "Iran lost its only mention")
        #expect(try count(store, "SELECT mention_count FROM entities WHERE canonical_key = 'country:IQ'") == 1)
    }

    @Test("a surname in one article joins the full name in another; a different first name stays apart")
    func crossArticleResolution() throws {
        let folder = try TemporaryDirectory()
        let store = try DossierStore(path: folder.path("db.sqlite"))
        _ = try store.upsert(record(id: "a", entities: [("Ali Khamenei", .person, "ali khamenei", ["khamenei"])], mentions: [(0, "Ali Khamenei", 0)]))
        _ = try store.upsert(record(id: "b", body: "B.", entities: [("Khamenei", .person, "khamenei", [])], mentions: [(0, "Khamenei", 0)]))
        _ = try store.upsert(record(id: "c", body: "C.", entities: [("Mojtaba Khamenei", .person, "mojtaba khamenei", ["khamenei"])], mentions: [(0, "Mojtaba Khamenei", 0)]))
        let rows = try store.read { try $0.rows(sql: "SELECT id, name, mention_count, article_count FROM entities ORDER BY id") }
        #expect(rows.count == 2)
        #expect(try rows[0].get("id", as: String.self) == "ali-khamenei")
        #expect(try rows[0].get("mention_count", as: Int.self) == 2)
        #expect(try rows[0].get("article_count", as: Int.self) == 2)
        #expect(try rows[1].get("name", as: String.self) == "Mojtaba Khamenei")
        let aliases = try store.read { try $0.rows(sql: "SELECT alias FROM entity_aliases a JOIN entities e ON e.rowid = a.entity_rowid WHERE e.id = 'ali-khamenei' ORDER BY alias") }
        #expect(try aliases.map { try $0.get("alias", as: String.self) } == ["Ali Khamenei", "Khamenei"])
    }

    @Test("the fuller name wins when a later article names the entity in full")
    func fullerName() throws {
        let folder = try TemporaryDirectory()
        let store = try DossierStore(path: folder.path("db.sqlite"))
        _ = try store.upsert(record(id: "a", entities: [("Soleimani", .person, "soleimani", [])], mentions: [(0, "Soleimani", 0)]))
        _ = try store.upsert(record(id: "b", body: "B.", entities: [("Qassem Soleimani", .person, "qassem soleimani", ["soleimani"])], mentions: [(0, "Qassem Soleimani", 0)]))
        let names = try store.read { try $0.rows(sql: "SELECT id, name FROM entities") }
        #expect(names.count == 1)
        #expect(try names[0].get("name", as: String.self) == "Qassem Soleimani")
        #expect(try names[0].get("id", as: String.self) == "soleimani", "the id stays stable while the entity exists")
    }

    @Test("co-occurrence weights count shared sentences and go away with the article")
    func cooccurrence() throws {
        let folder = try TemporaryDirectory()
        let store = try DossierStore(path: folder.path("db.sqlite"))
        let entities: [(String, EntityType, String, [String])] = [("Iran", .location, "country:IR", []), ("Iraq", .location, "country:IQ", [])]
        _ = try store.upsert(record(id: "a", entities: entities, mentions: [(0, "Iran", 0), (1, "Iraq", 0), (0, "Iran", 1), (1, "Iraq", 1), (1, "Iraq", 2)]))
        _ = try store.upsert(record(id: "b", body: "B.", entities: entities, mentions: [(0, "Iran", 0), (1, "Iraq", 0)]))
        #expect(try count(store, "SELECT weight FROM cooccurrences") == 3)
        #expect(try store.deleteArticle(id: "a"))
        #expect(try count(store, "SELECT weight FROM cooccurrences") == 1)
        #expect(try count(store, "SELECT mention_count FROM entities WHERE canonical_key = 'country:IQ'") == 1)
        #expect(try store.deleteArticle(id: "b"))
        #expect(try count(store, "SELECT count(*) FROM cooccurrences") == 0)
        #expect(try count(store, "SELECT count(*) FROM entities") == 0, "entities left with no mention disappear")
        #expect(try count(store, "SELECT count(*) FROM entity_aliases") == 0)
        #expect(try !store.deleteArticle(id: "b"))
    }

    @Test("events keep their interval and entities; unresolved events stay out of the timeline index")
    func events() throws {
        let folder = try TemporaryDirectory()
        let store = try DossierStore(path: folder.path("db.sqlite"))
        _ = try store.upsert(record(
            id: "a", entities: [("Iran", .location, "country:IR", [])], mentions: [(0, "Iran", 0)],
            events: [("January 3", "2020-01-03", "2020-01-03", [0]), ("yesterday", nil, nil, [])]))
        #expect(try count(store, "SELECT count(*) FROM events") == 2)
        #expect(try count(store, "SELECT count(*) FROM events WHERE start_date IS NOT NULL") == 1)
        #expect(try count(store, "SELECT count(*) FROM event_entities WHERE start_date = '2020-01-03'") == 1)
        #expect(try store.read { try $0.scalar(String.self, sql: "SELECT id FROM events ORDER BY id LIMIT 1") } == "a~1")
    }

    @Test("the full-text index follows inserts, updates and deletes")
    func fullText() throws {
        let folder = try TemporaryDirectory()
        let store = try DossierStore(path: folder.path("db.sqlite"))
        func matches(_ query: String) throws -> [String] {
            try store.read { try $0.rows(sql: "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ? ORDER BY a.id", arguments: [query]).map { try $0.get("id", as: String.self) } }
        }
        _ = try store.upsert(record(id: "a", body: "Protests erupted in Tehran."))
        _ = try store.upsert(record(id: "b", body: "Militias moved into Iraq."))
        #expect(try matches("tehran") == ["a"])
        #expect(try matches("protest*") == ["a"])
        #expect(try matches("\"moved into\"") == ["b"])
        _ = try store.upsert(record(id: "a", body: "Quiet streets in Tehran today."))
        #expect(try matches("protests").isEmpty)
        #expect(try matches("quiet") == ["a"])
        try store.deleteArticle(id: "a")
        #expect(try matches("tehran").isEmpty)
        #expect(try matches("militias") == ["b"])
    }
}
