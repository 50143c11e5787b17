import DossierStore
import Foundation
import SQLiteDB
import Synchronization

/// Tells the current `meta.data_version` cheaply, noticing commits made by any connection or process.
///
/// A dedicated read-only connection asks `PRAGMA data_version` (https://sqlite.org/pragma.html#pragma_data_version),
/// which changes when another connection has committed; only then is `meta.data_version` read again.
///
/// Under steady traffic the version is read again in the background once half the freshness window has
/// passed, so `currentIfFresh()` keeps answering and cached reads stay on the I/O queue instead of falling
/// back to a handler thread every time the window runs out. Idle, nothing is read.
final class DataVersionTracker: Sendable {
    private struct State {
        var probe: Connection?
        var pragmaVersion = Int.min
        var dataVersion = 0
    }

    private let path: String
    private let state: Mutex<State>
    /// The last version read and when (monotonic nanoseconds), for the lock-free fast path.
    private let lastVersion = Atomic<Int>(Int.min)
    private let lastCheck = Atomic<UInt64>(0)
    /// How long a version read stays fresh (`APIConfiguration.dataVersionFreshness`).
    private let freshnessNanoseconds: UInt64
    /// A background read is queued or running (at most one at a time).
    private let refreshing = Atomic<Bool>(false)
    private let refreshQueue = DispatchQueue(label: "dossier.data-version")

    init(path: String, freshness: Duration = .milliseconds(1)) {
        self.path = path
        self.state = Mutex(State())
        let (seconds, attoseconds) = freshness.components
        self.freshnessNanoseconds = UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    /// Forgets the cached version so the next `current()` asks SQLite (after a write by this process).
    /// Under the lock that reads are published under, so a read begun before the write cannot publish its
    /// older version after this.
    func invalidate() {
        state.withLock { _ in lastCheck.store(0, ordering: .releasing) }
    }

    /// The data version when the last read of it is still fresh, else nil; never touches SQLite or a lock.
    /// Past half the window (or past all of it) it has the version read again in the background.
    func currentIfFresh() -> Int? {
        let checked = lastCheck.load(ordering: .acquiring)
        guard checked != 0 else { return nil }
        let age = DispatchTime.now().uptimeNanoseconds &- checked
        if age >= freshnessNanoseconds / 2 { refreshInBackground() }
        guard age < freshnessNanoseconds else { return nil }
        let version = lastVersion.load(ordering: .acquiring)
        return version == Int.min ? nil : version
    }

    /// Reads the version on `refreshQueue` unless a read is already on its way; with no window, never.
    private func refreshInBackground() {
        guard freshnessNanoseconds > 0,
              refreshing.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        refreshQueue.async { [self] in
            read(at: DispatchTime.now().uptimeNanoseconds)
            refreshing.store(false, ordering: .releasing)
        }
    }

    /// The data version now; on any error, a value that matches no cache entry (so nothing stale is served).
    func current() -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        let checked = lastCheck.load(ordering: .acquiring)
        if checked != 0, now &- checked < freshnessNanoseconds {
            let version = lastVersion.load(ordering: .acquiring)
            if version != Int.min { return version }
        }
        return read(at: now)
    }

    /// Asks SQLite and publishes the answer as read at `now` (taken before asking, so it never looks fresher
    /// than it is).
    @discardableResult
    private func read(at now: UInt64) -> Int {
        state.withLock { state in
            let version = probe(&state)
            lastVersion.store(version == -1 ? Int.min : version, ordering: .releasing)
            lastCheck.store(version == -1 ? 0 : now, ordering: .releasing)
            return version
        }
    }

    private func probe(_ state: inout State) -> Int {
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
