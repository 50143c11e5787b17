import Foundation

/// Where and how the server listens.
public struct ServerConfiguration: Sendable {
    /// The address to bind: an IPv4 (`127.0.0.1`, `0.0.0.0`) or IPv6 (`::1`, `::`, also bracketed `[::1]`)
    /// literal, or a host name such as `localhost` (its first address is used). `::` also accepts IPv4
    /// clients where the system allows dual-stack sockets.
    public var host: String

    /// The TCP port; 0 asks the system for a free one, which `HTTPServer.start()` reports.
    public var port: Int

    /// Every limit and timeout.
    public var limits: ServerLimits

    /// Whether the server gzips compressible bodies for clients that accept gzip (see `ResponseCompression`).
    public var compression: Bool

    /// Number of serial I/O queues that connections are spread over. Default: the processor count.
    /// I/O queues never run handlers, so one per core is enough.
    public var ioQueueCount: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        limits: ServerLimits = .default,
        compression: Bool = true,
        ioQueueCount: Int = ServerConfiguration.defaultIOQueueCount
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.compression = compression
        self.ioQueueCount = ioQueueCount
    }

    public static var defaultIOQueueCount: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Severity of a message from the server to its log hook.
public enum ServerLogLevel: Int, Sendable, Comparable {
    case debug, info, warning, error

    public static func < (lhs: ServerLogLevel, rhs: ServerLogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Receives the server's own operational messages (start, accept failures, shutdown). Called from the
/// server's queues; must be thread-safe and quick. Access logging is the application's job (wrap the handler).
public typealias ServerLogHook = @Sendable (_ level: ServerLogLevel, _ message: String) -> Void
