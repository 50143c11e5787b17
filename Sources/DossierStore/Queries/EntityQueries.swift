import DossierModel
import SQLiteDB

/// The orders of `GET /v1/entities`.
public enum EntitySort: String, Sendable, CaseIterable {
    /// `mentionCount` descending, then id.
    case mentions
    /// Case- and accent-folded name, then id.
    case name
}

/// Filters of `GET /v1/entities`.
public struct EntityFilter: Sendable, Hashable {
    public var type: EntityType?
    /// A prefix of a name or alias, matched after `TextFolding.fold`.
    public var prefix: String?

    public init(type: EntityType? = nil, prefix: String? = nil) {
        self.type = type
        self.prefix = prefix
    }
}

/// Read-only entity queries over one connection.
public struct EntityQueries {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The internal key of the entity with public id `id`.
    public func rowID(id: String) throws -> Int64? {
        try connection.scalar(Int64.self, sql: EntitySQL.rowID, arguments: [id])
    }

    /// How many entities related and recent articles an entity page shows.
    public static let detailListLength = 20

    /// One entity whole, or nil.
    public func entity(id: String) throws -> EntityDetail? {
        guard let summary = try connection.fetchOne(EntitySummary.self, sql: EntitySQL.byID, arguments: [id]) else {
            return nil
        }
        let rowID = summary.rowID
        let aliases = try connection.rows(sql: EntitySQL.aliases, arguments: [rowID]).map { try $0.get(at: 0, as: String.self) }
        let lastSeen = try connection.scalar(String.self, sql: EntitySQL.lastSeen, arguments: [rowID])
        let firstSeen = try connection.scalar(String.self, sql: EntitySQL.firstSeen, arguments: [rowID])
        let articles = try connection.fetch(
            reading: ArticleSummary.self, sql: ArticleListSQL.list(.init(entity: true, language: false, from: false, to: false), .first),
            arguments: [rowID, Self.detailListLength])
        let related = try connection.rows(sql: EntitySQL.related, arguments: [rowID, rowID, Self.detailListLength]).map {
            RelatedEntity(entity: try EntityReference(row: $0), weight: try $0.get("weight"))
        }
        return EntityDetail(
            summary: summary, aliases: aliases, firstSeen: firstSeen, lastSeen: lastSeen,
            articles: articles, related: related)
    }

    /// A page of entities in `sort` order after `key`.
    public func list(filter: EntityFilter, sort: EntitySort, after key: EntityListKey?, limit: Int) throws -> Page<EntitySummary, EntityListKey> {
        var arguments: [any SQLiteValueConvertible] = []
        var prefixed = false
        if let prefix = filter.prefix.map(TextFolding.fold), !prefix.isEmpty {
            let upper = prefix + "\u{10FFFF}"
            arguments += [prefix, upper, prefix, upper]
            prefixed = true
        }
        if let type = filter.type { arguments.append(type.rawValue) }
        switch key {
        case .mentions(let count, let id)?: arguments += [count, count, id] as [any SQLiteValueConvertible]
        case .name(let fold, let id)?: arguments += [fold, id]
        case nil: break
        }
        arguments.append(limit + 1)
        let sql = EntitySQL.list(prefixed: prefixed, typed: filter.type != nil, sort: sort, keyed: key != nil)
        let items = try connection.fetch(EntitySummary.self, sql: sql, arguments: arguments)
        return ArticleQueries.page(items, limit: limit) { item in
            switch sort {
            case .mentions: return .mentions(count: item.mentionCount, id: item.reference.id)
            case .name: return .name(fold: item.nameFold, id: item.reference.id)
            }
        }
    }
}

/// The fixed SQL of the entity queries.
public enum EntitySQL {
    static let rowID = "SELECT rowid FROM entities WHERE id = ?"
    static let byID = "SELECT \(EntitySummary.columns) FROM entities e WHERE e.id = ?"
    static let aliases = "SELECT alias FROM entity_aliases WHERE entity_rowid = ? ORDER BY mention_count DESC, alias"
    static let lastSeen = """
        SELECT published_at FROM article_entities WHERE entity_rowid = ? AND published_at IS NOT NULL \
        ORDER BY published_at DESC LIMIT 1
        """
    static let firstSeen = """
        SELECT published_at FROM article_entities WHERE entity_rowid = ? AND published_at IS NOT NULL \
        ORDER BY published_at LIMIT 1
        """
    /// Neighbours through either side of the pair (entity_a < entity_b), strongest first.
    static let related = """
        SELECT e.id AS entity_id, e.name AS entity_name, e.type AS entity_type, r.weight AS weight \
        FROM (SELECT entity_b AS other, weight FROM cooccurrences WHERE entity_a = ? \
        UNION ALL SELECT entity_a AS other, weight FROM cooccurrences WHERE entity_b = ?) r \
        JOIN entities e ON e.rowid = r.other ORDER BY r.weight DESC, e.id LIMIT ?
        """

    /// Arguments: (prefix, upper bound) for aliases and names when prefixed, type, key values, limit.
    static func list(prefixed: Bool, typed: Bool, sort: EntitySort, keyed: Bool) -> String {
        var sql = "SELECT \(EntitySummary.columns) FROM "
        if prefixed {
            // The matching set first (two index ranges), then the entities by rowid: a prefix set is small.
            sql += """
                (SELECT entity_rowid AS matched FROM entity_aliases WHERE alias_fold >= ? AND alias_fold < ? \
                UNION SELECT rowid AS matched FROM entities WHERE name_fold >= ? AND name_fold < ?) p \
                CROSS JOIN entities e ON e.rowid = p.matched
                """
        } else {
            sql += "entities e"
        }
        var conditions: [String] = []
        if typed { conditions.append("e.type = ?") }
        let order: String
        switch sort {
        case .mentions:
            if keyed { conditions.append("e.mention_count <= ? AND (e.mention_count < ? OR e.id > ?)") }
            order = "e.mention_count DESC, e.id"
        case .name:
            if keyed { conditions.append("(e.name_fold, e.id) > (?, ?)") }
            order = "e.name_fold, e.id"
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return sql + " ORDER BY \(order) LIMIT ?"
    }

    public static var allStatements: [String] {
        var statements = [rowID, byID, aliases, lastSeen, firstSeen, related]
        for prefixed in [false, true] {
            for typed in [false, true] {
                for sort in EntitySort.allCases {
                    for keyed in [false, true] {
                        statements.append(list(prefixed: prefixed, typed: typed, sort: sort, keyed: keyed))
                    }
                }
            }
        }
        return statements
    }
}
