import DossierTestSupport
import DossierAPI
import DossierIngest
import DossierStore
import Foundation
import Glibc
import HTTPServer
import HTTPTestSupport
import Logging

/// The real server in this process: `HTTPServer` and `makeRouter` on 127.0.0.1 port 0, over a database in a
/// temporary folder seeded from the repository's `seeds/` through `Seeder` (the ingest path the CLI uses).
final class SeededServer {
    static let token = "wire-test-token"
    let folder: TemporaryDirectory
    let databasePath: String
    let store: DossierStore
    let server: HTTPServer
    let port: Int

    init() throws {
        folder = try TemporaryDirectory()
        databasePath = folder.path("dossier.sqlite")
        store = try DossierStore(path: databasePath)
        let seeds = DossierProcess.packageRoot.appendingPathComponent("seeds").path
        let (outcome, _) = try Seeder(store: store).seedIfNeeded(folder: seeds)
        guard case .seeded(let created, 0) = outcome, created == 3 else {
            throw SeedingFailed(outcome: outcome)
        }
        let configuration = APIConfiguration(apiToken: Self.token, maxBodyBytes: 1 << 20, gzip: { Gzip.compress($0) })
        var quiet = Logger(label: "dossier.access")
        quiet.logLevel = .warning
        let router = makeRouter(store: store, configuration: configuration, readiness: Readiness(ready: true), logger: quiet)
        var limits = ServerLimits()
        limits.headerTimeout = 5
        limits.bodyTimeout = 5
        limits.idleTimeout = 10
        server = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, limits: limits), handler: router)
        port = try server.start().port
    }

    func connect() throws -> RawClient {
        try RawClient(port: port, receiveTimeout: 10)
    }

    deinit {
        server.shutdown(gracePeriod: .seconds(1))
        _ = server.waitUntilStopped(timeout: .seconds(5))
    }
}

struct SeedingFailed: Error {
    var outcome: Seeder.Outcome
}
