import HTTPServer

/// One parameter that was refused, and why (RFC 9457 extension member `invalidParams`).
public struct InvalidParameter: Sendable, Hashable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}

/// Every error the API answers, rendered as `application/problem+json` (RFC 9457) with a stable `type` URI.
public enum APIError: Error, Sendable {
    case invalidParameters([InvalidParameter])
    case invalidBody(String, [InvalidParameter])
    case notFound(String)
    case routeNotFound(path: String)
    case methodNotAllowed(allowed: [HTTPMethod])
    case unauthorized
    case forbidden
    case payloadTooLarge(limit: Int)
    case unsupportedMediaType(String?)
    case notReady
    case notImplemented(String)
    case internalError

    var status: HTTPStatus {
        switch self {
        case .invalidParameters, .invalidBody: return .badRequest
        case .notFound, .routeNotFound: return .notFound
        case .methodNotAllowed: return .methodNotAllowed
        case .unauthorized: return .unauthorized
        case .forbidden: return .forbidden
        case .payloadTooLarge: return .contentTooLarge
        case .unsupportedMediaType: return .unsupportedMediaType
        case .notReady: return .serviceUnavailable
        case .notImplemented: return .notImplemented
        case .internalError: return .internalServerError
        }
    }

    /// The stable problem type (a relative URI reference, documented in the OpenAPI document).
    var type: String {
        switch self {
        case .invalidParameters: return "/problems/invalid-parameter"
        case .invalidBody: return "/problems/invalid-body"
        case .notFound, .routeNotFound: return "/problems/not-found"
        case .methodNotAllowed: return "/problems/method-not-allowed"
        case .unauthorized: return "/problems/unauthorized"
        case .forbidden: return "/problems/forbidden"
        case .payloadTooLarge: return "/problems/payload-too-large"
        case .unsupportedMediaType: return "/problems/unsupported-media-type"
        case .notReady: return "/problems/not-ready"
        case .notImplemented: return "/problems/not-implemented"
        case .internalError: return "/problems/internal-error"
        }
    }

    var title: String {
        switch self {
        case .invalidParameters: return "Invalid parameter"
        case .invalidBody: return "Invalid request body"
        case .notFound, .routeNotFound: return "Not found"
        case .methodNotAllowed: return "Method not allowed"
        case .unauthorized: return "Unauthorized"
        case .forbidden: return "Forbidden"
        case .payloadTooLarge: return "Payload too large"
        case .unsupportedMediaType: return "Unsupported media type"
        case .notReady: return "Not ready"
        case .notImplemented: return "Not implemented"
        case .internalError: return "Internal server error"
        }
    }

    var detail: String {
        switch self {
        case .invalidParameters(let parameters):
            return parameters.map { "\($0.name): \($0.reason)" }.joined(separator: "; ")
        case .invalidBody(let detail, _): return detail
        case .notFound(let what): return what
        case .routeNotFound(let path): return "no resource at \(path)"
        case .methodNotAllowed(let allowed):
            return "this resource allows \(allowed.map(\.rawValue).joined(separator: ", "))"
        case .unauthorized: return "this operation needs Authorization: Bearer with the server's token"
        case .forbidden: return "writes are disabled: the server has no API token configured"
        case .payloadTooLarge(let limit): return "the request body exceeds \(limit) bytes"
        case .unsupportedMediaType(let type):
            return "the request body must be application/json" + (type.map { ", not \($0)" } ?? "")
        case .notReady: return "the database is not open, migrated and seeded yet"
        case .notImplemented(let method): return "the method \(method) is not recognised"
        case .internalError: return "an unexpected error occurred; it was logged with the request id"
        }
    }

    var invalidParams: [InvalidParameter] {
        switch self {
        case .invalidParameters(let parameters), .invalidBody(_, let parameters): return parameters
        default: return []
        }
    }

    /// The problem document.
    var json: JSON {
        var members: [(String, JSON)] = [
            ("type", .string(type)), ("title", .string(title)), ("status", .int(status.code)), ("detail", .string(detail)),
        ]
        if !invalidParams.isEmpty {
            members.append(("invalidParams", .array(invalidParams.map {
                .object([("name", .string($0.name)), ("reason", .string($0.reason))])
            })))
        }
        return .object(members)
    }

    func response() -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/problem+json")
        headers.add(name: "Cache-Control", value: "no-store")
        switch self {
        case .methodNotAllowed(let allowed):
            headers.add(name: "Allow", value: allowed.map(\.rawValue).joined(separator: ", "))
        case .unauthorized:
            headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"dossier\"")
        case .notReady:
            headers.add(name: "Retry-After", value: "5")
        default:
            break
        }
        return HTTPResponse(status: status, headers: headers, body: json.serialized())
    }
}
