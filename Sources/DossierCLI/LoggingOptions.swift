import ArgumentParser
import Foundation
import Logging

/// `--log-level`, beating `DOSSIER_LOG_LEVEL`; logs go to standard error.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (env DOSSIER_LOG_LEVEL, default info).", valueName: "level"))
    var logLevel: String?

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel.lowercased()) == nil {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func level(_ settings: Settings) -> Logger.Level {
        let text = settings.string(flag: logLevel, variable: "DOSSIER_LOG_LEVEL", default: "info").lowercased()
        return Logger.Level(rawValue: text) ?? .info
    }

    /// - Parameter batched: write lines in batches (`BatchedLogHandler`), for the server's access log.
    func bootstrap(_ settings: Settings, batched: Bool = false) {
        let level = level(settings)
        LoggingSystem.bootstrap { label in
            if batched {
                var handler = BatchedLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
