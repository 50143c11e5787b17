/// Splits sentences into `EntityToken`s on UTF-8 bytes.
///
/// Words keep inner hyphens and apostrophes ("al-Assad", "Hashd al-Sha'bi") and abbreviation periods ("U.S.");
/// a trailing possessive is left out and flagged; a hyphenated word is cut before a lowercase tail
/// ("Iran-backed" → "Iran") and after a lowercase head ("anti-Hezbollah" → "Hezbollah").
struct EntityTokenizer {
    enum Mark {
        static let openQuote: UInt8 = 1
        static let closeQuote: UInt8 = 2
        static let dash: UInt8 = 3
        static let other: UInt8 = 4
    }

    let lexicon: EntityLexicon

    /// Whether the scalar at `index` is a letter or digit (any script); punctuation and symbols are not.
    @inline(__always)
    static func isWordScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
        }
        switch byte {
        case 0xC2: return false  // U+0080–U+00BF: Latin-1 punctuation, no-break space
        case 0xC3:
            let next = bytes[index + 1]
            // "Â" before a no-break space is mojibake of a UTF-8 no-break space read as Latin-1.
            if next == 0x82, index + 2 < bytes.count, bytes[index + 2] == 0xC2 || bytes[index + 2] == 0x20 { return false }
            return next != 0x97 && next != 0xB7
        case 0xD6:  // Hebrew: maqaf and sof pasuq are punctuation; points belong to the word
            let next = bytes[index + 1]; return next != 0xBE
        case 0xD7:
            let next = bytes[index + 1]; return next != 0x80 && next != 0x83 && next != 0x86 && next != 0xB3 && next != 0xB4
        case 0xD8: let next = bytes[index + 1]; return next != 0x8C && next != 0x9B && next != 0x9F
        case 0xD9: let next = bytes[index + 1]; return !(next >= 0xAA && next <= 0xAD)
        case 0xE2, 0xE3, 0xEF, 0xF0...0xFF: return false
        default: return byte >= 0xC0
        }
    }

    @inline(__always)
    static func scalarLength(_ byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    }

    @inline(__always)
    static func isUpper(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 65 && byte <= 90 }
        if byte == 0xC3 { let next = bytes[index + 1]; return next >= 0x80 && next <= 0x9E && next != 0x97 }
        if byte == 0xC4 || byte == 0xC5 {
            let scalar = (Int(byte & 0x1F) << 6) | Int(bytes[index + 1] & 0x3F)
            return (scalar >= 0x139 && scalar <= 0x148) ? scalar % 2 == 1 : scalar % 2 == 0
        }
        return false
    }

    @inline(__always)
    static func isLower(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 97 && byte <= 122 }
        if byte == 0xC3 { return bytes[index + 1] >= 0x9F && bytes[index + 1] != 0xB7 }
        if byte == 0xC4 || byte == 0xC5 { return !isUpper(bytes, index) }
        return false
    }

    /// Pronouns that take "'d" and "'m" ("I'd", "we'd", "I'm"); other words ending so are names ("Sa'd").
    private static let contractingPronouns: Set<String> = ["i", "you", "he", "she", "we", "they", "it", "who", "that", "there"]

    /// Where a contraction's clitic begins: "'re", "'ve", "'ll" after any word, "'d" and "'m" after a pronoun
    /// (straight or curly apostrophe); nil for anything else.
    static func contractionStart(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        // The clitic is one or two letters: the apostrophe (or the last byte of a curly one) is 2 or 3 back.
        let apostrophe: Int
        if end - start > 3, bytes[end - 3] == 0x27 || bytes[end - 3] == 0x99 {
            apostrophe = end - 3
        } else if end - start > 2, bytes[end - 2] == 0x27 || bytes[end - 2] == 0x99 {
            apostrophe = end - 2
        } else {
            return nil
        }
        var stemEnd = apostrophe
        if bytes[apostrophe] == 0x99 {
            guard apostrophe - start >= 3, bytes[apostrophe - 1] == 0x80, bytes[apostrophe - 2] == 0xE2 else { return nil }
            stemEnd = apostrophe - 2
        }
        let clitic = String(decoding: UnsafeBufferPointer(rebasing: bytes[(apostrophe + 1)..<end]), as: UTF8.self).lowercased()
        switch clitic {
        case "re", "ve", "ll":
            return stemEnd
        case "d", "m":
            let stem = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stemEnd]), as: UTF8.self).lowercased()
            return contractingPronouns.contains(stem) ? stemEnd : nil
        default:
            return nil
        }
    }

    /// Appends the tokens of one sentence.
    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sentence: Int, into tokens: inout [EntityToken]) {
        var index = range.lowerBound
        let upper = range.upperBound
        while index < upper {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1; continue }
            let length = EntityTokenizer.scalarLength(byte)
            if index + length > upper { break }
            if !EntityTokenizer.isWordScalar(bytes, index) {
                if byte == 0xC2 && bytes[index + 1] == 0xA0 { index += 2; continue }  // no-break space
                if byte == 0xEF && length == 3 && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { index += 3; continue }
                var mark = byte < 0x80 ? byte : Mark.other
                if byte == 0xE2 && bytes[index + 1] == 0x80 {
                    switch bytes[index + 2] {
                    case 0x9C, 0x98: mark = Mark.openQuote
                    case 0x9D, 0x99: mark = Mark.closeQuote
                    case 0x93, 0x94: mark = Mark.dash
                    default: break
                    }
                } else if byte == 0xC2 && (bytes[index + 1] == 0xAB) {
                    mark = Mark.openQuote
                } else if byte == 0xC2 && (bytes[index + 1] == 0xBB) {
                    mark = Mark.closeQuote
                }
                tokens.append(EntityToken(start: index, end: index + length, key: 0, flags: [], mark: mark, sentence: sentence))
                index += length
                continue
            }
            index = scanWord(bytes, from: index, upper: upper, sentence: sentence, into: &tokens)
        }
    }

    /// "Ban Ki-moon", "Moon Jae-in", "Kim Jong-un", "Chiang Kai-shek": a Korean or Chinese given name of two
    /// syllables joined by a hyphen, the second lowercase, is one word and not a name with a lowercase tail cut off
    /// ("Iran-backed"). Told apart by shape: two short ASCII syllables (the first capitalised, not all capitals;
    /// neither over five letters), right after a capitalised word, the family name. English compounds' tails
    /// ("-led", "-era", "-run", "-wide") are left out.
    private func isHyphenatedGivenName(_ bytes: UnsafeBufferPointer<UInt8>, _ bounds: [(Int, Int)], after previous: EntityToken?,
                                       sentence: Int) -> Bool {
        guard bounds.count == 2, let previous, previous.sentence == sentence, previous.isWord,
              previous.flags.contains(.capitalized), !previous.flags.contains(.allCaps), previous.end + 1 == bounds[0].0,
              bytes[previous.end] == 0x20 else { return false }
        let (head, tail) = (bounds[0], bounds[1])
        guard (2...5).contains(head.1 - head.0), (2...5).contains(tail.1 - tail.0),
              bytes[head.0] &- 65 < 26, (head.0 + 1..<head.1).allSatisfy({ bytes[$0] &- 97 < 26 }),
              (tail.0..<tail.1).allSatisfy({ bytes[$0] &- 97 < 26 }) else { return false }
        if bytes[tail.1 - 1] == UInt8(ascii: "d") && bytes[tail.1 - 2] == UInt8(ascii: "e") { return false }
        return !Self.compoundTails.contains(ByteKey.hash(bytes, tail.0, tail.1))
    }

    /// Lowercase tails of English compounds after a name ("Bush-era", "UN-run", "Iraq-wide"); tails in "-ed"
    /// ("-led", "-backed") are told by their ending.
    private static let compoundTails: Set<UInt64> = Set(["era", "run", "wide", "born", "made", "style", "type", "like",
                                                          "bound", "area", "side", "only", "free", "rich", "poor"].map { word in
        Array(word.utf8).withUnsafeBufferPointer { ByteKey.hash($0, 0, $0.count) }
    })

    private func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, upper: Int, sentence: Int,
                          into tokens: inout [EntityToken]) -> Int {
        var end = start
        var hyphens: [Int] = []
        while end < upper {
            let byte = bytes[end]
            if byte &- 97 < 26 || byte &- 65 < 26 || byte &- 48 < 10 { end += 1; continue }
            let length = EntityTokenizer.scalarLength(byte)
            if end + length > upper { break }
            if EntityTokenizer.isWordScalar(bytes, end) {
                end += length
                continue
            }
            // Inner joiners: a hyphen, an apostrophe or a period followed by a word scalar.
            var joinLength = 0
            if byte == 0x2D || byte == 0x27 || byte == 0x2E {
                joinLength = 1
            } else if byte == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0x99 {
                joinLength = 3
            }
            guard joinLength > 0, end + joinLength < upper, EntityTokenizer.isWordScalar(bytes, end + joinLength) else { break }
            if byte == 0x2E {
                // Only abbreviations: "U.S", one letter before the period.
                let segmentStart = max(start, (hyphens.last ?? start))
                var lastPeriod = start
                var probe = end - 1
                while probe > start { if bytes[probe] == 0x2E { lastPeriod = probe + 1; break }; probe -= 1 }
                _ = segmentStart
                if end - lastPeriod != 1 { break }
            }
            if byte == 0x2D { hyphens.append(end) }
            end += joinLength
        }
        let scanEnd = end
        var flags: EntityToken.Flags = [.word]
        // Abbreviation with periods: take the final period too ("U.S." ; "U.N.").
        if end < upper, bytes[end] == 0x2E, end - start >= 3, bytes[end - 2] == 0x2E {
            end += 1
        }
        var next = end
        // Possessive: "'s", "’s" (and Yiddish "'ס") at the end.
        if end - start > 3 {
            if bytes[end - 1] == UInt8(ascii: "s") && bytes[end - 2] == 0x27 {
                end -= 2; flags.insert(.possessive)
            } else if bytes[end - 1] == UInt8(ascii: "s") && end - start > 5 && bytes[end - 2] == 0x99 && bytes[end - 3] == 0x80 && bytes[end - 4] == 0xE2 {
                end -= 4; flags.insert(.possessive)
            } else if bytes[end - 1] == 0xA1 && bytes[end - 2] == 0xD7 && bytes[end - 3] == 0x27 {
                end -= 3; flags.insert(.possessive)
            }
        }
        // A contraction ("We're", "They'll", "I'm"): the word before the apostrophe is the token, so a
        // pronoun is never read as a name.
        if !flags.contains(.possessive), let stemEnd = EntityTokenizer.contractionStart(bytes, start, end) { end = stemEnd }
        next = max(next, scanEnd)
        // Plural possessive: "States’ Embassy", "Americans' views".
        if !flags.contains(.possessive), end - start > 3, bytes[end - 1] == UInt8(ascii: "s"), end == scanEnd {
            var apostrophe = 0
            if end < upper, bytes[end] == 0x27 { apostrophe = 1 }
            if end + 2 < upper, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0x99 { apostrophe = 3 }
            if apostrophe > 0, end + apostrophe == upper || bytes[end + apostrophe] == 0x20 {
                flags.insert(.possessive)
                next = end + apostrophe
            }
        }
        var wordStart = start
        if !hyphens.isEmpty {
            // Parts between hyphens: drop a lowercase head, cut before a lowercase tail.
            var bounds: [(Int, Int)] = []
            var partStart = start
            for hyphen in hyphens where hyphen < end {
                bounds.append((partStart, hyphen))
                partStart = hyphen + 1
            }
            bounds.append((partStart, end))
            func isParticle(_ part: (Int, Int)) -> Bool {
                lexicon.wordClass(ByteKey.hash(bytes, part.0, part.1)).contains(.particle)
            }
            var first = 0
            while first < bounds.count - 1, EntityTokenizer.isLower(bytes, bounds[first].0), !isParticle(bounds[first]) {
                first += 1
            }
            var last = first
            let givenName = isHyphenatedGivenName(bytes, bounds, after: tokens.last, sentence: sentence)
            while last + 1 < bounds.count {
                let part = bounds[last + 1]
                if EntityTokenizer.isLower(bytes, part.0) && !isParticle(part) && !givenName {
                    flags.insert(.hyphenTail); flags.remove(.possessive); break
                }
                if EntityTokenizer.isLower(bytes, part.0) && last + 2 < bounds.count && EntityTokenizer.isLower(bytes, bounds[last + 2].0)
                    && !isParticle(bounds[last + 2]) {
                    flags.insert(.hyphenTail); flags.remove(.possessive); break
                }
                last += 1
            }
            if first > 0 && first <= last && EntityTokenizer.isUpper(bytes, bounds[first].0) { wordStart = bounds[first].0 }
            end = bounds[last].1
            // Two capitalised known parts ("Lebanese-Syrian"): two tokens.
            if last == first + 1, EntityTokenizer.isUpper(bytes, bounds[first].0), EntityTokenizer.isUpper(bytes, bounds[last].0),
               lexicon.phrases[ByteKey.combine(ByteKey.phraseSeed, ByteKey.hash(bytes, wordStart, end))] == nil,
               lexicon.phrases[ByteKey.combine(ByteKey.phraseSeed, ByteKey.hash(bytes, bounds[first].0, bounds[first].1))] != nil,
               lexicon.phrases[ByteKey.combine(ByteKey.phraseSeed, ByteKey.hash(bytes, bounds[last].0, bounds[last].1))] != nil {
                appendWord(bytes, bounds[first].0, bounds[first].1, [.word], sentence, &tokens)
                tokens.append(EntityToken(start: bounds[first].1, end: bounds[first].1 + 1, key: 0, flags: [], mark: 0x2D, sentence: sentence))
                appendWord(bytes, bounds[last].0, bounds[last].1, flags, sentence, &tokens)
                return next
            }
        }
        appendWord(bytes, wordStart, end, flags, sentence, &tokens)
        return next
    }

    private func appendWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ baseFlags: EntityToken.Flags,
                            _ sentence: Int, _ tokens: inout [EntityToken]) {
        var flags = baseFlags
        let first = bytes[start]
        if EntityTokenizer.isUpper(bytes, start) {
            flags.insert(.capitalized)
        } else if first == 0xD7 || (first == 0xD6 && bytes[start + 1] >= 0x90) {
            flags.insert(.hebrewScript)
        } else if first >= 0xD8 && first <= 0xDB {
            flags.insert(.arabicScript)
        } else if first == UInt8(ascii: "a") || first == UInt8(ascii: "e"), end - start > 3,
                  bytes[start + 1] == UInt8(ascii: "l"), bytes[start + 2] == 0x2D, EntityTokenizer.isUpper(bytes, start + 3) {
            flags.insert(.capitalized)  // "al-Qaeda", "el-Sisi"
        }
        var letters = 0, uppers = 0
        var index = start
        // ASCII words (most of them): case, digits and the key in one pass.
        var hash = ByteKey.basis
        while index < end {
            let byte = bytes[index]
            if byte >= 0x80 { break }
            if byte &- 65 < 26 {
                uppers += 1; letters += 1
                ByteKey.mix(&hash, byte | 0x20)
            } else {
                if byte &- 97 < 26 { letters += 1 } else if byte &- 48 < 10 { flags.insert(.hasDigit) }
                if byte != 46 { ByteKey.mix(&hash, byte) }
            }
            index += 1
        }
        let key: UInt64
        if index == end {
            key = hash
        } else {
            while index < end {
                let byte = bytes[index]
                if byte >= 48 && byte <= 57 { flags.insert(.hasDigit) }
                if EntityTokenizer.isUpper(bytes, index) { uppers += 1; letters += 1 } else if EntityTokenizer.isLower(bytes, index) { letters += 1 }
                index += EntityTokenizer.scalarLength(byte)
            }
            key = ByteKey.hash(bytes, start, end)
        }
        if letters >= 2 && uppers == letters { flags.insert(.allCaps) }
        tokens.append(EntityToken(start: start, end: end, key: key, flags: flags, mark: 0, sentence: sentence,
                                  wordClass: lexicon.words[key] ?? []))
    }
}
