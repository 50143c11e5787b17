import Testing
import HTTPServer

@Suite("ServerLimits")
struct ServerLimitsTests {
    @Test("defaults are safe")
    func defaults() {
        let limits = ServerLimits()
        #expect(limits.headerTimeout <= 10)
        #expect(limits.bodyTimeout <= 20)
        #expect(limits.maxConnections >= 4096)
        #expect(limits.handlerConcurrency >= 2)
        #expect(limits.maxBodyBytes > 0 && limits.maxHeaderBytes > 0 && limits.maxRequestLineBytes > 0)
    }

    @Test("reads every variable from the environment")
    func environment() throws {
        let limits = try ServerLimits.fromEnvironment([
            "DOSSIER_MAX_CONNECTIONS": "20000", "DOSSIER_HEADER_TIMEOUT": "0.5", "DOSSIER_BODY_TIMEOUT": "12",
            "DOSSIER_IDLE_TIMEOUT": "30", "DOSSIER_WRITE_TIMEOUT": "7.25", "DOSSIER_MAX_BODY_BYTES": "1048576",
            "DOSSIER_MAX_HEADER_BYTES": "16384", "DOSSIER_MAX_HEADER_COUNT": "50", "DOSSIER_MAX_REQUEST_LINE": "4096",
            "DOSSIER_BACKLOG": "512", "DOSSIER_HANDLER_CONCURRENCY": "3", "UNRELATED": "x",
        ])
        #expect(limits == ServerLimits(
            maxRequestLineBytes: 4096, maxHeaderBytes: 16384, maxHeaderCount: 50, maxBodyBytes: 1_048_576,
            headerTimeout: 0.5, bodyTimeout: 12, idleTimeout: 30, writeTimeout: 7.25, maxConnections: 20000,
            backlog: 512, handlerConcurrency: 3))
        #expect(try ServerLimits.fromEnvironment([:]) == ServerLimits())
    }

    @Test("names the variable whose value is unusable", arguments: [
        ("DOSSIER_MAX_CONNECTIONS", "many"), ("DOSSIER_MAX_CONNECTIONS", "0"), ("DOSSIER_MAX_CONNECTIONS", "-5"),
        ("DOSSIER_MAX_CONNECTIONS", "+5"), ("DOSSIER_HEADER_TIMEOUT", "0"), ("DOSSIER_HEADER_TIMEOUT", "-1"),
        ("DOSSIER_HEADER_TIMEOUT", "inf"), ("DOSSIER_HEADER_TIMEOUT", "nan"), ("DOSSIER_BODY_TIMEOUT", "1e3"),
        ("DOSSIER_IDLE_TIMEOUT", ""), ("DOSSIER_MAX_BODY_BYTES", "1.5"), ("DOSSIER_BACKLOG", "99999999999999999999"),
        ("DOSSIER_HANDLER_CONCURRENCY", "two"), ("DOSSIER_MAX_HEADER_COUNT", "0x10"), ("DOSSIER_MAX_REQUEST_LINE", " "),
        ("DOSSIER_MAX_HEADER_BYTES", "1 2"),
    ])
    func invalid(variable: String, value: String) {
        #expect {
            _ = try ServerLimits.fromEnvironment([variable: value])
        } throws: { error in
            guard let error = error as? ServerLimitsError else { return false }
            return error.variable == variable && error.value == value && error.description.contains(variable)
        }
    }
}
