import DossierModel

/// An article as submitted by a JSON record (`POST /v1/articles`, `.json`/`.jsonl` files):
/// `{id?, title?, body, publishedAt?, source?, language?}`.
public struct ArticleInput: Sendable, Hashable {
    public var id: String?
    public var title: String?
    public var body: String
    public var publishedAt: CalendarDate?
    public var source: String?
    public var language: String?

    public init(
        id: String? = nil, title: String? = nil, body: String, publishedAt: CalendarDate? = nil, source: String? = nil,
        language: String? = nil
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
        self.source = source
        self.language = language
    }
}

/// What one ingest did.
public struct IngestOutcome: Sendable, Hashable {
    public var articleID: String
    public var status: IngestStatus

    public init(articleID: String, status: IngestStatus) {
        self.articleID = articleID
        self.status = status
    }
}
