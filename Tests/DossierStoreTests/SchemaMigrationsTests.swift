import DossierTestSupport
import Foundation
import Testing
@testable import DossierStore

@Suite("Embedded migrations")
struct SchemaMigrationsTests {
    static let migrationsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("migrations")

    @Test("the binary embeds exactly the .sql files of migrations/, byte for byte")
    func embeddedMatchFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.migrationsFolder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!names.isEmpty)
        #expect(SchemaMigrations.files.map(\.name) == names)
        for (name, contents) in SchemaMigrations.files {
            let onDisk = try String(contentsOf: Self.migrationsFolder.appendingPathComponent(name), encoding: .utf8)
            #expect(contents == onDisk.replacingOccurrences(of: "\r\n", with: "\n"), "\(name) differs from its embedded copy")
        }
    }

    @Test("opening a store twice migrates once")
    func migratesOnce() throws {
        let folder = try TemporaryDirectory()
        _ = try DossierStore(path: folder.path("db.sqlite"))
        let reopened = try DossierStore(path: folder.path("db.sqlite"))
        #expect(try reopened.migrate().isEmpty)
        #expect(try reopened.metaValue("cursor_key")?.count == 64)
    }
}
