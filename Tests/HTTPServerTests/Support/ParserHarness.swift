@testable import HTTPServer

/// Feeds a parser and renders what came out as comparable text.
enum ParserHarness {
    struct Outcome: Equatable, CustomStringConvertible {
        var events: [String]
        var error: HTTPParseError?
        var description: String { "\(events) error: \(error.map { "\($0)" } ?? "none")" }
    }

    static func render(_ request: HTTPRequest) -> String {
        let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        let headers = request.headers.map { "\($0.name): \($0.value)" }.joined(separator: "|")
        let trailers = request.trailers.map { "\($0.name): \($0.value)" }.joined(separator: "|")
        return "\(request.method) \(request.target) path=\(request.path) query=\(query) \(request.version) "
            + "headers=\(headers) body=\(String(decoding: request.body, as: UTF8.self)) trailers=\(trailers)"
    }

    /// Feeds `chunks` in order, draining events after each.
    static func parse(_ chunks: [ArraySlice<UInt8>], limits: ServerLimits = .default) -> Outcome {
        var parser = RequestParser(limits: limits)
        var outcome = Outcome(events: [], error: nil)
        for chunk in chunks {
            parser.append(Array(chunk))
            do {
                while let event = try parser.next() {
                    switch event {
                    case .continueExpected: outcome.events.append("100-continue")
                    case .request(let request): outcome.events.append(render(request))
                    }
                }
            } catch {
                outcome.error = error
                return outcome
            }
        }
        return outcome
    }

    static func whole(_ text: String, limits: ServerLimits = .default) -> Outcome {
        parse([Array(text.utf8)[...]], limits: limits)
    }

    /// Outcomes for every two-way split of the bytes, plus one byte at a time. `100-continue` events are
    /// dropped, since whether one is due depends on whether the body arrived with the head.
    static func allSplits(_ text: String, limits: ServerLimits = .default) -> [Outcome] {
        let bytes = Array(text.utf8)
        var outcomes: [Outcome] = []
        for split in 0...bytes.count {
            outcomes.append(parse([bytes[0..<split], bytes[split...]], limits: limits))
        }
        outcomes.append(parse(bytes.indices.map { bytes[$0...$0] }, limits: limits))
        return outcomes.map { Outcome(events: $0.events.filter { $0 != "100-continue" }, error: $0.error) }
    }
}
