/// Turns a handler's `HTTPResponse` into the bytes sent for it (RFC 9112 §4, §6): status line, the
/// server's own fields, and the body, ready for one `sendmsg`.
///
/// Runs on the handler thread right after the handler, so gzip never occupies an I/O queue; immediate
/// answers (`HTTPHandler.respondImmediately`) are serialised on the I/O queue, so this stays a single pass
/// over the fields that builds no intermediate strings.
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
    /// Bodies up to this size are copied behind the head into one buffer. Larger ones are sent from their
    /// own storage, which a cached answer shares with every response of it, in the same `sendmsg`: copying
    /// them (and allocating room for the copy) would cost more than the second I/O vector.
    static let coalesceLimit = 1024

    static func serialize(_ response: HTTPResponse, context: Context) -> Output {
        var body = response.body
        let code = response.status.code
        let bodyless = (100..<200).contains(code) || code == 204 || code == 304
        // One pass over the handler's fields: what it set, what it asked for. Nothing is copied or lowercased.
        let fields = response.headers.fields
        // Fields prepared once (`HTTPHeaders.prepared()`) are summarised already; only the rest are examined.
        let prepared = response.headers.serialized
        var seen = prepared?.seen ?? SeenFields()
        for index in (prepared?.count ?? 0)..<fields.count { seen.note(fields[index]) }
        let keepAlive = context.keepAlive && !seen.connectionClose

        // Vary is merged (every Vary field replaced by one at the end) or added when gzip is possible.
        var vary: String?
        var gzipped = false
        if context.compression && !bodyless && body.count >= compressionThreshold
            && !seen.contentEncoding && isCompressible(seen.contentType) {
            if !seen.varyCoversEncoding {
                vary = seen.varyCount == 0
                    ? "Accept-Encoding" : (response.headers.values(for: "Vary") + ["Accept-Encoding"]).joined(separator: ", ")
            }
            if context.acceptsGzip {
                let compressed = Gzip.compress(body)
                if compressed.count < body.count {
                    body = compressed
                    gzipped = true
                }
            }
        }
        let length: LengthField
        if (100..<200).contains(code) || code == 204 {
            length = .drop
        } else if code == 304 || (context.isHead && body.isEmpty && seen.contentLength) {
            // Keep what the handler said the GET body's length would be.
            length = .keep
        } else {
            length = .replace
        }

        let sendsBody = !bodyless && !context.isHead && !body.isEmpty
        let coalesced = sendsBody && body.count <= coalesceLimit
        var head: [UInt8] = []
        head.reserveCapacity(160 + seen.byteCount + (vary?.utf8.count ?? 0) + (coalesced ? body.count : 0))
        head.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(code, to: &head)
        head.append(ASCII.space)
        appendSanitized(response.status.reasonPhrase, to: &head)
        appendCRLF(to: &head)
        // The prepared bytes stand as they are unless one of their fields is to be dropped or replaced.
        var firstExamined = 0
        if let prepared, !prepared.seen.connection, !prepared.seen.transferEncoding, !prepared.seen.keepAlive,
           !(prepared.seen.contentLength && length != .keep), !(prepared.seen.varyCount > 0 && vary != nil) {
            head.append(contentsOf: prepared.bytes)
            firstExamined = prepared.count
        }
        for index in firstExamined..<fields.count {
            let field = fields[index]
            switch FieldName(field.name) {
            case .connection, .transferEncoding, .keepAlive: continue
            case .vary where vary != nil && seen.varyCount > 0: continue
            case .contentLength where length != .keep: continue
            default: break
            }
            appendField(field, to: &head)
        }
        if let vary { appendField("Vary: ", vary, to: &head) }
        if gzipped { head.append(contentsOf: "Content-Encoding: gzip\r\n".utf8) }
        if length == .replace {
            head.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(body.count, to: &head)
            appendCRLF(to: &head)
        }
        if !body.isEmpty && seen.contentType == nil { head.append(contentsOf: "Content-Type: application/octet-stream\r\n".utf8) }
        if !seen.date {
            head.append(contentsOf: "Date: ".utf8)
            HTTPDate.appendNow(to: &head)
            appendCRLF(to: &head)
        }
        if !seen.server { head.append(contentsOf: "Server: dossier\r\n".utf8) }
        if !keepAlive {
            head.append(contentsOf: "Connection: close\r\n".utf8)
        } else if context.version == .http1_0 {
            head.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        appendCRLF(to: &head)

        guard sendsBody else { return Output(chunks: [head], closeConnection: !keepAlive) }
        if coalesced {
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
}
