/// Keyset positions: the sort key of the last item of a page, from which the next page starts.
/// They are what pagination cursors carry (signed by the API), so every order is total (ends with an id).

/// Under the article date order: `publishedAt` newest first (nulls last), `ingestedAt` newest, `id` ascending.
public struct ArticleDateKey: Sendable, Hashable {
    public var publishedAt: String?
    public var ingestedAt: String
    public var id: String

    public init(publishedAt: String?, ingestedAt: String, id: String) {
        self.publishedAt = publishedAt
        self.ingestedAt = ingestedAt
        self.id = id
    }
}

/// Under relevance order (`ArticleQueries.search`): the block of matches the position is in, named by the highest
/// rowid the block may hold, then bm25 score ascending (most relevant first), then rowid.
public struct ArticleSearchKey: Sendable, Hashable {
    public var blockTop: Int64
    public var score: Double
    public var rowID: Int64

    public init(blockTop: Int64, score: Double, rowID: Int64) {
        self.blockTop = blockTop
        self.score = score
        self.rowID = rowID
    }
}

/// Under `sort=mentions` (count descending, id) or `sort=name` (folded name, id).
public enum EntityListKey: Sendable, Hashable {
    case mentions(count: Int, id: String)
    case name(fold: String, id: String)
}

/// Under the timeline order: `date.start`, `date.end`, `id`, all ascending.
public struct TimelineKey: Sendable, Hashable {
    public var start: String
    public var end: String
    public var id: String

    public init(start: String, end: String, id: String) {
        self.start = start
        self.end = end
        self.id = id
    }

    /// Before every resolved event.
    static let origin = TimelineKey(start: "", end: "", id: "")
}
