import DossierStore
import Foundation
import SQLiteDB
import Synchronization

/// Tells the current `meta.data_version` cheaply, noticing commits made by any connection or process.
///
/// A dedicated read-only connection asks `PRAGMA data_version` (https://sqlite.org/pragma.html#pragma_data_version),
/// which changes when another connection has committed; only then is `meta.data_version` read again.
final class DataVersionTracker: Sendable {
    private struct State {
        var probe: Connection?
        var pragmaVersion = Int.min
        var dataVersion = 0
    }

    private let path: String
    private let state: Mutex<State>

    init(path: String) {
        self.path = path
        self.state = Mutex(State())
    }

    /// The data version now; on any error, a value that matches no cache entry (so nothing stale is served).
    func current() -> Int {
        state.withLock { state in
            do {
                if state.probe == nil {
                    state.probe = try Connection(path: path, options: .init(readOnly: true))
                }
                guard let probe = state.probe else { return -1 }
                let pragma = try probe.dataVersion()
                if pragma != state.pragmaVersion {
                    state.dataVersion = try probe.transaction(.deferred) { try Meta.dataVersion(probe) }
                    state.pragmaVersion = pragma
                }
                return state.dataVersion
            } catch {
                state.probe = nil
                state.pragmaVersion = Int.min
                return -1
            }
        }
    }
}
