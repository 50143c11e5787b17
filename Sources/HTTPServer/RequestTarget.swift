/// The request target split into its decoded path and query (RFC 9112 §3.2, RFC 3986 §2.1).
///
/// Path segments are percent-decoded; the query is form-decoded (`+` is a space, as browsers and `curl -G`
/// encode it). Invalid escapes, NUL bytes and byte sequences that are not UTF-8 are rejected.
struct RequestTarget: Equatable {
    var path: String
    var query: [(name: String, value: String)]

    static func == (lhs: RequestTarget, rhs: RequestTarget) -> Bool {
        lhs.path == rhs.path && lhs.query.elementsEqual(rhs.query) { $0 == $1 }
    }

    /// Whether `raw` is an origin-form path with no query and no percent-escape, which decodes to itself.
    static func isPlainPath(_ raw: ArraySlice<UInt8>) -> Bool {
        raw.withUnsafeBufferPointer { bytes in
            guard bytes.first == ASCII.slash else { return false }
            for byte in bytes where !ASCII.isTargetByte(byte) || byte == ASCII.question || byte == ASCII.percent {
                return false
            }
            return true
        }
    }

    /// Parses a raw target for `method`.
    static func parse(_ raw: ArraySlice<UInt8>, method: HTTPMethod) throws(HTTPParseError) -> RequestTarget {
        guard let first = raw.first else { throw .malformedRequestLine }
        for byte in raw where !ASCII.isTargetByte(byte) {
            throw .invalidRequestTarget(reason: "byte 0x\(String(byte, radix: 16)) is not allowed in a request target")
        }
        if first == ASCII.slash {
            return try parseOriginForm(raw)
        }
        if raw.count == 1, first == UInt8(ascii: "*") {
            guard method == .options else {
                throw .invalidRequestTarget(reason: "'*' is only valid with OPTIONS")
            }
            return RequestTarget(path: "*", query: [])
        }
        if let afterScheme = schemeEnd(raw) {
            // absolute-form: skip the authority, keep path and query.
            let rest = raw[afterScheme...]
            let pathStart = rest.firstIndex { $0 == ASCII.slash || $0 == ASCII.question } ?? rest.endIndex
            if pathStart == rest.endIndex { return RequestTarget(path: "/", query: []) }
            if rest[pathStart] == ASCII.question {
                var target = try parseOriginForm([ASCII.slash] + rest[pathStart...])
                target.path = "/"
                return target
            }
            return try parseOriginForm(rest[pathStart...])
        }
        if method == .connect {
            // authority-form `host:port`, handed over undecoded.
            return RequestTarget(path: String(decoding: raw, as: UTF8.self), query: [])
        }
        throw .invalidRequestTarget(reason: "it must start with '/'")
    }

    private static func schemeEnd(_ raw: ArraySlice<UInt8>) -> Int? {
        for scheme in ["http://", "https://"] {
            let prefix = raw.prefix(scheme.utf8.count)
            if prefix.count == scheme.utf8.count,
               zip(prefix, scheme.utf8).allSatisfy({ ASCII.lowercased($0) == $1 }) {
                return raw.startIndex + scheme.utf8.count
            }
        }
        return nil
    }

    private static func parseOriginForm(_ raw: ArraySlice<UInt8>) throws(HTTPParseError) -> RequestTarget {
        let questionMark = raw.firstIndex(of: ASCII.question)
        let rawPath = raw[raw.startIndex..<(questionMark ?? raw.endIndex)]
        let path = try decode(rawPath, plusIsSpace: false, what: "path")
        var query: [(name: String, value: String)] = []
        if let questionMark {
            var pieceStart = questionMark + 1
            while pieceStart <= raw.endIndex {
                let pieceEnd = raw[pieceStart...].firstIndex(of: ASCII.ampersand) ?? raw.endIndex
                let piece = raw[pieceStart..<pieceEnd]
                if !piece.isEmpty {
                    let equals = piece.firstIndex(of: ASCII.equals)
                    let name = try decode(piece[piece.startIndex..<(equals ?? piece.endIndex)], plusIsSpace: true, what: "query")
                    let value = try equals.map { (e) throws(HTTPParseError) in
                        try decode(piece[(e + 1)...], plusIsSpace: true, what: "query")
                    } ?? ""
                    query.append((name: name, value: value))
                }
                pieceStart = pieceEnd + 1
            }
        }
        return RequestTarget(path: path, query: query)
    }

    /// Percent-decodes `raw` (and `+` to space in form-encoded parts), then validates UTF-8.
    static func decode(_ raw: ArraySlice<UInt8>, plusIsSpace: Bool, what: String) throws(HTTPParseError) -> String {
        let needsWork = raw.contains { $0 == ASCII.percent || (plusIsSpace && $0 == ASCII.plus) }
        if !needsWork {
            // Already checked to be visible ASCII, so valid UTF-8.
            return String(decoding: raw, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == ASCII.percent {
                guard index + 2 < raw.endIndex,
                      let high = ASCII.hexValue(raw[index + 1]), let low = ASCII.hexValue(raw[index + 2])
                else {
                    throw .invalidRequestTarget(reason: "the \(what) has an incomplete or non-hexadecimal percent-escape")
                }
                let decoded = high << 4 | low
                guard decoded != 0 else { throw .invalidRequestTarget(reason: "the \(what) contains an encoded NUL") }
                bytes.append(decoded)
                index += 3
            } else {
                bytes.append(plusIsSpace && byte == ASCII.plus ? ASCII.space : byte)
                index += 1
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidRequestTarget(reason: "the \(what) does not decode to valid UTF-8")
        }
        return text
    }
}
