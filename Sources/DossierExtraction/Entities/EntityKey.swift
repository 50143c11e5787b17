import Foundation

/// Normalised keys by which entities are matched within and across articles.
public enum EntityKey {
    /// Lowercased, diacritics and Hebrew vowel points removed, curly apostrophes straightened, whitespace
    /// collapsed, a trailing possessive `'s` dropped: "Iran’s" → "iran", "Ali  Khamenei" → "ali khamenei".
    public static func normalize(_ text: String) -> String {
        if let fast = normalizeASCII(text) { return fast }
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        folded = folded.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in folded.unicodeScalars {
            // Hebrew points and cantillation (U+0591–U+05C7 except letters), Arabic harakat (U+064B–U+065F).
            if (0x0591...0x05C7).contains(scalar.value) && !(0x05D0...0x05EA).contains(scalar.value)
                && scalar.value != 0x05BE && scalar.value != 0x05C0 && scalar.value != 0x05C3 && scalar.value != 0x05C6 {
                continue
            }
            if (0x064B...0x065F).contains(scalar.value) || scalar.value == 0x0670 { continue }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(scalars)
        if result.hasSuffix(" ") { result.removeLast() }
        if result.hasSuffix("'s") { result.removeLast(2) }
        return result
    }

    /// The same normalisation on bytes, for text that is ASCII apart from curly apostrophes (most names);
    /// nil for anything else.
    static func normalizeASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { input -> String? in
            var fits = true
            let result = String(unsafeUninitializedCapacity: input.count) { output in
                var count = 0
                var lastWasSpace = true
                var index = 0
                while index < input.count {
                    let byte = input[index]
                    index += 1
                    switch byte {
                    case 0x20, 0x09, 0x0A, 0x0D:
                        if !lastWasSpace { output[count] = 0x20; count += 1 }
                        lastWasSpace = true
                        continue
                    case 65...90:
                        output[count] = byte | 0x20
                    case 0xE2:
                        guard index + 1 < input.count, input[index] == 0x80, input[index + 1] == 0x98 || input[index + 1] == 0x99 else {
                            fits = false
                            return 0
                        }
                        index += 2
                        output[count] = 0x27
                    case 0x80...:
                        fits = false
                        return 0
                    default:
                        output[count] = byte
                    }
                    count += 1
                    lastWasSpace = false
                }
                if count > 0, output[count - 1] == 0x20 { count -= 1 }
                if count >= 2, output[count - 1] == UInt8(ascii: "s"), output[count - 2] == 0x27 { count -= 2 }
                return count
            }
            return fits ? result : nil
        }
    }

    /// Whether two names of the same type may denote the same referent across articles.
    ///
    /// For people, one name's words must be a subset of the other's with the same last word: "Khamenei" fits
    /// "Ali Khamenei", but "Ali Khamenei" and "Mojtaba Khamenei" are different people who share a surname.
    public static func compatible(_ lhs: String, _ rhs: String, isPerson: Bool) -> Bool {
        let a = normalize(lhs).split(separator: " ")
        let b = normalize(rhs).split(separator: " ")
        guard !a.isEmpty, !b.isEmpty else { return false }
        if !isPerson { return true }
        guard a.last == b.last else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return Set(short).isSubset(of: Set(long))
    }
}
