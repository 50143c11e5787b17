import DossierModel
import SQLiteDB

/// Finds the corpus entity an article's entity refers to, or creates it.
///
/// Order: the same type and canonical key; else an entity of the same type sharing any match key whose name is
/// compatible (for people: one name's words within the other's, same surname — so "Khamenei" joins
/// "Ali Khamenei" but "Mojtaba Khamenei" stays apart), the most mentioned first; else a new entity.
struct EntityResolution {
    let connection: Connection

    func resolve(_ entity: ExtractedEntity) throws -> Int64 {
        if let rowID = try connection.scalar(
            Int64.self, sql: "SELECT rowid FROM entities WHERE type = ? AND canonical_key = ?",
            arguments: [entity.type.rawValue, entity.canonicalKey]) {
            try addKeys(entity, to: rowID)
            return rowID
        }
        var best: (rowID: Int64, name: String, mentions: Int)?
        for key in Set([entity.canonicalKey] + entity.matchKeys) {
            for row in try connection.rows(
                sql: """
                    SELECT e.rowid AS rowid, e.name AS name, e.mention_count AS mentions
                    FROM entity_keys k JOIN entities e ON e.rowid = k.entity_rowid
                    WHERE k.key = ? AND e.type = ?
                    """,
                arguments: [key, entity.type.rawValue]) {
                let name: String = try row.get("name")
                guard NameCompatibility.compatible(name, entity.name, isPerson: entity.type == .person) else { continue }
                let candidate = (rowID: try row.get("rowid", as: Int64.self), name: name, mentions: try row.get("mentions", as: Int.self))
                if best.map({ candidate.mentions > $0.mentions }) ?? true { best = candidate }
            }
        }
        if let best {
            // Keep the fullest common form as the name.
            if NameCompatibility.wordCount(entity.name) > NameCompatibility.wordCount(best.name) {
                try connection.execute(
                    sql: "UPDATE entities SET name = ?, name_fold = ? WHERE rowid = ?",
                    arguments: [entity.name, TextFolding.fold(entity.name), best.rowID])
            }
            try addKeys(entity, to: best.rowID)
            return best.rowID
        }
        try connection.execute(
            sql: "INSERT INTO entities (id, name, name_fold, type, canonical_key) VALUES (?, ?, ?, ?, ?)",
            arguments: [try uniqueID(for: entity), entity.name, TextFolding.fold(entity.name), entity.type.rawValue, entity.canonicalKey])
        let rowID = connection.lastInsertedRowID
        try addKeys(entity, to: rowID)
        return rowID
    }

    private func addKeys(_ entity: ExtractedEntity, to rowID: Int64) throws {
        let statement = try connection.cachedStatement(sql: "INSERT OR IGNORE INTO entity_keys (key, entity_rowid) VALUES (?, ?)")
        for key in Set([entity.canonicalKey] + entity.matchKeys) where !key.isEmpty {
            try statement.execute([key, rowID])
        }
    }

    /// A URL-safe id from the name ("Ali Khamenei" → "ali-khamenei"), made unique with a numeric suffix.
    private func uniqueID(for entity: ExtractedEntity) throws -> String {
        var base = EntitySlug.make(entity.name)
        if base.isEmpty { base = EntitySlug.make(entity.canonicalKey) }
        if base.isEmpty { base = "\(entity.type.rawValue)-\(EntitySlug.shortHash(entity.canonicalKey))" }
        var candidate = base
        var suffix = 2
        while try connection.scalar(Int.self, sql: "SELECT 1 FROM entities WHERE id = ?", arguments: [candidate]) != nil {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}

/// URL-safe entity ids.
enum EntitySlug {
    static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in TextFolding.fold(text).unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return String(slug.prefix(80))
    }

    /// 8 hex digits of FNV-1a, for names with no ASCII letters.
    static func shortHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
