/// One language found in an article and the share of its text written in it (API.md, `languages`).
public struct LanguageShare: Sendable, Hashable, Codable {
    /// ISO 639-1 code, e.g. `en`, `yi`, `fa`.
    public var code: String
    /// Between 0 and 1; the shares of one article sum to 1.
    public var share: Double

    public init(code: String, share: Double) {
        self.code = code
        self.share = share
    }
}
