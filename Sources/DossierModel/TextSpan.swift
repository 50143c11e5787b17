/// A half-open range of UTF-16 code units in an article's `body`.
///
/// API.md counts offsets in UTF-16 so that `body.slice(start, end)` in JavaScript returns the text exactly.
public struct TextSpan: Sendable, Hashable, Comparable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }

    public func contains(_ other: TextSpan) -> Bool {
        start <= other.start && other.end <= end
    }

    public func overlaps(_ other: TextSpan) -> Bool {
        start < other.end && other.start < end
    }

    /// Ordered by start, longer first (API.md's order for mentions).
    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end > rhs.end
    }
}
