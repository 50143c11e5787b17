import SQLiteDB

/// The `meta` table: small settings and counters.
public enum Meta {
    public static let dataVersionKey = "data_version"
    public static let seededKey = "seeded"
    public static let cursorKeyKey = "cursor_key"

    public static func value(_ key: String, _ connection: Connection) throws -> String? {
        try connection.scalar(String.self, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    public static func setValue(_ key: String, _ value: String, _ connection: Connection) throws {
        try connection.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    public static func dataVersion(_ connection: Connection) throws -> Int {
        try value(dataVersionKey, connection).flatMap { Int($0) } ?? 0
    }

    static func bumpDataVersion(_ connection: Connection) throws {
        try connection.execute(
            sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'", arguments: [])
    }
}
