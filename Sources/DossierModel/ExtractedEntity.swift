/// What extraction finds and the store writes: an entity named in one article, before it is matched to the
/// corpus, and one occurrence of it. Shared by both so neither re-declares the other's shapes.

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
