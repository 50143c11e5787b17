import DossierModel

/// An article as read from a source file or a JSON record, before extraction and storage.
public struct ArticleText: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The text as stored: no `date` header, no trailing boilerplate; the headline line stays in it.
    public var body: String
    /// The header date (or the `publishedAt` field of a JSON record), if any.
    public var publishedAt: CalendarDate?
    public var source: String?
    /// A language code given by the record itself, if any; otherwise the detected one is stored.
    public var language: String?

    public init(
        id: String, title: String, body: String, publishedAt: CalendarDate?, source: String? = nil,
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
