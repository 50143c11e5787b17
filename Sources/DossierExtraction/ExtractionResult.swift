import DossierModel

/// One temporal expression and the interval it denotes (DATES.md).
public struct ExtractedEvent: Sendable, Hashable {
    /// The expression as written, `body[span]`.
    public var text: String
    public var span: TextSpan
    /// Nil when the expression cannot be resolved (relative, with nothing to anchor it).
    public var interval: DayInterval?
    public var precision: DatePrecision
    public var resolution: DateResolution
    /// The date a relative expression was resolved against, else nil.
    public var anchor: CalendarDate?
    /// True when its sentence points ahead ("will", "scheduled", "next"): such dates never infer `publishedAt`.
    public var pointsAhead: Bool
    public var sentenceIndex: Int
    /// Indexes into `ExtractionResult.entities` of the entities mentioned in the same sentence.
    public var entityIndexes: [Int]

    public init(
        text: String, span: TextSpan, interval: DayInterval?, precision: DatePrecision,
        resolution: DateResolution, anchor: CalendarDate?, pointsAhead: Bool, sentenceIndex: Int,
        entityIndexes: [Int] = []
    ) {
        self.text = text
        self.span = span
        self.interval = interval
        self.precision = precision
        self.resolution = resolution
        self.anchor = anchor
        self.pointsAhead = pointsAhead
        self.sentenceIndex = sentenceIndex
        self.entityIndexes = entityIndexes
    }
}

/// Everything extraction finds in one article body.
public struct ExtractionResult: Sendable {
    /// Sentence spans (UTF-16) covering the body's text in order.
    public var sentences: [TextSpan]
    /// The text of each sentence, for event summaries.
    public var sentenceTexts: [String]
    public var entities: [ExtractedEntity]
    /// Ordered by start, longer first.
    public var mentions: [ExtractedMention]
    /// Ordered by span start.
    public var events: [ExtractedEvent]
    /// ISO 639-1 of most of the body.
    public var language: String
    public var languages: [LanguageShare]
    /// `publishedAt` inferred from the events when the article had no header date (API.md), else nil.
    public var inferredPublishedAt: CalendarDate?

    public init(
        sentences: [TextSpan], sentenceTexts: [String], entities: [ExtractedEntity],
        mentions: [ExtractedMention], events: [ExtractedEvent], language: String,
        languages: [LanguageShare], inferredPublishedAt: CalendarDate?
    ) {
        self.sentences = sentences
        self.sentenceTexts = sentenceTexts
        self.entities = entities
        self.mentions = mentions
        self.events = events
        self.language = language
        self.languages = languages
        self.inferredPublishedAt = inferredPublishedAt
    }
}
