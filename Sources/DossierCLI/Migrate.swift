import ArgumentParser
import DossierStore

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending schema migrations (serve and ingest also do this).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let path = store.path()
        let applied: [String]
        do {
            applied = try DossierStore(unmigratedPath: path).migrate()
        } catch {
            throw CLIError("cannot migrate \(path): \(error)")
        }
        print(applied.isEmpty ? "\(path): schema up to date" : "\(path): applied \(applied.joined(separator: ", "))")
    }
}
