/// Hash keys over UTF-8 bytes, so that lexicon look-ups never build a `String`.
///
/// A token's key folds what does not tell names apart: ASCII case, Latin diacritics ("Diyālá" = "Diyala"),
/// curly apostrophes, periods ("U.S." = "US"), Hebrew vowel points ("איראַן" = "איראן"), Yiddish ligatures
/// (ײ = יי) and Arabic short vowels. Phrases combine their tokens' keys in order.
enum ByteKey {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3
    static let phraseSeed: UInt64 = 0x5bd1_e995_1234_5678

    /// ASCII lowercase base letter of U+00C0…U+017F, or 0 when the scalar has none.
    static let latinFold: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x180)
        let groups: [(String, UInt8)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", 97), ("ÇçĆćĈĉĊċČč", 99), ("ĎďĐđ", 100), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", 101),
            ("ĜĝĞğĠġĢģ", 103), ("ĤĥĦħ", 104), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", 105), ("Ĵĵ", 106), ("Ķķ", 107),
            ("ĹĺĻļĽľĿŀŁł", 108), ("ÑñŃńŅņŇňŉ", 110), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", 111), ("ŔŕŖŗŘř", 114),
            ("ŚśŜŝŞşŠš", 115), ("ŢţŤťŦŧ", 116), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", 117), ("Ŵŵ", 119),
            ("ÝýÿŶŷŸ", 121), ("ŹźŻżŽž", 122),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars where scalar.value < 0x180 { table[Int(scalar.value)] = base }
        }
        return table
    }()

    @inline(__always)
    static func mix(_ hash: inout UInt64, _ byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* prime
    }

    @inline(__always)
    static func combine(_ phrase: UInt64, _ token: UInt64) -> UInt64 {
        var value = (phrase ^ token) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 31
        return value
    }

    /// The key of one token's bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> UInt64 {
        var hash = basis
        var index = lower
        while index < upper {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 65 && byte <= 90 {
                    mix(&hash, byte | 0x20)
                } else if byte != 46 {
                    mix(&hash, byte)
                }
                index += 1
                continue
            }
            if byte >= 0xC0 && byte < 0xE0, index + 1 < upper {
                let scalar = (Int(byte & 0x1F) << 6) | Int(bytes[index + 1] & 0x3F)
                index += 2
                if scalar < 0x180 {
                    let folded = latinFold[scalar]
                    if folded != 0 { mix(&hash, folded); continue }
                } else if scalar >= 0x0591 && scalar <= 0x05C7 {
                    if scalar <= 0x05BD || scalar == 0x05BF || scalar == 0x05C1 || scalar == 0x05C2 || scalar == 0x05C4
                        || scalar == 0x05C5 || scalar == 0x05C7 { continue }
                } else if scalar >= 0x05F0 && scalar <= 0x05F2 {
                    // Yiddish ligatures: װ = וו, ױ = וי, ײ = יי.
                    let (first, second): (UInt8, UInt8) = scalar == 0x05F0 ? (0x95, 0x95) : scalar == 0x05F1 ? (0x95, 0x99) : (0x99, 0x99)
                    mix(&hash, 0xD7); mix(&hash, first); mix(&hash, 0xD7); mix(&hash, second)
                    continue
                } else if (scalar >= 0x064B && scalar <= 0x065F) || scalar == 0x0670 || scalar == 0x0640 {
                    continue
                }
                mix(&hash, byte)
                mix(&hash, bytes[index - 1])
                continue
            }
            if byte == 0xE2, index + 2 < upper, bytes[index + 1] == 0x80, bytes[index + 2] == 0x98 || bytes[index + 2] == 0x99 {
                mix(&hash, 39)
                index += 3
                continue
            }
            mix(&hash, byte)
            index += 1
        }
        return hash
    }

    static func hash(_ text: String) -> UInt64 {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { hash($0, 0, $0.count) }
    }

    /// The phrase key of space-separated words ("Supreme Leader"), as the tokenizer would key them.
    static func phrase(_ text: String) -> (key: UInt64, count: Int) {
        var key = phraseSeed
        var count = 0
        for word in text.split(separator: " ") where !word.isEmpty {
            key = combine(key, hash(String(word)))
            count += 1
        }
        return (key, count)
    }
}
