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

    /// The abbreviations packed into integers (one byte per letter), so that a look-up builds no `String`.
    static let packedAbbreviations: Set<UInt64> = Set(abbreviations.map { word in
        word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    })

    public static func split(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { split($0) }
    }

    /// Whether any byte of `word` equals the byte repeated in `pattern` (lowest flagged byte is exact).
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let value = word ^ pattern
        return (value &- 0x0101_0101_0101_0101) & ~value & 0x8080_8080_8080_8080
    }

    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(bytes.count / 100 + 4)
        var start = 0
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return [] }

        func emit(_ end: Int) {
            var lower = start, upper = end
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { sentences.append(lower..<upper) }
        }

        while index < count {
            // Skip eight bytes at a time while none is a line break or terminator.
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let found = matches(word, 0x0A0A_0A0A_0A0A_0A0A) | matches(word, 0x2E2E_2E2E_2E2E_2E2E)
                    | matches(word, 0x2121_2121_2121_2121) | matches(word, 0x3F3F_3F3F_3F3F_3F3F)
                if found == 0 { index += 8; continue }
                index += found.trailingZeroBitCount >> 3
            }
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

    static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, periodAt index: Int) -> Bool {
        var lower = index
        while lower > 0 {
            let byte = bytes[lower - 1]
            let isWordByte = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: ".")
            if !isWordByte { break }
            lower -= 1
        }
        guard lower < index else { return false }
        if index - lower == 1, bytes[lower] >= 65, bytes[lower] <= 90 { return true }  // an initial: "J. Smith"
        guard index - lower <= 8 else { return false }
        var packed: UInt64 = 0
        for position in lower..<index {
            let byte = bytes[position]
            packed = packed << 8 | UInt64((byte >= 65 && byte <= 90) ? byte | 0x20 : byte)
        }
        return packedAbbreviations.contains(packed)
    }
}
