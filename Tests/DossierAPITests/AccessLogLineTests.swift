@testable import DossierAPI
import Testing

@Suite("AccessLogLine: one line per request")
struct AccessLogLineTests {
    @Test("method, route template, status, duration in milliseconds and request id")
    func format() {
        #expect(AccessLogLine.make(method: "GET", route: "/v1/articles/{id}", status: 200, seconds: 0.000042, requestID: "5f0c")
            == "GET /v1/articles/{id} 200 0.042ms id=5f0c")
        #expect(AccessLogLine.make(method: "POST", route: "/v1/articles", status: 413, seconds: 1.5, requestID: "r-1")
            == "POST /v1/articles 413 1500.000ms id=r-1")
    }

    @Test("non-ASCII request ids and negative durations stay within the line")
    func edges() {
        #expect(AccessLogLine.make(method: "GET", route: "/healthz", status: 200, seconds: -1, requestID: "ключ")
            == "GET /healthz 200 0.000ms id=ключ")
    }
}
