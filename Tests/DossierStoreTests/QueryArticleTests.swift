import DossierTestSupport
import DossierModel
import DossierStore
import Testing

@Suite("ArticleQueries")
struct QueryArticleTests {
    @Test("lists by publishedAt newest, ingestedAt newest, id; undated last")
    func order() throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        let page = try fixture.store.read { try ArticleQueries($0).list(filter: ArticleFilter(), after: nil, limit: 10) }
        #expect(page.items.map(\.id) == ["a2", "a3", "a1", "a4"])
        #expect(page.nextKey == nil)
    }

    @Test("pages of one walk the whole order, also with filters", arguments: [
        (ArticleFilter(), ["a2", "a3", "a1", "a4"]),
        (ArticleFilter(entityID: "iran"), ["a2", "a3", "a1", "a4"]),
        (ArticleFilter(entityID: "tehran", from: CalendarDate(iso: "2026-01-06")), ["a3"]),
        (ArticleFilter(language: "en"), ["a2", "a1", "a4"]),
        (ArticleFilter(from: CalendarDate(iso: "2026-01-01"), to: CalendarDate(iso: "2026-01-07")), ["a2", "a3", "a1"]),
        (ArticleFilter(to: CalendarDate(iso: "2026-01-06")), ["a1"]),
        (ArticleFilter(entityID: "nobody"), []),
    ])
    func paging(filter: ArticleFilter, expected: [String]) throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        var seen: [String] = []
        var key: ArticleDateKey?
        for _ in 0..<10 {
            let page = try fixture.store.read { try ArticleQueries($0).list(filter: filter, after: key, limit: 1) }
            seen += page.items.map(\.id)
            guard let next = page.nextKey else { break }
            key = next
        }
        #expect(seen == expected)
    }

    @Test("full-text search ranks, filters and snippets with UTF-16 highlights")
    func search() throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        let query = try FullTextQuery.parse("protest*")
        let page = try fixture.store.read { try ArticleQueries($0).search(query, filter: ArticleFilter(), after: nil, limit: 10) }
        #expect(Set(page.items.map(\.summary.id)) == ["a1", "a3", "a4"])
        for hit in page.items {
            #expect(!hit.snippet.highlights.isEmpty)
            let utf16 = Array(hit.snippet.text.utf16)
            for span in hit.snippet.highlights {
                let word = String(decoding: utf16[span.start..<span.end], as: UTF16.self).lowercased()
                #expect(word.hasPrefix("protest"))
            }
        }
        let accented = try fixture.store.read {
            try ArticleQueries($0).search(try FullTextQuery.parse("zurich"), filter: ArticleFilter(language: "fr"), after: nil, limit: 10)
        }
        #expect(accented.items.map(\.summary.id) == ["a3"])
        var seen: [String] = []
        var key: ArticleSearchKey?
        for _ in 0..<5 {
            let page = try fixture.store.read { try ArticleQueries($0).search(query, filter: ArticleFilter(), after: key, limit: 1) }
            seen += page.items.map(\.summary.id)
            guard let next = page.nextKey else { break }
            key = next
        }
        #expect(seen == page.items.map(\.summary.id))
    }

    @Test("an article whole: mentions grouped by entity, by start, longer first; events with entities")
    func detail() throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        let article = try #require(try fixture.store.read { try ArticleQueries($0).article(id: "a1") })
        #expect(article.body.hasPrefix("Protests in Tehran\n"))
        #expect(article.entities.map(\.entity.id) == ["tehran", "iran", "khamenei"])
        let utf16 = Array(article.body.utf16)
        for group in article.entities {
            for mention in group.mentions {
                #expect(String(decoding: utf16[mention.start..<mention.end], as: UTF16.self) == mention.text)
            }
        }
        #expect(article.events.map(\.id) == ["a1-e1", "a1-e2"])
        #expect(article.events[0].entities.map(\.id) == ["tehran"])
        #expect(try fixture.store.read { try ArticleQueries($0).article(id: "missing") } == nil)
    }

    @Test("paging never repeats or skips while articles are added between pages")
    func stability() throws {
        let fixture = try Fixture()
        for index in 0..<30 {
            try fixture.insert(.init(id: String(format: "p%02d", index), title: "T", body: "T\nbody",
                                     publishedAt: index % 7 == 0 ? nil : "2026-01-\(String(format: "%02d", 1 + index % 5))",
                                     ingestedAt: "2026-02-01T00:00:0\(index % 3)Z"))
        }
        let before = try fixture.store.read { try ArticleQueries($0).list(filter: ArticleFilter(), after: nil, limit: 100) }.items.map(\.id)
        var seen: [String] = []
        var key: ArticleDateKey?
        for round in 0..<20 {
            let page = try fixture.store.read { try ArticleQueries($0).list(filter: ArticleFilter(), after: key, limit: 4) }
            seen += page.items.map(\.id)
            try fixture.insert(.init(id: "new\(round)", title: "T", body: "T\nnew", publishedAt: round % 2 == 0 ? "2026-01-03" : nil,
                                     ingestedAt: "2026-02-01T00:00:01Z"))
            guard let next = page.nextKey else { break }
            key = next
        }
        let old = seen.filter { !$0.hasPrefix("new") }
        #expect(old == before)
        #expect(Set(seen).count == seen.count)
    }
}
