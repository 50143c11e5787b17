import Crypto
import DossierIngest
import DossierModel
import DossierStore
import Foundation
import HTTPServer

extension DossierRouter {
    /// `Authorization: Bearer TOKEN` against the configured token, compared in constant time (digests of both,
    /// so not even the length leaks). No token configured: writes are off (403).
    func authorize(_ request: HTTPRequest) throws(APIError) {
        guard let token = configuration.apiToken else { throw .forbidden }
        guard let header = request.headers["Authorization"] else { throw .unauthorized }
        let parts = header.trimmingSpaces.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .unauthorized }
        let presented = SHA256.hash(data: Array(String(parts[1]).trimmingSpaces.utf8))
        let expected = SHA256.hash(data: Array(token.utf8))
        var difference: UInt8 = 0
        for (a, b) in zip(presented, expected) { difference |= a ^ b }
        guard difference == 0 else { throw .unauthorized }
    }

    func createArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        try authorize(request)
        let mediaType = request.headers["Content-Type"].map {
            String($0.split(separator: ";", maxSplits: 1).first ?? "").trimmingSpaces.lowercased()
        }
        guard mediaType == "application/json" else { throw APIError.unsupportedMediaType(request.headers["Content-Type"]) }
        guard request.body.count <= configuration.maxBodyBytes else {
            throw APIError.payloadTooLarge(limit: configuration.maxBodyBytes)
        }
        let outcome: IngestOutcome
        do {
            // The same record rules as `.json` files: `{id?, title?, body, publishedAt? (date or instant), source?, language?}`.
            let input = try ArticleJSON.decode(Data(request.body), file: "request body", line: nil).get()
            outcome = try writer.ingest(input)
            versions.invalidate()
        } catch let error as IngestError {
            switch error.reason {
            case .invalidField(let name, let problem):
                throw APIError.invalidBody("\(name) \(problem)", [InvalidParameter(name: name, reason: problem)])
            case .malformedJSON(let detail):
                throw APIError.invalidBody("the body is not valid JSON: \(detail)", [InvalidParameter(name: "body", reason: "is not a valid JSON object")])
            case .empty:
                throw APIError.invalidBody("the body is empty", [InvalidParameter(name: "body", reason: "must not be empty")])
            default:
                throw error
            }
        }
        guard let article = try store.read({ try ArticleQueries($0).article(id: outcome.articleID) }) else {
            throw APIError.internalError
        }
        var response = HTTPResponse(status: outcome.status == .created ? .created : .ok)
        response.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        response.headers.add(name: "Cache-Control", value: "no-store")
        if outcome.status == .created {
            response.headers.add(name: "Location", value: "/v1/articles/\(outcome.articleID)")
        }
        response.body = Representation.article(article, status: outcome.status).serialized()
        return response
    }

    func deleteArticle(id: String, request: HTTPRequest) throws -> HTTPResponse {
        try authorize(request)
        let deleted = try writer.deleteArticle(id: id)
        versions.invalidate()
        guard deleted else { throw APIError.notFound("no article with id \(id)") }
        var response = HTTPResponse(status: .noContent)
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }
}
