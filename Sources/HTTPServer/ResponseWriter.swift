/// Turns a handler's `HTTPResponse` into the bytes sent for it (RFC 9112 §4, §6): status line, the
/// server's own fields, and the body, ready for one `sendmsg`.
///
/// Runs on the handler thread right after the handler, so gzip and serialisation never occupy an I/O queue.
enum ResponseWriter {
    /// What the serialiser needs to know about the request being answered.
    struct Context {
        var isHead: Bool
        var version: HTTPVersion
        var keepAlive: Bool
        var acceptsGzip: Bool
        var compression: Bool

        init(request: HTTPRequest, compression: Bool, serverDraining: Bool) {
            isHead = request.method == .head
            version = request.version
            keepAlive = request.wantsKeepAlive && !serverDraining
            acceptsGzip = compression && request.acceptsGzip
            self.compression = compression
        }

        init(isHead: Bool = false, version: HTTPVersion = .http1_1, keepAlive: Bool, acceptsGzip: Bool = false, compression: Bool = false) {
            self.isHead = isHead
            self.version = version
            self.keepAlive = keepAlive
            self.acceptsGzip = acceptsGzip
            self.compression = compression
        }
    }

    /// Serialised bytes: one buffer when small, head and body apart when the body is large (sent together
    /// with `sendmsg`, without copying the body).
    struct Output {
        var chunks: [[UInt8]]
        var closeConnection: Bool
        var byteCount: Int { chunks.reduce(0) { $0 + $1.count } }
    }

    /// Bodies at least this large are worth gzipping.
    static let compressionThreshold = 1024
    /// Bodies up to this size are copied behind the head into one buffer.
    static let coalesceLimit = 32 * 1024

    static func serialize(_ response: HTTPResponse, context: Context) -> Output {
        var headers = response.headers
        var body = response.body
        let code = response.status.code
        let bodyless = (100..<200).contains(code) || code == 204 || code == 304

        var keepAlive = context.keepAlive
        for value in headers.values(for: "Connection") where value.lowercased().contains("close") {
            keepAlive = false
        }
        headers.remove(name: "Connection")
        headers.remove(name: "Transfer-Encoding")
        headers.remove(name: "Keep-Alive")

        if context.compression && !bodyless && body.count >= compressionThreshold
            && !headers.contains("Content-Encoding") && isCompressible(headers["Content-Type"]) {
            addVaryAcceptEncoding(&headers)
            if context.acceptsGzip {
                let compressed = Gzip.compress(body)
                if compressed.count < body.count {
                    body = compressed
                    headers.add(name: "Content-Encoding", value: "gzip")
                }
            }
        }

        if (100..<200).contains(code) || code == 204 {
            headers.remove(name: "Content-Length")
        } else if code == 304 || (context.isHead && body.isEmpty && headers.contains("Content-Length")) {
            // Keep what the handler said the GET body's length would be.
        } else {
            headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        }
        if !body.isEmpty && !headers.contains("Content-Type") {
            headers.add(name: "Content-Type", value: "application/octet-stream")
        }
        if !headers.contains("Date") { headers.add(name: "Date", value: HTTPDate.now()) }
        if !headers.contains("Server") { headers.add(name: "Server", value: "dossier") }
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        } else if context.version == .http1_0 {
            headers.add(name: "Connection", value: "keep-alive")
        }

        var head: [UInt8] = []
        let sendsBody = !bodyless && !context.isHead && !body.isEmpty
        head.reserveCapacity(128 + headers.fields.count * 48 + (sendsBody && body.count <= coalesceLimit ? body.count : 0))
        head.append(contentsOf: "HTTP/1.1 \(code) ".utf8)
        appendSanitized(response.status.reasonPhrase, to: &head)
        head.append(ASCII.cr); head.append(ASCII.lf)
        for field in headers.fields {
            appendSanitized(field.name, to: &head)
            head.append(ASCII.colon); head.append(ASCII.space)
            appendSanitized(field.value, to: &head)
            head.append(ASCII.cr); head.append(ASCII.lf)
        }
        head.append(ASCII.cr); head.append(ASCII.lf)

        guard sendsBody else { return Output(chunks: [head], closeConnection: !keepAlive) }
        if body.count <= coalesceLimit {
            head.append(contentsOf: body)
            return Output(chunks: [head], closeConnection: !keepAlive)
        }
        return Output(chunks: [head, body], closeConnection: !keepAlive)
    }

    /// The server's own problem answers: always `Connection: close`.
    static func serialize(problem: HTTPProblem, version: HTTPVersion = .http1_1, extraHeaders: HTTPHeaders = HTTPHeaders()) -> Output {
        var response = problem.makeResponse(closeConnection: true)
        for field in extraHeaders { response.headers.add(name: field.name, value: field.value) }
        return serialize(response, context: Context(version: version, keepAlive: false))
    }

    /// `100 Continue` (RFC 9110 §15.2.1).
    static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Field text from the handler, with CR, LF and NUL replaced so a value can never split the response.
    private static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf || $0 == 0 }) {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                out.append(byte == ASCII.cr || byte == ASCII.lf || byte == 0 ? ASCII.space : byte)
            }
        }
    }

    private static func addVaryAcceptEncoding(_ headers: inout HTTPHeaders) {
        let existing = headers.values(for: "Vary")
        if existing.contains(where: { $0.lowercased().contains("accept-encoding") || $0.contains("*") }) { return }
        if existing.isEmpty {
            headers.add(name: "Vary", value: "Accept-Encoding")
        } else {
            headers.replaceOrAdd(name: "Vary", value: (existing + ["Accept-Encoding"]).joined(separator: ", "))
        }
    }

    /// Text-like media types; images, archives and the like are already compressed.
    static func isCompressible(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(inASCII: true) } ?? ""
        return mediaType.hasPrefix("text/")
            || mediaType == "application/json" || mediaType.hasSuffix("+json")
            || mediaType == "application/xml" || mediaType.hasSuffix("+xml")
            || mediaType == "application/javascript" || mediaType == "application/x-ndjson"
            || mediaType == "image/svg+xml"
    }
}
