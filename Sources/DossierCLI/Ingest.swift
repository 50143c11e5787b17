import ArgumentParser
import DossierIngest
import Foundation

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest .txt, .json and .jsonl articles from files or folders.",
        discussion: """
            Each article lands in its own transaction with its entities and events; a bad file is reported with \
            its name, line and reason and the rest of the batch still lands. Exit status: 0 when every article \
            landed, 1 when some failed, 64 on a usage error.
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Refuse files larger than this many bytes.")
    var maxFileBytes: Int = SourceFile.defaultMaximumBytes

    @Flag(name: .long, help: "Print one line per article.")
    var verbose = false

    @Argument(help: ArgumentHelp("Files or folders to ingest.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to ingest") }
        guard maxFileBytes > 0 else { throw ValidationError("--max-file-bytes must be positive") }
    }

    func run() throws {
        let opened = try store.openStore()
        let batch = BatchIngestor(ingestor: Ingestor(store: opened), maximumFileBytes: maxFileBytes)
        let progress = ProgressReporter(interactive: isatty(STDERR_FILENO) == 1)
        let report = batch.run(paths: paths) { done, total, articles in progress.update(done: done, total: total, articles: articles) }
        progress.finish()
        if verbose {
            for (file, outcome) in report.outcomes { print("\(outcome.status.rawValue) \(outcome.articleID) (\(file))") }
        }
        for failure in report.failures { FileHandle.standardError.write(Data("failed: \(failure)\n".utf8)) }
        print(report.summary)
        if !report.succeeded { throw ExitCode.failure }
    }
}
