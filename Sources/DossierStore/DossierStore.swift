import DossierModel
import Foundation
import SQLiteDB

/// The Dossier database: schema-aware reads and writes over one SQLite file.
///
/// Every write transaction bumps the `data_version` counter in `meta`, so caches (HTTP ETags, response caches)
/// keyed by it see changes made by any process, the CLI's included, and survive restarts.
public final class DossierStore: Sendable {
    public let database: Database
    /// The whole-corpus co-occurrence graph of the latest data version a graph read saw.
    public let graphSnapshots = GraphSnapshotCache()

    /// Opens the database at `path` and applies pending migrations.
    public init(path: String, readerCount: Int = 4) throws {
        do {
            database = try Database(path: path, readerCount: readerCount)
            try SchemaMigrations.makeMigrator().migrate(database)
        } catch let error as MigrationError {
            throw StoreError.migration(error)
        }
    }

    /// Opens the database without migrating (for `dossier migrate` to report what it applies).
    public init(unmigratedPath path: String, readerCount: Int = 4) throws {
        database = try Database(path: path, readerCount: readerCount)
    }

    /// Applies pending migrations; returns their file names.
    @discardableResult
    public func migrate() throws -> [String] {
        do {
            return try SchemaMigrations.makeMigrator().migrate(database).map { String(format: "%04d_%@.sql", $0.version, $0.name) }
        } catch let error as MigrationError {
            throw StoreError.migration(error)
        }
    }

    /// Frees what SQLite holds in memory beyond what it needs: the writer's page cache after migrations or an ingest
    /// (https://sqlite.org/pragma.html#pragma_shrink_memory).
    public func releaseMemory() throws {
        try database.withWriter { try $0.execute(sql: "PRAGMA shrink_memory") }
    }

    /// The counter bumped by every write transaction.
    public func dataVersion() throws -> Int {
        try database.read { try Meta.dataVersion($0) }
    }

    /// Runs a write transaction that bumps the data version.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try database.write { connection in
            let result = try body(connection)
            try Meta.bumpDataVersion(connection)
            return result
        }
    }

    /// Stores an extracted article in its own transaction (see `ArticleWriter.upsert`).
    public func upsert(_ record: ArticleRecord, now: Date = Date()) throws -> IngestStatus {
        try database.write { connection in
            let status = try ArticleWriter(connection: connection, now: now).upsert(record)
            if status != .unchanged { try Meta.bumpDataVersion(connection) }
            return status
        }
    }

    /// Stores several extracted articles in one transaction, each under its own savepoint: an article that fails
    /// is rolled back alone and reported, the others land. One commit for many articles keeps bulk ingest off the
    /// disk's sync path; each article still lands whole or not at all.
    public func upsert(_ records: [ArticleRecord], now: Date = Date()) throws -> [Result<IngestStatus, StoreError>] {
        try database.write { connection in
            let writer = ArticleWriter(connection: connection, now: now)
            var results: [Result<IngestStatus, StoreError>] = []
            results.reserveCapacity(records.count)
            var changed = false
            for record in records {
                try connection.execute(sql: "SAVEPOINT article")
                do {
                    let status = try writer.upsert(record)
                    try connection.execute(sql: "RELEASE article")
                    changed = changed || status != .unchanged
                    results.append(.success(status))
                } catch {
                    try connection.execute(sql: "ROLLBACK TO article")
                    try connection.execute(sql: "RELEASE article")
                    results.append(.failure(error as? StoreError ?? .database(error as? SQLiteError ?? SQLiteError(code: 1, message: "\(error)"))))
                }
            }
            if changed { try Meta.bumpDataVersion(connection) }
            return results
        }
    }

    /// Deletes an article with its mentions and events; false when there was none with that id.
    @discardableResult
    public func deleteArticle(id: String) throws -> Bool {
        try database.write { connection in
            let deleted = try ArticleWriter(connection: connection).delete(articleID: id)
            if deleted { try Meta.bumpDataVersion(connection) }
            return deleted
        }
    }

    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try database.read(body)
    }

    public func metaValue(_ key: String) throws -> String? {
        try database.read { try Meta.value(key, $0) }
    }

    public func setMetaValue(_ key: String, _ value: String) throws {
        try write { try Meta.setValue(key, value, $0) }
    }

    /// Writes a consistent copy of the database to `path`, safe while the server writes.
    public func backup(to path: String) throws {
        try database.withReader { try $0.backup(to: path) }
    }
}
