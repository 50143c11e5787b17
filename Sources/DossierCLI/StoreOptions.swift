import ArgumentParser
import DossierStore

/// `--db`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file (env DOSSIER_DB).", valueName: "path"))
    var db: String?

    func path(_ settings: Settings = Settings()) -> String {
        settings.string(flag: db, variable: "DOSSIER_DB", default: "./dossier.sqlite")
    }

    /// Opens the store, applying pending migrations; a migration problem becomes a clear message.
    func openStore(_ settings: Settings = Settings()) throws -> DossierStore {
        let path = path(settings)
        do {
            return try DossierStore(path: path)
        } catch {
            throw CLIError("cannot open \(path): \(error)")
        }
    }
}

/// A message for the user, printed as `error: …` with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
