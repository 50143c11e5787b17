import DossierModel
import Foundation

/// One input file and the articles it holds, or the reasons they could not be read.
///
/// Checks happen before parsing: size limit, emptiness, NUL bytes (binary), UTF-8 validity; JSON records are
/// validated one by one, so one malformed line fails alone.
public enum SourceFile {
    /// Files over this size are refused (a safety net against a stray database dump in the folder).
    public static let defaultMaximumBytes = 10 * 1024 * 1024

    /// The articles of one file: each either parsed, or an error for that line or record.
    public static func read(_ url: URL, maximumBytes: Int = defaultMaximumBytes) -> [Result<(article: ArticleSource, line: Int?), IngestError>] {
        let path = url.path
        let ext = url.pathExtension.lowercased()
        guard ["txt", "json", "jsonl"].contains(ext) else {
            return [.failure(IngestError(file: path, reason: .unsupportedExtension(ext)))]
        }
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumBytes else {
                return [.failure(IngestError(file: path, reason: .tooLarge(bytes: size, limit: maximumBytes)))]
            }
            data = try Data(contentsOf: url)
        } catch {
            return [.failure(IngestError(file: path, reason: .unreadable((error as NSError).localizedDescription)))]
        }
        guard data.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            return [.failure(IngestError(file: path, reason: .empty))]
        }
        guard !data.contains(0) else { return [.failure(IngestError(file: path, reason: .binary))] }
        guard let text = String(validating: data, as: UTF8.self) else {
            return [.failure(IngestError(file: path, reason: .notUTF8))]
        }
        switch ext {
        case "txt":
            let parts = ArticleTextParser.parse(text)
            guard !parts.body.isEmpty else { return [.failure(IngestError(file: path, reason: .empty))] }
            let article = ArticleText(
                id: ArticleTextParser.articleID(fileName: url.lastPathComponent), title: parts.title, body: parts.body,
                publishedAt: parts.publishedAt)
            return [.success((.text(article), nil))]
        case "jsonl":
            var results: [Result<(article: ArticleSource, line: Int?), IngestError>] = []
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingWhitespace()
                guard !trimmed.isEmpty else { continue }
                results.append(ArticleJSON.decode(Data(trimmed.utf8), file: path, line: offset + 1).map { (.input($0), offset + 1) })
            }
            return results.isEmpty ? [.failure(IngestError(file: path, reason: .empty))] : results
        default:
            return ArticleJSON.decodeDocument(Data(text.utf8), file: path).map { result in
                result.map { (.input($0.input), $0.index) }
            }
        }
    }
}

/// An article from a file: a parsed `.txt` (its id from the file name) or a JSON record.
public enum ArticleSource: Sendable {
    case text(ArticleText)
    case input(ArticleInput)
}
