import DossierTestSupport
import Dispatch
import Testing
@testable import SQLiteDB

@Suite("Connection and statements")
struct ConnectionTests {
    @Test("a bad statement throws SQLiteError with SQLite's message and the SQL, never the bound values")
    func statementErrors() throws {
        let folder = try TemporaryDirectory()
        let connection = try Connection(path: folder.path("db.sqlite"))
        #expect {
            try connection.execute(sql: "SELECT * FROM missing WHERE x = ?", arguments: ["secret"])
        } throws: { error in
            guard let error = error as? SQLiteError else { return false }
            return error.message.contains("no such table: missing") && error.sql == "SELECT * FROM missing WHERE x = ?"
                && !error.description.contains("secret")
        }
        try connection.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)")
        try connection.execute(sql: "INSERT INTO t (name) VALUES (?)", arguments: ["a"])
        #expect {
            try connection.execute(sql: "INSERT INTO t (name) VALUES (?)", arguments: ["a"])
        } throws: { error in
            (error as? SQLiteError)?.isConstraintViolation == true
        }
        #expect(throws: SQLiteError.self) { try connection.execute(sql: "INSERT INTO t (name) VALUES (?)", arguments: []) }
    }

    @Test("values bind and decode by type; mismatches name the column")
    func typedValues() throws {
        let folder = try TemporaryDirectory()
        let connection = try Connection(path: folder.path("db.sqlite"))
        try connection.execute(sql: "CREATE TABLE v (i INTEGER, r REAL, t TEXT, b BLOB, n TEXT)")
        try connection.execute(
            sql: "INSERT INTO v VALUES (?, ?, ?, ?, ?)", arguments: [42, 2.5, "héllo איראן", [UInt8]([0, 1, 255]), String?.none])
        let row = try #require(try connection.rows(sql: "SELECT * FROM v").first)
        #expect(try row.get("i", as: Int.self) == 42)
        #expect(try row.get("r", as: Double.self) == 2.5)
        #expect(try row.get("t", as: String.self) == "héllo איראן")
        #expect(try row.get("b", as: [UInt8].self) == [0, 1, 255])
        #expect(try row.get("n", as: String?.self) == nil)
        #expect(throws: RowDecodingError.self) { try row.get("t", as: Int.self) }
        #expect(throws: RowDecodingError.self) { try row.get("missing", as: Int.self) }
    }

    @Test("a transaction that throws rolls back")
    func rollback() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"))
        try database.write { try $0.execute(sql: "CREATE TABLE t (x INTEGER)") }
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try database.write { connection in
                try connection.execute(sql: "INSERT INTO t VALUES (?)", arguments: [1])
                throw Abort()
            }
        }
        #expect(try database.read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM t") } == 0)
    }

    @Test("the database runs in WAL with foreign keys on")
    func pragmas() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.withWriter { try $0.scalar(String.self, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try database.read { try $0.scalar(Int.self, sql: "PRAGMA foreign_keys") } == 1)
        #expect(try database.withWriter { try $0.scalar(Int.self, sql: "PRAGMA synchronous") } == 1)  // NORMAL
    }

    @Test("readers read a consistent snapshot while the writer writes")
    func readersDuringWrites() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"), readerCount: 3)
        try database.write { try $0.execute(sql: "CREATE TABLE pairs (a INTEGER, b INTEGER)") }
        let group = DispatchGroup()
        let failures = Counter()
        DispatchQueue.global().async(group: group) {
            for index in 0..<300 {
                do {
                    // Each transaction adds two rows that must always be seen together.
                    try database.write { connection in
                        try connection.execute(sql: "INSERT INTO pairs VALUES (?, 1)", arguments: [index])
                        try connection.execute(sql: "INSERT INTO pairs VALUES (?, 2)", arguments: [index])
                    }
                } catch { failures.increment() }
            }
        }
        for _ in 0..<4 {
            DispatchQueue.global().async(group: group) {
                for _ in 0..<200 {
                    do {
                        let count = try database.read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM pairs") } ?? -1
                        if count % 2 != 0 { failures.increment() }
                    } catch { failures.increment() }
                }
            }
        }
        group.wait()
        #expect(failures.value == 0)
        #expect(try database.read { try $0.scalar(Int.self, sql: "SELECT count(*) FROM pairs") } == 600)
    }

    @Test("backup writes a consistent copy")
    func backup() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("db.sqlite"))
        try database.write { connection in
            try connection.execute(sql: "CREATE TABLE t (x INTEGER)")
            try connection.execute(sql: "INSERT INTO t VALUES (7)")
        }
        try database.withReader { try $0.backup(to: folder.path("copy.sqlite")) }
        let copy = try Database(path: folder.path("copy.sqlite"))
        #expect(try copy.read { try $0.scalar(Int.self, sql: "SELECT x FROM t") } == 7)
    }
}

/// A thread-safe counter for concurrency tests.
final class Counter: Sendable {
    private let storage = Mutex<Int>(0)
    func increment() { storage.withLock { $0 += 1 } }
    var value: Int { storage.withLock { $0 } }
}

import Synchronization
