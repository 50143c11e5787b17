/// The byte-level pieces of `ResponseWriter`: recognising the fields a handler set and appending text, all
/// without building intermediate strings, since this runs once per response on the hot path.
extension ResponseWriter {
    /// The response fields the server acts on, recognised case-insensitively (RFC 9110 §5.1).
    enum FieldName {
        case connection, transferEncoding, keepAlive, contentEncoding, contentLength, contentType, date, server, vary, other

        init(_ name: String) {
            // The length and the first letter rule out nearly every other field before any comparison.
            let utf8 = name.utf8
            guard let first = utf8.first else {
                self = .other
                return
            }
            switch (utf8.count, ASCII.lowercased(first)) {
            case (4, UInt8(ascii: "d")): self = ASCII.equalsIgnoringCase(name, "date") ? .date : .other
            case (4, UInt8(ascii: "v")): self = ASCII.equalsIgnoringCase(name, "vary") ? .vary : .other
            case (6, UInt8(ascii: "s")): self = ASCII.equalsIgnoringCase(name, "server") ? .server : .other
            case (10, UInt8(ascii: "c")): self = ASCII.equalsIgnoringCase(name, "connection") ? .connection : .other
            case (10, UInt8(ascii: "k")): self = ASCII.equalsIgnoringCase(name, "keep-alive") ? .keepAlive : .other
            case (12, UInt8(ascii: "c")): self = ASCII.equalsIgnoringCase(name, "content-type") ? .contentType : .other
            case (14, UInt8(ascii: "c")): self = ASCII.equalsIgnoringCase(name, "content-length") ? .contentLength : .other
            case (16, UInt8(ascii: "c")): self = ASCII.equalsIgnoringCase(name, "content-encoding") ? .contentEncoding : .other
            case (17, UInt8(ascii: "t")): self = ASCII.equalsIgnoringCase(name, "transfer-encoding") ? .transferEncoding : .other
            default: self = .other
            }
        }
    }

    /// What the handler's fields say, gathered in one pass.
    struct SeenFields: Sendable {
        /// A `Connection` field mentions `close`.
        var connectionClose = false
        /// Fields the server always drops (hop-by-hop, or framing it decides itself).
        var connection = false
        var transferEncoding = false
        var keepAlive = false
        var contentEncoding = false
        var contentLength = false
        /// The first `Content-Type` value.
        var contentType: String?
        var date = false
        var server = false
        var varyCount = 0
        /// Some `Vary` field already names `Accept-Encoding` (or `*`).
        var varyCoversEncoding = false
        /// Bytes the fields take on the wire, for sizing the head.
        var byteCount = 0

        mutating func note(_ field: (name: String, value: String)) {
            byteCount += field.name.utf8.count + field.value.utf8.count + 4
            switch FieldName(field.name) {
            case .connection:
                connection = true
                if ASCII.containsIgnoringCase(field.value, "close") { connectionClose = true }
            case .contentEncoding: contentEncoding = true
            case .contentLength: contentLength = true
            case .contentType: if contentType == nil { contentType = field.value }
            case .date: date = true
            case .server: server = true
            case .vary:
                varyCount += 1
                if ASCII.containsIgnoringCase(field.value, "accept-encoding") || field.value.utf8.contains(UInt8(ascii: "*")) {
                    varyCoversEncoding = true
                }
            case .transferEncoding: transferEncoding = true
            case .keepAlive: keepAlive = true
            case .other: break
            }
        }
    }

    /// What becomes of `Content-Length`.
    enum LengthField {
        /// None may be sent (1xx, 204).
        case drop
        /// The handler's stands (304, or HEAD announcing the GET's length).
        case keep
        /// The server's, from the body it sends.
        case replace
    }

    /// Text-like media types; images, archives and the like are already compressed.
    static func isCompressible(_ contentType: String?) -> Bool {
        guard var contentType else { return false }
        return contentType.withUTF8 { bytes in
            // The media type: before any parameters, without surrounding spaces or tabs.
            var end = bytes.firstIndex(of: ASCII.semicolon) ?? bytes.count
            var start = 0
            while start < end, bytes[start] == ASCII.space || bytes[start] == ASCII.tab { start += 1 }
            while end > start, bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab { end -= 1 }
            let type = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return ASCII.hasPrefixIgnoringCase(type, "text/")
                || ASCII.equalsIgnoringCase(type, "application/json") || ASCII.hasSuffixIgnoringCase(type, "+json")
                || ASCII.equalsIgnoringCase(type, "application/xml") || ASCII.hasSuffixIgnoringCase(type, "+xml")
                || ASCII.equalsIgnoringCase(type, "application/javascript") || ASCII.equalsIgnoringCase(type, "application/x-ndjson")
        }
    }

    /// A handler's field, sanitised, as one field line.
    static func appendField(_ field: (name: String, value: String), to out: inout [UInt8]) {
        appendSanitized(field.name, to: &out)
        out.append(ASCII.colon)
        out.append(ASCII.space)
        appendSanitized(field.value, to: &out)
        appendCRLF(to: &out)
    }

    /// `name` (including its colon and space) and a handler value, sanitised, as one field line.
    static func appendField(_ name: StaticString, _ value: String, to out: inout [UInt8]) {
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        appendSanitized(value, to: &out)
        appendCRLF(to: &out)
    }

    @inline(__always) static func appendCRLF(to out: inout [UInt8]) {
        out.append(ASCII.cr)
        out.append(ASCII.lf)
    }

    /// A non-negative number in decimal, without formatting a `String`.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else {
            if value == 0 { out.append(UInt8(ascii: "0")) } else { out.append(contentsOf: String(value).utf8) }
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var remaining = value
            var index = buffer.count
            while remaining > 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }

    /// Field text from the handler, with CR, LF and NUL replaced so a value can never split the response.
    static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in appendSanitized(bytes, to: &out) }
        if copied == nil {
            var text = text
            text.withUTF8 { appendSanitized($0, to: &out) }
        }
    }

    private static func appendSanitized(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var clean = true
        for byte in bytes where byte < 0x0E && (byte == ASCII.cr || byte == ASCII.lf || byte == 0) {
            clean = false
            break
        }
        if clean {
            out.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            out.append(byte == ASCII.cr || byte == ASCII.lf || byte == 0 ? ASCII.space : byte)
        }
    }
}
