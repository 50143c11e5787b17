import DossierModel

/// A fully extracted article, ready to be written: the row, its entities, mentions and events.
///
/// Built by the ingest pipeline; the store knows nothing of how it was extracted.
public struct ArticleRecord: Sendable {
    public struct Entity: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        public var canonicalKey: String
        public var matchKeys: [String]
        public init(name: String, type: EntityType, canonicalKey: String, matchKeys: [String]) {
            self.name = name
            self.type = type
            self.canonicalKey = canonicalKey
            self.matchKeys = matchKeys
        }
    }

    public struct Mention: Sendable, Hashable {
        public var entityIndex: Int
        public var span: TextSpan
        public var text: String
        public var sentence: Int
        public init(entityIndex: Int, span: TextSpan, text: String, sentence: Int) {
            self.entityIndex = entityIndex
            self.span = span
            self.text = text
            self.sentence = sentence
        }
    }

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
    public var entities: [Entity]
    public var mentions: [Mention]
    public var events: [Event]

    public init(
        id: String, title: String, body: String, publishedAt: CalendarDate?, publishedAtSource: PublishedAtSource?,
        language: String, languages: [LanguageShare], source: String?, wordCount: Int, contentHash: String,
        entities: [Entity], mentions: [Mention], events: [Event]
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
