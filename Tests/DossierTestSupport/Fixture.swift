import DossierModel
import DossierStore
import Foundation
import SQLiteDB

/// A real database file in a temporary directory, filled with raw SQL the way the writer fills it
/// (counts, aliases, copied sort keys, co-occurrences), for query tests that do not depend on extraction.
public final class Fixture: @unchecked Sendable {
    public struct Mention {
        public var entity: String
        public var name: String
        public var type: String
        public var start: Int
        public var end: Int
        public var sentence: Int

        public init(entity: String, name: String, type: String, start: Int, end: Int, sentence: Int) {
            self.entity = entity
            self.name = name
            self.type = type
            self.start = start
            self.end = end
            self.sentence = sentence
        }
    }

    public struct Event {
        public var id: String
        public var start: String?
        public var end: String?
        public var precision: String
        public var text: String = "then"
        public var sentence: Int = 0
        public var summary: String = "A sentence."
        public var entities: [String] = []

        public init(
            id: String, start: String?, end: String?, precision: String, text: String = "then", sentence: Int = 0,
            summary: String = "A sentence.", entities: [String] = []
        ) {
            self.id = id
            self.start = start
            self.end = end
            self.precision = precision
            self.text = text
            self.sentence = sentence
            self.summary = summary
            self.entities = entities
        }
    }

    public struct Article {
        public var id: String
        public var title: String
        public var body: String
        public var publishedAt: String?
        public var ingestedAt: String = "2026-01-01T00:00:00Z"
        public var language: String = "en"
        public var source: String? = nil
        public var mentions: [Mention] = []
        public var events: [Event] = []

        public init(
            id: String, title: String, body: String, publishedAt: String?, ingestedAt: String = "2026-01-01T00:00:00Z",
            language: String = "en", source: String? = nil, mentions: [Mention] = [], events: [Event] = []
        ) {
            self.id = id
            self.title = title
            self.body = body
            self.publishedAt = publishedAt
            self.ingestedAt = ingestedAt
            self.language = language
            self.source = source
            self.mentions = mentions
            self.events = events
        }
    }

    public let directory: URL
    public let path: String
    public let store: DossierStore

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("dossier.sqlite").path
        store = try DossierStore(path: path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Mentions of `names` at each occurrence in `body` (all in sentence `sentence` unless the body has periods:
    /// the sentence index is the number of ". " before the mention).
    public static func mentions(in body: String, _ names: [(entity: String, name: String, type: String)]) -> [Mention] {
        let utf16 = Array(body.utf16)
        var result: [Mention] = []
        for entry in names {
            let needle = Array(entry.name.utf16)
            guard !needle.isEmpty, needle.count <= utf16.count else { continue }
            var index = 0
            while index + needle.count <= utf16.count {
                if Array(utf16[index..<(index + needle.count)]) == needle {
                    let before = String(decoding: utf16[0..<index], as: UTF16.self)
                    let sentence = before.components(separatedBy: ". ").count - 1
                    result.append(Mention(entity: entry.entity, name: entry.name, type: entry.type,
                                          start: index, end: index + needle.count, sentence: sentence))
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return result
    }

    public func insert(_ article: Article) throws {
        try store.write { db in try Self.insert(article, db) }
    }

    public static func insert(_ article: Article, _ db: Connection) throws {
        let utf16 = Array(article.body.utf16)
        try db.execute(sql: """
            INSERT INTO articles (id, title, body, published_at, published_at_source, language, languages, source,
              word_count, content_hash, ingested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                article.id, article.title, article.body, article.publishedAt, article.publishedAt.map { _ in "header" },
                article.language, "[{\"code\":\"\(article.language)\",\"share\":1}]", article.source,
                article.body.split(separator: " ").count, String(article.body.hashValue, radix: 16),
                article.ingestedAt, article.ingestedAt,
            ])
        let articleRowID = db.lastInsertedRowID
        var entityRows: [String: Int64] = [:]
        for mention in article.mentions {
            let entityRowID = try entityRow(mention.entity, mention.name, mention.type, db)
            entityRows[mention.entity] = entityRowID
            let text = String(decoding: utf16[mention.start..<mention.end], as: UTF16.self)
            try db.execute(
                sql: "INSERT INTO mentions (article_rowid, entity_rowid, start, \"end\", text, sentence) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [articleRowID, entityRowID, mention.start, mention.end, text, mention.sentence])
            try db.execute(sql: """
                INSERT INTO entity_aliases (entity_rowid, alias, alias_fold, mention_count) VALUES (?, ?, ?, 1)
                ON CONFLICT (entity_rowid, alias) DO UPDATE SET mention_count = mention_count + 1
                """, arguments: [entityRowID, text, TextFolding.fold(text)])
            try db.execute(sql: "UPDATE entities SET mention_count = mention_count + 1 WHERE rowid = ?", arguments: [entityRowID])
        }
        for (entity, entityRowID) in entityRows {
            let count = article.mentions.filter { $0.entity == entity }.count
            try db.execute(sql: """
                INSERT INTO article_entities (entity_rowid, article_rowid, published_at, ingested_at, article_id, mention_count)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [entityRowID, articleRowID, article.publishedAt, article.ingestedAt, article.id, count])
            try db.execute(sql: "UPDATE entities SET article_count = article_count + 1 WHERE rowid = ?", arguments: [entityRowID])
        }
        // Co-occurrences: pairs of distinct entities per sentence.
        var pairs: [[Int64]: Int] = [:]
        for sentence in Set(article.mentions.map(\.sentence)) {
            let rows = Set(article.mentions.filter { $0.sentence == sentence }.compactMap { entityRows[$0.entity] }).sorted()
            for i in rows.indices { for j in rows.indices where j > i { pairs[[rows[i], rows[j]], default: 0] += 1 } }
        }
        for (pair, weight) in pairs {
            try db.execute(sql: "INSERT INTO article_cooccurrences (article_rowid, entity_a, entity_b, weight) VALUES (?, ?, ?, ?)",
                           arguments: [articleRowID, pair[0], pair[1], weight])
            try db.execute(sql: """
                INSERT INTO cooccurrences (entity_a, entity_b, weight) VALUES (?, ?, ?)
                ON CONFLICT (entity_a, entity_b) DO UPDATE SET weight = weight + excluded.weight
                """, arguments: [pair[0], pair[1], weight])
        }
        for event in article.events {
            try db.execute(sql: """
                INSERT INTO events (id, article_rowid, article_id, start_date, end_date, precision, text, span_start, span_end,
                  resolution, anchor, sentence, summary) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 4, 'absolute', NULL, ?, ?)
                """, arguments: [event.id, articleRowID, article.id, event.start, event.end, event.precision, event.text,
                                 event.sentence, event.summary])
            let eventRowID = db.lastInsertedRowID
            for entity in event.entities {
                guard let entityRowID = entityRows[entity] else { continue }
                try db.execute(sql: """
                    INSERT INTO event_entities (entity_rowid, event_rowid, start_date, end_date, event_id) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [entityRowID, eventRowID, event.start, event.end, event.id])
            }
        }
    }

    public static func entityRow(_ id: String, _ name: String, _ type: String, _ db: Connection) throws -> Int64 {
        if let rowID = try db.scalar(Int64.self, sql: "SELECT rowid FROM entities WHERE id = ?", arguments: [id]) { return rowID }
        try db.execute(sql: "INSERT INTO entities (id, name, name_fold, type, canonical_key) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, name, TextFolding.fold(name), type, TextFolding.fold(name)])
        let rowID = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO entity_aliases (entity_rowid, alias, alias_fold, mention_count) VALUES (?, ?, ?, 0)",
                       arguments: [rowID, name, TextFolding.fold(name)])
        return rowID
    }

    /// Deletes an article the way the writer does: cascades, then counts and co-occurrences subtracted,
    /// entities left with no mention removed.
    public static func delete(id: String, _ db: Connection) throws -> Bool {
        guard let rowID = try db.scalar(Int64.self, sql: "SELECT rowid FROM articles WHERE id = ?", arguments: [id]) else { return false }
        for row in try db.rows(sql: "SELECT entity_a, entity_b, weight FROM article_cooccurrences WHERE article_rowid = ?", arguments: [rowID]) {
            try db.execute(sql: "UPDATE cooccurrences SET weight = weight - ? WHERE entity_a = ? AND entity_b = ?",
                           arguments: [try row.get("weight", as: Int.self), try row.get("entity_a", as: Int64.self), try row.get("entity_b", as: Int64.self)])
        }
        try db.execute(sql: "DELETE FROM cooccurrences WHERE weight <= 0", arguments: [])
        for row in try db.rows(sql: "SELECT entity_rowid, mention_count FROM article_entities WHERE article_rowid = ?", arguments: [rowID]) {
            try db.execute(sql: "UPDATE entities SET mention_count = mention_count - ?, article_count = article_count - 1 WHERE rowid = ?",
                           arguments: [try row.get("mention_count", as: Int.self), try row.get("entity_rowid", as: Int64.self)])
        }
        try db.execute(sql: "DELETE FROM event_entities WHERE event_rowid IN (SELECT rowid FROM events WHERE article_rowid = ?)", arguments: [rowID])
        try db.execute(sql: "DELETE FROM articles WHERE rowid = ?", arguments: [rowID])
        try db.execute(sql: "DELETE FROM entities WHERE mention_count <= 0", arguments: [])
        return true
    }

    /// A small corpus: three dated articles, one undated, in two languages, with entities and events.
    public static func sampleArticles() -> [Article] {
        let names: [(entity: String, name: String, type: String)] = [
            ("iran", "Iran", "location"), ("khamenei", "Ali Khamenei", "person"), ("tehran", "Tehran", "location"),
            ("un", "United Nations", "organization"), ("zurich", "Zürich", "location"),
        ]
        func article(_ id: String, _ title: String, _ text: String, _ date: String?, ingested: String, language: String = "en",
                     events: [Event] = []) -> Article {
            let body = title + "\n" + text
            return Article(id: id, title: title, body: body, publishedAt: date, ingestedAt: ingested, language: language,
                           mentions: mentions(in: body, names), events: events)
        }
        return [
            article("a1", "Protests in Tehran", "Crowds gathered in Tehran. Iran said Ali Khamenei would speak. Protesters marched.",
                    "2026-01-05", ingested: "2026-01-06T10:00:00Z",
                    events: [Event(id: "a1-e1", start: "2026-01-05", end: "2026-01-05", precision: "day", text: "Monday",
                                   entities: ["tehran"]),
                             Event(id: "a1-e2", start: nil, end: nil, precision: "day", text: "the day before")]),
            article("a2", "United Nations statement", "The United Nations criticised Iran. Iran rejected the statement of the United Nations.",
                    "2026-01-07", ingested: "2026-01-07T09:00:00Z",
                    events: [Event(id: "a2-e1", start: "2026-01-01", end: "2026-01-31", precision: "month", text: "January",
                                   entities: ["un", "iran"]),
                             Event(id: "a2-e2", start: "2009-01-01", end: "2016-12-31", precision: "range",
                                   text: "between 2009 and 2016", entities: ["iran"])]),
            article("a3", "Rencontre à Zürich", "Une réunion sur l'Iran a eu lieu à Zürich. Les protestations continuent à Tehran.",
                    "2026-01-07", ingested: "2026-01-07T09:00:00Z", language: "fr",
                    events: [Event(id: "a3-e1", start: "2025-12-29", end: "2026-01-04", precision: "week", text: "last week",
                                   entities: ["zurich"])]),
            article("a4", "Undated note", "A note about Iran and Tehran protests without any date.", nil,
                    ingested: "2026-01-08T12:00:00Z"),
        ]
    }

    public func insertSamples() throws {
        for article in Self.sampleArticles() { try insert(article) }
    }
}
