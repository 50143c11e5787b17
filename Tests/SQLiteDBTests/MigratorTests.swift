import DossierTestSupport
import Testing
@testable import SQLiteDB

@Suite("Migrator")
struct MigratorTests {
    let first = Migration(version: 1, name: "create_items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);")
    let second = Migration(version: 2, name: "add_color", sql: "ALTER TABLE items ADD COLUMN color TEXT;")

    @Test("applies migrations in version order whatever order they are given in")
    func order() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"))
        let applied = try Migrator(migrations: [second, first]).migrate(database)
        #expect(applied.map(\.version) == [1, 2])
        try database.write { try $0.execute(sql: "INSERT INTO items (name, color) VALUES (?, ?)", arguments: ["a", "red"]) }
        #expect(try database.read { try $0.scalar(String.self, sql: "SELECT color FROM items") } == "red")
    }

    @Test("a second run applies nothing")
    func idempotent() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"))
        let migrator = try Migrator(migrations: [first, second])
        #expect(try migrator.migrate(database).count == 2)
        #expect(try migrator.migrate(database).isEmpty)
        #expect(try database.read { try Migrator(migrations: [first, second]).pending($0) }.isEmpty)
    }

    @Test("an applied migration whose file was edited is an error")
    func checksumMismatch() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"))
        try Migrator(migrations: [first]).migrate(database)
        let edited = Migration(version: 1, name: "create_items", sql: first.sql + "\n-- edited")
        #expect {
            try Migrator(migrations: [edited]).migrate(database)
        } throws: { error in
            guard case MigrationError.checksumMismatch(let version, _, _, _) = error else { return false }
            return version == 1
        }
    }

    @Test("a failing migration rolls back and records nothing")
    func failingRollsBack() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"))
        let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);")
        #expect(throws: MigrationError.self) { try Migrator(migrations: [first, broken]).migrate(database) }
        let tables = try database.read { try $0.rows(sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { try $0.get("name", as: String.self) } }
        #expect(tables.contains("items"))
        #expect(!tables.contains("half"))
        #expect(try database.read { try $0.scalar(Int.self, sql: "SELECT max(version) FROM schema_migrations") } == 1)
    }

    @Test("duplicate versions and unknown applied versions are refused")
    func refusals() throws {
        #expect(throws: MigrationError.duplicateVersion(1)) { try Migrator(migrations: [first, first]) }
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"))
        try Migrator(migrations: [first, second]).migrate(database)
        #expect(throws: MigrationError.unknownAppliedVersion(2)) { try Migrator(migrations: [first]).migrate(database) }
    }

    @Test("file names NNNN_name.sql parse; others are ignored")
    func fileNames() throws {
        #expect(Migration(fileName: "0003_add_index.sql", sql: "")?.version == 3)
        #expect(Migration(fileName: "0003_add_index.sql", sql: "")?.name == "add_index")
        #expect(Migration(fileName: "README.md", sql: "") == nil)
        #expect(Migration(fileName: "add.sql", sql: "") == nil)
        let migrator = try Migrator(files: [("0002_b.sql", "SELECT 1;"), ("0001_a.sql", "SELECT 1;"), ("notes.txt", "")])
        #expect(migrator.migrations.map(\.version) == [1, 2])
    }
}
