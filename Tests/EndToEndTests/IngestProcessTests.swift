import DossierTestSupport
import DossierStore
import Foundation
import SQLiteDB
import Testing

@Suite("dossier ingest and migrate as processes")
struct IngestProcessTests {
    /// Writes `count` distinct articles built from the seed texts.
    func makeCorpus(in folder: URL, count: Int) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: DossierProcess.packageRoot.appendingPathComponent("seeds").path).sorted()
        let texts = try seeds.map { try String(contentsOf: DossierProcess.packageRoot.appendingPathComponent("seeds").appendingPathComponent($0), encoding: .utf8) }
        for index in 0..<count {
            let text = texts[index % texts.count] + "\n\nAddendum number \(index) was filed in Geneva on March \(index % 28 + 1), 2021."
            try text.write(to: folder.appendingPathComponent(String(format: "story-%04d.txt", index)), atomically: false, encoding: .utf8)
        }
    }

    @Test("a batch killed midway leaves a consistent database and re-running completes it")
    func interruptedBatch() throws {
        let folder = try TemporaryDirectory()
        let corpus = folder.url.appendingPathComponent("corpus")
        let total = 400
        try makeCorpus(in: corpus, count: total)
        let db = folder.path("db.sqlite")
        let process = DossierProcess.makeProcess(["ingest", "--db", db, corpus.path])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some articles landed, then kill without warning.
        func landed() -> Int {
            (try? Database(path: db, readerCount: 1).read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM articles") }) ?? 0
        }
        let started = DossierProcess.waitUntil(seconds: 120) { landed() >= 10 || !process.isRunning }
        #expect(started)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = landed()
        #expect(partial > 0)

        let database = try Database(path: db, readerCount: 1)
        #expect(try database.read { try $0.scalar(String.self, sql: "PRAGMA integrity_check") } == "ok")
        // Every landed article has its mentions, and the entity counts add up to the mention rows.
        #expect(try database.read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_rowid = a.rowid)") } == 0)
        #expect(try database.read { try $0.scalar(Int.self, sql: "SELECT (SELECT sum(mention_count) FROM entities) - (SELECT count(*) FROM mentions)") } == 0)

        let rerun = try DossierProcess.run(["ingest", "--db", db, corpus.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("\(total - partial) created") || partial == total)
        #expect(landed() == total)
    }

    @Test("exit status is 1 when a file fails, with the file and reason on stderr; 64 on a usage error")
    func exitStatuses() throws {
        let folder = try TemporaryDirectory()
        try Data([0xFF, 0xFE, 0x41]).write(to: folder.url.appendingPathComponent("bad.txt"))
        try "Headline\nGood text about Iraq.".write(to: folder.url.appendingPathComponent("good.txt"), atomically: false, encoding: .utf8)
        let result = try DossierProcess.run(["ingest", "--db", folder.path("db.sqlite"), folder.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.txt"))
        #expect(result.stderr.contains("not valid UTF-8"))
        #expect(result.stdout.contains("1 created"))
        #expect(try DossierProcess.run(["ingest"]).status == 64)
        #expect(try DossierProcess.run(["serve", "--port", "70000"]).status == 64)
        #expect(try DossierProcess.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("--db beats DOSSIER_DB, which beats the default")
    func flagsBeatEnvironment() throws {
        let folder = try TemporaryDirectory()
        let fromEnv = folder.path("env.sqlite"), fromFlag = folder.path("flag.sqlite")
        _ = try DossierProcess.run(["migrate"], environment: ["DOSSIER_DB": fromEnv], directory: folder.url)
        #expect(FileManager.default.fileExists(atPath: fromEnv))
        _ = try DossierProcess.run(["migrate", "--db", fromFlag], environment: ["DOSSIER_DB": folder.path("unused.sqlite")], directory: folder.url)
        #expect(FileManager.default.fileExists(atPath: fromFlag))
        #expect(!FileManager.default.fileExists(atPath: folder.path("unused.sqlite")))
        let second = try DossierProcess.run(["migrate", "--db", fromFlag])
        #expect(second.stdout.contains("schema up to date"))
        _ = try DossierProcess.run(["migrate"], directory: folder.url)
        #expect(FileManager.default.fileExists(atPath: folder.path("dossier.sqlite")))
    }

    @Test("backup writes a consistent copy and refuses to overwrite")
    func backup() throws {
        let folder = try TemporaryDirectory()
        let db = folder.path("db.sqlite")
        #expect(try DossierProcess.run(["ingest", "--db", db, DossierProcess.packageRoot.appendingPathComponent("seeds").path]).status == 0)
        let copy = folder.path("copy.sqlite")
        #expect(try DossierProcess.run(["backup", "--db", db, copy]).status == 0)
        #expect(try Database(path: copy, readerCount: 1).read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM articles") } == 3)
        let again = try DossierProcess.run(["backup", "--db", db, copy])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }
}
