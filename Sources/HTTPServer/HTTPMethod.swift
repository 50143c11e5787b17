/// A request method token (RFC 9110 §9). Open set: any token parses, the standard ones have constants.
///
/// The parser accepts any syntactically valid token; the server answers 501 only for tokens that are not
/// standard methods (API.md: a standard method on a route that does not allow it is the router's 405).
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let options = HTTPMethod(rawValue: "OPTIONS")
    public static let trace = HTTPMethod(rawValue: "TRACE")
    public static let connect = HTTPMethod(rawValue: "CONNECT")
    /// The safe method with a body (IETF draft-ietf-httpbis-safe-method-w-body, in the IANA method registry).
    /// Known, so that a route which does not allow it answers 405 with `Allow` rather than 501.
    public static let query = HTTPMethod(rawValue: "QUERY")

    /// The methods of RFC 9110 §9 plus PATCH (RFC 5789) and QUERY. Methods are case-sensitive: `get` is not GET.
    public static let standard: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options, .trace, .connect, .query]

    public var isStandard: Bool { HTTPMethod.standard.contains(self) }

    public var description: String { rawValue }
}
