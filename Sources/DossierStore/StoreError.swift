import SQLiteDB

/// Errors of the Dossier store that callers handle: each says what went wrong and what to do.
public enum StoreError: Error, CustomStringConvertible {
    case notFound(kind: String, id: String)
    case migration(MigrationError)
    case database(SQLiteError)

    public var description: String {
        switch self {
        case .notFound(let kind, let id): return "no \(kind) with id \(id)"
        case .migration(let error): return error.description
        case .database(let error): return error.description
        }
    }
}
