import Dispatch
import DossierModel
import DossierStore
import Foundation
import Synchronization

/// Ingests files and folders: every article in its own transaction, a bad file reported and skipped, so the rest
/// of the batch lands and a re-run after an interruption completes it (unchanged articles are skipped).
public struct BatchIngestor: Sendable {
    public let ingestor: Ingestor
    public var maximumFileBytes: Int

    public init(ingestor: Ingestor, maximumFileBytes: Int = SourceFile.defaultMaximumBytes) {
        self.ingestor = ingestor
        self.maximumFileBytes = maximumFileBytes
    }

    /// The article files under `paths` (folders walked recursively, hidden files skipped), sorted, or errors for
    /// paths that do not exist.
    public static func collectFiles(_ paths: [String]) -> (files: [URL], missing: [IngestError]) {
        var files: [URL] = []
        var missing: [IngestError] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(IngestError(file: path, reason: .notFound))
                continue
            }
            if !isDirectory.boolValue {
                files.append(URL(fileURLWithPath: path))
                continue
            }
            let root = URL(fileURLWithPath: path)
            guard let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { continue }
            var found: [URL] = []
            for case let url as URL in enumerator where ["txt", "json", "jsonl"].contains(url.pathExtension.lowercased()) {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { found.append(url) }
            }
            files += found.sorted { $0.path < $1.path }
        }
        return (files, missing)
    }

    /// Articles prepared and written together: one transaction (with a savepoint per article) for a group.
    public static let groupSize = 64

    /// Ingests every article under `paths`; `progress` is called as groups land with (files done, total files,
    /// articles so far).
    public func run(paths: [String], progress: (Int, Int, Int) -> Void = { _, _, _ in }) -> IngestReport {
        var report = IngestReport()
        let (files, missing) = BatchIngestor.collectFiles(paths)
        missing.forEach { report.record($0) }
        var pending: [Pending] = []
        for (index, url) in files.enumerated() {
            for result in SourceFile.read(url, maximumBytes: maximumFileBytes) {
                switch result {
                case .failure(let error): report.record(error)
                case .success(let (article, line)): pending.append(Pending(source: article, file: url.path, line: line))
                }
            }
            if pending.count >= BatchIngestor.groupSize || index == files.count - 1 {
                write(pending, into: &report)
                pending.removeAll(keepingCapacity: true)
                progress(index + 1, files.count, report.processed)
            }
        }
        return report
    }

    struct Pending: Sendable {
        var source: ArticleSource
        var file: String
        var line: Int?
    }

    /// Extracts a group on every core, then writes it in one transaction.
    private func write(_ group: [Pending], into report: inout IngestReport) {
        guard !group.isEmpty else { return }
        let prepared = Mutex([Result<PreparedArticle, IngestError>?](repeating: nil, count: group.count))
        DispatchQueue.concurrentPerform(iterations: group.count) { index in
            let item = group[index]
            let result: Result<PreparedArticle, IngestError>
            switch item.source {
            case .text(let text):
                result = .success(ingestor.prepare(text))
            case .input(let input):
                do {
                    result = .success(try ingestor.prepare(input, origin: item.file, line: item.line))
                } catch let error as IngestError {
                    result = .failure(error)
                } catch {
                    result = .failure(IngestError(file: item.file, line: item.line, reason: .storage(String(describing: error))))
                }
            }
            prepared.withLock { $0[index] = result }
        }
        let results = prepared.withLock { $0 }
        var records: [(record: ArticleRecord, item: Pending)] = []
        for (index, result) in results.enumerated() {
            switch result {
            case .success(.record(let record)): records.append((record, group[index]))
            case .success(.known(let outcome)): report.record(outcome, file: group[index].file)
            case .failure(let error): report.record(error)
            case nil: break
            }
        }
        do {
            let statuses = try ingestor.store.upsert(records.map(\.record))
            for ((record, item), status) in zip(records, statuses) {
                switch status {
                case .success(let status): report.record(IngestOutcome(articleID: record.id, status: status), file: item.file)
                case .failure(let error): report.record(IngestError(file: item.file, line: item.line, reason: .storage(error.description)))
                }
            }
        } catch {
            for (_, item) in records {
                report.record(IngestError(file: item.file, line: item.line, reason: .storage(String(describing: error))))
            }
        }
    }
}
