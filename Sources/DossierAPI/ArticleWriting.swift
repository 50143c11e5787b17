import DossierModel

/// One article submitted by `POST /v1/articles`, already checked for shape (types, dates).
public struct ArticleSubmission: Sendable, Hashable {
    public var id: String?
    public var title: String?
    public var body: String
    public var publishedAt: CalendarDate?
    public var source: String?
    public var language: String?

    public init(id: String?, title: String?, body: String, publishedAt: CalendarDate?, source: String?, language: String?) {
        self.id = id
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
        self.source = source
        self.language = language
    }
}

/// What an ingest did (API.md, `status`).
public enum WriteStatus: String, Sendable, Hashable {
    case created, updated, unchanged
}

public struct ArticleWriteOutcome: Sendable, Hashable {
    public var articleID: String
    public var status: WriteStatus

    public init(articleID: String, status: WriteStatus) {
        self.articleID = articleID
        self.status = status
    }
}

/// A submission the ingest path refused, with the field at fault when there is one: a 400.
public struct ArticleRejection: Error, Sendable, Hashable {
    public var field: String?
    public var reason: String

    public init(field: String?, reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// The write side the API calls: the same ingest path as the CLI, and deletion.
///
/// Throw `ArticleRejection` for a bad submission (400); any other error is a 500 logged with the request id.
public protocol ArticleWriting: Sendable {
    func ingest(_ submission: ArticleSubmission) throws -> ArticleWriteOutcome
    /// Deletes the article with `id` and what hangs off it; false when there is none.
    func deleteArticle(id: String) throws -> Bool
}

/// The writer of a server that has none: every write is a 503.
public struct UnavailableArticleWriter: ArticleWriting {
    public init() {}

    public func ingest(_ submission: ArticleSubmission) throws -> ArticleWriteOutcome {
        throw APIError.writesUnavailable
    }

    public func deleteArticle(id: String) throws -> Bool {
        throw APIError.writesUnavailable
    }
}
