import DossierModel

/// Tells which languages an article is written in, and in what shares.
///
/// First pass: Hebrew-script letters count as Yiddish, everything else as English.
public struct LanguageIdentifier: Sendable {
    public init() {}

    public func identify(_ text: AnalyzedText) -> [LanguageShare] {
        var hebrew = 0, other = 0
        var index = 0
        let bytes = text.bytes
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xD7 { hebrew += 1; index += 2; continue }
            if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) { other += 1 }
            index += 1
        }
        let total = hebrew + other
        guard total > 0 else { return [LanguageShare(code: "en", share: 1)] }
        var shares: [LanguageShare] = []
        if other > 0 { shares.append(LanguageShare(code: "en", share: Double(other) / Double(total))) }
        if hebrew > 0 { shares.append(LanguageShare(code: "yi", share: Double(hebrew) / Double(total))) }
        return shares.sorted { $0.share > $1.share }
    }
}
