/// One word, number or punctuation mark of a body, as the date grammar sees it.
struct DateToken: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, punct, other
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        /// Whitespace precedes the token.
        static let spaceBefore = Flags(rawValue: 1)
        /// A word starting with an uppercase letter.
        static let capitalized = Flags(rawValue: 2)
        /// A number written with thousands separators or decimals ("1,500", "7.30"): never a date.
        static let notDate = Flags(rawValue: 4)
        /// A number with an ordinal suffix ("3rd", "20th").
        static let ordinal = Flags(rawValue: 8)
        /// A number with a plural "s" ("1980s", "'90s").
        static let plural = Flags(rawValue: 16)
        /// A line break precedes the token.
        static let lineBefore = Flags(rawValue: 32)
        /// A number written after an apostrophe ("'90s").
        static let apostrophe = Flags(rawValue: 64)
        /// A word ending in "s" (a plural noun, usually).
        static let endsInS = Flags(rawValue: 128)
        /// A word of five or more letters ending in "ing" (a gerund or participle, usually).
        static let endsInIng = Flags(rawValue: 256)
    }

    var start: Int32
    var end: Int32
    /// For numbers: the value (digits only, capped); for punctuation: the byte ('-' for every dash).
    var value: Int32
    var kind: Kind
    var flags: Flags
    /// For numbers: the digit count; for words: the length in bytes.
    var length: UInt8
    var word: DateWord

    var range: Range<Int> { Int(start)..<Int(end) }

    func has(_ flag: Flags) -> Bool { flags.contains(flag) }
}

/// Splits UTF-8 bytes into `DateToken`s: ASCII words, digit runs, punctuation; other scripts become `.other`.
enum DateTokenizer {
    static func tokenize(_ bytes: [UInt8]) -> [DateToken] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(bytes.count / 5 + 8)
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            var flags: DateToken.Flags = []
            while index < count {
                let byte = buffer[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                    flags.insert(.spaceBefore); index += 1; continue
                }
                if byte == 0x0A {
                    flags.formUnion([.spaceBefore, .lineBefore]); index += 1; continue
                }
                if byte == 0xC2, index + 1 < count, buffer[index + 1] == 0xA0 {  // no-break space
                    flags.insert(.spaceBefore); index += 2; continue
                }
                let lower = byte | 0x20
                if lower >= 97 && lower <= 122 {
                    var end = index + 1
                    while end < count, (buffer[end] | 0x20) >= 97, (buffer[end] | 0x20) <= 122 { end += 1 }
                    if byte <= 90 { flags.insert(.capitalized) }
                    if buffer[end - 1] | 0x20 == 115 { flags.insert(.endsInS) }
                    if end - index >= 5, buffer[end - 3] | 0x20 == 105, buffer[end - 2] | 0x20 == 110, buffer[end - 1] | 0x20 == 103 {
                        flags.insert(.endsInIng)
                    }
                    let length = end - index
                    let word = DateLexicon.lookup(DateLexicon.pack(buffer, index..<end))
                    tokens.append(DateToken(start: Int32(index), end: Int32(end), value: 0, kind: .word, flags: flags,
                                            length: UInt8(min(length, 255)), word: word))
                    index = end
                    flags = []
                    continue
                }
                if byte >= 48 && byte <= 57 {
                    var end = index
                    var value = 0
                    while end < count, buffer[end] >= 48, buffer[end] <= 57 {
                        if value < 100_000_000 { value = value * 10 + Int(buffer[end] - 48) }
                        end += 1
                    }
                    let digits = end - index
                    // "1,500" and "7.30": separators followed by digits make this no date.
                    if end + 1 < count, buffer[end] == 44 || buffer[end] == 46 || buffer[end] == 58,
                       buffer[end + 1] >= 48, buffer[end + 1] <= 57 {
                        flags.insert(.notDate)
                        while end < count, (buffer[end] >= 48 && buffer[end] <= 57) || buffer[end] == 44
                            || buffer[end] == 46 || buffer[end] == 58 {
                            if buffer[end] == 46 || buffer[end] == 44 || buffer[end] == 58,
                               !(end + 1 < count && buffer[end + 1] >= 48 && buffer[end + 1] <= 57) { break }
                            end += 1
                        }
                    }
                    // Letter suffixes: "3rd", "20th", "1980s"; anything else ("7pm", "10km") is no date.
                    if end < count, (buffer[end] | 0x20) >= 97, (buffer[end] | 0x20) <= 122 {
                        var suffixEnd = end
                        while suffixEnd < count, (buffer[suffixEnd] | 0x20) >= 97, (buffer[suffixEnd] | 0x20) <= 122 {
                            suffixEnd += 1
                        }
                        let suffixLength = suffixEnd - end
                        let first = buffer[end] | 0x20
                        let second = suffixLength == 2 ? buffer[end + 1] | 0x20 : 0
                        if suffixLength == 1 && first == 115 {
                            flags.insert(.plural)
                        } else if suffixLength == 2 && ((first == 115 && second == 116) || (first == 110 && second == 100)
                                                        || (first == 114 && second == 100) || (first == 116 && second == 104)) {
                            flags.insert(.ordinal)
                        } else {
                            flags.insert(.notDate)
                        }
                        end = suffixEnd
                    }
                    if !tokens.isEmpty, tokens[tokens.count - 1].kind == .punct, tokens[tokens.count - 1].value == 39,
                       tokens[tokens.count - 1].end == Int32(index) {
                        flags.insert(.apostrophe)
                    }
                    tokens.append(DateToken(start: Int32(index), end: Int32(end), value: Int32(value), kind: .number,
                                            flags: flags, length: UInt8(min(digits, 255)), word: .none))
                    index = end
                    flags = []
                    continue
                }
                if byte < 0x80 {
                    let value: Int32 = byte == 0x2D ? 45 : Int32(byte)
                    tokens.append(DateToken(start: Int32(index), end: Int32(index + 1), value: value, kind: .punct,
                                            flags: flags, length: 1, word: .none))
                    index += 1
                    flags = []
                    continue
                }
                // Non-ASCII: dashes and curly apostrophes are punctuation, anything else is `.other`.
                var end = index + 1
                while end < count, buffer[end] & 0xC0 == 0x80 { end += 1 }
                var value: Int32 = 0
                if byte == 0xE2, end - index == 3, buffer[index + 1] == 0x80 {
                    switch buffer[index + 2] {
                    case 0x90, 0x91, 0x92, 0x93, 0x94: value = 45  // hyphen, figure dash, en dash, em dash
                    case 0x98, 0x99: value = 39  // ‘ ’
                    case 0x9C, 0x9D: value = 34  // “ ”
                    default: value = 0
                    }
                }
                tokens.append(DateToken(start: Int32(index), end: Int32(end), value: value,
                                        kind: value == 0 ? .other : .punct, flags: flags, length: UInt8(end - index),
                                        word: .none))
                index = end
                flags = []
            }
        }
        return tokens
    }
}
