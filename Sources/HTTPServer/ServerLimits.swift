import Foundation

/// Every limit and timeout the server enforces, in one table with safe defaults.
///
/// Each limit names the status a client gets when it crosses it; every such answer is an
/// `application/problem+json` body followed by `Connection: close`. Byte limits count bytes on the wire.
/// Durations are in seconds. Build one from the environment with `fromEnvironment(_:)`; the CLI maps its
/// flags onto the same fields.
public struct ServerLimits: Sendable, Equatable {
    /// Longest request line (method, target, version, CRLF) accepted; beyond it the server answers 414.
    /// Default 8 KiB, as nginx's `large_client_header_buffers`.
    public var maxRequestLineBytes: Int

    /// Most bytes in the header section (every field line with its CRLF, plus the closing CRLF), and
    /// likewise in a chunked body's trailer section; beyond it 431. Default 32 KiB.
    public var maxHeaderBytes: Int

    /// Most header fields (and, separately, trailer fields) in one request; beyond it 431. Default 100.
    public var maxHeaderCount: Int

    /// Largest request body. Decided from `Content-Length` before any body byte is read, and for a chunked
    /// body as chunks arrive; beyond it 413. Default 8 MiB.
    public var maxBodyBytes: Int

    /// Seconds a client has to send a whole header section, counted from accept for the first request and
    /// from the first byte of each later one — not reset by each read, so a client trickling one byte a
    /// second is still cut off. On expiry: 408, then close. Default 10.
    public var headerTimeout: Double

    /// Seconds a client has to send a whole body, counted from the end of its header section. On expiry:
    /// 408, then close. Default 20.
    public var bodyTimeout: Double

    /// Seconds a persistent connection may sit between requests before the server closes it quietly.
    /// Default 60.
    public var idleTimeout: Double

    /// Seconds the server waits for a client to accept more response bytes while output is pending
    /// before it drops the connection. Default 30.
    public var writeTimeout: Double

    /// Most connections open at once. A client accepted over it gets 503 with `Retry-After` and is closed.
    /// Default 10,000 (the server raises the open-file soft limit to the hard limit at start).
    public var maxConnections: Int

    /// `Retry-After` seconds in the 503 sent over `maxConnections`. Default 1.
    public var retryAfterSeconds: Int

    /// The `listen(2)` backlog. Default 1,024.
    public var backlog: Int

    /// Handlers running at once, on the server's own threads. Default the processor count, at least 2.
    public var handlerConcurrency: Int

    /// Per-connection bound on response bytes not yet taken by the client. While over it the server reads
    /// and handles no further pipelined request from that connection. Default 256 KiB.
    public var maxOutputBufferBytes: Int

    /// Per-connection bound on request bytes read ahead of the request being handled (pipelining).
    /// While over it the server stops reading from that socket. Default 64 KiB.
    public var maxReadAheadBytes: Int

    /// Seconds the server keeps draining a client's input after answering with `Connection: close`, so the
    /// kernel does not reset the connection before the client has read the answer (nginx's lingering
    /// close). Default 2.
    public var lingerTimeout: Double

    public init(
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 32 * 1024,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 8 * 1024 * 1024,
        headerTimeout: Double = 10,
        bodyTimeout: Double = 20,
        idleTimeout: Double = 60,
        writeTimeout: Double = 30,
        maxConnections: Int = 10_000,
        retryAfterSeconds: Int = 1,
        backlog: Int = 1024,
        handlerConcurrency: Int = ServerLimits.defaultHandlerConcurrency,
        maxOutputBufferBytes: Int = 256 * 1024,
        maxReadAheadBytes: Int = 64 * 1024,
        lingerTimeout: Double = 2
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.maxConnections = maxConnections
        self.retryAfterSeconds = retryAfterSeconds
        self.backlog = backlog
        self.handlerConcurrency = handlerConcurrency
        self.maxOutputBufferBytes = maxOutputBufferBytes
        self.maxReadAheadBytes = maxReadAheadBytes
        self.lingerTimeout = lingerTimeout
    }

    /// The defaults above.
    public static let `default` = ServerLimits()

    /// One per active processor, at least two: reads of a database the OS keeps in memory are CPU work, so
    /// more handlers than cores only add switching and answers in flight (on 2 cores, 4 handlers against 2 gave
    /// a higher p99 on every route of `benchmarks/queries.sh` at 32 clients, and 8 MB more peak memory).
    /// Deployments whose reads wait on a disk can raise it with `DOSSIER_HANDLER_CONCURRENCY`.
    public static var defaultHandlerConcurrency: Int {
        max(2, ProcessInfo.processInfo.activeProcessorCount)
    }
}
