import DossierModel
import SQLiteDB

/// Filters of `GET /v1/articles` (all optional, combined with AND).
public struct ArticleFilter: Sendable, Hashable {
    public var entityID: String?
    /// Inclusive bounds on `publishedAt`; when either is set, articles without a date are left out.
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var language: String?

    public init(entityID: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil, language: String? = nil) {
        self.entityID = entityID
        self.from = from
        self.to = to
        self.language = language
    }
}

/// Read-only article queries over one connection (inside one read transaction, so one snapshot).
///
/// Lists are keyset-paginated on indexes (`articles_by_date`, `articles_by_language_date`,
/// `article_entities_by_date`): no OFFSET, no COUNT. See `ArticleListSQL` for the statements.
public struct ArticleQueries {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// One article whole, or nil.
    public func article(id: String) throws -> ArticleDetail? {
        var found: (summary: ArticleSummary, body: String)?
        try connection.forEachRow(sql: ArticleListSQL.byID, arguments: [id]) { row in
            found = (try ArticleSummary(reader: row), try row.text(ArticleSummary.columnCount))
        }
        guard let (summary, body) = found else { return nil }
        return ArticleDetail(
            summary: summary, body: body,
            entities: try mentions(articleRowID: summary.rowID),
            events: try events(articleRowID: summary.rowID))
    }

    func mentions(articleRowID: Int64) throws -> [EntityMentions] {
        var groups: [EntityMentions] = []
        var indexByEntity: [Int64: Int] = [:]
        // Columns: entity rowid, start, end, text, then the entity's id, name and type (read once per entity).
        try connection.forEachRow(sql: ArticleListSQL.mentions, arguments: [articleRowID]) { row in
            let entityRowID = row.int64(0)
            let span = MentionSpan(start: row.int(1), end: row.int(2), text: try row.text(3))
            if let index = indexByEntity[entityRowID] {
                groups[index].mentions.append(span)
            } else {
                indexByEntity[entityRowID] = groups.count
                let entity = EntityReference(id: try row.text(4), name: try row.text(5), type: try row.text(6))
                groups.append(EntityMentions(entity: entity, mentions: [span]))
            }
        }
        return groups
    }

    func events(articleRowID: Int64) throws -> [EventRecord] {
        var events = try connection.fetch(reading: EventRecord.self, sql: ArticleListSQL.events, arguments: [articleRowID])
        guard !events.isEmpty else { return events }
        // The entities of all the article's events in one statement (not one per event).
        let entitiesByEvent = try EventEntityGroups.read(connection, sql: ArticleListSQL.eventEntities, arguments: [articleRowID])
        for index in events.indices {
            events[index].entities = entitiesByEvent[events[index].rowID] ?? []
        }
        return events
    }

    /// A page of articles in date order after `key` (nil: the first page).
    public func list(filter: ArticleFilter, after key: ArticleDateKey?, limit: Int) throws -> Page<ArticleSummary, ArticleDateKey> {
        var entityRowID: Int64?
        if let entityID = filter.entityID {
            guard let rowID = try EntityQueries(connection).rowID(id: entityID) else { return Page(items: [], nextKey: nil) }
            entityRowID = rowID
        }
        let shape = ArticleListSQL.Shape(filter: filter)
        var items: [ArticleSummary] = []
        for segment in ArticleListSQL.segments(after: key, windowed: shape.hasWindow) {
            let wanted = limit + 1 - items.count
            guard wanted > 0 else { break }
            var arguments: [any SQLiteValueConvertible] = []
            if let entityRowID { arguments.append(entityRowID) }
            if let language = filter.language { arguments.append(language) }
            let window = ArticleListSQL.windowBounds(shape, segment)
            if window.from, let from = filter.from { arguments.append(from.iso) }
            if window.to, let to = filter.to { arguments.append(to.iso) }
            switch segment {
            case .first, .unpublished: break
            case .samePublished:
                arguments += [key?.publishedAt, key?.ingestedAt, key?.ingestedAt, key?.id] as [any SQLiteValueConvertible]
            case .sameUnpublished:
                arguments += [key?.ingestedAt, key?.ingestedAt, key?.id] as [any SQLiteValueConvertible]
            case .earlierPublished:
                arguments.append(key?.publishedAt)
            }
            arguments.append(wanted)
            items += try connection.fetch(reading: ArticleSummary.self, sql: ArticleListSQL.list(shape, segment), arguments: arguments)
        }
        return Self.page(items, limit: limit) { $0.dateKey }
    }

    /// A block size no corpus reaches: every match ranked together, the plain relevance order API.md promises.
    public static let wholeCorpusBlock = Int(Int32.max)

    /// A page of full-text hits by relevance after `key`, with snippets.
    ///
    /// By default every match is ranked together (plain relevance). Ranking every match of a word found in most
    /// articles (bm25 per match) costs time in proportion to the corpus, so an operator may choose `blockSize`
    /// (`DOSSIER_SEARCH_RANK_BLOCK`): the `blockSize` most recently added matching articles (highest rowid) by
    /// relevance, then the next block by relevance, and so on. A query with at most `blockSize` matches is then
    /// still in plain relevance order; paging reaches every match, each page ranking at most two blocks.
    /// Articles added later have higher rowids and stay out of the blocks a cursor has reached.
    public func search(
        _ query: FullTextQuery, filter: ArticleFilter, after key: ArticleSearchKey?, limit: Int,
        blockSize: Int = wholeCorpusBlock
    ) throws -> Page<ArticleSearchHit, ArticleSearchKey> {
        var entityRowID: Int64?
        if let entityID = filter.entityID {
            guard let rowID = try EntityQueries(connection).rowID(id: entityID) else { return Page(items: [], nextKey: nil) }
            entityRowID = rowID
        }
        let expression = query.fts5Expression
        let shape = ArticleListSQL.Shape(filter: filter)
        var filterArguments: [any SQLiteValueConvertible] = [expression]
        if let language = filter.language { filterArguments.append(language) }
        if let from = filter.from { filterArguments.append(from.iso) }
        if let to = filter.to { filterArguments.append(to.iso) }
        if let entityRowID { filterArguments.append(entityRowID) }

        var ranked: [(blockTop: Int64, rowID: Int64, score: Double)] = []
        var blockTop = key?.blockTop ?? Int64.max
        var position = key.map { (score: $0.score, rowID: $0.rowID) }
        while ranked.count <= limit {
            var arguments = filterArguments + [blockTop, blockSize] as [any SQLiteValueConvertible]
            if let position { arguments += [position.score, position.score, position.rowID] as [any SQLiteValueConvertible] }
            arguments.append(limit + 1 - ranked.count)
            for row in try connection.rows(sql: ArticleListSQL.search(shape, keyed: position != nil), arguments: arguments) {
                ranked.append((blockTop, try row.get("rowid"), try row.get("score")))
            }
            guard ranked.count <= limit else { break }
            // This block is used up: the next one starts below its lowest rowid, if it was full.
            let bounds = try connection.rows(
                sql: ArticleListSQL.searchBlockBounds(shape), arguments: filterArguments + [blockTop, blockSize])
            guard let row = bounds.first, try row.get("count", as: Int.self) == blockSize,
                  let lowest = try row.get("lowest", as: Int64?.self), lowest > 1 else { break }
            blockTop = lowest - 1
            position = nil
        }
        let page = ranked.prefix(limit)
        var hits: [ArticleSearchHit] = []
        if !page.isEmpty {
            // Summaries, titles and bodies of the whole page in one statement; snippets built here (`SnippetBuilder`).
            let rowIDs = "[" + page.map { String($0.rowID) }.joined(separator: ",") + "]"
            var rows: [Int64: (summary: ArticleSummary, body: String)] = [:]
            try connection.forEachRow(sql: ArticleListSQL.byRowIDsWithBody, arguments: [rowIDs]) { row in
                let summary = try ArticleSummary(reader: row)
                rows[summary.rowID] = (summary, try row.text(ArticleSummary.columnCount))
            }
            let builder = SnippetBuilder(query)
            for entry in page {
                guard let found = rows[entry.rowID] else { continue }
                hits.append(ArticleSearchHit(
                    summary: found.summary, score: entry.score, snippet: builder.snippet(title: found.summary.title, body: found.body)))
            }
        }
        var nextKey: ArticleSearchKey?
        if ranked.count > limit, let last = ranked.prefix(limit).last {
            nextKey = ArticleSearchKey(blockTop: last.blockTop, score: last.score, rowID: last.rowID)
        }
        return Page(items: hits, nextKey: nextKey)
    }

    static func page<Item, Key>(_ items: [Item], limit: Int, key: (Item) -> Key) -> Page<Item, Key> {
        guard items.count > limit else { return Page(items: items, nextKey: nil) }
        let kept = Array(items.prefix(limit))
        return Page(items: kept, nextKey: kept.last.map(key))
    }
}
