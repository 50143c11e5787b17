import SQLiteDB

/// The schema migrations, embedded at build time from `migrations/*.sql` (see `EmbedFilesPlugin`), so the
/// release binary in a container needs no resource folder beside it.
public enum SchemaMigrations {
    /// The embedded files, `(file name, SQL)`, sorted by name.
    public static var files: [(name: String, contents: String)] { EmbeddedFiles.files }

    public static func makeMigrator() throws -> Migrator {
        try Migrator(files: EmbeddedFiles.files)
    }
}
