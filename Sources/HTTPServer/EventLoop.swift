import Dispatch
import Glibc

/// A serial I/O queue and the connections it owns, with one periodic sweep that enforces their deadlines
/// (cheaper than a timer per connection: 10,000 idle clients cost one timer, not 10,000).
///
/// `@unchecked Sendable` holds because every mutable property is only touched on `queue`: connections are
/// adopted, removed, swept and drained through blocks submitted to it.
final class EventLoop: @unchecked Sendable {
    let queue: DispatchQueue
    let core: ServerCore

    private var connections: [ObjectIdentifier: Connection] = [:]
    private var sweepTimer: DispatchSourceTimer?
    private var draining = false
    private var onDrained: (@Sendable () -> Void)?
    /// One read buffer shared by the loop's connections: a read copies out only what arrived, so an idle
    /// connection holds no buffer of its own.
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    init(index: Int, core: ServerCore) {
        self.queue = DispatchQueue(label: "dossier.http.io.\(index)")
        self.core = core
    }

    /// Starts the sweep: a quarter of the shortest timeout, between 10 ms and 1 s.
    func start() {
        let limits = core.limits
        let shortest = min(limits.headerTimeout, limits.bodyTimeout, limits.idleTimeout, limits.writeTimeout, limits.lingerTimeout)
        let interval = max(0.01, min(1.0, shortest / 4))
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(Int(interval * 100)))
        timer.setEventHandler { [self] in sweep() }
        queue.sync { sweepTimer = timer }
        timer.resume()
    }

    func withScratch<Result>(_ body: (UnsafeMutableBufferPointer<UInt8>) -> Result) -> Result {
        scratch.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Takes over an accepted socket (on `queue`).
    func adopt(fd: Int32, admission: ServerCore.Admission, acceptedAt: UInt64) {
        if draining {
            Glibc.close(fd)
            core.release(admission)
            return
        }
        let connection = Connection(fd: fd, loop: self, core: core, admission: admission, acceptedAt: acceptedAt)
        connections[ObjectIdentifier(connection)] = connection
        connection.start()
    }

    /// Forgets a closed connection (on `queue`).
    func remove(_ connection: Connection) {
        connections[ObjectIdentifier(connection)] = nil
        if draining && connections.isEmpty, let onDrained {
            self.onDrained = nil
            onDrained()
        }
    }

    var connectionCount: Int { connections.count }

    private func sweep() {
        let now = Socket.now()
        for connection in Array(connections.values) {
            connection.checkDeadlines(now: now)
        }
    }

    /// Graceful shutdown: idle connections close now, busy ones after their response; `onDrained` runs
    /// once the loop holds no connection (on `queue`).
    func beginDrain(onDrained: @escaping @Sendable () -> Void) {
        draining = true
        self.onDrained = onDrained
        for connection in Array(connections.values) {
            connection.beginDrain()
        }
        if connections.isEmpty, let callback = self.onDrained {
            self.onDrained = nil
            callback()
        }
    }

    /// The grace period is over: close whatever is left (on `queue`).
    func closeAll() {
        for connection in Array(connections.values) {
            connection.close()
        }
    }

    /// Stops the sweep (on `queue`).
    func stop() {
        sweepTimer?.cancel()
        sweepTimer = nil
    }
}
