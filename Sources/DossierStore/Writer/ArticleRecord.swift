import DossierModel

/// A fully extracted article, ready to be written: the row, its entities, mentions and events.
///
/// Built by the ingest pipeline; the store knows nothing of how it was extracted.
public struct ArticleRecord: Sendable {
    public struct Event: Sendable, Hashable {
        public var interval: DayInterval?
        public var precision: DatePrecision
        public var text: String
        public var span: TextSpan
        public var resolution: DateResolution
        public var anchor: CalendarDate?
        public var sentence: Int
        public var summary: String
        public var entityIndexes: [Int]
        public init(
            interval: DayInterval?, precision: DatePrecision, text: String, span: TextSpan,
            resolution: DateResolution, anchor: CalendarDate?, sentence: Int, summary: String, entityIndexes: [Int]
        ) {
            self.interval = interval
            self.precision = precision
            self.text = text
            self.span = span
            self.resolution = resolution
            self.anchor = anchor
            self.sentence = sentence
            self.summary = summary
            self.entityIndexes = entityIndexes
        }
    }

    public var id: String
    public var title: String
    public var body: String
    public var publishedAt: CalendarDate?
    public var publishedAtSource: PublishedAtSource?
    public var language: String
    public var languages: [LanguageShare]
    public var source: String?
    public var wordCount: Int
    public var contentHash: String
    public var entities: [ExtractedEntity]
    public var mentions: [ExtractedMention]
    public var events: [Event]

    public init(
        id: String, title: String, body: String, publishedAt: CalendarDate?, publishedAtSource: PublishedAtSource?,
        language: String, languages: [LanguageShare], source: String?, wordCount: Int, contentHash: String,
        entities: [ExtractedEntity], mentions: [ExtractedMention], events: [Event]
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
        self.publishedAtSource = publishedAtSource
        self.language = language
        self.languages = languages
        self.source = source
        self.wordCount = wordCount
        self.contentHash = contentHash
        self.entities = entities
        self.mentions = mentions
        self.events = events
    }
}
