/// Why the schema could not be brought up to date. Each case says what to do.
public enum MigrationError: Error, CustomStringConvertible, Equatable {
    /// Two migration files share a version number.
    case duplicateVersion(Int)
    /// An applied migration's file changed since it was applied.
    case checksumMismatch(version: Int, name: String, applied: String, current: String)
    /// The database has a migration this program does not know: it was migrated by a newer version.
    case unknownAppliedVersion(Int)
    /// A migration failed; its transaction was rolled back.
    case failed(version: Int, name: String, underlying: SQLiteError)

    public var description: String {
        switch self {
        case .duplicateVersion(let version):
            return "two migrations have version \(version); give each file a unique number"
        case .checksumMismatch(let version, let name, let applied, let current):
            return "migration \(version)_\(name) was edited after it was applied (checksum \(applied) → \(current)); "
                + "restore the file and add a new numbered migration instead"
        case .unknownAppliedVersion(let version):
            return "the database has migration \(version), which this program does not know; use a newer dossier"
        case .failed(let version, let name, let underlying):
            return "migration \(version)_\(name) failed and was rolled back: \(underlying.message)"
        }
    }
}
