import DossierTestSupport
import DossierModel
import DossierStore
import Foundation
import Testing
@testable import DossierIngest

@Suite("Batch ingest")
struct BatchIngestorTests {
    func makeStore(_ folder: TemporaryDirectory) throws -> DossierStore {
        try DossierStore(path: folder.path("db.sqlite"))
    }

    func write(_ folder: URL, _ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    @Test("the seeds land with entities and events; a second run changes nothing")
    func seedsIdempotent() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let batch = BatchIngestor(ingestor: Ingestor(store: store))
        let report = batch.run(paths: [ArticleTextParserTests.seeds.path])
        #expect(report.created == 3)
        #expect(report.failures.isEmpty)
        #expect(try store.read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM mentions") } ?? 0 > 0)
        let version = try store.dataVersion()
        let again = batch.run(paths: [ArticleTextParserTests.seeds.path])
        #expect(again.unchanged == 3)
        #expect(try store.dataVersion() == version)
        let row = try #require(try store.read { try $0.rows(sql: "SELECT published_at, published_at_source, content_hash, body FROM articles WHERE id = '001_35c2fb1143aee1db'") }.first)
        #expect(try row.get("published_at", as: String?.self) == "2020-01-17")
        #expect(try row.get("published_at_source", as: String?.self) == "header")
        #expect(try row.get("content_hash", as: String.self) == Ingestor.contentHash(try row.get("body", as: String.self)))
    }

    @Test("every mention's UTF-16 offsets select exactly its text in the stored body")
    func mentionOffsets() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        _ = BatchIngestor(ingestor: Ingestor(store: store)).run(paths: [ArticleTextParserTests.seeds.path])
        let rows = try store.read { try $0.rows(sql: "SELECT a.body AS body, m.start AS start, m.\"end\" AS e, m.text AS text FROM mentions m JOIN articles a ON a.rowid = m.article_rowid") }
        #expect(!rows.isEmpty)
        for row in rows {
            let body = Array(try row.get("body", as: String.self).utf16)
            let start: Int = try row.get("start"), end: Int = try row.get("e")
            #expect(String(decoding: body[start..<end], as: UTF16.self) == (try row.get("text", as: String.self)))
        }
    }

    @Test("changed content under the same id replaces the article")
    func replacement() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let batch = BatchIngestor(ingestor: Ingestor(store: store))
        try write(folder.url, "story.txt", Array("Headline\nProtests in Tehran grew.".utf8))
        #expect(batch.run(paths: [folder.path("story.txt")]).created == 1)
        try write(folder.url, "story.txt", Array("Headline\nProtests in Baghdad grew.".utf8))
        #expect(batch.run(paths: [folder.path("story.txt")]).updated == 1)
        #expect(try store.read { try $0.scalar(String.self, sql: "SELECT body FROM articles WHERE id = 'story'") } == "Headline\nProtests in Baghdad grew.")
    }

    @Test("each bad file is reported with its reason and the rest of the batch lands")
    func badFiles() throws {
        let folder = try TemporaryDirectory()
        let input = folder.url.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try write(input, "good.txt", Array("Headline\nA good article about Iraq.".utf8))
        try write(input, "empty.txt", Array("  \n".utf8))
        try write(input, "binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41])
        try write(input, "latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x2E])
        try write(input, "big.txt", Array(repeating: 0x61, count: 2_000))
        try write(input, "lines.jsonl", Array("{\"id\":\"j1\",\"body\":\"First record.\"}\n{not json}\n{\"id\":\"bad id!\",\"body\":\"x\"}\n{\"body\":\"Third record.\",\"publishedAt\":\"2020-01-17T23:30:00Z\"}\n".utf8))
        try write(input, "array.json", Array("[{\"id\":\"arr1\",\"body\":\"In array.\"},{\"title\":\"no body\"}]".utf8))
        try write(input, "broken.json", Array("{\"body\": ".utf8))
        let store = try makeStore(folder)
        let report = BatchIngestor(ingestor: Ingestor(store: store), maximumFileBytes: 1_000).run(paths: [input.path, folder.path("missing")])
        #expect(report.created == 4)  // good.txt, j1, the id-less fourth line, arr1
        let reasons = report.failures.map { ($0.file.split(separator: "/").last.map(String.init) ?? "", $0.line, $0.reason) }
        #expect(reasons.contains { $0.0 == "empty.txt" && $0.2 == .empty })
        #expect(reasons.contains { $0.0 == "binary.txt" && $0.2 == .binary })
        #expect(reasons.contains { $0.0 == "latin1.txt" && $0.2 == .notUTF8 })
        #expect(reasons.contains { $0.0 == "big.txt" && $0.2 == .tooLarge(bytes: 2_000, limit: 1_000) })
        #expect(reasons.contains { $0.0 == "lines.jsonl" && $0.1 == 2 && { if case .malformedJSON = $0.2 { return true } else { return false } }($0) })
        #expect(reasons.contains { $0.0 == "lines.jsonl" && $0.1 == 3 && $0.2 == .invalidField(name: "id", problem: "must be 1–200 characters of A–Z, a–z, 0–9, '.', '_' or '-'") })
        #expect(reasons.contains { $0.0 == "array.json" && $0.1 == 2 })
        #expect(reasons.contains { $0.0 == "broken.json" })
        #expect(reasons.contains { $0.0 == "missing" && $0.2 == .notFound })
        #expect(report.failures.count == 9)
        let published = try store.read { try $0.scalar(String.self, sql: "SELECT published_at FROM articles WHERE body = 'Third record.'") }
        #expect(published == "2020-01-17")
    }

    @Test("a record without id whose body is stored answers the existing article")
    func duplicateBodyWithoutID() throws {
        let folder = try TemporaryDirectory()
        let ingestor = Ingestor(store: try makeStore(folder))
        let first = try ingestor.ingest(ArticleInput(body: "Same body about Iraq."))
        #expect(first.status == .created)
        let second = try ingestor.ingest(ArticleInput(body: "Same body about Iraq."))
        #expect(second == IngestOutcome(articleID: first.articleID, status: .unchanged))
        #expect(throws: IngestError.self) { try ingestor.ingest(ArticleInput(id: "no spaces allowed", body: "x")) }
        #expect(throws: IngestError.self) { try ingestor.ingest(ArticleInput(body: "   ")) }
    }

    @Test("seeding happens once per database, even after every article is deleted")
    func seedOnce() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let seeder = Seeder(store: store)
        #expect(try seeder.seedIfNeeded(folder: ArticleTextParserTests.seeds.path).0 == .seeded(created: 3, failed: 0))
        for id in ["000_06c42b9a60775aa6", "001_35c2fb1143aee1db", "002_ce621ff7f50b0fdc"] { try store.deleteArticle(id: id) }
        #expect(try seeder.seedIfNeeded(folder: ArticleTextParserTests.seeds.path).0 == .alreadySeeded)
        #expect(try store.read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM articles") } == 0)
        #expect(try store.read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM entities") } == 0)
        let fresh = try DossierStore(path: folder.path("other.sqlite"))
        #expect(try Seeder(store: fresh).seedIfNeeded(folder: folder.path("nowhere")).0 == .noSeedsFolder(folder.path("nowhere")))
        #expect(try fresh.metaValue("seeded") == nil)
    }
}

@Suite("Mentions in the Yiddish headline")
struct YiddishHeadlineTests {
    @Test("איראן and איראקער in seed 002's headline carry exact UTF-16 offsets into the body")
    func headlineOffsets() throws {
        let folder = try TemporaryDirectory()
        let store = try DossierStore(path: folder.path("db.sqlite"))
        _ = BatchIngestor(ingestor: Ingestor(store: store)).run(paths: [ArticleTextParserTests.seeds.appendingPathComponent("002_ce621ff7f50b0fdc.txt").path])
        let body = try #require(try store.read { try $0.scalar(String.self, sql: "SELECT body FROM articles WHERE id = '002_ce621ff7f50b0fdc'") })
        let headlineLength = body.prefix { $0 != "\n" }.utf16.count
        let rows = try store.read { try $0.rows(sql: "SELECT m.start AS start, m.\"end\" AS e, m.text AS text, e.name AS name FROM mentions m JOIN entities e ON e.rowid = m.entity_rowid WHERE m.start < ? ORDER BY m.start", arguments: [headlineLength]) }
        let found = try rows.map { (try $0.get("start", as: Int.self), try $0.get("e", as: Int.self), try $0.get("text", as: String.self), try $0.get("name", as: String.self)) }
        // "איראן" opens the headline: offsets 0..<5 in UTF-16 (Hebrew letters are one unit each).
        #expect(found.contains { $0.0 == 0 && $0.1 == 5 && $0.2 == "איראן" && $0.3 == "Iran" })
        #expect(found.contains { $0.2 == "איראקער" && $0.3 == "Iraqi" })
        let units = Array(body.utf16)
        for (start, end, text, _) in found {
            #expect(String(decoding: units[start..<end], as: UTF16.self) == text)
        }
    }
}
