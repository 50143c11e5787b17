import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Healthcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit 0 when the server's /healthz answers 200 (the container's health check).",
        discussion: "A plain socket request: slim images have no curl.")

    @Option(name: .long, help: "URL to probe (default http://127.0.0.1:$DOSSIER_PORT/healthz, port 8080).")
    var url: String?

    @Option(name: .long, help: "Seconds to wait for an answer.")
    var timeout: Double = 3

    func run() throws {
        let settings = Settings()
        let target = try url ?? "http://127.0.0.1:\(settings.port(flag: nil, variable: "DOSSIER_PORT", default: 8080))/healthz"
        guard let endpoint = HTTPEndpoint(url: target) else {
            throw ValidationError("--url must look like http://HOST:PORT/PATH")
        }
        do {
            let status = try HealthProbe.get(endpoint, timeout: timeout)
            guard status == 200 else { throw CLIError("\(target) answered \(status)") }
            print("ok: \(target) answered 200")
        } catch let error as HealthProbe.Failure {
            throw CLIError("\(target): \(error.description)")
        }
    }
}

/// `http://host:port/path`, with `[v6]` hosts.
struct HTTPEndpoint: Equatable {
    var host: String
    var port: Int
    var path: String

    init?(url: String) {
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst(7)
        let authority = rest.prefix { $0 != "/" }
        path = rest.dropFirst(authority.count).isEmpty ? "/" : String(rest.dropFirst(authority.count))
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            port = after.hasPrefix(":") ? Int(after.dropFirst()) ?? -1 : 80
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = Int(authority[authority.index(after: colon)...]) ?? -1
        } else {
            host = String(authority)
            port = 80
        }
        guard !host.isEmpty, (1...65_535).contains(port) else { return nil }
    }
}

/// A minimal blocking HTTP/1.1 GET over a POSIX socket, returning the status code.
enum HealthProbe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(_ endpoint: HTTPEndpoint, timeout: Double) throws -> Int {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &result) == 0, let info = result else {
            throw Failure(description: "cannot resolve \(endpoint.host)")
        }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { throw Failure(description: "cannot create a socket") }
        defer { close(fd) }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            throw Failure(description: "connection refused or timed out")
        }
        let hostHeader = endpoint.host.contains(":") ? "[\(endpoint.host)]:\(endpoint.port)" : "\(endpoint.host):\(endpoint.port)"
        let request = "GET \(endpoint.path) HTTP/1.1\r\nHost: \(hostHeader)\r\nConnection: close\r\nUser-Agent: dossier-healthcheck\r\n\r\n"
        let sent = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        guard sent > 0 else { throw Failure(description: "cannot send the request") }
        var buffer = [UInt8](repeating: 0, count: 64)
        var received = 0
        while received < 12 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + received, 64 - received, 0) }
            guard count > 0 else { break }
            received += count
        }
        let head = String(decoding: buffer[0..<received], as: UTF8.self)
        let parts = head.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw Failure(description: "no HTTP answer")
        }
        return status
    }
}
