import Foundation
import Glibc

/// The POSIX calls the server needs, with errors as `ServerError`.
enum Socket {
    /// A bound, listening, non-blocking socket and the address it got.
    static func listen(host: String, port: Int, backlog: Int) throws(ServerError) -> (fd: Int32, address: SocketAddress) {
        guard (0...65535).contains(port) else { throw .invalidHost("\(host):\(port)") }
        var storage = try resolve(host: host, port: port)
        let family = Int32(storage.ss_family)
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system(call: "socket", errno: errno) }
        do throws(ServerError) {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            if family == AF_INET6 {
                // Dual-stack where possible, so `::` takes IPv4 clients too.
                _ = try? setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0)
            }
            let length = family == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size
            let bound = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(length)) }
            }
            guard bound == 0 else { throw ServerError.system(call: "bind", errno: errno) }
            guard Glibc.listen(fd, Int32(clamping: backlog)) == 0 else { throw ServerError.system(call: "listen", errno: errno) }
            return (fd, try localAddress(fd))
        } catch {
            close(fd)
            throw error
        }
    }

    /// The numeric address of `host` (an IPv4 or IPv6 literal, bracketed or not, or a resolvable name).
    private static func resolve(host: String, port: Int) throws(ServerError) -> sockaddr_storage {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        var storage = sockaddr_storage()
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    address.pointee.sin_family = sa_family_t(AF_INET)
                    address.pointee.sin_port = in_port_t(UInt16(port).bigEndian)
                    address.pointee.sin_addr = v4
                }
            }
            return storage
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    address.pointee.sin6_family = sa_family_t(AF_INET6)
                    address.pointee.sin6_port = in_port_t(UInt16(port).bigEndian)
                    address.pointee.sin6_addr = v6
                }
            }
            return storage
        }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var results: UnsafeMutablePointer<addrinfo>?
        guard !name.isEmpty, getaddrinfo(name, String(port), &hints, &results) == 0, let first = results else {
            throw .invalidHost(host)
        }
        defer { freeaddrinfo(results) }
        guard let address = first.pointee.ai_addr else { throw .invalidHost(host) }
        withUnsafeMutableBytes(of: &storage) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(first.pointee.ai_addrlen)))
        }
        return storage
    }

    static func localAddress(_ fd: Int32) throws(ServerError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw .system(call: "getsockname", errno: errno) }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        if Int32(storage.ss_family) == AF_INET6 {
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                    return SocketAddress(host: Socket.string(text), port: Int(UInt16(bigEndian: address.pointee.sin6_port)), isIPv6: true)
                }
            }
        }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                var raw = address.pointee.sin_addr
                inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                return SocketAddress(host: Socket.string(text), port: Int(UInt16(bigEndian: address.pointee.sin_port)), isIPv6: false)
            }
        }
    }

    static func string(_ text: [CChar]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(ServerError) {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw .system(call: "setsockopt", errno: errno)
        }
    }

    /// Raises the open-file soft limit to the hard limit so thousands of connections fit; returns the
    /// soft limit in force afterwards.
    @discardableResult
    static func raiseOpenFileLimit() -> Int {
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 else { return 1024 }
        if limits.rlim_cur < limits.rlim_max {
            var raised = limits
            raised.rlim_cur = limits.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { return Int(clamping: raised.rlim_cur) }
        }
        return Int(clamping: limits.rlim_cur)
    }

    /// Writes to a socket whose peer has gone must fail with EPIPE, not kill the process.
    static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Monotonic nanoseconds, for deadlines.
    @inline(__always) static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
