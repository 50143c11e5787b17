import Dispatch
import Foundation
import Glibc

/// An HTTP/1.1 server on POSIX sockets and Dispatch: event-driven non-blocking I/O on a few serial
/// queues, requests handed to a synchronous `HTTPHandler` on a bounded set of handler threads.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(host: "0.0.0.0", port: 8080), handler: router)
/// let address = try server.start()
/// print("listening on \(address)")
/// let signals = server.shutdownOnSignals(gracePeriod: .seconds(10))  // keep it alive
/// server.waitUntilStopped()
/// exit(0)
/// ```
///
/// The server adds `Date`, `Server`, `Content-Length` and `Connection` to every response, gzips
/// compressible bodies when allowed (`ServerConfiguration.compression`), answers HEAD without a body, and
/// answers malformed or over-limit requests itself with problem+json (`HTTPParseError`).
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    private let handler: any HTTPHandler
    let log: ServerLogHook
    private let lifecycle = Locked(Lifecycle.idle)
    private let stopped = DispatchGroup()

    private enum Lifecycle {
        case idle
        case starting
        case running(Running)
        case draining(Running)
        case stopped
    }

    private struct Running {
        var core: ServerCore
        var listener: Listener
        var loops: [EventLoop]
        var address: SocketAddress
    }

    /// - Parameters:
    ///   - configuration: where to listen, limits, compression.
    ///   - handler: the application; called on the server's handler threads, never on an I/O queue.
    ///   - log: receives the server's operational messages (not access lines). Default: none.
    public init(configuration: ServerConfiguration, handler: some HTTPHandler, log: @escaping ServerLogHook = { _, _ in }) {
        self.configuration = configuration
        self.handler = handler
        self.log = log
    }

    /// Binds, listens and starts serving; returns the bound address (the real port when the
    /// configuration asked for port 0). Also ignores `SIGPIPE` and raises the open-file soft limit to the
    /// hard limit, once per process.
    @discardableResult
    public func start() throws(ServerError) -> SocketAddress {
        let claimed = lifecycle.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .starting
            return true
        }
        guard claimed else { throw .alreadyStarted }
        do throws(ServerError) {
            Socket.ignoreSIGPIPE
            let fileLimit = Socket.raiseOpenFileLimit()
            let limits = configuration.limits
            var maxConnections = limits.maxConnections
            if fileLimit - 64 < maxConnections {
                maxConnections = max(1, fileLimit - 64)
                log(.warning, "open-file limit is \(fileLimit); serving at most \(maxConnections) connections instead of \(limits.maxConnections)")
            }
            let (fd, address) = try Socket.listen(host: configuration.host, port: configuration.port, backlog: limits.backlog)
            let core = ServerCore(limits: limits, compression: configuration.compression, handler: handler,
                                  maxConnections: maxConnections, log: log)
            let loops = (0..<max(1, configuration.ioQueueCount)).map { EventLoop(index: $0, core: core) }
            loops.forEach { $0.start() }
            let listener = Listener(fd: fd, core: core, loops: loops)
            listener.start()
            stopped.enter()
            lifecycle.withLock { $0 = .running(Running(core: core, listener: listener, loops: loops, address: address)) }
            log(.info, "listening on \(address)")
            return address
        } catch {
            lifecycle.withLock { $0 = .idle }
            throw error
        }
    }

    /// The bound address while running, else `nil`.
    public var localAddress: SocketAddress? {
        lifecycle.withLock { state in
            switch state {
            case .running(let running), .draining(let running): return running.address
            case .idle, .starting, .stopped: return nil
            }
        }
    }

    /// Open client connections (including ones being answered 503), for tests and metrics.
    public var openConnectionCount: Int {
        lifecycle.withLock { state in
            switch state {
            case .running(let running), .draining(let running): return running.core.openConnections
            case .idle, .starting, .stopped: return 0
            }
        }
    }

    /// Stops gracefully and returns at once: stops accepting, closes idle connections, lets requests in
    /// flight finish and closes their connections after the response, and after `gracePeriod` closes
    /// whatever is left. `waitUntilStopped()` returns once every connection is closed.
    /// Calling it again, or before `start()`, does nothing (before `start()` the server counts as stopped).
    public func shutdown(gracePeriod: Duration) {
        let running: Running? = lifecycle.withLock { state in
            switch state {
            case .running(let running):
                state = .draining(running)
                return running
            case .idle:
                state = .stopped
                return nil
            case .starting, .draining, .stopped:
                return nil
            }
        }
        guard let running else { return }
        log(.info, "shutting down; grace period \(gracePeriod)")
        running.core.beginDraining()
        running.listener.stop()

        let remaining = Locked(running.loops.count)
        let loopDrained: @Sendable () -> Void = { [self] in
            if remaining.withLock({ count in count -= 1; return count == 0 }) { finish(running) }
        }
        for loop in running.loops {
            loop.queue.async { loop.beginDrain(onDrained: loopDrained) }
        }
        let seconds = Double(gracePeriod.components.seconds) + Double(gracePeriod.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) {
            for loop in running.loops {
                loop.queue.async { loop.closeAll() }
            }
        }
    }

    private func finish(_ running: Running) {
        for loop in running.loops {
            loop.queue.async { loop.stop() }
        }
        running.core.pool.stop()
        lifecycle.withLock { $0 = .stopped }
        log(.info, "stopped")
        stopped.leave()
    }

    /// Blocks the calling thread until the server has stopped (immediately if it never started).
    public func waitUntilStopped() {
        stopped.wait()
    }

    /// Like `waitUntilStopped()`, giving up after `timeout`; returns whether the server stopped.
    public func waitUntilStopped(timeout: Duration) -> Bool {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        return stopped.wait(timeout: .now() + seconds) == .success
    }
}
