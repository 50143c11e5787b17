import Glibc

/// The address a server is bound to, as reported by `HTTPServer.start()`.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// The numeric host, e.g. `127.0.0.1` or `::1`.
    public var host: String
    /// The bound port; the real one when the configuration asked for port 0.
    public var port: Int
    /// Whether `host` is an IPv6 address.
    public var isIPv6: Bool

    public init(host: String, port: Int, isIPv6: Bool) {
        self.host = host
        self.port = port
        self.isIPv6 = isIPv6
    }

    /// `host:port`, with the IPv6 host in brackets (`[::1]:8080`), as in a URL authority.
    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Why the server could not start.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The host is neither an IP literal nor a name that resolves.
    case invalidHost(String)
    /// A system call failed with `errno`.
    case system(call: String, errno: Int32)
    /// `start()` was called on a server that is running or has stopped.
    case alreadyStarted

    public var description: String {
        switch self {
        case .invalidHost(let host): return "cannot listen on host '\(host)': not an IP address or resolvable name"
        case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .alreadyStarted: return "the server was already started"
        }
    }
}
