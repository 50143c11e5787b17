/// The most frequent words of each language (`Lexicon/language-words*.tsv`), as a table from a word's
/// `ByteKey` to a bit set of languages.
final class LanguageLexicon: Sendable {
    static let shared = LanguageLexicon(files: EmbeddedFiles.files)

    /// ISO 639-1 codes; a language's index is its bit.
    static let languages = ["en", "fr", "de", "es", "it", "ru", "ar", "fa", "ur", "he", "yi"]
    static let en = 0, ru = 5, ar = 6, fa = 7, ur = 8, he = 9, yi = 10
    static let latinLanguages = [0, 1, 2, 3, 4]

    let words: ByteKeyTable<UInt16>

    init(files: [(name: String, contents: String)]) {
        var words = ByteKeyTable<UInt16>(capacity: 2048)
        for file in files where file.name.hasPrefix("language-words") {
            for line in file.contents.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t")
                guard fields.count == 2, let index = LanguageLexicon.languages.firstIndex(of: String(fields[0])) else { continue }
                let key = ByteKey.hash(String(fields[1]))
                words[key] = (words[key] ?? 0) | UInt16(1 << index)
            }
        }
        self.words = words
    }
}
