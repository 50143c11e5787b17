import DossierModel

/// An entity named in one article, before it is matched to the corpus.
public struct ExtractedEntity: Sendable, Hashable {
    /// The fullest common form, e.g. "Ali Khamenei", or a lexicon's canonical name ("United States" for "US").
    public var name: String
    public var type: EntityType
    /// Every surface form in this article that refers to it, as written (case kept), first occurrence first.
    public var aliases: [String]
    /// The normalised identity used across the corpus (`EntityKey.normalize`), e.g. "ali khamenei", or a
    /// lexicon id such as "country:IR" for gazetteer entries, so "Iran" and "איראן" meet.
    public var canonicalKey: String
    /// Further normalised keys by which another article may name the same referent (a surname, an acronym,
    /// each alias). The store merges on them only when `EntityKey.compatible` agrees.
    public var matchKeys: [String]

    public init(name: String, type: EntityType, aliases: [String], canonicalKey: String, matchKeys: [String]) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.canonicalKey = canonicalKey
        self.matchKeys = matchKeys
    }
}

/// One occurrence of an entity in the body.
public struct ExtractedMention: Sendable, Hashable {
    /// Index into `ExtractionResult.entities`.
    public var entityIndex: Int
    public var span: TextSpan
    /// `body[span]`, exactly.
    public var text: String
    /// Index into `ExtractionResult.sentences`.
    public var sentenceIndex: Int

    public init(entityIndex: Int, span: TextSpan, text: String, sentenceIndex: Int) {
        self.entityIndex = entityIndex
        self.span = span
        self.text = text
        self.sentenceIndex = sentenceIndex
    }
}

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
