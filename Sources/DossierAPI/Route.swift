import HTTPServer

/// A path template matched segment by segment: literals and typed parameters, nothing else.
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// A public id: one non-empty segment (any characters; an id that names nothing is a 404 later).
        case identifier(String)
    }

    public let segments: [Segment]

    public init(_ segments: [Segment]) {
        self.segments = segments
    }

    /// `/v1/articles/{id}` style text, used as the metric and access-log label.
    public var description: String {
        "/" + segments.map {
            switch $0 {
            case .literal(let text): return text
            case .identifier(let name): return "{\(name)}"
            }
        }.joined(separator: "/")
    }

    /// The parameters when `pathSegments` match, else nil. Exact: a trailing slash is one more (empty) segment.
    func match(_ pathSegments: [Substring]) -> PathParameters? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters = PathParameters()
        for (segment, text) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal):
                guard text == literal else { return nil }
            case .identifier(let name):
                guard !text.isEmpty else { return nil }
                parameters.values.append((name, String(text)))
            }
        }
        return parameters
    }
}

/// Values of a template's parameters, by name.
public struct PathParameters: Sendable {
    var values: [(String, String)] = []

    /// The value of a parameter the template declares (a missing one is a programming error caught by tests).
    func identifier(_ name: String) -> String {
        values.first { $0.0 == name }?.1 ?? ""
    }
}

/// What a request is for, once routed: each case one operation of the contract.
enum Operation: String, Sendable, CaseIterable {
    case listArticles, getArticle, createArticle, deleteArticle
    case listEntities, getEntity, entityTimeline
    case timeline, graph
    case health, readiness, metrics, openAPI

    /// Operational endpoints carry no ETag and are not cached.
    var isOperational: Bool {
        switch self {
        case .health, .readiness, .metrics, .openAPI: return true
        default: return false
        }
    }

    var isWrite: Bool { self == .createArticle || self == .deleteArticle }

    /// GETs under `/v1`, answered through the response cache.
    var isCachedRead: Bool { !isOperational && !isWrite }
}

/// One path and the methods it allows. `HEAD` (wherever `GET` is) and `OPTIONS` are added by the router.
struct Route: Sendable {
    let template: PathTemplate
    let operations: [(HTTPMethod, Operation)]

    /// Methods for `Allow` and CORS preflight, in a stable order.
    var allowedMethods: [HTTPMethod] {
        var methods = operations.map(\.0)
        if methods.contains(.get) { methods.insert(.head, at: methods.firstIndex(of: .get)! + 1) }
        methods.append(.options)
        return methods
    }

    func operation(for method: HTTPMethod) -> Operation? {
        let lookup = method == .head ? HTTPMethod.get : method
        return operations.first { $0.0 == lookup }?.1
    }
}

/// The route table of API.md.
enum RouteTable {
    static let routes: [Route] = [
        Route(template: PathTemplate([.literal("v1"), .literal("articles")]),
              operations: [(.get, .listArticles), (.post, .createArticle)]),
        Route(template: PathTemplate([.literal("v1"), .literal("articles"), .identifier("id")]),
              operations: [(.get, .getArticle), (.delete, .deleteArticle)]),
        Route(template: PathTemplate([.literal("v1"), .literal("entities")]), operations: [(.get, .listEntities)]),
        Route(template: PathTemplate([.literal("v1"), .literal("entities"), .identifier("id")]), operations: [(.get, .getEntity)]),
        Route(template: PathTemplate([.literal("v1"), .literal("entities"), .identifier("id"), .literal("timeline")]),
              operations: [(.get, .entityTimeline)]),
        Route(template: PathTemplate([.literal("v1"), .literal("timeline")]), operations: [(.get, .timeline)]),
        Route(template: PathTemplate([.literal("v1"), .literal("graph")]), operations: [(.get, .graph)]),
        Route(template: PathTemplate([.literal("healthz")]), operations: [(.get, .health)]),
        Route(template: PathTemplate([.literal("readyz")]), operations: [(.get, .readiness)]),
        Route(template: PathTemplate([.literal("metrics")]), operations: [(.get, .metrics)]),
        Route(template: PathTemplate([.literal("openapi.json")]), operations: [(.get, .openAPI)]),
    ]

    /// The route whose template matches `path`, and its parameters.
    static func match(path: String) -> (Route, PathParameters)? {
        guard path.first == "/" else { return nil }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for route in routes {
            if let parameters = route.template.match(segments) { return (route, parameters) }
        }
        return nil
    }
}
