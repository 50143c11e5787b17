import DossierModel
import Foundation
import SQLiteDB

/// Writes articles with everything extracted from them, keeping entity counts, aliases and co-occurrences exact.
///
/// Each call is one transaction: an article lands whole with its mentions and events or not at all, so an
/// interrupted batch leaves the database consistent and a re-run completes it.
public struct ArticleWriter {
    let connection: Connection
    /// The instant recorded as `ingested_at`/`updated_at`, `YYYY-MM-DDTHH:MM:SSZ`.
    let now: String

    public init(connection: Connection, now: Date = Date()) {
        self.connection = connection
        self.now = ArticleWriter.instant(now)
    }

    /// Stores `record` under its id: created, replaced when its content differs, untouched when identical.
    public func upsert(_ record: ArticleRecord) throws -> IngestStatus {
        let existing = try connection.rows(
            sql: "SELECT rowid, content_hash, title, published_at, published_at_source, source, language FROM articles WHERE id = ?",
            arguments: [record.id]
        ).first
        let articleRowID: Int64
        let status: IngestStatus
        if let existing {
            let rowID: Int64 = try existing.get("rowid")
            let same = try existing.get("content_hash", as: String.self) == record.contentHash
                && existing.get("title", as: String.self) == record.title
                && existing.get("published_at", as: String?.self) == record.publishedAt?.iso
                && existing.get("published_at_source", as: String?.self) == record.publishedAtSource?.rawValue
                && existing.get("source", as: String?.self) == record.source
                && existing.get("language", as: String.self) == record.language
            if same { return .unchanged }
            try removeContents(ofArticle: rowID)
            try connection.execute(
                sql: """
                    UPDATE articles SET title = ?, body = ?, published_at = ?, published_at_source = ?, language = ?,
                        languages = ?, source = ?, word_count = ?, content_hash = ?, updated_at = ?
                    WHERE rowid = ?
                    """,
                arguments: [
                    record.title, record.body, record.publishedAt?.iso, record.publishedAtSource?.rawValue,
                    record.language, ArticleWriter.languagesJSON(record.languages), record.source, record.wordCount,
                    record.contentHash, now, rowID,
                ])
            articleRowID = rowID
            status = .updated
        } else {
            try connection.execute(
                sql: """
                    INSERT INTO articles (id, title, body, published_at, published_at_source, language, languages,
                        source, word_count, content_hash, ingested_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.id, record.title, record.body, record.publishedAt?.iso, record.publishedAtSource?.rawValue,
                    record.language, ArticleWriter.languagesJSON(record.languages), record.source, record.wordCount,
                    record.contentHash, now, now,
                ])
            articleRowID = connection.lastInsertedRowID
            status = .created
        }
        try writeContents(record, articleRowID: articleRowID)
        return status
    }

    /// Deletes an article with its mentions and events; entities left with no mention disappear.
    /// Returns false when no article has that id.
    @discardableResult
    public func delete(articleID: String) throws -> Bool {
        guard let rowID = try connection.scalar(Int64.self, sql: "SELECT rowid FROM articles WHERE id = ?", arguments: [articleID]) else {
            return false
        }
        try removeContents(ofArticle: rowID)
        try connection.execute(sql: "DELETE FROM articles WHERE rowid = ?", arguments: [rowID])
        return true
    }

    // MARK: - Contents

    private func writeContents(_ record: ArticleRecord, articleRowID: Int64) throws {
        let ingestedAt = try connection.scalar(String.self, sql: "SELECT ingested_at FROM articles WHERE rowid = ?", arguments: [articleRowID]) ?? now
        // Resolve every extracted entity to a corpus entity (several may resolve to one).
        var entityRowIDs: [Int64] = []
        entityRowIDs.reserveCapacity(record.entities.count)
        for entity in record.entities {
            entityRowIDs.append(try EntityResolution(connection: connection).resolve(entity))
        }

        var mentionCounts: [Int64: Int] = [:]
        var aliasCounts: [AliasKey: Int] = [:]
        var sentenceEntities: [Int: Set<Int64>] = [:]
        let insertMention = try connection.cachedStatement(
            sql: "INSERT INTO mentions (article_rowid, entity_rowid, start, \"end\", text, sentence) VALUES (?, ?, ?, ?, ?, ?)")
        for mention in record.mentions where record.entities.indices.contains(mention.entityIndex) {
            let entityRowID = entityRowIDs[mention.entityIndex]
            try insertMention.execute([articleRowID, entityRowID, mention.span.start, mention.span.end, mention.text, mention.sentenceIndex])
            mentionCounts[entityRowID, default: 0] += 1
            aliasCounts[AliasKey(entity: entityRowID, alias: mention.text), default: 0] += 1
            sentenceEntities[mention.sentenceIndex, default: []].insert(entityRowID)
        }

        let insertArticleEntity = try connection.cachedStatement(sql: """
            INSERT INTO article_entities (entity_rowid, article_rowid, published_at, ingested_at, article_id, mention_count)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        let bumpEntity = try connection.cachedStatement(
            sql: "UPDATE entities SET mention_count = mention_count + ?, article_count = article_count + 1 WHERE rowid = ?")
        for (entityRowID, count) in mentionCounts {
            try insertArticleEntity.execute([entityRowID, articleRowID, record.publishedAt?.iso, ingestedAt, record.id, count])
            try bumpEntity.execute([count, entityRowID])
        }
        let upsertAlias = try connection.cachedStatement(sql: """
            INSERT INTO entity_aliases (entity_rowid, alias, alias_fold, mention_count) VALUES (?, ?, ?, ?)
            ON CONFLICT (entity_rowid, alias) DO UPDATE SET mention_count = mention_count + excluded.mention_count
            """)
        for (key, count) in aliasCounts {
            try upsertAlias.execute([key.entity, key.alias, TextFolding.fold(key.alias), count])
        }

        // Co-occurrence: sentences shared by each pair of entities.
        var pairWeights: [Pair: Int] = [:]
        for entities in sentenceEntities.values where entities.count > 1 {
            let sorted = entities.sorted()
            for (offset, a) in sorted.enumerated() {
                for b in sorted[(offset + 1)...] { pairWeights[Pair(a: a, b: b), default: 0] += 1 }
            }
        }
        let insertArticlePair = try connection.cachedStatement(
            sql: "INSERT INTO article_cooccurrences (article_rowid, entity_a, entity_b, weight) VALUES (?, ?, ?, ?)")
        let upsertPair = try connection.cachedStatement(sql: """
            INSERT INTO cooccurrences (entity_a, entity_b, weight) VALUES (?, ?, ?)
            ON CONFLICT (entity_a, entity_b) DO UPDATE SET weight = weight + excluded.weight
            """)
        for (pair, weight) in pairWeights {
            try insertArticlePair.execute([articleRowID, pair.a, pair.b, weight])
            try upsertPair.execute([pair.a, pair.b, weight])
        }

        // Events, with the entities of their sentence.
        let insertEvent = try connection.cachedStatement(sql: """
            INSERT INTO events (id, article_rowid, article_id, start_date, end_date, precision, text, span_start, span_end,
                resolution, anchor, sentence, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertEventEntity = try connection.cachedStatement(sql: """
            INSERT OR IGNORE INTO event_entities (entity_rowid, event_rowid, start_date, end_date, event_id) VALUES (?, ?, ?, ?, ?)
            """)
        for (ordinal, event) in record.events.enumerated() {
            let eventID = "\(record.id)~\(ordinal + 1)"
            try insertEvent.execute([
                eventID, articleRowID, record.id, event.interval?.start.iso, event.interval?.end.iso, event.precision.rawValue,
                event.text, event.span.start, event.span.end, event.resolution.rawValue, event.anchor?.iso, event.sentence,
                event.summary,
            ])
            let eventRowID = connection.lastInsertedRowID
            for index in event.entityIndexes where entityRowIDs.indices.contains(index) {
                try insertEventEntity.execute([entityRowIDs[index], eventRowID, event.interval?.start.iso, event.interval?.end.iso, eventID])
            }
        }
    }

    /// Subtracts an article's mentions and co-occurrences from the totals and deletes its dependent rows,
    /// then deletes entities left with no mention.
    private func removeContents(ofArticle rowID: Int64) throws {
        var touched: [Int64] = []
        for row in try connection.rows(
            sql: "SELECT entity_rowid, mention_count FROM article_entities WHERE article_rowid = ?", arguments: [rowID]) {
            let entity: Int64 = try row.get("entity_rowid")
            touched.append(entity)
            try connection.execute(
                sql: "UPDATE entities SET mention_count = mention_count - ?, article_count = article_count - 1 WHERE rowid = ?",
                arguments: [try row.get("mention_count", as: Int.self), entity])
        }
        for row in try connection.rows(
            sql: "SELECT entity_rowid, text, count(*) AS n FROM mentions WHERE article_rowid = ? GROUP BY entity_rowid, text",
            arguments: [rowID]) {
            try connection.execute(
                sql: "UPDATE entity_aliases SET mention_count = mention_count - ? WHERE entity_rowid = ? AND alias = ?",
                arguments: [try row.get("n", as: Int.self), try row.get("entity_rowid", as: Int64.self), try row.get("text", as: String.self)])
        }
        try connection.execute(sql: "DELETE FROM entity_aliases WHERE mention_count <= 0 AND entity_rowid IN (SELECT entity_rowid FROM article_entities WHERE article_rowid = ?)", arguments: [rowID])
        for row in try connection.rows(
            sql: "SELECT entity_a, entity_b, weight FROM article_cooccurrences WHERE article_rowid = ?", arguments: [rowID]) {
            let a: Int64 = try row.get("entity_a"), b: Int64 = try row.get("entity_b")
            try connection.execute(
                sql: "UPDATE cooccurrences SET weight = weight - ? WHERE entity_a = ? AND entity_b = ?",
                arguments: [try row.get("weight", as: Int.self), a, b])
            try connection.execute(
                sql: "DELETE FROM cooccurrences WHERE entity_a = ? AND entity_b = ? AND weight <= 0", arguments: [a, b])
        }
        try connection.execute(sql: "DELETE FROM article_cooccurrences WHERE article_rowid = ?", arguments: [rowID])
        try connection.execute(
            sql: "DELETE FROM event_entities WHERE event_rowid IN (SELECT rowid FROM events WHERE article_rowid = ?)", arguments: [rowID])
        try connection.execute(sql: "DELETE FROM events WHERE article_rowid = ?", arguments: [rowID])
        try connection.execute(sql: "DELETE FROM article_entities WHERE article_rowid = ?", arguments: [rowID])
        try connection.execute(sql: "DELETE FROM mentions WHERE article_rowid = ?", arguments: [rowID])
        for entity in touched {
            try connection.execute(sql: "DELETE FROM entities WHERE rowid = ? AND mention_count <= 0", arguments: [entity])
        }
    }

    // MARK: - Helpers

    private struct AliasKey: Hashable {
        var entity: Int64
        var alias: String
    }

    private struct Pair: Hashable {
        var a: Int64
        var b: Int64
    }

    static func languagesJSON(_ languages: [LanguageShare]) -> String {
        let items = languages.map { share -> String in
            let rounded = (share.share * 10_000).rounded() / 10_000
            return "{\"code\":\"\(share.code)\",\"share\":\(rounded)}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
    public static func instant(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = seconds - day.dayNumber * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day.iso)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}
