import ArgumentParser
import DossierIngest
import DossierStore
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API; migrates the database and ingests the seeds on first start.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Address to listen on, IPv4 or IPv6 (env DOSSIER_HOST, default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Port; 0 picks a free one (env DOSSIER_PORT, default 8080).")
    var port: Int?

    @Option(name: .long, help: "Folder of articles ingested once into a new database (env DOSSIER_SEEDS, default ./seeds).")
    var seeds: String?

    @Flag(name: .long, help: "Do not ingest the seeds.")
    var noSeed = false

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be 0–65535") }
    }

    func run() throws {
        let settings = Settings()
        let opened = try store.openStore(settings)
        if !noSeed {
            let folder = settings.string(flag: seeds, variable: "DOSSIER_SEEDS", default: "./seeds")
            let (outcome, report) = try Seeder(store: opened).seedIfNeeded(folder: folder)
            switch outcome {
            case .alreadySeeded: break
            case .seeded(let created, let failed):
                print("seeded \(created) articles from \(folder)" + (failed > 0 ? " (\(failed) failed)" : ""))
                report?.failures.forEach { FileHandle.standardError.write(Data("failed: \($0)\n".utf8)) }
            case .noSeedsFolder(let path):
                FileHandle.standardError.write(Data("warning: no seeds folder at \(path); starting with an empty database\n".utf8))
            }
        }
        print("database ready at \(store.path(settings)); the HTTP server is not wired in yet")
    }
}
