extension HTTPRequest {
    /// Whether the client asked to keep the connection open after this request (RFC 9112 §9.3):
    /// HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var wantsKeepAlive: Bool {
        var close = false, keepAlive = false
        for field in headers.fields where HTTPHeaders.equalNames(field.name, "Connection") {
            for token in field.value.split(separator: ",") {
                let trimmed = token.utf8.filter { $0 != ASCII.space && $0 != ASCII.tab }
                if ASCII.equalsIgnoringCase(trimmed, "close") { close = true }
                if ASCII.equalsIgnoringCase(trimmed, "keep-alive") { keepAlive = true }
            }
        }
        if close { return false }
        return version == .http1_1 || keepAlive
    }

    /// Whether the client accepts a gzip-coded response (RFC 9110 §12.5.3): `gzip` (or `x-gzip`) or `*`
    /// listed with a non-zero quality; an explicit `gzip;q=0` refuses it even when `*` is listed.
    public var acceptsGzip: Bool {
        var gzip: Bool?
        var star: Bool?
        for field in headers.fields where HTTPHeaders.equalNames(field.name, "Accept-Encoding") {
            for element in field.value.split(separator: ",") {
                let parts = element.split(separator: ";")
                guard let coding = parts.first?.trimmingCharacters(inASCII: true) else { continue }
                var quality = 1.0
                for parameter in parts.dropFirst() {
                    let pair = parameter.split(separator: "=", maxSplits: 1)
                    if pair.count == 2, pair[0].trimmingCharacters(inASCII: true) == "q" {
                        quality = Double(pair[1].trimmingCharacters(inASCII: true)) ?? 0
                    }
                }
                if coding == "gzip" || coding == "x-gzip" { gzip = quality > 0 }
                else if coding == "*" { star = quality > 0 }
            }
        }
        return gzip ?? star ?? false
    }
}

extension Substring {
    /// Trimmed of spaces and tabs, lowercased when `lowercase` (ASCII only).
    func trimmingCharacters(inASCII lowercase: Bool) -> String {
        let trimmed = String(self).trimmingASCIISpaces()
        return lowercase ? trimmed.lowercased() : trimmed
    }
}
