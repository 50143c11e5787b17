/// Applies numbered migrations in order, each in its own transaction, recording each with a checksum.
///
/// A second run applies nothing; an applied migration whose SQL changed is an error, never silently skipped.
/// The bookkeeping table `schema_migrations` is the only schema created outside the migration files.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) throws {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.version == next.version {
            throw MigrationError.duplicateVersion(next.version)
        }
        self.migrations = sorted
    }

    /// Migrations from `(file name, contents)` pairs; names not shaped `NNNN_name.sql` are ignored.
    public init(files: [(name: String, contents: String)]) throws {
        try self.init(migrations: files.compactMap { Migration(fileName: $0.name, sql: $0.contents) })
    }

    /// What has been applied: version → checksum.
    public func appliedChecksums(_ connection: Connection) throws -> [Int: String] {
        try createBookkeeping(connection)
        var applied: [Int: String] = [:]
        for row in try connection.rows(sql: "SELECT version, checksum FROM schema_migrations") {
            applied[try row.get("version")] = try row.get("checksum")
        }
        return applied
    }

    /// Applies every pending migration; returns the ones applied now.
    @discardableResult
    public func migrate(_ database: Database) throws -> [Migration] {
        try database.withWriter { try migrate($0) }
    }

    @discardableResult
    public func migrate(_ connection: Connection) throws -> [Migration] {
        let applied = try appliedChecksums(connection)
        let known = Set(migrations.map(\.version))
        if let unknown = applied.keys.sorted().first(where: { !known.contains($0) }) {
            throw MigrationError.unknownAppliedVersion(unknown)
        }
        var appliedNow: [Migration] = []
        for migration in migrations {
            if let checksum = applied[migration.version] {
                guard checksum == migration.checksum else {
                    throw MigrationError.checksumMismatch(
                        version: migration.version, name: migration.name, applied: checksum, current: migration.checksum)
                }
                continue
            }
            do {
                try connection.transaction(.immediate) {
                    try connection.execute(sql: migration.sql)
                    try connection.execute(
                        sql: "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                        arguments: [migration.version, migration.name, migration.checksum])
                }
            } catch let error as SQLiteError {
                throw MigrationError.failed(version: migration.version, name: migration.name, underlying: error)
            }
            appliedNow.append(migration)
        }
        return appliedNow
    }

    /// Versions not yet applied.
    public func pending(_ connection: Connection) throws -> [Migration] {
        let applied = try appliedChecksums(connection)
        return migrations.filter { applied[$0.version] == nil }
    }

    private func createBookkeeping(_ connection: Connection) throws {
        try connection.execute(sql: """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                checksum TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
    }
}
