/// One word or punctuation mark of a sentence, as byte offsets into `AnalyzedText.bytes`.
struct EntityToken {
    struct Flags: OptionSet {
        let rawValue: UInt16
        static let word = Flags(rawValue: 1 << 0)
        /// First letter uppercase.
        static let capitalized = Flags(rawValue: 1 << 1)
        /// Two or more letters, all uppercase ("MEK", "U.S.").
        static let allCaps = Flags(rawValue: 1 << 2)
        static let hasDigit = Flags(rawValue: 1 << 3)
        /// Followed by a possessive "'s" / "’s" / Yiddish "'ס" (outside the token).
        static let possessive = Flags(rawValue: 1 << 4)
        /// Cut before a lowercase hyphenated tail ("Iran" of "Iran-backed").
        static let hyphenTail = Flags(rawValue: 1 << 5)
        static let hebrewScript = Flags(rawValue: 1 << 6)
        static let arabicScript = Flags(rawValue: 1 << 7)
        /// The first word of a sentence, or after an opening quote or a colon: capitals prove nothing there.
        static let initial = Flags(rawValue: 1 << 8)
        /// Part of a scraped line (RELATED:, Source:) or of an all-capitals or title-case headline.
        static let headline = Flags(rawValue: 1 << 9)
        static let skipped = Flags(rawValue: 1 << 10)
    }

    var start: Int
    var end: Int
    var key: UInt64
    var flags: Flags
    /// For punctuation: the ASCII byte, or a code for non-ASCII marks (see `EntityTokenizer.Mark`).
    var mark: UInt8
    var sentence: Int
    /// The lexicon's word classes of a word (empty for punctuation).
    var wordClass: EntityLexicon.WordClass = []

    var isWord: Bool { flags.contains(.word) }
}
