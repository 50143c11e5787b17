import DossierModel
import Foundation

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

    /// Ingests every article under `paths`; `progress` is called after each file with (files done, total files, articles so far).
    public func run(paths: [String], progress: (Int, Int, Int) -> Void = { _, _, _ in }) -> IngestReport {
        var report = IngestReport()
        let (files, missing) = BatchIngestor.collectFiles(paths)
        missing.forEach { report.record($0) }
        for (index, url) in files.enumerated() {
            for result in SourceFile.read(url, maximumBytes: maximumFileBytes) {
                switch result {
                case .failure(let error):
                    report.record(error)
                case .success(let (article, line)):
                    do {
                        let outcome: IngestOutcome
                        switch article {
                        case .text(let text): outcome = try ingestor.ingest(text, origin: url.path, line: line)
                        case .input(let input): outcome = try ingestor.ingest(input, origin: url.path, line: line)
                        }
                        report.record(outcome, file: url.path)
                    } catch let error as IngestError {
                        report.record(error)
                    } catch {
                        report.record(IngestError(file: url.path, line: line, reason: .storage(String(describing: error))))
                    }
                }
            }
            progress(index + 1, files.count, report.processed)
        }
        return report
    }
}
