import DossierModel
import DossierStore
import HTTPServer
import SQLiteDB

/// A validated read: its cache key and how to compute its JSON in one read transaction.
struct ReadPlan {
    var cacheKey: String
    var cacheControl: String
    var compute: (Connection) throws -> JSON
}

extension DossierRouter {
    /// Serves a GET under `/v1`: validated parameters, then the cached representation for the current data
    /// version or a fresh one, with a strong ETag per content encoding and `If-None-Match` → 304.
    func cachedRead(_ operation: Operation, parameters: PathParameters, request: HTTPRequest) throws -> HTTPResponse {
        // Force-unwrapped safely: without `cachedOnly` every path returns a response.
        try cachedRead(operation, parameters: parameters, request: request, cachedOnly: false)!
    }

    /// With `cachedOnly`, answers only from the cache and a fresh data version, never touching SQLite or
    /// compressing (nil otherwise): the non-blocking path the server may take on its I/O queue.
    func cachedRead(_ operation: Operation, parameters: PathParameters, request: HTTPRequest, cachedOnly: Bool) throws -> HTTPResponse? {
        let plan = try readPlan(operation, parameters: parameters, query: request.query)
        let key = Self.cacheKey(operation, plan.cacheKey)
        let wantsGzip = configuration.gzip != nil && Self.acceptsGzip(request.headers["Accept-Encoding"])
        var representation: CachedRepresentation
        if cachedOnly {
            guard let version = versions.currentIfFresh(), let hit = cache.lookup(key, version: version) else { return nil }
            if wantsGzip, hit.gzip == nil { return nil }
            metrics.recordCache(hit: true)
            representation = hit
        } else if let hit = cache.lookup(key, version: versions.current()) {
            metrics.recordCache(hit: true)
            representation = hit
        } else {
            metrics.recordCache(hit: false)
            let (json, dataVersion) = try store.read { db in (try plan.compute(db), try Meta.dataVersion(db)) }
            let body = json.serialized()
            representation = CachedRepresentation(
                dataVersion: dataVersion, body: body, etag: "v\(dataVersion)-\(ContentDigest.hex(body))", cacheControl: plan.cacheControl,
                commonFields: constantCORSFields)
            cache.store(key, representation)
        }
        var useGzip = false
        if wantsGzip, let gzip = configuration.gzip {
            if representation.gzip == nil {
                let compressed = gzip(representation.body)
                representation = representation.withGzip(compressed.flatMap { $0.count < representation.body.count ? $0 : nil })
                cache.store(key, representation)
            }
            useGzip = (representation.gzip ?? nil) != nil
        }
        let etag = useGzip ? representation.gzipTag : representation.identityTag
        if let condition = request.headers["If-None-Match"], Self.matches(condition, etag: etag) {
            return HTTPResponse(status: .notModified, headers: representation.notModifiedHeaders(etag: etag))
        }
        if useGzip, let compressed = representation.gzip ?? nil, let headers = representation.gzipHeaders {
            return HTTPResponse(status: .ok, headers: headers, body: compressed)
        }
        return HTTPResponse(status: .ok, headers: representation.identityHeaders, body: representation.body)
    }

    /// `<operation>|<plan key>`, made in one allocation.
    static func cacheKey(_ operation: Operation, _ planKey: String) -> String {
        let name = operation.rawValue.utf8, rest = planKey.utf8
        return String(unsafeUninitializedCapacity: name.count + 1 + rest.count) { buffer in
            var index = buffer.initialize(fromContentsOf: name)
            buffer[index] = UInt8(ascii: "|")
            index += 1
            return index + UnsafeMutableBufferPointer(rebasing: buffer[index...]).initialize(fromContentsOf: rest)
        }
    }

    /// `If-None-Match` (RFC 9110 §13.1.2): `*` or a list of entity tags, compared weakly.
    static func matches(_ condition: String, etag: String) -> Bool {
        let trimmed = condition.trimmingSpaces
        if trimmed == "*" { return true }
        return trimmed.split(separator: ",").contains { candidate in
            var tag = String(candidate).trimmingSpaces
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    /// Whether `Accept-Encoding` allows gzip (RFC 9110 §12.5.3: `gzip` or `*` with a non-zero q).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { String($0).trimmingSpaces.lowercased() }
            guard let coding = pieces.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0 { return true }
        }
        return false
    }

    func readPlan(_ operation: Operation, parameters: PathParameters, query items: [(name: String, value: String)]) throws -> ReadPlan {
        var query = QueryReader(items)
        switch operation {
        case .getArticle:
            let id = parameters.identifier("id")
            return ReadPlan(cacheKey: id, cacheControl: "public, max-age=60") { db in
                guard let article = try ArticleQueries(db).article(id: id) else { throw APIError.notFound("no article with id \(id)") }
                return Representation.article(article)
            }
        case .getEntity:
            let id = parameters.identifier("id")
            return ReadPlan(cacheKey: id, cacheControl: "public, max-age=60") { db in
                guard let entity = try EntityQueries(db).entity(id: id) else { throw APIError.notFound("no entity with id \(id)") }
                return Representation.entity(entity)
            }
        case .listArticles:
            return try articleListPlan(&query)
        case .listEntities:
            return try entityListPlan(&query)
        case .timeline, .entityTimeline:
            return try timelinePlan(&query, entityID: operation == .entityTimeline ? parameters.identifier("id") : nil)
        case .graph:
            return try graphPlan(&query)
        default:
            throw APIError.internalError
        }
    }

    /// The scope a cursor is bound to, and the key of the page in the cache.
    private func keys(_ name: String, _ query: QueryReader, limit: Int) -> (scope: String, cacheKey: String) {
        let scope = name + "?" + query.scope.joined(separator: "&")
        return (scope, scope + "&limit=\(limit)&cursor=" + (query.cursorText() ?? ""))
    }

    private func decodeCursor(_ query: QueryReader, scope: String, count: Int) throws -> [CursorValue]? {
        guard let text = query.cursorText() else { return nil }
        guard let values = cursors.decode(text, scope: scope), values.count == count else {
            throw APIError.invalidParameters([InvalidParameter(
                name: "cursor", reason: "is not a cursor this server issued for this list and these filters")])
        }
        return values
    }

    private static func badCursor() -> APIError {
        APIError.invalidParameters([InvalidParameter(name: "cursor", reason: "is not a cursor this server issued for this list and these filters")])
    }

    func articleListPlan(_ query: inout QueryReader) throws -> ReadPlan {
        var fullText: FullTextQuery?
        if let text = query.raw("q"), !text.trimmingSpaces.isEmpty {
            do {
                fullText = try FullTextQuery.parse(text)
                _ = query.string("q", maxLength: FullTextQuery.maximumLength)
            } catch {
                query.fail("q", error.reason)
            }
        }
        let filter = ArticleFilter(
            entityID: query.string("entity"), from: query.date("from"), to: query.date("to"), language: query.string("language", maxLength: 16))
        query.checkWindow(from: filter.from, to: filter.to)
        let limit = query.limit(default: 20, maximum: 100)
        try query.check()
        let (scope, cacheKey) = keys("articles", query, limit: limit)
        let cursors = self.cursors
        if let fullText {
            var after: ArticleSearchKey?
            if let values = try decodeCursor(query, scope: scope, count: 3) {
                guard let blockTop = values[0].integer, let score = values[1].double, let rowID = values[2].integer else {
                    throw Self.badCursor()
                }
                after = ArticleSearchKey(blockTop: blockTop, score: score, rowID: rowID)
            }
            let block = configuration.searchRankBlock ?? ArticleQueries.wholeCorpusBlock
            return ReadPlan(cacheKey: cacheKey, cacheControl: "public, max-age=10") { db in
                let page = try ArticleQueries(db).search(fullText, filter: filter, after: after, limit: limit, blockSize: block)
                let next = page.nextKey.map {
                    cursors.encode(scope: scope, position: [.integer($0.blockTop), .double($0.score), .integer($0.rowID)])
                }
                return Representation.list(page.items.map(Representation.searchHit), nextCursor: next)
            }
        }
        var after: ArticleDateKey?
        if let values = try decodeCursor(query, scope: scope, count: 3) {
            guard let published = values[0].optionalString, let ingested = values[1].string, let id = values[2].string else {
                throw Self.badCursor()
            }
            after = ArticleDateKey(publishedAt: published, ingestedAt: ingested, id: id)
        }
        return ReadPlan(cacheKey: cacheKey, cacheControl: "public, max-age=10") { db in
            let page = try ArticleQueries(db).list(filter: filter, after: after, limit: limit)
            let next = page.nextKey.map {
                cursors.encode(scope: scope, position: [$0.publishedAt.map(CursorValue.string) ?? .null, .string($0.ingestedAt), .string($0.id)])
            }
            return Representation.list(page.items.map(Representation.summary), nextCursor: next)
        }
    }

    func entityListPlan(_ query: inout QueryReader) throws -> ReadPlan {
        let type = query.choice("type", EntityType.self)
        var prefix: String?
        if let text = query.raw("q"), !TextFolding.fold(text).isEmpty {
            prefix = query.string("q", maxLength: 256).map(TextFolding.fold)
        }
        let sort = query.choice("sort", EntitySort.self) ?? .mentions
        let limit = query.limit(default: 20, maximum: 100)
        try query.check()
        let (scope, cacheKey) = keys("entities|sort=\(sort.rawValue)", query, limit: limit)
        var after: EntityListKey?
        if let values = try decodeCursor(query, scope: scope, count: 2) {
            switch (sort, values[0], values[1]) {
            case (.mentions, .integer(let count), .string(let id)): after = .mentions(count: Int(count), id: id)
            case (.name, .string(let fold), .string(let id)): after = .name(fold: fold, id: id)
            default: throw Self.badCursor()
            }
        }
        let filter = EntityFilter(type: type, prefix: prefix)
        let cursors = self.cursors
        return ReadPlan(cacheKey: cacheKey, cacheControl: "public, max-age=10") { db in
            let page = try EntityQueries(db).list(filter: filter, sort: sort, after: after, limit: limit)
            let next = page.nextKey.map { key -> String in
                switch key {
                case .mentions(let count, let id): return cursors.encode(scope: scope, position: [.integer(Int64(count)), .string(id)])
                case .name(let fold, let id): return cursors.encode(scope: scope, position: [.string(fold), .string(id)])
                }
            }
            return Representation.list(page.items.map(Representation.entitySummary), nextCursor: next)
        }
    }

    func timelinePlan(_ query: inout QueryReader, entityID pathEntity: String?) throws -> ReadPlan {
        let filter = TimelineFilter(
            entityID: pathEntity ?? query.string("entity"), articleID: query.string("article"),
            precision: query.choice("precision", DatePrecision.self), from: query.date("from"), to: query.date("to"))
        query.checkWindow(from: filter.from, to: filter.to)
        let limit = query.limit(default: 20, maximum: 100)
        try query.check()
        let name = pathEntity.map { "entity-timeline|\($0)" } ?? "timeline"
        let (scope, cacheKey) = keys(name, query, limit: limit)
        var after: TimelineKey?
        if let values = try decodeCursor(query, scope: scope, count: 3) {
            guard let start = values[0].string, let end = values[1].string, let id = values[2].string else { throw Self.badCursor() }
            after = TimelineKey(start: start, end: end, id: id)
        }
        let cursors = self.cursors
        return ReadPlan(cacheKey: cacheKey, cacheControl: "public, max-age=10") { db in
            if let pathEntity, try EntityQueries(db).rowID(id: pathEntity) == nil {
                throw APIError.notFound("no entity with id \(pathEntity)")
            }
            let page = try TimelineQueries(db).timeline(filter: filter, after: after, limit: limit)
            let next = page.nextKey.map { cursors.encode(scope: scope, position: [.string($0.start), .string($0.end), .string($0.id)]) }
            return Representation.list(page.items.map(Representation.event), nextCursor: next)
        }
    }

    func graphPlan(_ query: inout QueryReader) throws -> ReadPlan {
        let entityID = query.string("entity")
        let type = query.choice("type", EntityType.self)
        let minWeight = query.integer("minWeight", in: 1...1_000_000_000) ?? 1
        let limit = query.limit(default: 100, maximum: 500)
        try query.check()
        let filter = GraphFilter(entityID: entityID, type: type, minWeight: minWeight, limit: limit)
        let cacheKey = query.scope.joined(separator: "&") + "&minWeight=\(minWeight)&limit=\(limit)"
        let graphSnapshots = store.graphSnapshots
        return ReadPlan(cacheKey: cacheKey, cacheControl: "public, max-age=10") { db in
            // An `entity` that names nothing has an empty neighbourhood, as a filter that matches nothing.
            Representation.graph(try GraphQueries(db).graph(filter, snapshots: graphSnapshots) ?? Graph(nodes: [], edges: []))
        }
    }
}
