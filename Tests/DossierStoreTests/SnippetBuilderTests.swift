@testable import DossierStore
import Testing

@Suite("SnippetBuilder")
struct SnippetBuilderTests {
    static func highlighted(_ snippet: Snippet) -> [String] {
        let utf16 = Array(snippet.text.utf16)
        return snippet.highlights.map { String(decoding: utf16[$0.start..<$0.end], as: UTF16.self) }
    }

    @Test("highlights words case- and accent-folded, prefixes, and a phrase as one span")
    func highlights() throws {
        let builder = SnippetBuilder(try FullTextQuery.parse(#""united nations" OR zurich OR protest*"#))
        let snippet = builder.snippet(title: "Talks", body: "Talks\nThe United  Nations met in Zürich; PROTESTERS gathered.")
        #expect(snippet.text == "Talks\nThe United  Nations met in Zürich; PROTESTERS gathered.")
        #expect(Self.highlighted(snippet) == ["United  Nations", "Zürich", "PROTESTERS"])
    }

    @Test("a long body gives a window of 24 tokens around the best hits, with ellipses")
    func window() throws {
        let words = (0..<100).map { "w\($0)" }
        let body = (words[0..<60] + ["iran", "sanctions"] + words[60...]).joined(separator: " ")
        let snippet = SnippetBuilder(try FullTextQuery.parse("sanctions iran")).snippet(title: "Title", body: body)
        #expect(snippet.text.hasPrefix("…w58 w59 iran sanctions"))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.text.split(separator: " ").count == SnippetBuilder.windowTokens)
        #expect(Self.highlighted(snippet) == ["iran", "sanctions"])
    }

    @Test("UTF-16 offsets past characters outside the BMP; NOT terms are not highlighted; the title wins ties")
    func offsets() throws {
        let snippet = SnippetBuilder(try FullTextQuery.parse("tehran NOT paris")).snippet(
            title: "News", body: "News\n😀 Crowds in Tehran, not Paris.")
        #expect(Self.highlighted(snippet) == ["Tehran"])
        let title = SnippetBuilder(try FullTextQuery.parse("talks")).snippet(title: "Talks resume", body: "Talks resume\nNothing else.")
        #expect(title.text == "Talks resume")
        let none = SnippetBuilder(try FullTextQuery.parse("absent")).snippet(title: "T", body: "T\nNothing here.")
        #expect(none.highlights.isEmpty && none.text == "T\nNothing here.")
    }

    @Test("tokens split as unicode61 does, in every script: runs of letters, digits and private-use characters")
    func tokensInEveryScript() {
        let samples = [
            "Ayatollah Ali Khamenei — 1989–2026, “Tehran”", "قال مسؤولون في بغداد: ٣ أيام", "הממשלה הודיעה כי השיחות",
            "مقام‌های ایرانی گفتند", "Представители правительства", "די ייִדישע צייטונג", "emoji 🇮🇷 and \u{E000}private",
            "café naïve Ünïcödé ǅ Ⅻ ½", "日本語のテキスト", "",
        ]
        for sample in samples {
            let bytes = Array(sample.utf8)
            // The reference: scalars of the string, grouped by whether unicode61 counts them as token characters.
            var expected: [Range<Int>] = []
            var offset = 0
            var start: Int?
            for scalar in sample.unicodeScalars {
                let width = String(scalar).utf8.count
                if SnippetBuilder.isTokenScalar(scalar) {
                    if start == nil { start = offset }
                } else if let open = start {
                    expected.append(open..<offset)
                    start = nil
                }
                offset += width
            }
            if let open = start { expected.append(open..<offset) }
            #expect(SnippetBuilder.tokens(in: bytes).map { $0.start..<$0.end } == expected, "\(sample)")
        }
    }
}
