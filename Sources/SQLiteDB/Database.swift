import Dispatch
import Foundation
import Synchronization

/// A SQLite database file shared across threads: one writer connection and a pool of read-only readers.
///
/// Sendable; its connections are not. Each `read`/`write` closure gets a connection to itself for its duration,
/// so no connection is ever used by two threads at once. Calls block: run them on handler queues, never on the
/// Swift concurrency pool or an I/O queue.
public final class Database: Sendable {
    public let path: String
    private let writer: ConnectionBox
    private let writerLock = NSLock()
    private let readers: Mutex<[ConnectionBox]>
    private let readerSlots: DispatchSemaphore
    private let readerOptions: Connection.Options

    /// Opens (creating if needed) the database at `path`.
    /// - Parameter readerCount: read connections to pool (they are opened lazily).
    public init(path: String, readerCount: Int = 4, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        self.path = path
        // The writer gets a larger page cache: bulk ingest touches many index pages per transaction.
        let writerConnection = try Connection(
            path: path, options: .init(readOnly: false, busyTimeoutMilliseconds: busyTimeoutMilliseconds, cacheKiB: 32_768))
        self.writer = ConnectionBox(writerConnection)
        self.readers = Mutex([])
        self.readerSlots = DispatchSemaphore(value: max(1, readerCount))
        self.readerOptions = .init(readOnly: true, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Runs `body` with the writer connection inside a `BEGIN IMMEDIATE` transaction.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        writerLock.lock()
        defer { writerLock.unlock() }
        return try writer.connection.transaction(.immediate) { try body(writer.connection) }
    }

    /// Runs `body` with the writer connection and no implicit transaction (migrations, pragmas, backups).
    public func withWriter<T>(_ body: (Connection) throws -> T) throws -> T {
        writerLock.lock()
        defer { writerLock.unlock() }
        return try body(writer.connection)
    }

    /// Runs `body` with a pooled read-only connection, inside one read transaction so it sees one snapshot.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try withReader { connection in try connection.transaction(.deferred) { try body(connection) } }
    }

    /// Runs `body` with a pooled read-only connection and no implicit transaction (e.g. `VACUUM INTO`).
    public func withReader<T>(_ body: (Connection) throws -> T) throws -> T {
        readerSlots.wait()
        defer { readerSlots.signal() }
        let box = try readers.withLock { pool -> ConnectionBox? in pool.popLast() }
            ?? ConnectionBox(try Connection(path: path, options: readerOptions))
        defer { readers.withLock { $0.append(box) } }
        return try body(box.connection)
    }
}

/// Holds a connection while it moves between the pool and the one closure that uses it.
///
/// `@unchecked Sendable` holds because `Database` gives a box to exactly one caller at a time: the writer's under
/// its lock, a reader's between `popLast` and `append`, each step under the pool's mutex; SQLite is opened with
/// `SQLITE_OPEN_NOMUTEX`, which is safe when no connection is used by two threads concurrently.
final class ConnectionBox: @unchecked Sendable {
    let connection: Connection
    init(_ connection: Connection) { self.connection = connection }
}
