/// One result row, decoded by column name.
///
/// The accessors are `@inlinable`, so a decoder in another module gets them specialized for the type it reads;
/// called generically, each column read looked up generic metadata at run time (a tenth of an article by id).
public struct Row: Sendable {
    /// Column names in statement order (shared by every row of a statement).
    public let columns: [String]
    public let values: [SQLiteValue]

    public init(columns: [String], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    /// The raw value of a column, or nil when the statement has no such column.
    @inlinable public subscript(column: String) -> SQLiteValue? {
        columns.firstIndex(of: column).map { values[$0] }
    }

    /// Decodes a column; throws `RowDecodingError` naming the column when it is missing or of another type.
    @inlinable public func get<Value: SQLiteValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard let index = columns.firstIndex(of: column) else {
            throw RowDecodingError.missingColumn(column, available: columns)
        }
        guard let value = Value(sqliteValue: values[index]) else {
            throw RowDecodingError.typeMismatch(column: column, expected: "\(Value.self)", found: values[index])
        }
        return value
    }

    /// Decodes a column by position.
    @inlinable public func get<Value: SQLiteValueConvertible>(at index: Int, as type: Value.Type = Value.self) throws -> Value {
        guard values.indices.contains(index) else {
            throw RowDecodingError.missingColumn("#\(index)", available: columns)
        }
        guard let value = Value(sqliteValue: values[index]) else {
            throw RowDecodingError.typeMismatch(column: columns[index], expected: "\(Value.self)", found: values[index])
        }
        return value
    }
}

/// A type built from a row, by column names (GRDB's `FetchableRecord`).
public protocol RowDecodable {
    init(row: Row) throws
}

/// A row that does not have the shape its decoder expects: a programming error surfaced with context.
public enum RowDecodingError: Error, CustomStringConvertible, Equatable {
    case missingColumn(String, available: [String])
    case typeMismatch(column: String, expected: String, found: SQLiteValue)

    public var description: String {
        switch self {
        case .missingColumn(let column, let available):
            return "no column \(column) in row (columns: \(available.joined(separator: ", ")))"
        case .typeMismatch(let column, let expected, let found):
            return "column \(column): expected \(expected), found \(found)"
        }
    }
}
