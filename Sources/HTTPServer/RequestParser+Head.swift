/// The request line, field lines and message framing (RFC 9112 §3, §5, §6).
extension RequestParser {
    /// The pieces of the request seen so far.
    struct PartialHead {
        var method = HTTPMethod.get
        var target = ""
        var path = "/"
        var query: [(name: String, value: String)] = []
        var version = HTTPVersion.http1_1
        var headers = HTTPHeaders()
        var trailers = HTTPHeaders()
    }

    enum Framing {
        case none
        case length(Int)
        case chunked
    }

    /// Refuses non-HTTP bytes (a TLS handshake, binary noise) at once, without waiting for a line end:
    /// the first bytes of a request line must be a method token.
    mutating func checkRequestLinePrefix() throws(HTTPParseError) {
        let end = min(buffer.count, start + 24)
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte == ASCII.space || byte == ASCII.cr || byte == ASCII.lf { return }
            if !ASCII.isToken(byte) { throw .notHTTP }
            index += 1
        }
    }

    mutating func parseRequestLine(_ line: Line) throws(HTTPParseError) {
        let bytes = line.bytes
        guard let firstSpace = bytes.firstIndex(of: ASCII.space) else {
            throw bytes.allSatisfy(ASCII.isToken) ? .malformedRequestLine : .notHTTP
        }
        let methodBytes = bytes[bytes.startIndex..<firstSpace]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(ASCII.isToken) else { throw .notHTTP }
        let rest = bytes[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: ASCII.space) else { throw .malformedRequestLine }
        let targetBytes = rest[rest.startIndex..<secondSpace]
        let versionBytes = rest[(secondSpace + 1)...]
        guard !targetBytes.isEmpty else { throw .malformedRequestLine }

        head.version = try Self.parseVersion(versionBytes)
        head.method = try Self.parseMethod(methodBytes)
        head.target = String(decoding: targetBytes, as: UTF8.self)
        if RequestTarget.isPlainPath(targetBytes) {
            // The common `/a/b` without query or escapes: the path is the target itself, the same string.
            head.path = head.target
            head.query = []
        } else {
            let target = try RequestTarget.parse(targetBytes, method: head.method)
            head.path = target.path
            head.query = target.query
        }
    }

    /// `HTTP/1.1` or `HTTP/1.0`; any other `HTTP/d.d` is 505; anything else is not a version.
    static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        if ASCII.equals(bytes, "HTTP/1.1") { return .http1_1 }
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8) else { throw .malformedRequestLine }
        let major = bytes[bytes.startIndex + 5], dot = bytes[bytes.startIndex + 6], minor = bytes[bytes.startIndex + 7]
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard isDigit(major), dot == UInt8(ascii: "."), isDigit(minor) else { throw .malformedRequestLine }
        if major == UInt8(ascii: "1") {
            if minor == UInt8(ascii: "1") { return .http1_1 }
            if minor == UInt8(ascii: "0") { return .http1_0 }
        }
        throw .unsupportedVersion(String(decoding: bytes, as: UTF8.self))
    }

    /// A standard method (shared constants, no allocation), or 501 for any other token.
    static func parseMethod(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPMethod {
        if ASCII.equals(bytes, "GET") { return .get }
        for method in HTTPMethod.standard where method.rawValue.utf8.elementsEqual(bytes) {
            return method
        }
        throw .unknownMethod(String(decoding: bytes.prefix(32), as: UTF8.self))
    }

    /// One `name: value` line of the header or trailer section. Static, so that filling a field list of the
    /// parser does not make Swift copy the whole parser to keep the two accesses apart.
    static func parseFieldLine(_ line: Line, maxCount: Int, into fields: inout HTTPHeaders) throws(HTTPParseError) {
        let bytes = line.bytes
        guard let first = bytes.first else { return }
        if first == ASCII.space || first == ASCII.tab { throw .obsoleteLineFolding }
        guard let colon = bytes.firstIndex(of: ASCII.colon) else {
            throw .malformedHeaderField(reason: "a field line has no colon")
        }
        let name = bytes[bytes.startIndex..<colon]
        guard !name.isEmpty else { throw .malformedHeaderField(reason: "a field name is empty") }
        guard name.allSatisfy(ASCII.isToken) else {
            if let last = name.last, last == ASCII.space || last == ASCII.tab {
                throw .malformedHeaderField(reason: "whitespace between a field name and its colon")
            }
            throw .malformedHeaderField(reason: "a field name is not a token")
        }
        var valueStart = colon + 1, valueEnd = bytes.endIndex
        while valueStart < valueEnd, bytes[valueStart] == ASCII.space || bytes[valueStart] == ASCII.tab { valueStart += 1 }
        while valueEnd > valueStart, bytes[valueEnd - 1] == ASCII.space || bytes[valueEnd - 1] == ASCII.tab { valueEnd -= 1 }
        let value = bytes[valueStart..<valueEnd]
        guard value.allSatisfy(ASCII.isFieldValueByte) else {
            throw .malformedHeaderField(reason: "a field value contains a control character")
        }
        guard fields.count < maxCount else { throw .tooManyHeaderFields(limit: maxCount) }
        fields.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// Checks the head as a whole and decides how the body is framed (RFC 9112 §6.3).
    /// Returns an event when there is one to report now, `nil` to keep parsing.
    mutating func finishHead() throws(HTTPParseError) -> Event? {
        var hostCount = 0
        var contentLengths: [String] = []
        var transferEncodings: [String] = []
        var expectations: [String] = []
        for field in head.headers.fields {
            if HTTPHeaders.equalNames(field.name, "host") { hostCount += 1 }
            else if HTTPHeaders.equalNames(field.name, "content-length") { contentLengths.append(field.value) }
            else if HTTPHeaders.equalNames(field.name, "transfer-encoding") { transferEncodings.append(field.value) }
            else if HTTPHeaders.equalNames(field.name, "expect") { expectations.append(field.value) }
        }
        if hostCount > 1 { throw .duplicateHost }
        if hostCount == 0 && head.version == .http1_1 { throw .missingHost }

        let framing = try Self.framing(
            contentLengths: contentLengths, transferEncodings: transferEncodings, version: head.version,
            maxBodyBytes: limits.maxBodyBytes)

        expectsContinue = false
        for expectation in expectations {
            guard ASCII.equalsIgnoringCase(expectation.utf8, "100-continue") else {
                throw .unsupportedExpectation(String(expectation.prefix(64)))
            }
            // RFC 9110 §10.1.1: a server ignores 100-continue from an HTTP/1.0 client.
            expectsContinue = head.version == .http1_1
        }

        switch framing {
        case .none, .length(0):
            return .request(finishRequest())
        case .length(let length):
            body.reserveCapacity(min(length, 64 * 1024))
            state = .fixedBody(remaining: length)
        case .chunked:
            state = .chunkSize
        }
        return expectsContinue && bufferedByteCount == 0 ? .continueExpected : nil
    }

    static func framing(
        contentLengths: [String], transferEncodings: [String], version: HTTPVersion, maxBodyBytes: Int
    ) throws(HTTPParseError) -> Framing {
        if !transferEncodings.isEmpty {
            if version == .http1_0 { throw .transferEncodingInHTTP10 }
            if !contentLengths.isEmpty { throw .contentLengthWithTransferEncoding }
            let codings = transferEncodings
                .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .map { String($0).trimmingASCIISpaces().lowercased() }
                .filter { !$0.isEmpty }
            let joined = String(transferEncodings.joined(separator: ", ").prefix(64))
            guard codings.last == "chunked", !codings.dropLast().contains("chunked") else {
                throw .transferEncodingNotChunked(joined)
            }
            if codings.count > 1 { throw .unsupportedTransferCoding(String(codings.dropLast().joined(separator: ", ").prefix(64))) }
            return .chunked
        }
        guard !contentLengths.isEmpty else { return .none }
        var length: Int?
        for field in contentLengths {
            for element in field.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = element.utf8.drop { $0 == ASCII.space || $0 == ASCII.tab }
                let trimmed = digits.reversed().drop { $0 == ASCII.space || $0 == ASCII.tab }.reversed()
                guard !trimmed.isEmpty, trimmed.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw .invalidContentLength(String(field.prefix(64)))
                }
                // More than 18 digits cannot fit a body limit; treat it as "too large", not as invalid.
                let significant = trimmed.drop { $0 == 0x30 }
                let value = significant.count > 18
                    ? Int.max
                    : significant.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                if let length, length != value {
                    throw .invalidContentLength(String(contentLengths.joined(separator: ", ").prefix(64)))
                }
                length = value
            }
        }
        let value = length ?? 0
        if value > maxBodyBytes { throw .contentTooLarge(limit: maxBodyBytes) }
        return .length(value)
    }

    /// Parses `chunk-size [ chunk-ext ]` (RFC 9112 §7.1); extensions are checked for syntax and ignored.
    func parseChunkSize(_ line: Line) throws(HTTPParseError) -> Int {
        let bytes = line.bytes
        var index = bytes.startIndex
        var size = 0
        var digits = 0
        while index < bytes.endIndex, let value = ASCII.hexValue(bytes[index]) {
            digits += 1
            if digits > 15 { throw .contentTooLarge(limit: limits.maxBodyBytes) }
            size = size << 4 | Int(value)
            index += 1
        }
        guard digits > 0 else { throw .invalidChunk(reason: "a chunk size is not hexadecimal") }
        while index < bytes.endIndex, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index += 1 }
        if index < bytes.endIndex {
            guard bytes[index] == ASCII.semicolon,
                  bytes[index...].allSatisfy(ASCII.isFieldValueByte)
            else { throw .invalidChunk(reason: "a chunk size is followed by something other than an extension") }
        }
        if size > limits.maxBodyBytes - body.count { throw .contentTooLarge(limit: limits.maxBodyBytes) }
        return size
    }

    /// Hands out the assembled request and resets for the next one.
    mutating func finishRequest() -> HTTPRequest {
        let request = HTTPRequest(
            method: head.method, target: head.target, path: head.path, query: head.query,
            version: head.version, headers: head.headers, body: body, trailers: head.trailers)
        head = PartialHead()
        body = []
        expectsContinue = false
        state = .requestLine
        return request
    }
}
