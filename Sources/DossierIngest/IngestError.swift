/// Why an input could not be ingested: the file (or request), the line where known, and a reason that says
/// what to fix.
public struct IngestError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        case notFound
        case unreadable(String)
        case empty
        case binary
        case notUTF8
        case tooLarge(bytes: Int, limit: Int)
        case malformedJSON(String)
        case invalidField(name: String, problem: String)
        case unsupportedExtension(String)
        case storage(String)

        public var description: String {
            switch self {
            case .notFound: return "no such file or folder"
            case .unreadable(let detail): return "cannot be read (\(detail))"
            case .empty: return "is empty: an article needs a body"
            case .binary: return "looks binary (contains NUL bytes); articles are UTF-8 text"
            case .notUTF8: return "is not valid UTF-8; convert it (e.g. iconv -t UTF-8) and ingest it again"
            case .tooLarge(let bytes, let limit): return "is \(bytes) bytes, over the \(limit)-byte limit"
            case .malformedJSON(let detail): return "is not valid JSON: \(detail)"
            case .invalidField(let name, let problem): return "field \(name) \(problem)"
            case .unsupportedExtension(let ext): return "has extension .\(ext); use .txt, .json or .jsonl"
            case .storage(let detail): return "could not be stored: \(detail)"
            }
        }
    }

    public var file: String
    /// 1-based line (JSON lines) or record index (JSON arrays), when the problem is inside the file.
    public var line: Int?
    public var reason: Reason

    public init(file: String, line: Int? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
