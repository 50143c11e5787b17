import DossierModel
import SQLiteDB

/// `{id, name, type}`: how an entity is named inside other resources.
public struct EntityReference: Sendable, Hashable, RowDecodable {
    public var id: String
    public var name: String
    public var type: String

    public init(id: String, name: String, type: String) {
        self.id = id
        self.name = name
        self.type = type
    }

    public init(row: Row) throws {
        id = try row.get("entity_id")
        name = try row.get("entity_name")
        type = try row.get("entity_type")
    }
}

/// An article without its body, mentions and events: an item of `GET /v1/articles`.
public struct ArticleSummary: Sendable, Hashable, ColumnDecodable {
    /// Internal key; never shown.
    public var rowID: Int64
    public var id: String
    public var title: String
    public var publishedAt: String?
    public var publishedAtSource: String?
    public var language: String
    /// `[{"code", "share"}]` as stored (JSON text), passed through unparsed.
    public var languagesJSON: String
    public var source: String?
    public var wordCount: Int
    public var contentHash: String
    public var ingestedAt: String

    static let columns = """
        a.rowid AS rowid, a.id AS id, a.title AS title, a.published_at AS published_at, \
        a.published_at_source AS published_at_source, a.language AS language, a.languages AS languages, \
        a.source AS source, a.word_count AS word_count, a.content_hash AS content_hash, a.ingested_at AS ingested_at
        """
    /// How many columns `columns` lists: the position of the first column a statement selects after them.
    static let columnCount: Int32 = 11

    /// From the columns of `columns`, in their order (every statement that reads summaries selects them first).
    public init(reader row: ColumnReader) throws {
        rowID = row.int64(0)
        id = try row.text(1)
        title = try row.text(2)
        publishedAt = row.optionalText(3)
        publishedAtSource = row.optionalText(4)
        language = try row.text(5)
        languagesJSON = try row.text(6)
        source = row.optionalText(7)
        wordCount = row.int(8)
        contentHash = try row.text(9)
        ingestedAt = try row.text(10)
    }

    /// The keyset position of this article under the date order.
    public var dateKey: ArticleDateKey {
        ArticleDateKey(publishedAt: publishedAt, ingestedAt: ingestedAt, id: id)
    }
}

/// A full-text hit: the summary, its relevance and a plain-text snippet.
public struct ArticleSearchHit: Sendable, Hashable {
    public var summary: ArticleSummary
    /// bm25 score: lower is more relevant.
    public var score: Double
    public var snippet: Snippet
}

/// Plain text with the UTF-16 offsets of the matched terms inside it (no markup to escape).
public struct Snippet: Sendable, Hashable {
    public var text: String
    public var highlights: [TextSpan]

    public init(text: String, highlights: [TextSpan]) {
        self.text = text
        self.highlights = highlights
    }
}

/// One mention of an entity in a body: UTF-16 offsets, end exclusive.
public struct MentionSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String
}

/// An entity and its mentions in one article, ordered by start, longer first.
public struct EntityMentions: Sendable, Hashable {
    public var entity: EntityReference
    public var mentions: [MentionSpan]
}

/// A dated expression of an article, with the sentence that carries it and the entities named there.
public struct EventRecord: Sendable, Hashable, ColumnDecodable {
    public var rowID: Int64
    public var id: String
    public var articleID: String
    public var start: String?
    public var end: String?
    public var precision: String
    public var text: String
    public var spanStart: Int
    public var spanEnd: Int
    public var resolution: String
    public var anchor: String?
    public var summary: String
    public var entities: [EntityReference] = []

    static let columns = """
        ev.rowid AS rowid, ev.id AS id, ev.article_id AS article_id, ev.start_date AS start_date, \
        ev.end_date AS end_date, ev.precision AS precision, ev.text AS text, ev.span_start AS span_start, \
        ev.span_end AS span_end, ev.resolution AS resolution, ev.anchor AS anchor, ev.summary AS summary
        """

    /// From the columns of `columns`, in their order (every statement that reads events selects them first).
    public init(reader row: ColumnReader) throws {
        rowID = row.int64(0)
        id = try row.text(1)
        articleID = try row.text(2)
        start = row.optionalText(3)
        end = row.optionalText(4)
        precision = try row.text(5)
        text = try row.text(6)
        spanStart = row.int(7)
        spanEnd = row.int(8)
        resolution = try row.text(9)
        anchor = row.optionalText(10)
        summary = try row.text(11)
    }

    public var timelineKey: TimelineKey {
        TimelineKey(start: start ?? "", end: end ?? "", id: id)
    }
}

/// An article whole: what `GET /v1/articles/{id}` answers.
public struct ArticleDetail: Sendable, Hashable {
    public var summary: ArticleSummary
    public var body: String
    public var entities: [EntityMentions]
    public var events: [EventRecord]
}

/// An item of `GET /v1/entities`: the reference and its counts.
public struct EntitySummary: Sendable, Hashable, RowDecodable {
    public var rowID: Int64
    public var reference: EntityReference
    public var nameFold: String
    public var mentionCount: Int
    public var articleCount: Int

    static let columns = """
        e.rowid AS rowid, e.id AS entity_id, e.name AS entity_name, e.type AS entity_type, \
        e.name_fold AS name_fold, e.mention_count AS mention_count, e.article_count AS article_count
        """

    public init(row: Row) throws {
        rowID = try row.get("rowid")
        reference = try EntityReference(row: row)
        nameFold = try row.get("name_fold")
        mentionCount = try row.get("mention_count")
        articleCount = try row.get("article_count")
    }
}

/// An entity whole: what `GET /v1/entities/{id}` answers.
public struct EntityDetail: Sendable, Hashable {
    public var summary: EntitySummary
    public var aliases: [String]
    public var firstSeen: String?
    public var lastSeen: String?
    /// The 20 most recent, in the order of `GET /v1/articles`.
    public var articles: [ArticleSummary]
    /// The 20 strongest co-occurrences.
    public var related: [RelatedEntity]
}

public struct RelatedEntity: Sendable, Hashable {
    public var entity: EntityReference
    public var weight: Int
}

/// A node of the co-occurrence graph.
public struct GraphNode: Sendable, Hashable {
    public var rowID: Int64
    public var entity: EntityReference
    public var mentionCount: Int
}

public struct GraphEdge: Sendable, Hashable {
    public var source: String
    public var target: String
    public var weight: Int
}

public struct Graph: Sendable, Hashable {
    public var nodes: [GraphNode]
    public var edges: [GraphEdge]

    public init(nodes: [GraphNode], edges: [GraphEdge]) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// One page of a keyset-paginated list: the items and, when more follow, the key of the last one.
public struct Page<Item: Sendable, Key: Sendable>: Sendable {
    public var items: [Item]
    /// The position after which the next page starts; nil on the last page.
    public var nextKey: Key?

    public init(items: [Item], nextKey: Key?) {
        self.items = items
        self.nextKey = nextKey
    }
}
