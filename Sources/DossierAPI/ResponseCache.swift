import HTTPServer
import Synchronization

/// A rendered GET answer for one data version: the identity body and its ETag, and the gzip variant once made,
/// each with its header fields prepared once (`HTTPHeaders.prepared()`), since every hit sends the same ones.
///
/// Immutable and shared: a cache hit hands out one reference instead of copying a dozen fields.
final class CachedRepresentation: Sendable {
    let dataVersion: Int
    let body: [UInt8]
    let etag: String
    let cacheControl: String
    /// The quoted `ETag` values of the identity and the gzip variant.
    let identityTag: String
    let gzipTag: String
    /// `ETag`, `Vary`, `Cache-Control` and `Content-Type` of the identity answer.
    let identityHeaders: HTTPHeaders
    /// nil: not computed yet; `.some(nil)`: gzip is not smaller.
    let gzip: [UInt8]??
    /// The gzip answer's fields (those of the identity plus `Content-Encoding`), once there is one.
    let gzipHeaders: HTTPHeaders?

    /// Fields sent with every answer after the representation's own (the router's constant CORS fields).
    let commonFields: [(name: String, value: String)]

    convenience init(dataVersion: Int, body: [UInt8], etag: String, cacheControl: String,
                     commonFields: [(name: String, value: String)] = []) {
        let identityTag = "\"" + etag + "\""
        self.init(dataVersion: dataVersion, body: body, etag: etag, cacheControl: cacheControl, commonFields: commonFields,
                  identityTag: identityTag, gzipTag: "\"" + etag + "-gzip\"",
                  identityHeaders: Self.headers(etag: identityTag, cacheControl: cacheControl, gzip: false, common: commonFields),
                  gzip: nil, gzipHeaders: nil)
    }

    private init(dataVersion: Int, body: [UInt8], etag: String, cacheControl: String, commonFields: [(name: String, value: String)],
                 identityTag: String, gzipTag: String, identityHeaders: HTTPHeaders, gzip: [UInt8]??, gzipHeaders: HTTPHeaders?) {
        self.dataVersion = dataVersion
        self.body = body
        self.etag = etag
        self.cacheControl = cacheControl
        self.commonFields = commonFields
        self.identityTag = identityTag
        self.gzipTag = gzipTag
        self.identityHeaders = identityHeaders
        self.gzip = gzip
        self.gzipHeaders = gzipHeaders
    }

    /// This answer with its gzip variant, or with the note that none is worth sending (`nil`).
    func withGzip(_ compressed: [UInt8]?) -> CachedRepresentation {
        CachedRepresentation(
            dataVersion: dataVersion, body: body, etag: etag, cacheControl: cacheControl, commonFields: commonFields,
            identityTag: identityTag, gzipTag: gzipTag, identityHeaders: identityHeaders, gzip: .some(compressed),
            gzipHeaders: compressed == nil ? nil : Self.headers(etag: gzipTag, cacheControl: cacheControl, gzip: true, common: commonFields))
    }

    /// The fields of a `304 Not Modified` for `etag`, with the common fields too.
    func notModifiedHeaders(etag: String) -> HTTPHeaders {
        var fields: [(name: String, value: String)] = [(name: "ETag", value: etag), (name: "Vary", value: "Accept-Encoding"),
                                                       (name: "Cache-Control", value: cacheControl)]
        fields.append(contentsOf: commonFields)
        return HTTPHeaders(fields)
    }

    private static func headers(etag: String, cacheControl: String, gzip: Bool, common: [(name: String, value: String)]) -> HTTPHeaders {
        // Room for the fields the router adds to every answer (the request id, CORS), so adding them copies
        // the list once without growing it again.
        var fields: [(name: String, value: String)] = []
        fields.reserveCapacity(10)
        fields.append((name: "ETag", value: etag))
        fields.append((name: "Vary", value: "Accept-Encoding"))
        fields.append((name: "Cache-Control", value: cacheControl))
        fields.append((name: "Content-Type", value: "application/json; charset=utf-8"))
        if gzip { fields.append((name: "Content-Encoding", value: "gzip")) }
        fields.append(contentsOf: common)
        return HTTPHeaders(fields).prepared()
    }

    var size: Int { body.count + ((gzip ?? nil)?.count ?? 0) + 512 }
}

/// Bounded in-memory cache of GET answers keyed by route template and normalised query, valid for one data
/// version: when the version moves, everything goes (every answer may have changed). Oldest entries are evicted
/// first once the byte budget is spent.
final class ResponseCache: Sendable {
    private struct State {
        var version = Int.min
        var entries: [String: CachedRepresentation] = [:]
        var order: [String] = []
        var head = 0
        var bytes = 0
    }

    private let budget: Int
    private let state = Mutex(State())

    init(budget: Int) {
        self.budget = budget
    }

    func lookup(_ key: String, version: Int) -> CachedRepresentation? {
        state.withLock { state in
            guard state.version == version else { return nil }
            return state.entries[key]
        }
    }

    func store(_ key: String, _ representation: CachedRepresentation) {
        guard representation.size <= budget / 4 else { return }
        state.withLock { state in
            if representation.dataVersion != state.version {
                guard representation.dataVersion > state.version else { return }
                state = State()
                state.version = representation.dataVersion
            }
            if let old = state.entries[key] {
                state.bytes -= old.size
            } else {
                state.order.append(key)
            }
            state.entries[key] = representation
            state.bytes += representation.size
            while state.bytes > budget, state.head < state.order.count {
                let victim = state.order[state.head]
                state.head += 1
                if let removed = state.entries.removeValue(forKey: victim) { state.bytes -= removed.size }
            }
            if state.head > 1024, state.head * 2 > state.order.count {
                state.order.removeFirst(state.head)
                state.head = 0
            }
        }
    }
}
