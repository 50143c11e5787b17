import DossierStore
import Foundation
import HTTPServer
import Logging
import SQLiteDB
import Synchronization

/// The Dossier API as one `HTTPHandler`: routing, CORS, request ids, metrics and the access log around the
/// operations of API.md. Tests call `handle(_:)` directly; the server calls it on its handler queues.
public final class DossierRouter: HTTPHandler {
    let store: DossierStore
    let configuration: APIConfiguration
    let readiness: Readiness
    let writer: any ArticleWriting
    let cache: ResponseCache
    let versions: DataVersionTracker
    let metrics = Metrics()
    let cursors: CursorCodec
    let logger: Logger
    private let counts = Mutex<(version: Int, articles: Int, entities: Int)?>(nil)

    init(store: DossierStore, configuration: APIConfiguration, readiness: Readiness, writer: any ArticleWriting, logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.readiness = readiness
        self.writer = writer
        self.cache = ResponseCache(budget: configuration.responseCacheBytes)
        self.versions = DataVersionTracker(path: store.database.path, freshness: configuration.dataVersionFreshness)
        self.cursors = CursorCodec(keyHex: try? store.metaValue(Meta.cursorKeyKey))
        self.logger = logger
    }

    /// Cached GET/HEAD answers under `/v1`, served on the server's I/O queue without a thread hand-off; nil for
    /// everything else (and whenever the data version would need SQLite to confirm).
    public func respondImmediately(to request: HTTPRequest) -> HTTPResponse? {
        guard request.method == .get || request.method == .head, readiness.isReady,
              let (route, parameters) = RouteTable.match(path: request.path),
              let operation = route.operation(for: request.method), operation.isCachedRead else { return nil }
        let started = ContinuousClock.now
        guard var response = try? cachedRead(operation, parameters: parameters, request: request, cachedOnly: true) else { return nil }
        let requestID = Self.saneRequestID(request.headers["X-Request-Id"]) ?? Self.makeRequestID()
        // A cached answer's fields are known: no request id yet, and the constant CORS fields when there are any.
        complete(&response, request: request, routeLabel: route.template.description, requestID: requestID, started: started,
                 cachedFields: true)
        return response
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let started = ContinuousClock.now
        let requestID = Self.saneRequestID(request.headers["X-Request-Id"]) ?? Self.makeRequestID()
        var routeLabel = "unmatched"
        var response: HTTPResponse
        if !request.method.isStandard {
            response = APIError.notImplemented(request.method.rawValue).response()
        } else if let (route, parameters) = RouteTable.match(path: request.path) {
            routeLabel = route.template.description
            if request.method == .options {
                response = preflight(route)
            } else if let operation = route.operation(for: request.method) {
                response = perform(operation, parameters: parameters, request: request, requestID: requestID)
            } else {
                response = APIError.methodNotAllowed(allowed: route.allowedMethods).response()
            }
        } else {
            response = APIError.routeNotFound(path: request.path).response()
        }
        complete(&response, request: request, routeLabel: routeLabel, requestID: requestID, started: started)
        return response
    }

    /// What every answer gets: CORS, the request id, a metrics sample and an access-log line. With
    /// `cachedFields`, the response's fields are those of a cached representation (`CachedRepresentation`),
    /// so they are not searched again.
    private func complete(_ response: inout HTTPResponse, request: HTTPRequest, routeLabel: String, requestID: String,
                          started: ContinuousClock.Instant, cachedFields: Bool = false) {
        if cachedFields {
            if configuration.corsOrigins != nil { applyCORS(to: &response, request: request) }
            response.headers.add(name: "X-Request-Id", value: requestID)
        } else {
            applyCORS(to: &response, request: request)
            response.headers.set(name: "X-Request-Id", value: requestID)
        }
        let seconds = Self.seconds(ContinuousClock.now - started)
        metrics.record(route: routeLabel, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        // The source is this module, what swift-log would otherwise work out from the file name for every line.
        logger.info(
            Logger.Message(stringLiteral: AccessLogLine.make(
                method: request.method.rawValue, route: routeLabel, status: response.status.code, seconds: seconds, requestID: requestID)),
            source: "DossierAPI")
    }

    func perform(_ operation: Operation, parameters: PathParameters, request: HTTPRequest, requestID: String) -> HTTPResponse {
        do {
            switch operation {
            case .health:
                return Self.healthy
            case .readiness:
                guard readiness.isReady else { throw APIError.notReady }
                return Self.operational(.ok, JSON.object([("status", .string("ready"))]))
            case .metrics:
                var response = HTTPResponse(status: .ok, body: Array(metricsText().utf8))
                response.headers.add(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
                response.headers.add(name: "Cache-Control", value: "no-store")
                return response
            case .openAPI:
                var response = HTTPResponse(status: .ok, body: OpenAPIDocument.bytes)
                response.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
                response.headers.add(name: "Cache-Control", value: "public, max-age=300")
                return response
            case .createArticle:
                return try createArticle(request)
            case .deleteArticle:
                return try deleteArticle(id: parameters.identifier("id"), request: request)
            default:
                return try cachedRead(operation, parameters: parameters, request: request)
            }
        } catch let error as APIError {
            if case .internalError = error { logger.error("request \(requestID) failed") }
            return error.response()
        } catch {
            logger.error("request \(requestID) \(request.method.rawValue) \(request.path) failed: \(String(describing: error))")
            return APIError.internalError.response()
        }
    }

    /// `GET /healthz`'s answer, made once (liveness probes call it often).
    static let healthy = operational(.ok, JSON.object([("status", .string("ok"))]))

    static func operational(_ status: HTTPStatus, _ json: JSON) -> HTTPResponse {
        var response = HTTPResponse(status: status, body: json.serialized())
        response.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }

    func metricsText() -> String {
        let version = versions.current()
        var current = counts.withLock { $0 }
        if current == nil || current?.version != version {
            // Two index scans, once per data version (not per scrape of an unchanged database).
            current = try? store.read { db in
                (version: try Meta.dataVersion(db),
                 articles: try db.scalar(Int.self, sql: "SELECT count(*) FROM articles") ?? 0,
                 entities: try db.scalar(Int.self, sql: "SELECT count(*) FROM entities") ?? 0)
            }
            if let current { counts.withLock { $0 = current } }
        }
        return metrics.exposition(articles: current?.articles, entities: current?.entities)
    }

    // MARK: CORS

    func preflight(_ route: Route) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        let methods = route.allowedMethods.map(\.rawValue).joined(separator: ", ")
        response.headers.add(name: "Allow", value: methods)
        response.headers.add(name: "Access-Control-Allow-Methods", value: methods)
        response.headers.add(name: "Access-Control-Allow-Headers", value: "Authorization, Content-Type, If-None-Match")
        response.headers.add(name: "Access-Control-Max-Age", value: "600")
        return response
    }

    static let exposedHeaders = "ETag, Location, X-Request-Id"

    /// The CORS fields every answer carries whatever the request, when any origin is allowed: cached answers
    /// keep them among their prepared fields.
    var constantCORSFields: [(name: String, value: String)] {
        guard configuration.corsOrigins == nil else { return [] }
        return [(name: "Access-Control-Allow-Origin", value: "*"), (name: "Access-Control-Expose-Headers", value: Self.exposedHeaders)]
    }

    func applyCORS(to response: inout HTTPResponse, request: HTTPRequest) {
        if let allowed = configuration.corsOrigins {
            Self.addVary("Origin", to: &response.headers)
            if let origin = request.headers["Origin"], allowed.contains(origin) {
                response.headers.set(name: "Access-Control-Allow-Origin", value: origin)
            }
        } else {
            response.headers.set(name: "Access-Control-Allow-Origin", value: "*")
        }
        response.headers.set(name: "Access-Control-Expose-Headers", value: Self.exposedHeaders)
    }

    static func addVary(_ field: String, to headers: inout HTTPHeaders) {
        if let existing = headers["Vary"] {
            headers.replaceOrAdd(name: "Vary", value: existing + ", " + field)
        } else {
            headers.add(name: "Vary", value: field)
        }
    }

    // MARK: Request ids

    /// The client's id when it is 1–128 characters of `[A-Za-z0-9._-]`.
    static func saneRequestID(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= 128 else { return nil }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                continue
            default:
                return nil
            }
        }
        return value
    }

    static func makeRequestID() -> String {
        RequestID.make()
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// The router the CLI serves and the tests drive (with or without a socket).
public func makeRouter(
    store: DossierStore, configuration: APIConfiguration, readiness: Readiness,
    writer: (any ArticleWriting)? = nil, logger: Logger = Logger(label: "dossier.access")
) -> DossierRouter {
    DossierRouter(store: store, configuration: configuration, readiness: readiness,
                  writer: writer ?? IngestorWriter(store: store), logger: logger)
}
