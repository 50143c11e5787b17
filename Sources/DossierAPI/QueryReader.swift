import DossierModel

/// Reads the documented query parameters of one request, collecting every invalid one (each a 400 naming it),
/// and the normalised form of the accepted ones (the response cache and cursor scope key). Unknown parameters
/// are ignored; for a repeated parameter the first value counts.
struct QueryReader {
    private let items: [(name: String, value: String)]
    private(set) var problems: [InvalidParameter] = []
    /// `name=value` of the accepted parameters, normalised, in reading order (cursor and limit excluded).
    private(set) var scope: [String] = []

    init(_ items: [(name: String, value: String)]) {
        self.items = items
    }

    func raw(_ name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    mutating func fail(_ name: String, _ reason: String) {
        problems.append(InvalidParameter(name: name, reason: reason))
    }

    /// A non-empty string of at most `maxLength` characters.
    mutating func string(_ name: String, maxLength: Int = 256) -> String? {
        guard let value = raw(name) else { return nil }
        guard !value.isEmpty else {
            fail(name, "must not be empty")
            return nil
        }
        guard value.count <= maxLength else {
            fail(name, "must be at most \(maxLength) characters")
            return nil
        }
        scope.append("\(name)=\(value)")
        return value
    }

    /// A base-10 integer of ASCII digits within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = raw(name) else { return nil }
        guard let number = Self.asciiInteger(value), range.contains(number) else {
            fail(name, "must be an integer from \(range.lowerBound) to \(range.upperBound) (ASCII digits)")
            return nil
        }
        return number
    }

    mutating func limit(default defaultValue: Int, maximum: Int) -> Int {
        integer("limit", in: 1...maximum) ?? defaultValue
    }

    /// A real calendar date written `YYYY-MM-DD` with ASCII digits.
    mutating func date(_ name: String) -> CalendarDate? {
        guard let value = raw(name) else { return nil }
        guard let date = CalendarDate(iso: value) else {
            fail(name, "must be a real calendar date written YYYY-MM-DD")
            return nil
        }
        scope.append("\(name)=\(date.iso)")
        return date
    }

    /// One of the raw values of `T`.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let value = raw(name) else { return nil }
        guard let choice = T(rawValue: value) else {
            fail(name, "must be one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        scope.append("\(name)=\(value)")
        return choice
    }

    /// `from` not after `to`.
    mutating func checkWindow(from: CalendarDate?, to: CalendarDate?) {
        if let from, let to, from > to { fail("from", "must not be after to") }
    }

    /// The cursor text, if any (an empty `cursor=` means the first page).
    func cursorText() -> String? {
        guard let value = raw("cursor"), !value.isEmpty else { return nil }
        return value
    }

    static func asciiInteger(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    func check() throws(APIError) {
        if !problems.isEmpty { throw APIError.invalidParameters(problems) }
    }
}
