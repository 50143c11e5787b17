/// Header fields in arrival order, duplicates kept, looked up case-insensitively (RFC 9110 §5).
///
/// A list, not a dictionary: order matters for some fields and duplicates must be seen to be rejected
/// (two `Host` or two differing `Content-Length` fields).
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [(name: String, value: String)]
    /// The first fields in their wire form, made by `prepared()`; forgotten when one of them is removed.
    private(set) var serialized: SerializedFields?

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// These fields, serialised once now: a response whose headers start with them has the server copy
    /// the bytes instead of examining and sanitising each field again. For fields repeated by many answers
    /// (a cached representation's `ETag`, `Content-Type`, `Cache-Control`). Fields added later are
    /// handled as usual; removing one of the prepared fields drops the prepared form.
    public func prepared() -> HTTPHeaders {
        var copy = self
        copy.serialized = SerializedFields(fields)
        return copy
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { (name: $0.0, value: $0.1) }
    }

    public var count: Int { fields.count }

    /// The first value of `name`, compared case-insensitively.
    public subscript(name: String) -> String? {
        fields.first { HTTPHeaders.equalNames($0.name, name) }?.value
    }

    /// Every value of `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { HTTPHeaders.equalNames($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { HTTPHeaders.equalNames($0.name, name) }
    }

    /// Appends a field, keeping any existing ones of the same name.
    public mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces every field of `name` with one field.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        fields.append((name: name, value: value))
    }

    /// Makes `value` the one field `name`: a single field that says so already is left where it is (prepared
    /// fields stay prepared, nothing is copied), a missing one is added, several or a different one are
    /// replaced as `replaceOrAdd` does.
    public mutating func set(name: String, value: String) {
        var matching = 0, same = true
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where HTTPHeaders.equalNames(fields[index].name, name) {
                matching += 1
                same = same && fields[index].value == value
            }
        }
        if matching == 0 {
            fields.append((name: name, value: value))
        } else if matching > 1 || !same {
            replaceOrAdd(name: name, value: value)
        }
    }

    public mutating func remove(name: String) {
        // Looked for first: removing nothing must not copy a list shared with other responses.
        guard let first = fields.firstIndex(where: { HTTPHeaders.equalNames($0.name, name) }) else { return }
        if let serialized, first < serialized.count { self.serialized = nil }
        fields.removeAll { HTTPHeaders.equalNames($0.name, name) }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// ASCII case-insensitive comparison, without allocating.
    public static func equalNames(_ lhs: String, _ rhs: String) -> Bool {
        let a = lhs.utf8, b = rhs.utf8
        guard a.count == b.count else { return false }
        // Both strings' bytes in place (the usual case): a plain loop, no index arithmetic per byte.
        let contiguous = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in
                for index in 0..<x.count where x[index] != y[index] && ASCII.lowercased(x[index]) != ASCII.lowercased(y[index]) {
                    return false
                }
                return true
            }
        }
        if let contiguous, let equal = contiguous { return equal }
        for (x, y) in zip(a, b) where x != y && ASCII.lowercased(x) != ASCII.lowercased(y) { return false }
        return true
    }
}

/// The wire form of the first `count` fields of an `HTTPHeaders` (`Name: value` CRLF each, sanitised as
/// `ResponseWriter` does) and what `ResponseWriter` needs to know about them.
final class SerializedFields: Sendable {
    let count: Int
    let bytes: [UInt8]
    let seen: ResponseWriter.SeenFields

    init(_ fields: [(name: String, value: String)]) {
        var bytes: [UInt8] = []
        var seen = ResponseWriter.SeenFields()
        for field in fields {
            seen.note(field)
            ResponseWriter.appendField(field, to: &bytes)
        }
        self.count = fields.count
        self.bytes = bytes
        self.seen = seen
    }
}
