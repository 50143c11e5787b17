import DossierTestSupport
import Testing
@testable import SQLiteDB

@Suite("Column readers: rows read in place")
struct ColumnReaderTests {
    @Test("columns by position: integers, text, NULL as nil, and every row once in order")
    func readsRowsInPlace() throws {
        let folder = try TemporaryDirectory()
        let connection = try Connection(path: folder.path("db.sqlite"))
        try connection.execute(sql: "CREATE TABLE m (id INTEGER PRIMARY KEY, start INTEGER NOT NULL, text TEXT, note TEXT)")
        for (start, text, note) in [(3, "Baghdad", "x"), (1, "ناصر", nil), (2, "", "long enough to need a heap string")] {
            try connection.execute(sql: "INSERT INTO m (start, text, note) VALUES (?, ?, ?)", arguments: [start, text, note])
        }
        var seen: [(Int, Int64, String, String?, Bool)] = []
        try connection.forEachRow(sql: "SELECT start, id, text, note FROM m WHERE start > ? ORDER BY start", arguments: [0]) { row in
            seen.append((row.int(0), row.int64(1), try row.text(2), row.optionalText(3), row.isNull(3)))
        }
        #expect(seen.map(\.0) == [1, 2, 3])
        #expect(seen.map(\.1) == [2, 3, 1])
        #expect(seen.map(\.2) == ["ناصر", "", "Baghdad"])
        #expect(seen.map(\.3) == [nil, "long enough to need a heap string", "x"])
        #expect(seen.map(\.4) == [true, false, false])
        // The statement is reset afterwards: the same cached statement runs again with other arguments.
        var count = 0
        try connection.forEachRow(sql: "SELECT start, id, text, note FROM m WHERE start > ? ORDER BY start", arguments: [2]) { _ in count += 1 }
        #expect(count == 1)
    }

    @Test("a NULL where text is required throws, naming the column")
    func nullTextNamesTheColumn() throws {
        let folder = try TemporaryDirectory()
        let connection = try Connection(path: folder.path("db.sqlite"))
        #expect(throws: RowDecodingError.typeMismatch(column: "missing_name", expected: "String", found: .null)) {
            try connection.forEachRow(sql: "SELECT NULL AS missing_name", arguments: []) { row in _ = try row.text(0) }
        }
    }
}
