import ArgumentParser
import Foundation

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the database, safe while the server runs.")

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("Where to write the copy (must not exist).", valueName: "path"))
    var destination: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw CLIError("\(destination) already exists; choose a new file name")
        }
        let opened = try store.openStore()
        do {
            try opened.backup(to: destination)
        } catch {
            throw CLIError("backup to \(destination) failed: \(error)")
        }
        print("backed up \(store.path()) to \(destination)")
    }
}
