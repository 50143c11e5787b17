/// A value SQLite stores: the five storage classes of https://sqlite.org/datatype3.html.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A Swift type that binds to a statement parameter and decodes from a column.
public protocol SQLiteValueConvertible {
    var sqliteValue: SQLiteValue { get }
    /// Nil when the stored value has another type (the caller turns that into a typed error).
    init?(sqliteValue: SQLiteValue)
}

extension SQLiteValue: SQLiteValueConvertible {
    @inlinable public var sqliteValue: SQLiteValue { self }
    @inlinable public init?(sqliteValue: SQLiteValue) { self = sqliteValue }
}

extension Int: SQLiteValueConvertible {
    @inlinable public var sqliteValue: SQLiteValue { .integer(Int64(self)) }
    @inlinable public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = Int(value)
    }
}

extension Int64: SQLiteValueConvertible {
    @inlinable public var sqliteValue: SQLiteValue { .integer(self) }
    @inlinable public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Double: SQLiteValueConvertible {
    @inlinable public var sqliteValue: SQLiteValue { .real(self) }
    @inlinable public init?(sqliteValue: SQLiteValue) {
        switch sqliteValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension Bool: SQLiteValueConvertible {
    @inlinable public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }
    @inlinable public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value != 0
    }
}

extension String: SQLiteValueConvertible {
    @inlinable public var sqliteValue: SQLiteValue { .text(self) }
    @inlinable public init?(sqliteValue: SQLiteValue) {
        guard case .text(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Array: SQLiteValueConvertible where Element == UInt8 {
    @inlinable public var sqliteValue: SQLiteValue { .blob(self) }
    @inlinable public init?(sqliteValue: SQLiteValue) {
        switch sqliteValue {
        case .blob(let value): self = value
        case .null: self = []
        default: return nil
        }
    }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
    @inlinable public var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
    @inlinable public init?(sqliteValue: SQLiteValue) {
        if case .null = sqliteValue {
            self = .none
        } else if let value = Wrapped(sqliteValue: sqliteValue) {
            self = .some(value)
        } else {
            return nil
        }
    }
}
