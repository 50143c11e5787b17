import Dispatch
import DossierAPI
import Glibc
import Logging
import Synchronization

/// `serve`'s log handler: the lines of swift-log's `StreamLogHandler`, to standard error, but gathered in
/// buffers and written at most `BatchedStderr.delay` later (at once for warnings and above, and at exit), like
/// nginx's buffered access log. With one access line per request, a `write` and a time-zone lookup per line
/// (what `StreamLogHandler` does) would cost more than answering a cached request.
struct BatchedLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadataProvider: Logger.MetadataProvider?
    var metadata = Logger.Metadata() {
        didSet { prettyMetadata = Self.prettify(metadata) }
    }
    private var prettyMetadata: String?

    init(label: String, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var pretty = prettyMetadata
        let provided = metadataProvider?.get() ?? [:]
        if !provided.isEmpty || !(event.metadata ?? [:]).isEmpty || event.error != nil {
            var merged = metadata
            merged.merge(provided) { _, new in new }
            merged.merge(event.metadata ?? [:]) { _, new in new }
            if let error = event.error {
                merged["error.message"] = "\(error)"
                merged["error.type"] = "\(String(reflecting: type(of: error)))"
            }
            pretty = Self.prettify(merged)
        }
        BatchedStderr.shared.append(
            level: event.level, label: label, metadata: pretty, source: event.source, message: event.message.description)
    }

    private static func prettify(_ metadata: Logger.Metadata) -> String? {
        metadata.isEmpty ? nil : metadata.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
    }
}

/// The buffer behind `BatchedLogHandler`: lines, each behind its local timestamp (formatted once per second),
/// written to standard error on the log queue after the delay or once a buffer grows large, and at once for
/// urgent lines and when the process exits.
///
/// Sharded by thread (`ThreadShard`): concurrent requests log without waiting for each other's lock. Each
/// thread's lines keep their order; lines of different threads within one batch may be written up to the
/// delay out of timestamp order, as with separate per-worker log buffers.
final class BatchedStderr: Sendable {
    static let shared = BatchedStderr()
    /// How late a line may be written.
    static let delay = DispatchTimeInterval.milliseconds(50)
    /// Bytes buffered in one shard that are written without waiting for the delay, by the log queue (and by
    /// the logging thread itself beyond four times this, so a stalled standard error holds writers back
    /// rather than growing the buffers without bound).
    static let limit = 16 * 1024

    private struct Pending {
        var bytes: [UInt8] = []
        var second = -1
        var timestamp: [UInt8] = []
    }

    /// A shard's buffer behind its own lock (`Mutex` cannot live in an array itself).
    private final class Shard: Sendable {
        let pending = Mutex(Pending())
    }

    private let shards = (0..<8).map { _ in Shard() }
    /// A flush is due after the delay, or (for a full buffer) as soon as the log queue gets to it.
    private let flushScheduled = Atomic<Bool>(false)
    private let flushSoon = Atomic<Bool>(false)
    /// Held while writing, so batches reach the descriptor in the order they were taken.
    private let writing = Mutex(())
    private let queue = DispatchQueue(label: "dossier.log")

    private init() {
        atexit { BatchedStderr.shared.flush() }
    }

    /// Adds `<timestamp> <level> <label>:[ <metadata>] [<source>] <message>`, the line StreamLogHandler writes,
    /// straight into the calling thread's buffer.
    func append(level: Logger.Level, label: String, metadata: String?, source: String, message: String) {
        let shard = shards[ThreadShard.index(count: shards.count)]
        let size = shard.pending.withLock { pending -> Int in
            let now = time(nil)
            if now != pending.second {
                pending.second = now
                pending.timestamp = Self.timestamp(now)
            }
            pending.bytes.append(contentsOf: pending.timestamp)
            pending.bytes.append(UInt8(ascii: " "))
            Self.append(level.rawValue, to: &pending.bytes)
            pending.bytes.append(UInt8(ascii: " "))
            Self.append(label, to: &pending.bytes)
            pending.bytes.append(UInt8(ascii: ":"))
            if let metadata {
                pending.bytes.append(UInt8(ascii: " "))
                Self.append(metadata, to: &pending.bytes)
            }
            pending.bytes.append(contentsOf: " [".utf8)
            Self.append(source, to: &pending.bytes)
            pending.bytes.append(contentsOf: "] ".utf8)
            Self.append(message, to: &pending.bytes)
            pending.bytes.append(UInt8(ascii: "\n"))
            return pending.bytes.count
        }
        if level >= .warning || size >= 4 * Self.limit {
            // Urgent, or the log queue is not keeping up: write here, which also holds the writer back.
            flush()
        } else if size >= Self.limit {
            if flushSoon.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
                queue.async { [self] in flush() }
            }
        } else if !flushScheduled.load(ordering: .relaxed),
                  flushScheduled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            queue.asyncAfter(deadline: .now() + Self.delay) { [self] in flush() }
        }
    }

    /// A string's bytes, copied in one go when they lie in place (the usual case).
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Writes everything buffered.
    func flush() {
        writing.withLock { _ in
            // Cleared first: a line added from now on schedules the next flush.
            flushScheduled.store(false, ordering: .releasing)
            flushSoon.store(false, ordering: .releasing)
            for shard in shards {
                let bytes = shard.pending.withLock { pending -> [UInt8] in
                    defer { pending.bytes = [] }
                    return pending.bytes
                }
                Self.write(bytes)
            }
        }
    }

    private static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// `%Y-%m-%dT%H:%M:%S%z` in local time, as `StreamLogHandler` writes it.
    private static func timestamp(_ seconds: Int) -> [UInt8] {
        var time = time_t(seconds)
        var parts = tm()
        localtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return buffer.prefix(count).map { UInt8(bitPattern: $0) }
    }
}
