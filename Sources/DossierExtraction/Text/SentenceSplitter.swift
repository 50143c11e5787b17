/// Splits a UTF-8 body into sentences, as byte ranges without surrounding whitespace.
///
/// A sentence ends at a line break, or after `.`, `!` or `?` (plus closing quotes and brackets) followed by
/// whitespace and then an uppercase letter, a digit, an opening quote or a non-Latin letter — unless the word
/// before the period is a known abbreviation ("Mr.", "Jan.", "U.S.") or a single capital (an initial).
public enum SentenceSplitter {
    /// Abbreviations after which a period does not end a sentence (lowercased, without the period).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "cmdr", "adm",
        "sgt", "st", "jr", "sr", "rev", "hon", "pres", "amb", "atty", "supt", "insp", "messrs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "univ", "est", "approx", "fig", "vol",
        "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "d.c", "ft", "mt",
    ]

    public static func split(_ bytes: [UInt8]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = bytes.count

        func emit(_ end: Int) {
            var lower = start, upper = end
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { sentences.append(lower..<upper) }
        }

        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                emit(index)
                start = index + 1
                index += 1
                continue
            }
            if byte == UInt8(ascii: ".") {
                var end = index + 1
                // Swallow further terminators and closing quotes/brackets (ASCII and ” ’ »).
                while end < count {
                    if bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "!") || bytes[end] == UInt8(ascii: "?")
                        || bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'") || bytes[end] == UInt8(ascii: ")") {
                        end += 1
                    } else if end + 2 < count, bytes[end] == 0xE2, bytes[end + 1] == 0x80,
                              bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99 {
                        end += 3
                    } else {
                        break
                    }
                }
                if byte == UInt8(ascii: "."), isAbbreviation(bytes, periodAt: index) {
                    index = end
                    continue
                }
                var next = end
                var sawSpace = false
                while next < count, bytes[next] == UInt8(ascii: " ") || bytes[next] == 0x09 {
                    next += 1
                    sawSpace = true
                }
                if next >= count || bytes[next] == 0x0A || (sawSpace && startsSentence(bytes[next])) {
                    emit(end)
                    start = end
                }
                index = end
                continue
            }
            if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                var next = index + 1
                while next < count, bytes[next] == UInt8(ascii: "\"") || bytes[next] == UInt8(ascii: "'") { next += 1 }
                if next + 2 < count, bytes[next] == 0xE2, bytes[next + 1] == 0x80, bytes[next + 2] == 0x9D { next += 3 }
                var after = next
                var sawSpace = false
                while after < count, bytes[after] == UInt8(ascii: " ") { after += 1; sawSpace = true }
                if after >= count || (sawSpace && startsSentence(bytes[after])) {
                    emit(next)
                    start = next
                }
                index = next
                continue
            }
            index += 1
        }
        emit(count)
        return sentences
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether a sentence may start with this byte: an uppercase ASCII letter, a digit, a quote or bracket,
    /// or the lead byte of a non-ASCII scalar (curly quotes, other scripts).
    @inline(__always)
    static func startsSentence(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte >= 0xC0
    }

    static func isAbbreviation(_ bytes: [UInt8], periodAt index: Int) -> Bool {
        var lower = index
        while lower > 0 {
            let byte = bytes[lower - 1]
            let isWordByte = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: ".")
            if !isWordByte { break }
            lower -= 1
        }
        guard lower < index else { return false }
        let word = bytes[lower..<index]
        if word.count == 1, let first = word.first, first >= 65, first <= 90 { return true }  // an initial: "J. Smith"
        let lowered = String(decoding: word.map { ($0 >= 65 && $0 <= 90) ? $0 | 0x20 : $0 }, as: UTF8.self)
        return abbreviations.contains(lowered)
    }
}
