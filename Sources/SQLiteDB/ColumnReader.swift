import CSQLite

/// The current row of a stepping statement, read in place by column position.
///
/// `Row` copies every column into an array of values (and a `String` per text column) before the caller looks at
/// any of them; reads that turn many rows into a few models (an article's mentions and events) spend more time on
/// those copies than SQLite spends finding the rows. A reader copies only the columns asked for, when asked.
/// It is valid only inside the `forEachRow` closure that hands it out: the next step replaces its values.
public struct ColumnReader {
    @usableFromInline let handle: OpaquePointer
    @usableFromInline let statement: Statement

    init(statement: Statement) {
        self.handle = statement.handle
        self.statement = statement
    }

    /// Whether the column is NULL.
    @inlinable public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// An integer column (SQLite's conversion rules for other storage classes; NULL reads as 0).
    @inlinable public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// An integer column as `Int`.
    @inlinable public func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    /// A text column, or nil when it is NULL.
    @inlinable public func optionalText(_ index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        let length = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
    }

    /// A text column that the schema declares NOT NULL; throws naming the column if it is NULL after all.
    @inlinable public func text(_ index: Int32) throws -> String {
        guard let value = optionalText(index) else {
            throw RowDecodingError.typeMismatch(column: statement.columnNames[Int(index)], expected: "String", found: .null)
        }
        return value
    }
}

extension Statement {
    /// Steps through the rows, handing `body` a reader of each; cheaper than `rows` when a model is built from a
    /// few columns of many rows. Column positions follow the statement's SELECT list.
    public func forEachRow(_ arguments: [any SQLiteValueConvertible], reading body: (ColumnReader) throws -> Void) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        let reader = ColumnReader(statement: self)
        while try step() { try body(reader) }
    }
}

extension Connection {
    /// `Statement.forEachRow(_:reading:)` on the cached statement of `sql`.
    public func forEachRow(sql: String, arguments: [any SQLiteValueConvertible], reading body: (ColumnReader) throws -> Void) throws {
        try cachedStatement(sql: sql).forEachRow(arguments, reading: body)
    }
}

/// A type built from the columns of a row by position, through a `ColumnReader`: for models read many at a time,
/// whose statements all select the same column list first.
public protocol ColumnDecodable {
    init(reader: ColumnReader) throws
}

extension Statement {
    /// Rows decoded as `T` from their columns by position.
    public func fetch<T: ColumnDecodable>(reading type: T.Type, _ arguments: [any SQLiteValueConvertible]) throws -> [T] {
        var items: [T] = []
        try forEachRow(arguments) { items.append(try T(reader: $0)) }
        return items
    }
}

extension Connection {
    /// `Statement.fetch(reading:_:)` on the cached statement of `sql`.
    public func fetch<T: ColumnDecodable>(reading type: T.Type, sql: String, arguments: [any SQLiteValueConvertible]) throws -> [T] {
        try cachedStatement(sql: sql).fetch(reading: type, arguments)
    }
}
