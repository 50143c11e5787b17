import DossierTestSupport
import Foundation
import Glibc
import HTTPTestSupport
import Testing

@Suite("dossier serve as a process")
struct ServerProcessTests {
    /// Reads what `handle` has written until `line` shows up or `seconds` pass; returns everything read.
    static func readUntil(_ handle: FileHandle, contains marker: String, seconds: Double) -> String {
        var collected: [UInt8] = []
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let fd = handle.fileDescriptor
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) >= 0 else { break }
            if descriptor.revents == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            collected += chunk[0..<count]
            if String(decoding: collected, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: collected, as: UTF8.self)
    }

    @Test("serve --port 0 prints the address, becomes ready, and exits 0 on SIGTERM")
    func serveLifecycle() throws {
        let folder = try TemporaryDirectory()
        let seeds = DossierProcess.packageRoot.appendingPathComponent("seeds").path
        let process = DossierProcess.makeProcess([
            "serve", "--db", folder.path("dossier.sqlite"), "--host", "127.0.0.1", "--port", "0", "--seeds", seeds,
        ])
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

        let printed = Self.readUntil(out.fileHandleForReading, contains: "\n", seconds: 60)
        let line = try #require(printed.split(separator: "\n").first { $0.hasPrefix("listening on 127.0.0.1:") })
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        #expect(port > 0)

        var readyStatus = 0
        let ready = DossierProcess.waitUntil(seconds: 120) {
            readyStatus = (try? RawClient(port: port, receiveTimeout: 10).get("/readyz").status) ?? 0
            return readyStatus == 200
        }
        #expect(ready, "last /readyz status \(readyStatus)")
        let client = try RawClient(port: port, receiveTimeout: 10)
        #expect(try client.get("/healthz").status == 200)
        #expect(try client.get("/v1/articles").ids.count == 3)

        kill(process.processIdentifier, SIGTERM)
        let exited = DossierProcess.waitUntil(seconds: 30) { !process.isRunning }
        #expect(exited)
        if exited {
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0)
        }
    }

    @Test("the access log: one line per request on standard error, while serving and flushed at exit")
    func accessLogLines() throws {
        let folder = try TemporaryDirectory()
        let process = DossierProcess.makeProcess([
            "serve", "--db", folder.path("dossier.sqlite"), "--host", "127.0.0.1", "--port", "0", "--no-seed",
        ])
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

        let printed = Self.readUntil(out.fileHandleForReading, contains: "\n", seconds: 60)
        let line = try #require(printed.split(separator: "\n").first { $0.hasPrefix("listening on 127.0.0.1:") })
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        let ready = DossierProcess.waitUntil(seconds: 120) {
            ((try? RawClient(port: port, receiveTimeout: 10).get("/readyz").status) ?? 0) == 200
        }
        try #require(ready)
        let client = try RawClient(port: port, receiveTimeout: 10)
        #expect(try client.get("/v1/articles/no-such-article").status == 404)

        // Written by the batching handler's timer while the server keeps running, not only at exit.
        var log = Self.readUntil(err.fileHandleForReading, contains: "GET /v1/articles/{id} 404 ", seconds: 30)
        let accessLine = try #require(log.split(separator: "\n").first { $0.contains("GET /v1/articles/{id} 404 ") })
        // StreamLogHandler's shape: `<local ISO 8601 time> info dossier.access: [DossierAPI] GET <route> <status> <ms>ms id=<id>`.
        let fields = accessLine.split(separator: " ")
        #expect(fields.count == 9, "\(accessLine)")
        if fields.count == 9 {
            #expect(fields[0].count >= 24 && fields[0].contains("T"))
            #expect(fields[1] == "info")
            #expect(fields[2] == "dossier.access:")
            #expect(fields[3] == "[DossierAPI]")
            #expect(fields[7].hasSuffix("ms") && Double(fields[7].dropLast(2)) != nil)
            #expect(fields[8].hasPrefix("id=") && fields[8].count > 3)
        }
        // The raw path never reaches the log, only the route template.
        #expect(!log.contains("no-such-article"))

        #expect(try client.get("/healthz").status == 200)
        kill(process.processIdentifier, SIGTERM)
        #expect(DossierProcess.waitUntil(seconds: 30) { !process.isRunning })
        log += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /healthz 200 "), "the line of the last request is flushed at exit")
    }
}
