import Crypto
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
        let submission = try Self.submission(from: request.body)
        let outcome: ArticleWriteOutcome
        do {
            outcome = try writer.ingest(submission)
        } catch let rejection as ArticleRejection {
            throw APIError.invalidBody(rejection.reason, [InvalidParameter(name: rejection.field ?? "body", reason: rejection.reason)])
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
        guard try writer.deleteArticle(id: id) else { throw APIError.notFound("no article with id \(id)") }
        var response = HTTPResponse(status: .noContent)
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }

    /// `{id?, title?, body, publishedAt? (date or instant), source?, language?}`; unknown members are ignored.
    static func submission(from body: [UInt8]) throws(APIError) -> ArticleSubmission {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
            throw .invalidBody("the body is not valid JSON", [InvalidParameter(name: "body", reason: "is not valid JSON")])
        }
        guard let object = parsed as? [String: Any] else {
            throw .invalidBody("the body must be a JSON object", [InvalidParameter(name: "body", reason: "must be a JSON object")])
        }
        var problems: [InvalidParameter] = []
        func text(_ name: String, required: Bool = false) -> String? {
            guard let value = object[name], !(value is NSNull) else {
                if required { problems.append(InvalidParameter(name: name, reason: "is required")) }
                return nil
            }
            guard let string = value as? String else {
                problems.append(InvalidParameter(name: name, reason: "must be a string"))
                return nil
            }
            return string
        }
        let id = text("id")
        if let id, id.isEmpty || id.utf8.count > 200 || !id.utf8.allSatisfy(Self.isIDByte) {
            problems.append(InvalidParameter(name: "id", reason: "must be 1-200 characters of A-Z a-z 0-9 . _ -"))
        }
        let title = text("title")
        let articleBody = text("body", required: true)
        if let articleBody, articleBody.allSatisfy(\.isWhitespace) {
            problems.append(InvalidParameter(name: "body", reason: "must not be empty"))
        }
        var publishedAt: CalendarDate?
        if let value = text("publishedAt") {
            publishedAt = Self.dateOrInstant(value)
            if publishedAt == nil {
                problems.append(InvalidParameter(name: "publishedAt", reason: "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"))
            }
        }
        let source = text("source")
        let language = text("language")
        if let language, language.utf8.count != 2 || !language.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
            problems.append(InvalidParameter(name: "language", reason: "must be an ISO 639-1 code (two lower-case letters)"))
        }
        guard problems.isEmpty, let articleBody else {
            throw .invalidBody(problems.map { "\($0.name): \($0.reason)" }.joined(separator: "; "), problems)
        }
        return ArticleSubmission(id: id, title: title, body: articleBody, publishedAt: publishedAt, source: source, language: language)
    }

    static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// `YYYY-MM-DD`, or an instant `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (its UTC date).
    static func dateOrInstant(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(iso: text) { return date }
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes.last == UInt8(ascii: "Z"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= 48, bytes[index] <= 57 else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let hour = number(11..<13), hour < 24, let minute = number(14..<16), minute < 60,
              let second = number(17..<19), second <= 60 else { return nil }
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."), bytes.count > 21, number(20..<(bytes.count - 1)) != nil else { return nil }
        }
        return date
    }
}
