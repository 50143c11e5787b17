import DossierModel
import DossierStore
import DossierTestSupport
import SQLiteDB
import Testing

/// The bounded forms of three reads, each checked against the plain definition it stands for: the timeline window by
/// span class, full-text search ranked in blocks, and the whole-corpus graph from its snapshot.
@Suite("Timeline windows, search blocks, graph snapshots")
struct QueryWindowBlockSnapshotTests {
    /// Events of every length, from one day to two centuries, starting across two and a half centuries.
    static func eventArticles() -> [Fixture.Article] {
        var generator = SplitMix(seed: 11)
        let origin = CalendarDate(iso: "1850-01-01")!
        let lengths = [0, 1, 3, 6, 27, 30, 90, 364, 365, 1_000, 3_652, 9_000, 20_000, 36_524, 73_000]
        var articles: [Fixture.Article] = []
        for articleIndex in 0..<12 {
            var events: [Fixture.Event] = []
            for eventIndex in 0..<25 {
                let start = origin.adding(days: Int(generator.next() % 64_000))
                let length = lengths[Int(generator.next() % UInt64(lengths.count))]
                events.append(Fixture.Event(
                    id: "e\(articleIndex)-\(eventIndex)", start: start.iso, end: start.adding(days: length).iso,
                    precision: length == 0 ? "day" : "range"))
            }
            articles.append(Fixture.Article(id: "t\(articleIndex)", title: "Title", body: "Title\nBody.", publishedAt: nil,
                                            events: events))
        }
        return articles
    }

    @Test("a window's pages are the overlapping events in order, however long they last", arguments: [
        ("1990-01-01", "1990-01-31", nil), ("2000-06-15", "2000-06-15", nil), ("1900-01-01", "2000-12-31", nil),
        ("2040-03-01", "2041-03-01", nil), ("1990-01-01", "1995-12-31", DatePrecision.range),
        ("1970-01-01", "2010-12-31", DatePrecision.day),
    ] as [(String, String, DatePrecision?)])
    func window(from: String, to: String, precision: DatePrecision?) throws {
        let fixture = try Fixture()
        let articles = Self.eventArticles()
        for article in articles { try fixture.insert(article) }
        let expected = articles.flatMap(\.events)
            .filter { ($0.start ?? "") <= to && ($0.end ?? "") >= from && (precision == nil || $0.precision == precision?.rawValue) }
            .sorted { ($0.start ?? "", $0.end ?? "", $0.id) < ($1.start ?? "", $1.end ?? "", $1.id) }
            .map(\.id)
        #expect(!expected.isEmpty)
        for limit in [1, 4, 50] {
            let filter = TimelineFilter(precision: precision, from: CalendarDate(iso: from), to: CalendarDate(iso: to))
            var seen: [String] = []
            var key: TimelineKey?
            for _ in 0..<400 {
                let page = try fixture.store.read { try TimelineQueries($0).timeline(filter: filter, after: key, limit: limit) }
                seen += page.items.map(\.id)
                guard let next = page.nextKey else { break }
                key = next
            }
            #expect(seen == expected, "limit \(limit)")
        }
    }

    @Test("the window's earlier events are read by span class on their own index")
    func windowPlan() throws {
        let fixture = try Fixture()
        let sql = TimelineSQL.startedBeforeBySpan(precision: false)
        let arguments = [any SQLiteValueConvertible](repeating: SQLiteValue.null, count: sql.filter { $0 == "?" }.count)
        let plan = try fixture.store.read { db in
            try db.rows(sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { try $0.get("detail", as: String.self) }
        }
        #expect(plan.filter { $0.contains("USING INDEX events_timeline_by_span") || $0.contains("USING COVERING INDEX events_timeline_by_span") }.count == 16,
                "\(plan)")
    }

    /// `count` articles naming "alpha" between 1 and 5 times in bodies of different lengths.
    static func searchFixture(count: Int) throws -> Fixture {
        let fixture = try Fixture()
        var generator = SplitMix(seed: 5)
        for index in 0..<count {
            let hits = 1 + Int(generator.next() % 5)
            let filler = Array(repeating: "word", count: Int(generator.next() % 40)).joined(separator: " ")
            let body = "Note \(index)\n" + Array(repeating: "alpha", count: hits).joined(separator: " ") + " " + filler + "."
            try fixture.insert(Fixture.Article(id: "s\(index)", title: "Note \(index)", body: body, publishedAt: nil))
        }
        return fixture
    }

    @Test("search ranks blocks of the newest matches by relevance and pages through every match once")
    func searchBlocks() throws {
        let fixture = try Self.searchFixture(count: 23)
        let query = try FullTextQuery.parse("alpha")
        let ranked: [(rowID: Int64, score: Double)] = try fixture.store.read { db in
            try db.rows(sql: """
                SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH '"alpha"'
                """).map { (try $0.get("rowid"), try $0.get("score")) }
        }
        // Blocks of 5 by rowid, newest first; each by score, then rowid.
        let byRowID = ranked.sorted { $0.rowID > $1.rowID }
        let expected = stride(from: 0, to: byRowID.count, by: 5).flatMap { start in
            byRowID[start..<min(start + 5, byRowID.count)].sorted { ($0.score, $0.rowID) < ($1.score, $1.rowID) }.map(\.rowID)
        }
        for limit in [1, 3, 5, 7, 100] {
            var seen: [Int64] = []
            var key: ArticleSearchKey?
            for _ in 0..<50 {
                let page = try fixture.store.read {
                    try ArticleQueries($0).search(query, filter: ArticleFilter(), after: key, limit: limit, blockSize: 5)
                }
                seen += page.items.map(\.summary.rowID)
                guard let next = page.nextKey else { break }
                key = next
            }
            #expect(seen == expected, "limit \(limit)")
        }
        // With fewer matches than a block, plain relevance order.
        let plain = try fixture.store.read { try ArticleQueries($0).search(query, filter: ArticleFilter(), after: nil, limit: 100) }
        #expect(plain.items.map(\.summary.rowID) == ranked.sorted { ($0.score, $0.rowID) < ($1.score, $1.rowID) }.map(\.rowID))
        #expect(plain.nextKey == nil)
    }

    @Test("the graph from the snapshot is the graph from SQL; past the leading entities the snapshot declines")
    func graphSnapshot() throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        let filters = [nil, EntityType.location, .person, .organization].flatMap { type in
            (1...3).flatMap { weight in (1...6).map { GraphFilter(type: type, minWeight: weight, limit: $0) } }
        }
        try fixture.store.read { db in
            let snapshot = try GraphSnapshot(db)
            for filter in filters {
                #expect(snapshot.graph(filter) == (try GraphQueries(db).graph(filter)), "\(filter)")
                #expect(try GraphQueries(db).graph(filter, snapshots: fixture.store.graphSnapshots) == (try GraphQueries(db).graph(filter)))
            }
            #expect(snapshot.graph(GraphFilter(entityID: "iran")) == nil)
            let narrow = try GraphSnapshot(db, leadingCount: 1)
            #expect(narrow.graph(GraphFilter(limit: 1)) != nil)
            #expect(narrow.graph(GraphFilter(limit: 3)) == nil)
        }
    }
}

/// A small deterministic generator (SplitMix64), so the generated fixtures are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
