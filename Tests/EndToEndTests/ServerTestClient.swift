import DossierTestSupport
import DossierAPI
import DossierIngest
import DossierStore
import Foundation
import Glibc
import HTTPServer
import Logging

struct WireError: Error, CustomStringConvertible {
    var description: String
}

/// A response as read off the wire.
struct WireResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
    var ids: [String] { items.compactMap { $0["id"] as? String } }
}

/// A blocking HTTP/1.1 client over a plain TCP socket to 127.0.0.1 (no URLSession), keep-alive by default.
/// Every read and write has a timeout, so a test fails rather than hangs.
final class WireClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, timeout: Double = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WireError(description: "socket: errno \(errno)") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw WireError(description: "connect to 127.0.0.1:\(port): errno \(code)")
        }
    }

    deinit {
        Glibc.close(fd)
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw WireError(description: "send: errno \(errno)") }
            sent += count
        }
    }

    /// Sends one request built from its parts (`Host` and, with a body, `Content-Length` added) and reads the answer.
    func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> WireResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try send(Array(head.utf8) + body)
        return try readResponse(head: method == "HEAD")
    }

    func get(_ target: String, headers: [(String, String)] = []) throws -> WireResponse {
        try request("GET", target, headers: headers)
    }

    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        throw WireError(description: "recv: errno \(errno) (timed out?)")
    }

    /// Reads one response (Content-Length or chunked framing, or up to the end of the stream).
    func readResponse(head: Bool = false) throws -> WireResponse {
        var end: Int?
        while end == nil {
            end = Self.find([13, 10, 13, 10], in: buffer, from: 0)
            if end == nil, try !fill() { throw WireError(description: "closed before a response head") }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw WireError(description: "bad status line in \(headText)")
        }
        let headers = lines.map { line -> (name: String, value: String) in
            let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
            return (name: parts[0], value: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        var response = WireResponse(status: status, headers: headers, body: [])
        if head || status / 100 == 1 || status == 204 || status == 304 { return response }
        if let length = response.header("Content-Length").flatMap(Int.init) {
            while buffer.count < length {
                guard try fill() else { throw WireError(description: "closed inside a body") }
            }
            response.body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            while true {
                var lineEnd = Self.find([13, 10], in: buffer, from: 0)
                while lineEnd == nil {
                    guard try fill() else { throw WireError(description: "closed inside a chunk size") }
                    lineEnd = Self.find([13, 10], in: buffer, from: 0)
                }
                let sizeText = String(decoding: buffer[0..<lineEnd!], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw WireError(description: "bad chunk size \(sizeText)")
                }
                buffer.removeFirst(lineEnd! + 2)
                while buffer.count < size + 2 {
                    guard try fill() else { throw WireError(description: "closed inside a chunk") }
                }
                if size == 0 { buffer.removeFirst(2); break }
                response.body += buffer[0..<size]
                buffer.removeFirst(size + 2)
            }
        } else {
            while try fill() {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count + start else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// The real server in this process: `HTTPServer` and `makeRouter` on 127.0.0.1 port 0, over a database in a
/// temporary folder seeded from the repository's `seeds/` through `Seeder` (the ingest path the CLI uses).
final class SeededServer {
    static let token = "wire-test-token"
    let folder: TemporaryDirectory
    let databasePath: String
    let store: DossierStore
    let server: HTTPServer
    let port: Int

    init() throws {
        folder = try TemporaryDirectory()
        databasePath = folder.path("dossier.sqlite")
        store = try DossierStore(path: databasePath)
        let seeds = DossierProcess.packageRoot.appendingPathComponent("seeds").path
        let (outcome, _) = try Seeder(store: store).seedIfNeeded(folder: seeds)
        guard case .seeded(let created, 0) = outcome, created == 3 else {
            throw WireError(description: "seeding gave \(outcome)")
        }
        let configuration = APIConfiguration(apiToken: Self.token, maxBodyBytes: 1 << 20, gzip: { Gzip.compress($0) })
        var quiet = Logger(label: "dossier.access")
        quiet.logLevel = .warning
        let router = makeRouter(store: store, configuration: configuration, readiness: Readiness(ready: true), logger: quiet)
        var limits = ServerLimits()
        limits.headerTimeout = 5
        limits.bodyTimeout = 5
        limits.idleTimeout = 10
        server = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, limits: limits), handler: router)
        port = try server.start().port
    }

    func connect() throws -> WireClient {
        try WireClient(port: port)
    }

    deinit {
        server.shutdown(gracePeriod: .seconds(1))
        _ = server.waitUntilStopped(timeout: .seconds(5))
    }
}
