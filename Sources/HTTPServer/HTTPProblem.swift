/// An RFC 9457 problem detail as the server renders it: `application/problem+json` with the members
/// `type`, `title`, `status` and `detail`.
///
/// The server uses it for the errors it produces itself (`HTTPParseError`, timeouts, the connection limit);
/// applications may use it too, or render their own richer problems.
public struct HTTPProblem: Sendable, Equatable {
    /// A stable URI reference naming the kind of problem, e.g. `/problems/header-fields-too-large`.
    public var type: String
    /// A short summary of the kind, the same for every instance.
    public var title: String
    public var status: HTTPStatus
    /// What was wrong with this request.
    public var detail: String

    public init(type: String, title: String, status: HTTPStatus, detail: String) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }

    /// The problem as a response: JSON body, `Content-Type: application/problem+json`, and
    /// `Connection: close` when `closeConnection` is set.
    public func makeResponse(closeConnection: Bool = false) -> HTTPResponse {
        var json = "{\"type\":"
        JSONString.append(type, to: &json)
        json += ",\"title\":"
        JSONString.append(title, to: &json)
        json += ",\"status\":\(status.code),\"detail\":"
        JSONString.append(detail, to: &json)
        json += "}"
        var headers: HTTPHeaders = ["Content-Type": "application/problem+json"]
        if closeConnection { headers.add(name: "Connection", value: "close") }
        return HTTPResponse(status: status, headers: headers, body: Array(json.utf8))
    }

    /// 503 for a client accepted while the server already holds `ServerLimits.maxConnections`.
    static func overCapacity(limit: Int) -> HTTPProblem {
        HTTPProblem(
            type: "/problems/server-busy", title: HTTPStatus.serviceUnavailable.reasonPhrase,
            status: .serviceUnavailable,
            detail: "The server is at its limit of \(limit) open connections; retry shortly.")
    }
}

/// Minimal JSON string escaping (RFC 8259 §7) for the server's own problem bodies.
enum JSONString {
    static func append(_ text: String, to out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
