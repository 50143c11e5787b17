import DossierModel
import Foundation
import Testing
@testable import DossierIngest

@Suite("Article text parser")
struct ArticleTextParserTests {
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")

    func seed(_ name: String) throws -> String {
        try String(contentsOf: Self.seeds.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("a date header alone on the first line is removed and read", arguments: [
        "date 2020-01-17\nHeadline here\nBody text.", " date 2020-01-17\r\nHeadline here\r\nBody text.",
        "\u{FEFF}date 2020-01-17\n\nHeadline here\nBody text.",
    ])
    func headerAlone(text: String) {
        let parts = ArticleTextParser.parse(text)
        #expect(parts.publishedAt == CalendarDate(iso: "2020-01-17"))
        #expect(parts.body == "Headline here\nBody text.")
        #expect(parts.title == "Headline here")
    }

    @Test("a date header may open the first line before the text, after spaces")
    func headerOpeningLine() throws {
        let parts = ArticleTextParser.parse(try seed("001_35c2fb1143aee1db.txt"))
        #expect(parts.publishedAt == CalendarDate(iso: "2020-01-17"))
        #expect(parts.body.hasPrefix("The massive protests that we’ve seen in Iran"))
        #expect(!parts.body.contains("date 2020"))
    }

    @Test("no header, or an invalid one, leaves the text alone", arguments: [
        "date 2020-02-30 Body.", "dated 2020-01-17 Body.", "date 2020-01-170 Body.", "The date 2020-01-17 is here.",
    ])
    func notHeaders(text: String) {
        let parts = ArticleTextParser.parse(text)
        #expect(parts.publishedAt == nil)
        #expect(parts.body == text)
    }

    @Test("seed titles: derived for 000 and 001, the Yiddish headline for 002")
    func seedTitles() throws {
        let first = ArticleTextParser.parse(try seed("000_06c42b9a60775aa6.txt"))
        #expect(first.title.hasPrefix("In an editorial, Hossein Shariatmadari"))
        #expect(first.title.count <= 120)
        #expect(first.body.hasPrefix(first.title))
        let second = ArticleTextParser.parse(try seed("001_35c2fb1143aee1db.txt"))
        #expect(second.title.hasPrefix("The massive protests"))
        #expect(second.title.count <= 120)
        let third = ArticleTextParser.parse(try seed("002_ce621ff7f50b0fdc.txt"))
        #expect(third.title == "איראן געשטיצטע איראקער מיליציע סיגנאלירן שטיצע פאר אונטערדריקן איראן'ס פראטעסטן.")
        #expect(third.body.hasPrefix(third.title + "\n"))
        #expect(third.body.hasSuffix("driving Iranians into the streets."))
        #expect(!third.body.contains("גאלערי"))
        #expect(!third.body.contains("ווידעאס"))
    }

    @Test("trailing lines of at most three words without sentence punctuation are boilerplate")
    func boilerplate() {
        #expect(ArticleTextParser.parse("Head\nA real sentence.\nShare this\nRelated Videos\n\n").body == "Head\nA real sentence.")
        #expect(ArticleTextParser.parse("Head\nA real sentence.\nThe end.").body == "Head\nA real sentence.\nThe end.")
        #expect(ArticleTextParser.parse("Head\nA real sentence.\nfour words in here").body == "Head\nA real sentence.\nfour words in here")
        #expect(ArticleTextParser.parse("Only line").body == "Only line", "the first line is never cut")
    }

    @Test("a derived title is cut at a word boundary to at most 120 characters")
    func derivedTitleLength() {
        let long = String(repeating: "word ", count: 60) + "end."
        let title = ArticleTextParser.parse(long).title
        #expect(title.count <= 120)
        #expect(title.hasSuffix("word"))
    }

    @Test("ids come from the file name minus its extension, other characters replaced by -", arguments: [
        ("000_06c42b9a60775aa6.txt", "000_06c42b9a60775aa6"), ("ABC19980108.1830.0711.txt", "ABC19980108.1830.0711"),
        ("my article (1).txt", "my-article--1-"), ("איראן.txt", "-----"),
    ])
    func ids(fileName: String, id: String) {
        #expect(ArticleTextParser.articleID(fileName: fileName) == id)
    }
}
