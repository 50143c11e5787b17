import HTTPServer

/// A path template matched segment by segment: literals and typed parameters, nothing else.
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// A public id: one non-empty segment (any characters; an id that names nothing is a 404 later).
        case identifier(String)
    }

    public let segments: [Segment]
    /// `description`, rendered once: it labels every request's metrics sample and access-log line.
    private let rendered: String
    /// The literal segments' bytes (empty for parameters), for matching without building strings.
    private let literals: [[UInt8]]

    public init(_ segments: [Segment]) {
        assert(segments.count <= PathSegments.capacity, "a template longer than PathSegments can hold never matches")
        self.segments = segments
        self.rendered = "/" + segments.map {
            switch $0 {
            case .literal(let text): return text
            case .identifier(let name): return "{\(name)}"
            }
        }.joined(separator: "/")
        self.literals = segments.map {
            if case .literal(let text) = $0 { return Array(text.utf8) }
            return []
        }
    }

    /// `/v1/articles/{id}` style text, used as the metric and access-log label.
    public var description: String { rendered }

    /// The parameters when the path's segments match, else nil. Exact: a trailing slash is one more (empty)
    /// segment. `path` is the path without its leading slash; `bounds` are its segments.
    func match(_ path: UnsafeBufferPointer<UInt8>, _ bounds: PathSegments) -> PathParameters? {
        guard bounds.count == segments.count else { return nil }
        for index in 0..<bounds.count {
            let range = bounds[index]
            if case .literal = segments[index] {
                guard literals[index].elementsEqual(path[range]) else { return nil }
            } else if range.isEmpty {
                return nil
            }
        }
        var parameters = PathParameters()
        for index in 0..<bounds.count {
            if case .identifier(let name) = segments[index] {
                parameters.values.append((name, String(decoding: UnsafeBufferPointer(rebasing: path[bounds[index]]), as: UTF8.self)))
            }
        }
        return parameters
    }
}

/// Where the `/`-separated segments of a path lie, for paths of at most `capacity` segments (no template has
/// more); kept inline so that routing allocates nothing but the parameters' values.
struct PathSegments {
    static let capacity = 4
    private var first = 0..<0, second = 0..<0, third = 0..<0, fourth = 0..<0
    private(set) var count = 0

    /// The segments of `path` (without its leading slash), or nil when there are more than `capacity`.
    init?(_ path: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            switch count {
            case 0: first = start..<index
            case 1: second = start..<index
            case 2: third = start..<index
            case 3: fourth = start..<index
            default: return nil
            }
            count += 1
            start = index + 1
        }
    }

    subscript(index: Int) -> Range<Int> {
        switch index {
        case 0: return first
        case 1: return second
        case 2: return third
        default: return fourth
        }
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
        var path = path
        return path.withUTF8 { bytes -> (Route, PathParameters)? in
            guard bytes.first == UInt8(ascii: "/") else { return nil }
            let rest = UnsafeBufferPointer(rebasing: bytes[1...])
            guard let bounds = PathSegments(rest) else { return nil }
            for route in routes {
                if let parameters = route.template.match(rest, bounds) { return (route, parameters) }
            }
            return nil
        }
    }
}
