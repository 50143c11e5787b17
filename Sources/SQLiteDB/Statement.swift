import CSQLite

/// A prepared statement. Not Sendable: it belongs to its `Connection`, used inside one `read`/`write` closure.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    unowned let connection: Connection
    /// Column names, read once at preparation.
    public let columnNames: [String]

    init(connection: Connection, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(connection: connection.handle, resultCode: code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.connection = connection
        let count = sqlite3_column_count(handle)
        self.columnNames = (0..<count).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement and binds `arguments` to its parameters in order (`?` or `?NNN`).
    public func bind(_ arguments: [any SQLiteValueConvertible]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw SQLiteError(
                code: SQLITE_RANGE, message: "statement takes \(expected) arguments, \(arguments.count) given", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.sqliteValue {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let value): code = sqlite3_bind_int64(handle, index, value)
            case .real(let value): code = sqlite3_bind_double(handle, index, value)
            case .text(let value): code = sqlite3_bind_text(handle, index, value, -1, csqlite_transient())
            case .blob(let value):
                code = value.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient()) }
            }
            guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, resultCode: code, sql: sql) }
        }
    }

    /// Steps once: true when a row is available.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(connection: connection.handle, resultCode: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    func currentRow() -> Row {
        var values: [SQLiteValue] = []
        values.reserveCapacity(columnNames.count)
        for index in 0..<Int32(columnNames.count) {
            switch sqlite3_column_type(handle, index) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, index)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, index)))
            case SQLITE_TEXT:
                let text = sqlite3_column_text(handle, index)
                let length = Int(sqlite3_column_bytes(handle, index))
                values.append(.text(text.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""))
            case SQLITE_BLOB:
                let length = Int(sqlite3_column_bytes(handle, index))
                if let pointer = sqlite3_column_blob(handle, index), length > 0 {
                    values.append(.blob(Array(UnsafeRawBufferPointer(start: pointer, count: length))))
                } else {
                    values.append(.blob([]))
                }
            default: values.append(.null)
            }
        }
        return Row(columns: columnNames, values: values)
    }

    /// Runs the statement to completion, ignoring rows.
    public func execute(_ arguments: [any SQLiteValueConvertible] = []) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// All rows.
    public func rows(_ arguments: [any SQLiteValueConvertible] = []) throws -> [Row] {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        var rows: [Row] = []
        while try step() { rows.append(currentRow()) }
        return rows
    }

    /// Calls `body` for each row without collecting them.
    public func forEachRow(_ arguments: [any SQLiteValueConvertible] = [], _ body: (Row) throws -> Void) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() { try body(currentRow()) }
    }

    /// Rows decoded as `T`.
    public func fetch<T: RowDecodable>(_ type: T.Type, _ arguments: [any SQLiteValueConvertible] = []) throws -> [T] {
        try rows(arguments).map(T.init(row:))
    }

    /// The first row decoded as `T`, or nil.
    public func fetchOne<T: RowDecodable>(_ type: T.Type, _ arguments: [any SQLiteValueConvertible] = []) throws -> T? {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        return try step() ? T(row: currentRow()) : nil
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar<Value: SQLiteValueConvertible>(_ type: Value.Type, _ arguments: [any SQLiteValueConvertible] = []) throws -> Value? {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        guard try step() else { return nil }
        return try currentRow().get(at: 0, as: Value.self)
    }
}
