import CSQLite

/// One SQLite connection. Not Sendable: a `Database` hands it to one closure at a time.
///
/// Opened with WAL, `synchronous=NORMAL`, foreign keys and a busy timeout (https://sqlite.org/wal.html): readers
/// never block the writer and the writer never blocks readers.
public final class Connection {
    let handle: OpaquePointer
    public let path: String
    public let isReadOnly: Bool
    private var statementCache: [String: Statement] = [:]

    /// How the connection is opened.
    public struct Options: Sendable {
        public var readOnly: Bool = false
        /// How long to wait on a lock held by another connection or process before failing with SQLITE_BUSY.
        public var busyTimeoutMilliseconds: Int32 = 5_000
        /// Page cache size in KiB (`PRAGMA cache_size = -N`). SQLite's default of 2 MiB makes index inserts
        /// on a database of hundreds of megabytes go to the file system for most pages.
        public var cacheKiB: Int = 2_048
        public init(readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5_000, cacheKiB: Int = 2_048) {
            self.readOnly = readOnly
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.cacheKiB = cacheKiB
        }
    }

    public init(path: String, options: Options = Options()) throws {
        var handle: OpaquePointer?
        let flags = (options.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(connection: handle, resultCode: code, sql: nil)
            sqlite3_close_v2(handle)
            throw SQLiteError(code: error.code, extendedCode: error.extendedCode,
                              message: "cannot open database at \(path): \(error.message)")
        }
        self.handle = handle
        self.path = path
        self.isReadOnly = options.readOnly
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, options.busyTimeoutMilliseconds)
        if !options.readOnly {
            try execute(sql: "PRAGMA journal_mode = WAL")
        }
        try execute(sql: "PRAGMA synchronous = NORMAL")
        try execute(sql: "PRAGMA cache_size = -\(max(64, options.cacheKiB))")
        try execute(sql: "PRAGMA temp_store = MEMORY")
        try execute(sql: "PRAGMA foreign_keys = ON")
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements with no arguments (schema scripts, pragmas).
    public func execute(sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: code, extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Runs one statement with bound arguments.
    public func execute(sql: String, arguments: [any SQLiteValueConvertible]) throws {
        try cachedStatement(sql: sql).execute(arguments)
    }

    /// A new prepared statement (for one-off SQL).
    public func makeStatement(sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// A prepared statement kept for the connection's lifetime: hot paths prepare once.
    public func cachedStatement(sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(connection: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    public func rows(sql: String, arguments: [any SQLiteValueConvertible] = []) throws -> [Row] {
        try cachedStatement(sql: sql).rows(arguments)
    }

    public func fetch<T: RowDecodable>(_ type: T.Type, sql: String, arguments: [any SQLiteValueConvertible] = []) throws -> [T] {
        try cachedStatement(sql: sql).fetch(type, arguments)
    }

    public func fetchOne<T: RowDecodable>(_ type: T.Type, sql: String, arguments: [any SQLiteValueConvertible] = []) throws -> T? {
        try cachedStatement(sql: sql).fetchOne(type, arguments)
    }

    public func scalar<Value: SQLiteValueConvertible>(
        _ type: Value.Type, sql: String, arguments: [any SQLiteValueConvertible] = []
    ) throws -> Value? {
        try cachedStatement(sql: sql).scalar(type, arguments)
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Whether a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// `PRAGMA data_version`: changes when another connection commits (https://sqlite.org/pragma.html#pragma_data_version).
    /// A cheap way to notice that the database may have moved without reading any table.
    public func dataVersion() throws -> Int {
        try scalar(Int.self, sql: "PRAGMA data_version") ?? 0
    }

    /// The kinds of transaction of https://sqlite.org/lang_transaction.html.
    public enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED"
        /// Takes the write lock at once: what every write uses, so two writers never deadlock upgrading.
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        // Cached statements: every read runs in a transaction, and preparing BEGIN and COMMIT each time shows.
        try cachedStatement(sql: "BEGIN \(kind.rawValue)").execute()
        do {
            let result = try body()
            try cachedStatement(sql: "COMMIT").execute()
            return result
        } catch {
            if isInTransaction { try? execute(sql: "ROLLBACK") }
            throw error
        }
    }

    /// Writes a consistent copy of the database to `path` (`VACUUM INTO`): safe while others read and write.
    public func backup(to path: String) throws {
        try makeStatement(sql: "VACUUM INTO ?").execute([path])
    }
}
