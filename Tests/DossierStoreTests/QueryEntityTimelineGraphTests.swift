import DossierTestSupport
import DossierModel
import DossierStore
import Testing

@Suite("Entity, timeline and graph queries")
struct QueryEntityTimelineGraphTests {
    @Test("entity whole: aliases, counts, first and last seen, recent articles, related")
    func entity() throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        let iran = try #require(try fixture.store.read { try EntityQueries($0).entity(id: "iran") })
        #expect(iran.summary.mentionCount == 5)
        #expect(iran.summary.articleCount == 4)
        #expect(iran.firstSeen == "2026-01-05")
        #expect(iran.lastSeen == "2026-01-07")
        #expect(iran.articles.map(\.id) == ["a2", "a3", "a1", "a4"])
        #expect(iran.related.first?.entity.id == "un")
        #expect(iran.related.first?.weight == 2)
    }

    @Test("entity lists: by mentions, by name, by type, by folded prefix of a name or alias, paged")
    func lists() throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        func ids(_ filter: EntityFilter, _ sort: EntitySort) throws -> [String] {
            var all: [String] = []
            var key: EntityListKey?
            for _ in 0..<10 {
                let page = try fixture.store.read { try EntityQueries($0).list(filter: filter, sort: sort, after: key, limit: 2) }
                all += page.items.map(\.reference.id)
                guard let next = page.nextKey else { break }
                key = next
            }
            return all
        }
        #expect(try ids(EntityFilter(), .mentions) == ["iran", "tehran", "un", "zurich", "khamenei"])
        #expect(try ids(EntityFilter(), .name) == ["khamenei", "iran", "tehran", "un", "zurich"])
        #expect(try ids(EntityFilter(type: .location), .name) == ["iran", "tehran", "zurich"])
        #expect(try ids(EntityFilter(prefix: "ZUR"), .mentions) == ["zurich"])
        #expect(try ids(EntityFilter(prefix: "ali kh"), .mentions) == ["khamenei"])
        #expect(try ids(EntityFilter(prefix: "t"), .name) == ["tehran"])
    }

    @Test("timeline: resolved events by start, end, id; window overlap; filters", arguments: [
        (TimelineFilter(), ["a2-e2", "a3-e1", "a2-e1", "a1-e1"]),
        (TimelineFilter(from: CalendarDate(iso: "2026-01-02")), ["a3-e1", "a2-e1", "a1-e1"]),
        (TimelineFilter(from: CalendarDate(iso: "2010-01-01"), to: CalendarDate(iso: "2025-12-30")), ["a2-e2", "a3-e1"]),
        (TimelineFilter(to: CalendarDate(iso: "2025-12-31")), ["a2-e2", "a3-e1"]),
        (TimelineFilter(entityID: "iran"), ["a2-e2", "a2-e1"]),
        (TimelineFilter(articleID: "a2"), ["a2-e2", "a2-e1"]),
        (TimelineFilter(precision: .month), ["a2-e1"]),
        (TimelineFilter(precision: .week, from: CalendarDate(iso: "2026-01-04")), ["a3-e1"]),
        (TimelineFilter(entityID: "iran", from: CalendarDate(iso: "2026-01-10")), ["a2-e1"]),
    ])
    func timeline(filter: TimelineFilter, expected: [String]) throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        var all: [String] = []
        var key: TimelineKey?
        for _ in 0..<10 {
            let page = try fixture.store.read { try TimelineQueries($0).timeline(filter: filter, after: key, limit: 1) }
            all += page.items.map(\.id)
            guard let next = page.nextKey else { break }
            key = next
        }
        #expect(all == expected)
    }

    @Test("graph: top entities with edges among them, or a neighbourhood")
    func graph() throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        let whole = try #require(try fixture.store.read { try GraphQueries($0).graph(GraphFilter()) })
        #expect(Set(whole.nodes.map(\.entity.id)) == ["iran", "tehran", "un", "khamenei", "zurich"])
        #expect(whole.edges.first.map { [$0.source, $0.target].sorted() } == ["iran", "un"])
        let strong = try #require(try fixture.store.read { try GraphQueries($0).graph(GraphFilter(minWeight: 2)) })
        #expect(Set(strong.nodes.map(\.entity.id)) == ["iran", "un"])
        let around = try #require(try fixture.store.read { try GraphQueries($0).graph(GraphFilter(entityID: "zurich")) })
        #expect(around.nodes.first?.entity.id == "zurich")
        #expect(Set(around.nodes.map(\.entity.id)) == ["zurich", "iran"])
        #expect(try fixture.store.read { try GraphQueries($0).graph(GraphFilter(entityID: "nobody")) } == nil)
    }
}
