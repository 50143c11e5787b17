/// Why the server refused a request before any handler saw it. Each case knows its status and its stable
/// problem type; the server answers every one with an RFC 9457 problem body and closes the connection,
/// since after any of them the framing of what follows is in doubt.
public enum HTTPParseError: Error, Equatable, Sendable {
    /// The bytes are not an HTTP/1.x request at all (e.g. a TLS handshake): 400.
    case notHTTP
    /// The request line is not `method SP target SP version` (RFC 9112 §3): 400.
    case malformedRequestLine
    /// The request line is longer than `ServerLimits.maxRequestLineBytes`: 414.
    case requestLineTooLong(limit: Int)
    /// A syntactically valid method token that is not a standard method: 501 (RFC 9110 §9.1).
    case unknownMethod(String)
    /// A well-formed version other than HTTP/1.0 and HTTP/1.1: 505.
    case unsupportedVersion(String)
    /// The request target is not a valid origin-, absolute-, authority- or asterisk-form, has an invalid
    /// percent-encoding or does not decode to UTF-8: 400.
    case invalidRequestTarget(reason: String)
    /// A header or trailer line that is not `name: value` with a token name and a valid value: 400.
    case malformedHeaderField(reason: String)
    /// A field line starting with whitespace: obsolete line folding is refused (RFC 9112 §5.2): 400.
    case obsoleteLineFolding
    /// The header (or trailer) section exceeds `ServerLimits.maxHeaderBytes`: 431.
    case headerSectionTooLarge(limit: Int)
    /// More header (or trailer) fields than `ServerLimits.maxHeaderCount`: 431.
    case tooManyHeaderFields(limit: Int)
    /// An HTTP/1.1 request without `Host` (RFC 9112 §3.2): 400.
    case missingHost
    /// More than one `Host` field: 400.
    case duplicateHost
    /// A `Content-Length` that is not one plain run of digits (`+5`, `-1`, `0x5`, empty), or several that
    /// differ (RFC 9112 §6.3): 400.
    case invalidContentLength(String)
    /// Both `Content-Length` and `Transfer-Encoding`: the classic request-smuggling ambiguity: 400.
    case contentLengthWithTransferEncoding
    /// `Transfer-Encoding` whose final coding is not `chunked`, or `chunked` applied twice: 400.
    case transferEncodingNotChunked(String)
    /// `Transfer-Encoding` in an HTTP/1.0 request, whose framing cannot be trusted (RFC 9112 §6.1): 400.
    case transferEncodingInHTTP10
    /// A transfer coding before `chunked` that the server does not implement (e.g. `gzip, chunked`): 501.
    case unsupportedTransferCoding(String)
    /// A chunked body whose chunk sizes, extensions or line endings are malformed: 400.
    case invalidChunk(reason: String)
    /// A body larger than `ServerLimits.maxBodyBytes`: 413.
    case contentTooLarge(limit: Int)
    /// An `Expect` value other than `100-continue`: 417.
    case unsupportedExpectation(String)
    /// The header section did not arrive within `ServerLimits.headerTimeout`: 408.
    case headerTimeout(seconds: Double)
    /// The body did not arrive within `ServerLimits.bodyTimeout`: 408.
    case bodyTimeout(seconds: Double)

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch self {
        case .notHTTP, .malformedRequestLine, .invalidRequestTarget, .malformedHeaderField, .obsoleteLineFolding,
             .missingHost, .duplicateHost, .invalidContentLength, .contentLengthWithTransferEncoding,
             .transferEncodingNotChunked, .transferEncodingInHTTP10, .invalidChunk:
            return .badRequest
        case .requestLineTooLong: return .uriTooLong
        case .unknownMethod, .unsupportedTransferCoding: return .notImplemented
        case .unsupportedVersion: return .httpVersionNotSupported
        case .headerSectionTooLarge, .tooManyHeaderFields: return .requestHeaderFieldsTooLarge
        case .contentTooLarge: return .contentTooLarge
        case .unsupportedExpectation: return .expectationFailed
        case .headerTimeout, .bodyTimeout: return .requestTimeout
        }
    }

    /// The RFC 9457 problem the server sends: a stable `type` per kind, and a `detail` for this instance.
    public var problem: HTTPProblem {
        HTTPProblem(type: "/problems/" + slug, title: status.reasonPhrase, status: status, detail: detail)
    }

    private var slug: String {
        switch self {
        case .notHTTP: return "not-http"
        case .malformedRequestLine: return "malformed-request-line"
        case .requestLineTooLong: return "request-line-too-long"
        case .unknownMethod: return "method-not-implemented"
        case .unsupportedVersion: return "http-version-not-supported"
        case .invalidRequestTarget: return "invalid-request-target"
        case .malformedHeaderField: return "malformed-header-field"
        case .obsoleteLineFolding: return "obsolete-line-folding"
        case .headerSectionTooLarge: return "header-fields-too-large"
        case .tooManyHeaderFields: return "too-many-header-fields"
        case .missingHost: return "missing-host"
        case .duplicateHost: return "duplicate-host"
        case .invalidContentLength: return "invalid-content-length"
        case .contentLengthWithTransferEncoding: return "ambiguous-message-length"
        case .transferEncodingNotChunked, .transferEncodingInHTTP10: return "invalid-transfer-encoding"
        case .unsupportedTransferCoding: return "unsupported-transfer-coding"
        case .invalidChunk: return "invalid-chunked-body"
        case .contentTooLarge: return "content-too-large"
        case .unsupportedExpectation: return "expectation-failed"
        case .headerTimeout: return "header-timeout"
        case .bodyTimeout: return "body-timeout"
        }
    }

    private var detail: String {
        switch self {
        case .notHTTP:
            return "The bytes received are not an HTTP/1.x request."
        case .malformedRequestLine:
            return "The request line must be 'METHOD SP request-target SP HTTP-version' (RFC 9112 §3)."
        case .requestLineTooLong(let limit):
            return "The request line exceeds \(limit) bytes."
        case .unknownMethod(let method):
            return "The method '\(method)' is not implemented; methods are case-sensitive."
        case .unsupportedVersion(let version):
            return "'\(version)' is not supported; use HTTP/1.1 or HTTP/1.0."
        case .invalidRequestTarget(let reason):
            return "The request target is invalid: \(reason)."
        case .malformedHeaderField(let reason):
            return "A header field is malformed: \(reason)."
        case .obsoleteLineFolding:
            return "A header field line starts with whitespace; obsolete line folding is not accepted (RFC 9112 §5.2)."
        case .headerSectionTooLarge(let limit):
            return "The header section exceeds \(limit) bytes."
        case .tooManyHeaderFields(let limit):
            return "The request has more than \(limit) header fields."
        case .missingHost:
            return "An HTTP/1.1 request must carry exactly one Host header field; none was sent."
        case .duplicateHost:
            return "The request carries more than one Host header field."
        case .invalidContentLength(let value):
            return "Content-Length '\(value)' is not a single non-negative decimal integer."
        case .contentLengthWithTransferEncoding:
            return "The request carries both Content-Length and Transfer-Encoding; its length is ambiguous."
        case .transferEncodingNotChunked(let value):
            return "Transfer-Encoding '\(value)' does not end in a single 'chunked' coding."
        case .transferEncodingInHTTP10:
            return "Transfer-Encoding is not allowed in an HTTP/1.0 request."
        case .unsupportedTransferCoding(let value):
            return "The transfer coding '\(value)' is not implemented; only 'chunked' is."
        case .invalidChunk(let reason):
            return "The chunked body is malformed: \(reason)."
        case .contentTooLarge(let limit):
            return "The request body exceeds \(limit) bytes."
        case .unsupportedExpectation(let value):
            return "The expectation '\(value)' is not supported; only '100-continue' is."
        case .headerTimeout(let seconds):
            return "The request header section did not arrive within \(Self.format(seconds)) seconds."
        case .bodyTimeout(let seconds):
            return "The request body did not arrive within \(Self.format(seconds)) seconds."
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
