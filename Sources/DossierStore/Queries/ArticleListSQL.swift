/// The fixed SQL of the article queries. Statements are built only from these fragments, chosen by which
/// filters are present; every value is bound. `allStatements` lists every variant for the query-plan test.
public enum ArticleListSQL {
    static let byID = "SELECT \(ArticleSummary.columns), a.body AS body FROM articles a WHERE a.id = ?"
    static let mentions = """
        SELECT m.entity_rowid AS entity_rowid, m.start AS start, m."end" AS "end", m.text AS text, \
        e.id AS entity_id, e.name AS entity_name, e.type AS entity_type \
        FROM mentions m JOIN entities e ON e.rowid = m.entity_rowid \
        WHERE m.article_rowid = ? ORDER BY m.start, m."end" DESC
        """
    static let events = "SELECT \(EventRecord.columns) FROM events ev WHERE ev.article_rowid = ? ORDER BY ev.span_start, ev.rowid"
    /// The entities named by each event of one article, ordered per event as `TimelineSQL.eventEntities`.
    static let eventEntities = """
        SELECT ee.event_rowid AS event_rowid, ee.entity_rowid AS entity_rowid, e.id AS entity_id, e.name AS entity_name, \
        e.type AS entity_type \
        FROM events ev JOIN event_entities ee ON ee.event_rowid = ev.rowid JOIN entities e ON e.rowid = ee.entity_rowid \
        WHERE ev.article_rowid = ? ORDER BY ee.event_rowid, e.name, e.id
        """
    /// Summaries and bodies of several articles (rowids as a JSON array), in no particular order.
    static let byRowIDsWithBody = """
        SELECT \(ArticleSummary.columns), a.body AS body FROM articles a WHERE a.rowid IN (SELECT value FROM json_each(?))
        """

    /// Which filters a list has: decides the driving index and the fragments.
    struct Shape: Hashable, CaseIterable {
        var entity: Bool
        var language: Bool
        var from: Bool
        var to: Bool

        init(entity: Bool, language: Bool, from: Bool, to: Bool) {
            self.entity = entity
            self.language = language
            self.from = from
            self.to = to
        }

        init(filter: ArticleFilter) {
            self.init(entity: filter.entityID != nil, language: filter.language != nil, from: filter.from != nil, to: filter.to != nil)
        }

        var hasWindow: Bool { from || to }

        static let allCases: [Shape] = [false, true].flatMap { entity in
            [false, true].flatMap { language in
                [false, true].flatMap { from in
                    [false, true].map { to in Shape(entity: entity, language: language, from: from, to: to) }
                }
            }
        }
    }

    /// The date order split into index ranges, so that a page after a key is a few range scans in index order
    /// (the order mixes DESC and ASC columns, which one row-value comparison cannot express).
    enum Segment: CaseIterable {
        /// The first page: the whole order.
        case first
        /// Same `publishedAt` as the key, later in (`ingestedAt` DESC, `id`).
        case samePublished
        /// The key has no `publishedAt`: the rest of the undated tail.
        case sameUnpublished
        /// Older `publishedAt`.
        case earlierPublished
        /// The undated tail (after every dated article).
        case unpublished
    }

    static func segments(after key: ArticleDateKey?, windowed: Bool) -> [Segment] {
        guard let key else { return [.first] }
        if key.publishedAt == nil { return windowed ? [] : [.sameUnpublished] }
        return windowed ? [.samePublished, .earlierPublished] : [.samePublished, .earlierPublished, .unpublished]
    }

    /// Which window bounds a segment needs: a segment within one `publishedAt` (the key's) is inside the window
    /// already, and repeating the bounds there would lead the planner away from the equality.
    static func windowBounds(_ shape: Shape, _ segment: Segment) -> (from: Bool, to: Bool) {
        switch segment {
        case .first: return (shape.from, shape.to)
        case .earlierPublished: return (shape.from, false)
        case .samePublished, .sameUnpublished, .unpublished: return (false, false)
        }
    }

    /// Arguments in order: entity rowid, language, from, to (as `windowBounds` says), the segment's key values, limit.
    static func list(_ shape: Shape, _ segment: Segment) -> String {
        let (p, i, d): (String, String, String)
        var sql = "SELECT \(ArticleSummary.columns) FROM "
        var conditions: [String] = []
        if shape.entity {
            (p, i, d) = ("ae.published_at", "ae.ingested_at", "ae.article_id")
            sql += "article_entities ae JOIN articles a ON a.rowid = ae.article_rowid"
            conditions.append("ae.entity_rowid = ?")
        } else {
            (p, i, d) = ("a.published_at", "a.ingested_at", "a.id")
            sql += "articles a"
        }
        if shape.language { conditions.append("a.language = ?") }
        let window = windowBounds(shape, segment)
        if window.from { conditions.append("\(p) >= ?") }
        if window.to { conditions.append("\(p) <= ?") }
        let order: String
        switch segment {
        case .first:
            order = "\(p) DESC, \(i) DESC, \(d)"
        case .samePublished:
            conditions.append("\(p) = ? AND \(i) <= ? AND (\(i) < ? OR \(d) > ?)")
            order = "\(i) DESC, \(d)"
        case .sameUnpublished:
            conditions.append("\(p) IS NULL AND \(i) <= ? AND (\(i) < ? OR \(d) > ?)")
            order = "\(i) DESC, \(d)"
        case .earlierPublished:
            conditions.append("\(p) < ?")
            order = "\(p) DESC, \(i) DESC, \(d)"
        case .unpublished:
            conditions.append("\(p) IS NULL")
            order = "\(i) DESC, \(d)"
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return sql + " ORDER BY \(order) LIMIT ?"
    }

    /// The matches of one relevance block: the newest `size` matching articles with rowid at most `top`, walked in
    /// FTS5's rowid order (no ranking). Arguments: FTS5 expression, language, from, to, entity rowid, top, size.
    static func searchBlock(_ shape: Shape, columns: String) -> String {
        var sql = "SELECT \(columns) FROM articles_fts f"
        var conditions = ["articles_fts MATCH ?"]
        if shape.language || shape.from || shape.to {
            sql += " JOIN articles a ON a.rowid = f.rowid"
            if shape.language { conditions.append("a.language = ?") }
            if shape.from { conditions.append("a.published_at >= ?") }
            if shape.to { conditions.append("a.published_at <= ?") }
        }
        if shape.entity {
            conditions.append("EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_rowid = ? AND ae.article_rowid = f.rowid)")
        }
        conditions.append("f.rowid <= ?")
        return sql + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY f.rowid DESC LIMIT ?"
    }

    /// One relevance block ranked by bm25 (title weighted 4×), after a position when keyed. Arguments: FTS5
    /// expression, language, from, to, entity rowid, block top, block size, (score, score, rowid) when keyed, limit.
    static func search(_ shape: Shape, keyed: Bool) -> String {
        let block = searchBlock(shape, columns: "f.rowid AS rowid, bm25(articles_fts, 4.0, 1.0) AS score")
        return "SELECT rowid, score FROM (\(block))"
            + (keyed ? " WHERE score > ? OR (score = ? AND rowid > ?)" : "") + " ORDER BY score, rowid LIMIT ?"
    }

    /// How many matches a block holds and its lowest rowid, where the next block starts. Arguments as `searchBlock`.
    static func searchBlockBounds(_ shape: Shape) -> String {
        "SELECT count(*) AS count, min(rowid) AS lowest FROM (\(searchBlock(shape, columns: "f.rowid AS rowid")))"
    }

    /// Every statement the article queries can run, for the query-plan test.
    public static var allStatements: [String] {
        var statements = [byID, byRowIDsWithBody, mentions, events, eventEntities]
        for shape in Shape.allCases {
            for segment in Segment.allCases { statements.append(list(shape, segment)) }
            statements.append(search(shape, keyed: false))
            statements.append(search(shape, keyed: true))
            statements.append(searchBlockBounds(shape))
        }
        return statements
    }
}
