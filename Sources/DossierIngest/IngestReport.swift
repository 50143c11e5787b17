/// What a batch ingest did, article by article.
public struct IngestReport: Sendable {
    public private(set) var created = 0
    public private(set) var updated = 0
    public private(set) var unchanged = 0
    public private(set) var failures: [IngestError] = []
    public private(set) var outcomes: [(file: String, outcome: IngestOutcome)] = []

    public init() {}

    public var processed: Int { created + updated + unchanged + failures.count }
    public var succeeded: Bool { failures.isEmpty }

    mutating func record(_ outcome: IngestOutcome, file: String) {
        switch outcome.status {
        case .created: created += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
        outcomes.append((file, outcome))
    }

    mutating func record(_ failure: IngestError) {
        failures.append(failure)
    }

    /// "3 created, 0 updated, 1 unchanged, 2 failed".
    public var summary: String {
        "\(created) created, \(updated) updated, \(unchanged) unchanged, \(failures.count) failed"
    }
}
