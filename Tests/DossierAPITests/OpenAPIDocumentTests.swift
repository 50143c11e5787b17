import DossierAPI
import Foundation
import HTTPServer
import Testing

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static func document() throws -> [String: Any] {
        let harness = try Harness()
        let response = harness.get("/openapi.json")
        #expect(response.status.code == 200)
        return try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test("is OpenAPI 3.1 and describes every route and operation of the router")
    func describesRoutes() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let expected: [String: Set<String>] = [
            "/v1/articles": ["get", "post"], "/v1/articles/{id}": ["get", "delete"], "/v1/entities": ["get"],
            "/v1/entities/{id}": ["get"], "/v1/entities/{id}/timeline": ["get"], "/v1/timeline": ["get"], "/v1/graph": ["get"],
            "/healthz": ["get"], "/readyz": ["get"], "/metrics": ["get"], "/openapi.json": ["get"],
        ]
        #expect(Set(paths.keys) == Set(expected.keys))
        let harness = try Harness()
        for (path, methods) in expected {
            #expect(Set(paths[path]?.keys.filter { $0 != "parameters" } ?? []) == methods, "\(path)")
            let concrete = path.replacingOccurrences(of: "{id}", with: "iran")
            for method in methods {
                let operation = try #require(paths[path]?[method] as? [String: Any])
                #expect(operation["operationId"] is String)
                #expect(operation["responses"] is [String: Any])
            }
            // The path exists in the router: anything but a 404 from routing for its methods' absence.
            let status = harness.request(.put, concrete).status.code
            #expect(status == 405, "\(path)")
        }
    }

    @Test("documents the statuses the router answers")
    func documentsStatuses() throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        func statuses(_ path: String, _ method: String) -> Set<String> {
            Set(((paths[path]?[method] as? [String: Any])?["responses"] as? [String: Any])?.keys.map { $0 } ?? [])
        }
        #expect(statuses("/v1/articles", "get") == ["200", "304", "400"])
        #expect(statuses("/v1/articles", "post").isSuperset(of: ["200", "201", "400", "401", "403", "413", "415"]))
        #expect(statuses("/v1/articles/{id}", "delete").isSuperset(of: ["204", "401", "403", "404"]))
        #expect(statuses("/v1/entities/{id}", "get").isSuperset(of: ["200", "304", "404"]))
        #expect(statuses("/readyz", "get") == ["200", "503"])
    }
}

extension OpenAPIDocumentTests {
    /// Writes the document where `DOSSIER_OPENAPI_OUT` says, for validators outside the test run.
    @Test("writes the document for external validation when asked")
    func export() throws {
        guard let path = ProcessInfo.processInfo.environment["DOSSIER_OPENAPI_OUT"] else { return }
        let harness = try Harness()
        try Data(harness.get("/openapi.json").body).write(to: URL(fileURLWithPath: path))
    }
}
