import DossierModel

/// What entity recognition finds in one article.
public struct EntityRecognition: Sendable {
    public var entities: [ExtractedEntity]
    /// Ordered by start, longer first.
    public var mentions: [ExtractedMention]

    public init(entities: [ExtractedEntity], mentions: [ExtractedMention]) {
        self.entities = entities
        self.mentions = mentions
    }
}

/// Finds named entities in an article and resolves their surfaces to one entity per referent.
///
/// Works on UTF-8 bytes: sentences are split into tokens (`EntityTokenizer`), runs of capitalised tokens and
/// their connectors ("Ministry of Health", "Bashar al-Assad") become candidates, typed from lexicons and context
/// (`EntityRecognizer+Typing`), then resolved within the article (`EntityResolver`): a later surname is the person
/// named in full, an acronym defined in brackets is its organisation, a bare title is its named holder.
public struct EntityRecognizer: Sendable {
    let lexicon: EntityLexicon

    public init() {
        self.lexicon = EntityLexicon.shared
    }

    public func recognize(_ text: AnalyzedText) -> EntityRecognition {
        text.bytes.withUnsafeBufferPointer { bytes in
            var scan = Scan(text: text, bytes: bytes, lexicon: lexicon)
            scan.tokenize()
            scan.findCandidates()
            scan.typeListedNames()
            scan.findEvents()
            return EntityResolver(scan: scan).resolve()
        }
    }
}

/// The working state of one article's recognition.
struct Scan {
    let text: AnalyzedText
    let bytes: UnsafeBufferPointer<UInt8>
    let lexicon: EntityLexicon
    var tokens: [EntityToken] = []
    /// Token ranges of sentences.
    var sentenceTokens: [Range<Int>] = []
    /// Keys of words seen capitalised where capitals mean something (not sentence-initial, not headlines).
    var seenCapitalized = KeySet()
    var candidates: [EntityCandidate] = []
    /// Event phrases: token ranges, inclusive.
    var events: [(first: Int, last: Int)] = []

    init(text: AnalyzedText, bytes: UnsafeBufferPointer<UInt8>, lexicon: EntityLexicon) {
        self.text = text
        self.bytes = bytes
        self.lexicon = lexicon
        tokens.reserveCapacity(bytes.count / 5)
    }

    // MARK: tokens and line roles

    mutating func tokenize() {
        let tokenizer = EntityTokenizer(lexicon: lexicon)
        var lineStart = true
        var lineFirstToken = 0
        var previousEnd = 0
        for (index, sentence) in text.sentences.enumerated() {
            // A new line starts when a line break lies between this sentence and the previous one.
            if index > 0 {
                var probe = previousEnd
                lineStart = false
                while probe < sentence.lowerBound { if bytes[probe] == 0x0A { lineStart = true; break }; probe += 1 }
            }
            if lineStart && index > 0 { markLine(lineFirstToken..<tokens.count) ; lineFirstToken = tokens.count }
            let first = tokens.count
            tokenizer.tokenize(bytes, sentence, sentence: index, into: &tokens)
            sentenceTokens.append(first..<tokens.count)
            markInitials(first..<tokens.count)
            previousEnd = sentence.upperBound
        }
        markLine(lineFirstToken..<tokens.count)
        for token in tokens where token.flags.contains(.capitalized) && !token.flags.contains(.initial)
            && !token.flags.contains(.headline) && !token.flags.contains(.skipped) {
            seenCapitalized.insert(token.key)
        }
    }

    /// The first word of a sentence, and the first word after an opening quote, colon or bullet, or after the
    /// dash that ends a dateline ("CAGUAS, Puerto Rico (AP) _ Kidnappers kept …", "(Reuters) - Forecasters …").
    private mutating func markInitials(_ range: Range<Int>) {
        var expectInitial = true
        for index in range {
            let token = tokens[index]
            if token.isWord {
                if expectInitial { tokens[index].flags.insert(.initial) }
                expectInitial = false
            } else if token.mark == UInt8(ascii: "_")
                        || (token.mark == EntityTokenizer.Mark.dash || token.mark == UInt8(ascii: "-")) && index > range.lowerBound
                        && tokens[index - 1].mark == UInt8(ascii: ")") {
                expectInitial = true
            } else if token.mark == EntityTokenizer.Mark.openQuote || token.mark == UInt8(ascii: ":") || token.mark == UInt8(ascii: "\"")
                        || token.mark == UInt8(ascii: "*") || token.mark == UInt8(ascii: "|") || token.mark == UInt8(ascii: "[")
                        || token.mark == UInt8(ascii: ".") || token.mark == UInt8(ascii: "!") || token.mark == UInt8(ascii: "?") {
                // A straight quote opens when a word follows it directly; the period of a middle initial
                // ("Robert M. Price") ends nothing.
                let afterInitial = token.mark == UInt8(ascii: ".") && index > range.lowerBound && tokens[index - 1].isWord
                    && tokens[index - 1].end == token.start && tokens[index - 1].end - tokens[index - 1].start == 1
                    && tokens[index - 1].flags.contains(.capitalized)
                if afterInitial {
                    continue
                }
                if token.mark != UInt8(ascii: "\"") || (index + 1 < range.upperBound && tokens[index + 1].start == token.end) {
                    expectInitial = true
                }
            }
        }
    }

    /// Scraped lines ("RELATED: …", "Source: …") are skipped; title-case and all-capitals headlines prove nothing.
    private mutating func markLine(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let lineStart = tokens[range.lowerBound].start
        for prefix in lexicon.boilerplatePrefixes where prefix[0] == bytes[lineStart] && lineStart + prefix.count <= bytes.count {
            var matches = true
            for (offset, byte) in prefix.enumerated() where bytes[lineStart + offset] != byte { matches = false; break }
            // "Follow" opens "Follow us", not "Following the recapture".
            let after = lineStart + prefix.count
            if matches, after < bytes.count, let last = prefix.last, last != UInt8(ascii: ":"),
               (bytes[after] | 0x20) >= 97 && (bytes[after] | 0x20) <= 122 {
                matches = false
            }
            if matches {
                for index in range { tokens[index].flags.insert(.skipped) }
                return
            }
        }
        var words = 0, capitalized = 0, allCaps = 0
        for index in range where tokens[index].isWord {
            let token = tokens[index]
            if token.end - token.start <= 3 && !token.flags.contains(.capitalized) { continue }  // "of", "in", "to"
            words += 1
            if token.flags.contains(.capitalized) { capitalized += 1 }
            if token.flags.contains(.allCaps) { allCaps += 1 }
        }
        let lastMark = tokens[range.upperBound - 1]
        let endsSentence = !lastMark.isWord && (lastMark.mark == UInt8(ascii: ".") || lastMark.mark == UInt8(ascii: "!")
                                                || lastMark.mark == UInt8(ascii: "?") || lastMark.mark == EntityTokenizer.Mark.closeQuote
                                                || lastMark.mark == UInt8(ascii: "\""))
        if words >= 3 && !endsSentence && (capitalized * 10 >= words * 7 || allCaps * 10 >= words * 7) {
            for index in range { tokens[index].flags.insert([.headline, .initial]) }
        }
    }

    // MARK: word classes

    @inline(__always)
    func wordClass(_ index: Int) -> EntityLexicon.WordClass { tokens[index].wordClass }

    @inline(__always)
    func commonness(_ index: Int) -> Int { Int(lexicon.commonness[tokens[index].key] ?? 0) }

    @inline(__always)
    func isLowerWord(_ index: Int) -> Bool {
        tokens[index].isWord && !tokens[index].flags.contains(.capitalized) && !tokens[index].flags.contains(.hebrewScript)
            && !tokens[index].flags.contains(.arabicScript)
    }

    /// A token that can be part of a name: capitalised or an acronym, not a month or weekday, not in a scraped line.
    @inline(__always)
    func isNameToken(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isWord, token.flags.contains(.capitalized), !token.flags.contains(.skipped) else { return false }
        if token.end - token.start == 1 { return false }  // initials and stray letters ("Â")
        // A US legislator's party and state ("R-Ariz", "D-N.Y."): a label, not a name.
        if token.end - token.start >= 3, bytes[token.start + 1] == UInt8(ascii: "-"), bytes[token.start + 2] &- 65 < 26 {
            switch bytes[token.start] {
            case UInt8(ascii: "R"), UInt8(ascii: "D"), UInt8(ascii: "I"): return false
            default: break
            }
        }
        let classes = wordClass(index)
        if classes.contains(.calendar) && classes.contains(.givenName) { return isMonthName(index) }
        return classes.isDisjoint(with: [.calendar, .notName])
    }

    /// Whether a month that is also a name ("May", "June") is a name here: after a given name ("Theresa May",
    /// "Brian May"), or before another capitalised word with no preposition before it ("April Glaspie said", but
    /// "in June Iraq voted", "May God help us" and a month alone are no names).
    func isMonthName(_ index: Int) -> Bool {
        let sentence = tokens[index].sentence
        func isWordInSentence(_ other: Int) -> Bool {
            other >= 0 && other < tokens.count && tokens[other].sentence == sentence && tokens[other].isWord
        }
        let before = index - 1
        if isWordInSentence(before), tokens[before].flags.contains(.capitalized),
           wordClass(before).contains(.givenName), !wordClass(before).contains(.calendar) {
            return true
        }
        let after = index + 1
        guard !wordClass(index).contains(.surnameOnly), isWordInSentence(after), tokens[after].flags.contains(.capitalized), tokens[after].end - tokens[after].start > 1,
              wordClass(after).isDisjoint(with: [.calendar, .notName, .datePreposition]),
              !tokens[after].flags.contains(.hasDigit) else { return false }
        return !(isWordInSentence(before) && wordClass(before).contains(.datePreposition))
    }

    /// Whether a capitalised token where capitals prove nothing (sentence start, headline) is still a name.
    func acceptsInitial(_ index: Int) -> Bool {
        let token = tokens[index]
        let key = token.key
        let sentenceEnd = sentenceTokens[token.sentence].upperBound
        if longestPhrase(at: index, upper: sentenceEnd) != nil { return true }
        let wordClass = token.wordClass
        if wordClass.contains(.calendar) && wordClass.contains(.givenName) { return isMonthName(index) }
        if wordClass.contains(.calendar) || wordClass.contains(.notName) { return false }
        // Function words ("But", "The") are never names, even when capitalised elsewhere after a dash.
        if (lexicon.commonness[key] ?? 0) >= 55 && !wordClass.contains(.givenName) { return false }
        if wordClass.contains(.givenName) {
            // A given name that is also a common word ("Will", "Rose") needs a surname after it.
            return lexicon.commonness[key] == nil || (index + 1 < sentenceEnd && isNameToken(index + 1))
        }
        if token.flags.contains(.allCaps) && !token.flags.contains(.headline) { return true }
        if seenCapitalized.contains(key) { return true }
        if token.flags.contains(.headline) && token.flags.contains(.allCaps) { return false }
        if wordClass.contains(.titleStart) || wordClass.contains(.eventFirst) {
            // A title is a name start only when a name follows it.
            return index + 1 < tokens.count && isNameToken(index + 1) && tokens[index + 1].sentence == token.sentence
        }
        if lexicon.commonness[key] != nil || isPluralOfCommonWord(index) { return false }
        let length = token.end - token.start
        if length > 4, bytes[token.end - 1] == UInt8(ascii: "y"), bytes[token.end - 2] == UInt8(ascii: "l") { return false }
        if length > 5, bytes[token.end - 1] == UInt8(ascii: "g"), bytes[token.end - 2] == UInt8(ascii: "n"),
           bytes[token.end - 3] == UInt8(ascii: "i") { return false }
        if token.flags.contains(.allCaps) && token.flags.contains(.headline) { return false }
        // Plural agent nouns ("Forecasters", "Subcontractors", "Monarchists") open sentences far more often
        // than names do; a surname so spelled counts once it is seen capitalised mid-sentence (above).
        if length > 6, !token.flags.contains(.allCaps), bytes[token.end - 1] == UInt8(ascii: "s") {
            let a = bytes[token.end - 3], b = bytes[token.end - 2]
            if (a == UInt8(ascii: "e") || a == UInt8(ascii: "o")) && b == UInt8(ascii: "r") { return false }
            if bytes[token.end - 4] == UInt8(ascii: "i") && a == UInt8(ascii: "s") && b == UInt8(ascii: "t") { return false }
        }
        return true
    }

    /// "Forecasters", "Truckloads": the plural of a common word that is not a given name ("Williams", "Adams")
    /// is as common as the word, even when the word list lacks the plural.
    func isPluralOfCommonWord(_ index: Int) -> Bool {
        let token = tokens[index]
        let end = token.end
        guard end - token.start > 4, bytes[end - 1] == UInt8(ascii: "s"), !token.flags.contains(.allCaps) else { return false }
        // The first singular that is a common word decides: "-s", then "-es", then "-ies" → "-y".
        func decides(_ key: UInt64) -> Bool? {
            guard lexicon.commonness[key] != nil else { return nil }
            let wordClass = lexicon.words[key] ?? []
            return !wordClass.contains(.givenName) && !wordClass.contains(.titleStart)
        }
        if let answer = decides(ByteKey.hash(bytes, token.start, end - 1)) { return answer }
        guard bytes[end - 2] == UInt8(ascii: "e") else { return false }
        if let answer = decides(ByteKey.hash(bytes, token.start, end - 2)) { return answer }
        guard bytes[end - 3] == UInt8(ascii: "i") else { return false }
        var key = ByteKey.hash(bytes, token.start, end - 3)
        ByteKey.mix(&key, UInt8(ascii: "y"))
        return decides(key) ?? false
    }

    /// A name token that may start or continue a name here.
    @inline(__always)
    func isUsableNameToken(_ index: Int) -> Bool {
        isNameToken(index) && (!tokens[index].flags.contains(.initial) || acceptsInitial(index))
    }

    // MARK: candidates

    mutating func findCandidates() {
        for range in sentenceTokens {
            var index = range.lowerBound
            while index < range.upperBound {
                let token = tokens[index]
                if token.isWord && !token.flags.contains(.skipped) && !token.flags.contains(.capitalized)
                    && (token.flags.contains(.hebrewScript) || token.flags.contains(.arabicScript)) {
                    addScriptCandidate(index)
                    index += 1
                    continue
                }
                guard isUsableNameToken(index) else { index += 1; continue }
                index = addChunk(from: index, upper: range.upperBound) + 1
            }
        }
    }

    /// A Hebrew- or Arabic-script word: a lexicon surface, or a romanised Yiddish country name or demonym.
    private mutating func addScriptCandidate(_ index: Int) {
        let token = tokens[index]
        let single = ByteKey.combine(ByteKey.phraseSeed, token.key)
        if let entry = lexicon.phrases[single] {
            let type = lexicon.entries[Int(entry)].type
            candidates.append(EntityCandidate(first: index, last: index, type: type, reference: .lexicon(entry), isCertain: true,
                                              title: nil, acronymKey: nil, isLoneWord: false))
            return
        }
        guard token.flags.contains(.hebrewScript), token.end - token.start >= 6 else { return }
        let roman = lexicon.romanize(text.text(token.start..<token.end))
        let phonetic = EntityLexicon.phoneticKey(roman)
        if let entry = lexicon.phoneticCountries[phonetic] {
            candidates.append(EntityCandidate(first: index, last: index, type: .location, reference: .lexicon(entry), isCertain: true,
                                              title: nil, acronymKey: nil, isLoneWord: false))
        } else if roman.hasSuffix("er"), roman.count > 4,
                  let country = lexicon.phoneticCountries[EntityLexicon.phoneticKey(String(roman.dropLast(2)))],
                  let demonym = lexicon.demonymOfCountry[lexicon.entries[Int(country)].key] {
            candidates.append(EntityCandidate(first: index, last: index, type: .group, reference: .lexicon(demonym), isCertain: true,
                                              title: nil, acronymKey: nil, isLoneWord: false))
        }
    }

    /// The longest lexicon phrase starting at `index` within `upper` (exclusive): its last token and entry.
    func longestPhrase(at index: Int, upper: Int) -> (last: Int, entry: Int32)? {
        var key = ByteKey.phraseSeed
        var best: (Int, Int32)?
        var position = index
        while position < upper, position - index < lexicon.maxPhraseLength, tokens[position].isWord {
            key = ByteKey.combine(key, tokens[position].key)
            if let entry = lexicon.phrases[key] { best = (position, entry) }
            if !(lexicon.phrasePrefixes[key] != nil) { break }
            position += 1
        }
        return best
    }

    /// The longest title phrase starting at `index`: its last token and whether one person holds it at a time.
    func longestTitle(at index: Int, upper: Int) -> (last: Int, key: UInt64)? {
        guard tokens[index].flags.contains(.capitalized), wordClass(index).contains(.titleStart) else { return nil }
        var key = ByteKey.phraseSeed
        var best: (Int, UInt64)?
        var position = index
        while position < upper, position - index < lexicon.maxTitleLength, tokens[position].isWord {
            key = ByteKey.combine(key, tokens[position].key)
            if lexicon.titles[key] != nil { best = (position, key) }
            if !lexicon.titlePrefixes.contains(key) { break }
            position += 1
        }
        // A period after an abbreviated title ("Gen.", "Mr.").
        return best
    }
}
