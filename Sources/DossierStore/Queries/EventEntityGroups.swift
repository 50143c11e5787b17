import SQLiteDB

/// The entities of several events, read from one statement whose columns are event rowid, entity rowid, then the
/// entity's id, name and type, in the order each event lists them.
///
/// A page of events names the same few entities many times over; each entity's strings are read once and shared.
enum EventEntityGroups {
    static func read(_ connection: Connection, sql: String, arguments: [any SQLiteValueConvertible]) throws -> [Int64: [EntityReference]] {
        var entitiesByEvent: [Int64: [EntityReference]] = [:]
        var references: [Int64: EntityReference] = [:]
        try connection.forEachRow(sql: sql, arguments: arguments) { row in
            let entityRowID = row.int64(1)
            let reference: EntityReference
            if let known = references[entityRowID] {
                reference = known
            } else {
                reference = EntityReference(id: try row.text(2), name: try row.text(3), type: try row.text(4))
                references[entityRowID] = reference
            }
            entitiesByEvent[row.int64(0), default: []].append(reference)
        }
        return entitiesByEvent
    }
}
