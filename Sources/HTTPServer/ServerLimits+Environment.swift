/// A variable in the environment that does not hold a usable value.
public struct ServerLimitsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The variable's name, e.g. `DOSSIER_HEADER_TIMEOUT`.
    public var variable: String
    /// The offending value, as found.
    public var value: String
    /// What was expected instead.
    public var expected: String

    public init(variable: String, value: String, expected: String) {
        self.variable = variable
        self.value = value
        self.expected = expected
    }

    public var description: String {
        "invalid \(variable)=\"\(value)\": expected \(expected)"
    }
}

extension ServerLimits {
    /// The environment variables read by `fromEnvironment(_:)`, each with the field it sets.
    public static let environmentVariables: [String] = [
        "DOSSIER_MAX_CONNECTIONS", "DOSSIER_HEADER_TIMEOUT", "DOSSIER_BODY_TIMEOUT", "DOSSIER_IDLE_TIMEOUT",
        "DOSSIER_WRITE_TIMEOUT", "DOSSIER_MAX_BODY_BYTES", "DOSSIER_MAX_HEADER_BYTES", "DOSSIER_MAX_HEADER_COUNT",
        "DOSSIER_MAX_REQUEST_LINE", "DOSSIER_BACKLOG", "DOSSIER_HANDLER_CONCURRENCY",
    ]

    /// The limits in `base` (the defaults unless given), overridden by any of these variables found in `env`:
    /// `DOSSIER_MAX_CONNECTIONS`, `DOSSIER_MAX_BODY_BYTES`, `DOSSIER_MAX_HEADER_BYTES`,
    /// `DOSSIER_MAX_HEADER_COUNT`, `DOSSIER_MAX_REQUEST_LINE`, `DOSSIER_BACKLOG`,
    /// `DOSSIER_HANDLER_CONCURRENCY` (positive integers) and `DOSSIER_HEADER_TIMEOUT`,
    /// `DOSSIER_BODY_TIMEOUT`, `DOSSIER_IDLE_TIMEOUT`, `DOSSIER_WRITE_TIMEOUT` (positive seconds, decimals
    /// allowed: `0.5`).
    ///
    /// - Throws: `ServerLimitsError` naming the first variable whose value is not usable.
    public static func fromEnvironment(
        _ env: [String: String], base: ServerLimits = .default
    ) throws(ServerLimitsError) -> ServerLimits {
        var limits = base
        try readInteger(env, "DOSSIER_MAX_CONNECTIONS", into: &limits.maxConnections)
        try readInteger(env, "DOSSIER_MAX_BODY_BYTES", into: &limits.maxBodyBytes, minimum: 0)
        try readInteger(env, "DOSSIER_MAX_HEADER_BYTES", into: &limits.maxHeaderBytes)
        try readInteger(env, "DOSSIER_MAX_HEADER_COUNT", into: &limits.maxHeaderCount)
        try readInteger(env, "DOSSIER_MAX_REQUEST_LINE", into: &limits.maxRequestLineBytes)
        try readInteger(env, "DOSSIER_BACKLOG", into: &limits.backlog)
        try readInteger(env, "DOSSIER_HANDLER_CONCURRENCY", into: &limits.handlerConcurrency)
        try readSeconds(env, "DOSSIER_HEADER_TIMEOUT", into: &limits.headerTimeout)
        try readSeconds(env, "DOSSIER_BODY_TIMEOUT", into: &limits.bodyTimeout)
        try readSeconds(env, "DOSSIER_IDLE_TIMEOUT", into: &limits.idleTimeout)
        try readSeconds(env, "DOSSIER_WRITE_TIMEOUT", into: &limits.writeTimeout)
        return limits
    }

    private static func readInteger(
        _ env: [String: String], _ name: String, into field: inout Int, minimum: Int = 1
    ) throws(ServerLimitsError) {
        guard let raw = env[name] else { return }
        let text = raw.trimmingASCIISpaces()
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let value = Int(text), value >= minimum
        else {
            throw ServerLimitsError(variable: name, value: raw, expected: "an integer ≥ \(minimum)")
        }
        field = value
    }

    private static func readSeconds(
        _ env: [String: String], _ name: String, into field: inout Double
    ) throws(ServerLimitsError) {
        guard let raw = env[name] else { return }
        let text = raw.trimmingASCIISpaces()
        // Plain decimals only ("10", "0.5"): no signs, exponents, "inf" or "nan".
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }),
              let value = Double(text), value.isFinite, value > 0
        else {
            throw ServerLimitsError(variable: name, value: raw, expected: "a positive number of seconds, e.g. 10 or 0.5")
        }
        field = value
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var bytes = Substring(self).utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return String(Substring(bytes))
    }
}
