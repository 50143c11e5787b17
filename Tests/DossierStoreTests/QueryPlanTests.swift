import DossierTestSupport
import DossierStore
import Foundation
import SQLiteDB
import Testing

@Suite("Query plans")
struct QueryPlanTests {
    /// Table names and the aliases the queries give them: a SCAN of one of these without an index is a full scan.
    static let tables: Set<String> = [
        "articles", "entities", "entity_aliases", "entity_keys", "mentions", "article_entities", "article_cooccurrences",
        "cooccurrences", "events", "event_entities", "meta",
        "a", "ae", "e", "ev", "ee", "m", "c",
    ]

    static var statements: [String] {
        ArticleListSQL.allStatements + EntitySQL.allStatements + TimelineSQL.allStatements + GraphSQL.allStatements
    }

    @Test("every query of the API walks an index: no full table scan (FTS5 and json_each virtual tables aside)")
    func everyQueryUsesIndexes() throws {
        let fixture = try Fixture()
        try fixture.insertSamples()
        var failures: [String] = []
        try fixture.store.read { db in
            for sql in Self.statements {
                let parameters = sql.filter { $0 == "?" }.count
                let arguments = [any SQLiteValueConvertible](repeating: SQLiteValue.null, count: parameters)
                let plan = try db.rows(sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                    .map { try $0.get("detail", as: String.self) }
                if ProcessInfo.processInfo.environment["DOSSIER_PLAN_DUMP"] != nil { print("## \(sql)\n   " + plan.joined(separator: "\n   ")) }
                for line in plan where line.hasPrefix("SCAN ") {
                    let words = line.split(separator: " ")
                    let name = String(words[1])
                    let usesIndex = line.contains(" USING INDEX ") || line.contains(" USING COVERING INDEX ")
                        || line.contains(" VIRTUAL TABLE ")
                    if Self.tables.contains(name) && !usesIndex {
                        failures.append("\(line)\n    in \(sql)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "full scans:\n\(failures.joined(separator: "\n"))")
        #expect(Self.statements.count > 50)
    }
}
