import Foundation

/// Resolves a setting from its flag, then its `DOSSIER_*` environment variable, then its default:
/// a flag beats its variable.
struct Settings {
    var environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    func string(flag: String?, variable: String, default defaultValue: String) -> String {
        if let flag { return flag }
        if let value = environment[variable], !value.isEmpty { return value }
        return defaultValue
    }

    func optionalString(flag: String?, variable: String) -> String? {
        if let flag { return flag }
        if let value = environment[variable], !value.isEmpty { return value }
        return nil
    }

    /// A port from the flag or variable; an invalid variable is an error naming it.
    func port(flag: Int?, variable: String, default defaultValue: Int) throws -> Int {
        if let flag { return flag }
        guard let text = environment[variable], !text.isEmpty else { return defaultValue }
        guard let value = Int(text), (0...65_535).contains(value) else {
            throw SettingsError(variable: variable, value: text, expected: "a port number 0–65535")
        }
        return value
    }
}

/// An environment variable with a value that cannot be used.
struct SettingsError: Error, CustomStringConvertible {
    var variable: String
    var value: String
    var expected: String
    var description: String { "\(variable)=\(value) is not valid: expected \(expected)" }
}
