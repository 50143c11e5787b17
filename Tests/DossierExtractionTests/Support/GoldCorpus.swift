import DossierModel
import Foundation

/// The hand-made reference annotations of the seed articles (copied from the project's gold set into
/// `Fixtures/gold`, with their articles in `Fixtures/seeds`), in the format of gold/FORMAT.md.
struct GoldArticle: Decodable {
    struct Entity: Decodable {
        var name: String
        var type: String
        var aliases: [String]
    }

    struct DateAnnotation: Decodable {
        var text: String
        var start: String?
        var end: String?
    }

    var article: String
    var published: String?
    var language: String?
    var entities: [Entity]
    var dates: [DateAnnotation]

    /// The article's base name (`000_06c42b9a60775aa6`).
    var key: String { article.hasSuffix(".txt") ? String(article.dropLast(4)) : article }
}

enum GoldCorpus {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every gold file with the raw text of its article, sorted by name.
    static func load() throws -> [(gold: GoldArticle, text: String)] {
        let goldFolder = fixtures.appendingPathComponent("gold")
        let names = try FileManager.default.contentsOfDirectory(atPath: goldFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let gold = try JSONDecoder().decode(GoldArticle.self, from: Data(contentsOf: goldFolder.appendingPathComponent(name)))
            let text = try String(contentsOf: fixtures.appendingPathComponent("seeds").appendingPathComponent(gold.article), encoding: .utf8)
            return (gold, text)
        }
    }
}

/// The normalisation of eval/score.py: NFKC, curly apostrophes → ', casefold, collapse whitespace, then
/// repeatedly strip surrounding punctuation/symbols, a leading "the " and a trailing "'s".
enum ScoreNormalization {
    static func normalize(_ text: String) -> String {
        var value = text.precomposedStringWithCompatibilityMapping
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .lowercased()
        value = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while true {
            let before = value
            value = value.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces))
            if value.hasPrefix("the ") { value.removeFirst(4) }
            if value.hasSuffix("'s") { value.removeLast(2) }
            if value == before { break }
        }
        return value
    }
}
