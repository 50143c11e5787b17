/// Settings of the API, read from the environment by the CLI (`APIConfiguration.fromEnvironment`).
public struct APIConfiguration: Sendable {
    /// The bearer token writes need; nil disables writes (403).
    public var apiToken: String?
    /// Origins allowed by CORS: nil means any (`*`); otherwise the exact origins (scheme://host[:port]).
    public var corsOrigins: [String]?
    /// The largest request body accepted (413 beyond).
    public var maxBodyBytes: Int
    /// The response cache budget in bytes (bodies, all encodings).
    public var responseCacheBytes: Int
    /// Compresses a body for `Content-Encoding: gzip`; nil when no compressor is available.
    public var gzip: (@Sendable ([UInt8]) -> [UInt8]?)?

    /// How long a read of the data version stays fresh. Every request would otherwise serialise on one SQLite
    /// call; a commit by another process is seen at most this much later (this server's own writes are seen at
    /// once), and cached answers are served without a handler thread only within it.
    public var dataVersionFreshness: Duration = .milliseconds(1)

    /// Full-text hits ranked in blocks of this many most recently added matches (nil: all matches together, plain
    /// relevance as API.md says). A large corpus where common words match most articles may trade exact order for
    /// time: ranking costs time in proportion to the matches ranked.
    public var searchRankBlock: Int?

    public init(
        apiToken: String? = nil,
        corsOrigins: [String]? = nil,
        maxBodyBytes: Int = 1 << 20,
        responseCacheBytes: Int = 16 << 20,
        gzip: (@Sendable ([UInt8]) -> [UInt8]?)? = nil
    ) {
        self.apiToken = apiToken
        self.corsOrigins = corsOrigins
        self.maxBodyBytes = maxBodyBytes
        self.responseCacheBytes = responseCacheBytes
        self.gzip = gzip
    }

    /// `DOSSIER_API_TOKEN` (empty means none), `DOSSIER_CORS_ORIGINS` (comma-separated; empty or `*` means any),
    /// `DOSSIER_RESPONSE_CACHE_BYTES` (the response cache budget; 0 turns the cache off) and
    /// `DOSSIER_SEARCH_RANK_BLOCK` (a positive block size for full-text ranking; unset ranks every match together).
    public static func fromEnvironment(_ environment: [String: String]) -> APIConfiguration {
        var configuration = APIConfiguration()
        if let token = environment["DOSSIER_API_TOKEN"]?.trimmingSpaces, !token.isEmpty {
            configuration.apiToken = token
        }
        if let origins = environment["DOSSIER_CORS_ORIGINS"] {
            let list = origins.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            configuration.corsOrigins = list.isEmpty || list.contains("*") ? nil : list
        }
        if let text = environment["DOSSIER_RESPONSE_CACHE_BYTES"]?.trimmingSpaces, let bytes = Int(text), bytes >= 0 {
            configuration.responseCacheBytes = bytes
        }
        if let text = environment["DOSSIER_SEARCH_RANK_BLOCK"]?.trimmingSpaces, let block = Int(text), block > 0 {
            configuration.searchRankBlock = block
        }
        return configuration
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
