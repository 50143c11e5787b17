/// Where an article's `publishedAt` came from (API.md).
public enum PublishedAtSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// A `date YYYY-MM-DD` header or a `publishedAt` field.
    case header
    /// No header: the end of the latest resolved date in the text that does not point ahead.
    case inferred
}

/// What an ingest did to an article (API.md `status`).
public enum IngestStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case created
    case updated
    case unchanged
}
