/// The most frequent words of each language (`Lexicon/language-words*.tsv`), as a table from a word's
/// `ByteKey` to a bit set of languages.
final class LanguageLexicon: Sendable {
    static let shared = LanguageLexicon(files: EmbeddedFiles.files)

    /// ISO 639-1 codes; a language's index is its bit.
    static let languages = ["en", "fr", "de", "es", "it", "ru", "ar", "fa", "ur", "he", "yi"]
    static let en = 0, ru = 5, ar = 6, fa = 7, ur = 8, he = 9, yi = 10
    static let latinLanguages = [0, 1, 2, 3, 4]

    /// Words of up to eight ASCII bytes, keyed by `packed(_:)`.
    let shortWords: ByteKeyTable<UInt16>
    /// Other words, keyed by `ByteKey`.
    let words: ByteKeyTable<UInt16>

    /// A short ASCII word's key: its lowercased bytes, one per byte of the integer.
    @inline(__always)
    static func pack(_ key: UInt64, _ byte: UInt8) -> UInt64 { key << 8 | UInt64(byte | 0x20) }

    init(files: [(name: String, contents: String)]) {
        var words = ByteKeyTable<UInt16>(capacity: 2048)
        var shortWords = ByteKeyTable<UInt16>(capacity: 2048)
        for file in files where file.name.hasPrefix("language-words") {
            for line in file.contents.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t")
                guard fields.count == 2, let index = LanguageLexicon.languages.firstIndex(of: String(fields[0])) else { continue }
                let word = fields[1].utf8
                if word.count <= 8, word.allSatisfy({ $0 < 0x80 && $0 != 0x2E }) {
                    let key = word.reduce(UInt64(0)) { LanguageLexicon.pack($0, $1) }
                    shortWords[key] = (shortWords[key] ?? 0) | UInt16(1 << index)
                } else {
                    let key = ByteKey.hash(String(fields[1]))
                    words[key] = (words[key] ?? 0) | UInt16(1 << index)
                }
            }
        }
        self.words = words
        self.shortWords = shortWords
    }
}
