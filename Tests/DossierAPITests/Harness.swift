import DossierTestSupport
import DossierAPI
import DossierIngest
import DossierModel
import DossierStore
import Foundation
import HTTPServer
import Logging
import SQLiteDB

enum HarnessError: Error {
    case seeding(String)
}

/// Writes through the fixture's raw SQL, with the Ingestor's outcomes (created, updated, unchanged).
struct FixtureWriter: ArticleWriting {
    let store: DossierStore

    func ingest(_ submission: ArticleInput) throws -> IngestOutcome {
        let id = submission.id ?? "h" + String(UInt64(bitPattern: Int64(submission.body.hashValue)), radix: 16)
        return try store.write { db in
            let existing = try db.scalar(String.self, sql: "SELECT body FROM articles WHERE id = ?", arguments: [id])
            if existing == submission.body { return IngestOutcome(articleID: id, status: .unchanged) }
            if existing != nil { _ = try Fixture.delete(id: id, db) }
            let title = submission.title ?? String(submission.body.prefix(40))
            try Fixture.insert(.init(id: id, title: title, body: submission.body, publishedAt: submission.publishedAt?.iso,
                                     ingestedAt: "2026-03-01T00:00:00Z", language: submission.language ?? "en",
                                     source: submission.source), db)
            return IngestOutcome(articleID: id, status: existing == nil ? .created : .updated)
        }
    }

    func deleteArticle(id: String) throws -> Bool {
        try store.write { try Fixture.delete(id: id, $0) }
    }
}

/// The router over a fixture database, driven without a socket.
final class Harness: @unchecked Sendable {
    let fixture: Fixture
    let router: DossierRouter
    let readiness = Readiness(ready: true)

    /// The repository's `seeds/` folder.
    static let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path

    /// - Parameters:
    ///   - samples: fill the database with the raw-SQL samples (exact control of dates, mentions and events).
    ///   - seeded: instead, ingest the repository's seeds through `Seeder` (the real ingest path) and write through
    ///     `IngestorWriter`, as the served API does.
    init(token: String? = "secret-token", corsOrigins: [String]? = nil, samples: Bool = true, seeded: Bool = false, freshness: Duration = .milliseconds(1),
         gzip: (@Sendable ([UInt8]) -> [UInt8]?)? = nil) throws {
        fixture = try Fixture()
        let writer: any ArticleWriting
        if seeded {
            let (outcome, _) = try Seeder(store: fixture.store).seedIfNeeded(folder: Self.seedsFolder)
            guard case .seeded(_, 0) = outcome else { throw HarnessError.seeding("\(outcome)") }
            writer = IngestorWriter(store: fixture.store)
        } else {
            if samples { try fixture.insertSamples() }
            writer = FixtureWriter(store: fixture.store)
        }
        var quiet = Logger(label: "dossier.access")
        quiet.logLevel = .warning
        var configuration = APIConfiguration(apiToken: token, corsOrigins: corsOrigins, maxBodyBytes: 64 * 1024, gzip: gzip)
        configuration.dataVersionFreshness = freshness
        router = makeRouter(
            store: fixture.store,
            configuration: configuration, readiness: readiness, writer: writer, logger: quiet)
    }

    func request(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) -> HTTPResponse {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        var query: [(name: String, value: String)] = []
        if parts.count == 2 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ text: Substring) -> String {
                    String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
                }
                query.append((name: decode(pair[0]), value: pair.count > 1 ? decode(pair[1]) : ""))
            }
        }
        return router.handle(HTTPRequest(method: method, target: target, path: path, query: query,
                                         headers: HTTPHeaders(headers.map { (name: $0.0, value: $0.1) }), body: body))
    }

    func get(_ target: String, headers: [(String, String)] = []) -> HTTPResponse {
        request(.get, target, headers: headers)
    }

    func post(_ json: String, token: String? = "secret-token", contentType: String = "application/json") -> HTTPResponse {
        var headers = [("Content-Type", contentType)]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return request(.post, "/v1/articles", headers: headers, body: Array(json.utf8))
    }
}

extension HTTPResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
    var ids: [String] { items.compactMap { $0["id"] as? String } }
    var nextCursor: String? { json["nextCursor"] as? String }

    var invalidNames: [String] {
        (json["invalidParams"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    func header(_ name: String) -> String? { headers[name] }
}

func percentEncoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}
