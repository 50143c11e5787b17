import ArgumentParser
import DossierAPI
import DossierIngest
import DossierStore
import Foundation
import HTTPServer
import Logging

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API; migrates the database and ingests the seeds on first start.",
        discussion: """
            The server listens at once (GET /healthz answers) and reports ready on GET /readyz once the database \
            is migrated and seeded. SIGTERM or SIGINT stop it gracefully: no new connections, in-flight requests \
            finish within the grace period, then exit 0.

            Limits also come from DOSSIER_MAX_CONNECTIONS, DOSSIER_HEADER_TIMEOUT, DOSSIER_BODY_TIMEOUT, \
            DOSSIER_IDLE_TIMEOUT, DOSSIER_MAX_BODY_BYTES, DOSSIER_MAX_HEADER_BYTES, DOSSIER_MAX_HEADER_COUNT, \
            DOSSIER_MAX_REQUEST_LINE, DOSSIER_BACKLOG and DOSSIER_HANDLER_CONCURRENCY; a flag beats its variable.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    @Option(name: .long, help: "Address to listen on, IPv4 or IPv6 (env DOSSIER_HOST, default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Port; 0 picks a free one (env DOSSIER_PORT, default 8080).")
    var port: Int?

    @Option(name: .long, help: "Folder of articles ingested once into a new database (env DOSSIER_SEEDS, default ./seeds).")
    var seeds: String?

    @Flag(name: .long, help: "Do not ingest the seeds.")
    var noSeed = false

    @Option(name: .long, help: "Most simultaneous connections; clients over it get 503 (env DOSSIER_MAX_CONNECTIONS).")
    var maxConnections: Int?

    @Option(name: .long, help: "Seconds a client has to send a request's headers (env DOSSIER_HEADER_TIMEOUT).")
    var headerTimeout: Double?

    @Option(name: .long, help: "Seconds a client has to send a request's body (env DOSSIER_BODY_TIMEOUT).")
    var bodyTimeout: Double?

    @Option(name: .long, help: "Seconds an idle keep-alive connection stays open (env DOSSIER_IDLE_TIMEOUT).")
    var idleTimeout: Double?

    @Option(name: .long, help: "Largest request body in bytes (env DOSSIER_MAX_BODY_BYTES).")
    var maxBodyBytes: Int?

    @Option(name: .long, help: "Seconds in-flight requests get to finish on shutdown.")
    var shutdownGrace: Double = 10

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be 0–65535") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1") }
        for (name, value) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] {
            if let value, !(value > 0) { throw ValidationError("\(name) must be a positive number of seconds") }
        }
        if let maxBodyBytes, maxBodyBytes < 1 { throw ValidationError("--max-body-bytes must be positive") }
    }

    /// The server's limits table: defaults, then `DOSSIER_*` variables, then flags.
    func limits(_ settings: Settings) throws -> ServerLimits {
        var limits: ServerLimits
        do {
            limits = try ServerLimits.fromEnvironment(settings.environment)
        } catch {
            throw CLIError("\(error)")
        }
        if let maxConnections { limits.maxConnections = maxConnections }
        if let headerTimeout { limits.headerTimeout = headerTimeout }
        if let bodyTimeout { limits.bodyTimeout = bodyTimeout }
        if let idleTimeout { limits.idleTimeout = idleTimeout }
        if let maxBodyBytes { limits.maxBodyBytes = maxBodyBytes }
        return limits
    }

    func run() throws {
        // glibc gives each thread that allocates its own arena, which keeps freed memory: with handler and I/O
        // threads that inflates RSS several-fold. Two arenas are plenty for this server.
        #if os(Linux)
        _ = glibcMallopt(-8 /* M_ARENA_MAX, malloc.h */, 2)
        // A fixed mmap threshold: buffers of 256 KiB and more (a large graph answer is megabytes) are mapped and
        // unmapped on free. glibc otherwise raises the threshold after the first such free and serves later large
        // buffers from the heap, which keeps their peak resident after they are freed.
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 256 * 1024)
        #endif
        let settings = Settings()
        logging.bootstrap(settings, batched: true)
        let logger = Logger(label: "dossier")
        let opened = try store.openStore(settings)
        // A migration that builds an index sorts in memory (temp_store=MEMORY) and fills the writer's page cache;
        // hand both back before serving, or the peak stays in the process's resident set for its whole life.
        try opened.releaseMemory()
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
        let limits = try limits(settings)

        var apiConfiguration = APIConfiguration.fromEnvironment(settings.environment)
        apiConfiguration.maxBodyBytes = limits.maxBodyBytes
        apiConfiguration.gzip = { Gzip.compress($0) }
        let readiness = Readiness(ready: false)
        let router = makeRouter(store: opened, configuration: apiConfiguration, readiness: readiness)

        let host = settings.string(flag: self.host, variable: "DOSSIER_HOST", default: "127.0.0.1")
        let port = try settings.port(flag: self.port, variable: "DOSSIER_PORT", default: 8080)
        let serverLogger = Logger(label: "dossier.http")
        let server = HTTPServer(
            configuration: ServerConfiguration(host: host, port: port, limits: limits),
            handler: router,
            log: { level, message in
                switch level {
                case .debug: serverLogger.debug("\(message)")
                case .info: serverLogger.info("\(message)")
                case .warning: serverLogger.warning("\(message)")
                case .error: serverLogger.error("\(message)")
                }
            })
        let address: SocketAddress
        do {
            address = try server.start()
        } catch {
            throw CLIError("cannot listen on \(host):\(port): \(error)")
        }
        let signals = server.shutdownOnSignals(gracePeriod: .milliseconds(Int(shutdownGrace * 1000)))
        // Written straight to the descriptor: stdout may be a pipe, where print() would sit in a buffer.
        FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))

        if !noSeed {
            let folder = settings.string(flag: seeds, variable: "DOSSIER_SEEDS", default: "./seeds")
            let (outcome, report) = try Seeder(store: opened).seedIfNeeded(folder: folder)
            switch outcome {
            case .alreadySeeded:
                logger.info("database already seeded")
            case .seeded(let created, let failed):
                logger.info("seeded \(created) articles from \(folder)\(failed > 0 ? " (\(failed) failed)" : "")")
                report?.failures.forEach { logger.warning("seed file failed: \($0)") }
            case .noSeedsFolder(let path):
                logger.warning("no seeds folder at \(path); starting with an empty database")
            }
        }
        readiness.markReady()
        logger.info("ready")
        server.waitUntilStopped()
        signals.cancel()
        logger.info("stopped")
    }
}

#if os(Linux)
/// glibc's `int mallopt(int param, int value)` (malloc.h is not part of the Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// glibc's `int malloc_trim(size_t pad)`: returns free heap memory to the system.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
