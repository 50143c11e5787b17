import Dispatch
import Glibc

extension HTTPServer {
    /// Makes `SIGTERM` and `SIGINT` start a graceful `shutdown(gracePeriod:)`, so a process can
    /// `waitUntilStopped()` and then `exit(0)`:
    ///
    /// ```swift
    /// try server.start()
    /// let signals = server.shutdownOnSignals(gracePeriod: .seconds(10))
    /// server.waitUntilStopped()
    /// exit(0)
    /// ```
    ///
    /// The default dispositions are set to ignore first, so the signals reach the Dispatch sources instead
    /// of killing the process. Keep the returned value alive as long as the handling should last.
    public func shutdownOnSignals(_ signals: [Int32] = [SIGTERM, SIGINT], gracePeriod: Duration) -> SignalShutdown {
        let queue = DispatchQueue(label: "dossier.http.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                log(.info, "received signal \(number)")
                shutdown(gracePeriod: gracePeriod)
            }
            source.resume()
            sources.append(source)
        }
        return SignalShutdown(sources: sources)
    }
}

/// The signal handling installed by `HTTPServer.shutdownOnSignals(_:gracePeriod:)`; cancelled when
/// released or by `cancel()`.
///
/// `@unchecked Sendable` holds because `sources` is immutable after init and Dispatch sources are
/// thread-safe to cancel.
public final class SignalShutdown: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    init(sources: [any DispatchSourceSignal]) {
        self.sources = sources
    }

    /// Stops handling the signals (their disposition stays "ignore").
    public func cancel() {
        sources.forEach { $0.cancel() }
    }

    deinit {
        cancel()
    }
}
