import ArgumentParser

/// `dossier`: serve the API, ingest articles, migrate, back up, and probe health.
@main
struct Dossier: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A self-hosted news-intelligence API: who is named, what happened when, and which articles say so.",
        version: version,
        subcommands: [Serve.self, Ingest.self, Migrate.self, Backup.self, Healthcheck.self],
        defaultSubcommand: nil
    )
}
