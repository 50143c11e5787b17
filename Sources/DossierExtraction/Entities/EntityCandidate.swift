import DossierModel

/// A name found in the text before resolution: its tokens, what typed it and what it may refer to.
struct EntityCandidate {
    enum Reference {
        /// A lexicon entry (index into `EntityLexicon.entries`).
        case lexicon(Int32)
        /// A name of this article, keyed by its normalised surface.
        case local
        /// A bare title ("the Supreme Leader"): the person named with it in the article, if any.
        case title(UInt64)
    }

    /// Token indexes, inclusive, of the name (titles excluded).
    var first: Int
    var last: Int
    var type: EntityType
    var reference: Reference
    /// Typed by evidence (a title, a given name, an organisation word, a lexicon), not by default.
    var isCertain: Bool
    /// Typed by the words around it ("in X", "X said", "the town of X"): weaker than certain, stronger than a default.
    var hasContext: Bool = false
    /// The title it was written with ("Supreme Leader" in "Supreme Leader Ali Khamenei").
    var title: UInt64?
    /// An acronym defined right after it: "Mujahedin-e Khalq (MEK)".
    var acronymKey: UInt64?
    /// The acronym is an editor's gloss in square brackets ("Daesh [ISIL]"): the name is that acronym's entity.
    var acronymIsGloss: Bool = false
    /// A single token that no rule typed: a surname, an acronym or a place, decided after the whole article is read.
    var isLoneWord: Bool
    /// Lone common word ("Islamic"): dropped unless it resolves to a person.
    var isCommonWord: Bool = false
    var isAcronym: Bool = false
    /// Nested inside a longer name (mentions only; they do not change the outer one).
    var isNested: Bool = false
    /// Nested, yet naming its entity in its own right ("Tehran" in "Embassy in Tehran").
    var isStandaloneNested: Bool = false
}
