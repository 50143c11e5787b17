import Foundation

/// Shows ingest progress: a bar with count, rate and ETA on a terminal; a plain line at most once a second
/// otherwise (logs and pipes).
final class ProgressReporter {
    private let interactive: Bool
    private let start = Date()
    private var lastPrint = Date.distantPast
    private var printedBar = false

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func update(done: Int, total: Int, articles: Int) {
        let now = Date()
        guard done == total || now.timeIntervalSince(lastPrint) >= (interactive ? 0.1 : 1) else { return }
        lastPrint = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(articles) / elapsed
        let filesRate = Double(done) / elapsed
        let eta = filesRate > 0 ? Double(total - done) / filesRate : 0
        let status = String(format: "%d/%d files  %d articles  %.1f articles/s  ETA %@", done, total, articles, rate, ProgressReporter.clock(eta))
        if interactive {
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(status)\u{1B}[K".utf8))
            printedBar = true
        } else {
            FileHandle.standardError.write(Data("ingest: \(status)\n".utf8))
        }
    }

    func finish() {
        if printedBar { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}
