import DossierModel
import Foundation

/// Decodes and validates JSON article records `{id?, title?, body, publishedAt?, source?, language?}`.
public enum ArticleJSON {
    /// One record. `publishedAt` is a date `YYYY-MM-DD` or an instant `YYYY-MM-DDTHH:MM:SSZ` (its UTC date).
    public static func decode(_ data: Data, file: String, line: Int?) -> Result<ArticleInput, IngestError> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            return .failure(IngestError(file: file, line: line, reason: .malformedJSON(describe(error))))
        }
        return record(object, file: file, line: line)
    }

    /// A `.json` file: one object or an array of objects (errors carry the 1-based record index as line).
    public static func decodeDocument(_ data: Data, file: String) -> [Result<(input: ArticleInput, index: Int?), IngestError>] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            return [.failure(IngestError(file: file, reason: .malformedJSON(describe(error))))]
        }
        if let array = object as? [Any] {
            guard !array.isEmpty else { return [.failure(IngestError(file: file, reason: .empty))] }
            return array.enumerated().map { offset, element in
                record(element, file: file, line: offset + 1).map { ($0, offset + 1) }
            }
        }
        return [record(object, file: file, line: nil).map { ($0, nil) }]
    }

    static func record(_ object: Any, file: String, line: Int?) -> Result<ArticleInput, IngestError> {
        func invalid(_ name: String, _ problem: String) -> Result<ArticleInput, IngestError> {
            .failure(IngestError(file: file, line: line, reason: .invalidField(name: name, problem: problem)))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(IngestError(file: file, line: line, reason: .malformedJSON("expected an object with a \"body\" string")))
        }
        func optionalString(_ key: String) -> (String?, Bool) {
            guard let value = dictionary[key], !(value is NSNull) else { return (nil, true) }
            guard let string = value as? String else { return (nil, false) }
            return (string, true)
        }
        guard let body = dictionary["body"] as? String else { return invalid("body", "is required and must be a string") }
        guard !body.trimmingWhitespace().isEmpty else { return invalid("body", "is empty") }
        let (id, idOK) = optionalString("id")
        guard idOK else { return invalid("id", "must be a string") }
        if let id, !ArticleTextParser.isValidID(id) {
            return invalid("id", "must be 1–200 characters of A–Z, a–z, 0–9, '.', '_' or '-'")
        }
        let (title, titleOK) = optionalString("title")
        guard titleOK else { return invalid("title", "must be a string") }
        let (source, sourceOK) = optionalString("source")
        guard sourceOK else { return invalid("source", "must be a string") }
        let (language, languageOK) = optionalString("language")
        guard languageOK else { return invalid("language", "must be a string") }
        if let language, !(language.count == 2 && language.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) {
            return invalid("language", "must be an ISO 639-1 code such as \"en\"")
        }
        let (published, publishedOK) = optionalString("publishedAt")
        guard publishedOK else { return invalid("publishedAt", "must be a string") }
        var publishedAt: CalendarDate?
        if let published {
            guard let date = parsePublishedAt(published) else {
                return invalid("publishedAt", "must be a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:MM:SSZ")
            }
            publishedAt = date
        }
        return .success(ArticleInput(id: id, title: title, body: body, publishedAt: publishedAt, source: source, language: language?.lowercased()))
    }

    /// A calendar date, or the UTC date of an RFC 3339 instant (`2020-01-17T10:00:00Z`, `…+02:00`).
    public static func parsePublishedAt(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(iso: text) { return date }
        guard text.utf8.count >= 20, CalendarDate(iso: text.prefix(10)) != nil, text.dropFirst(10).first == "T" else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var instant = formatter.date(from: text)
        if instant == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            instant = formatter.date(from: text)
        }
        guard let instant else { return nil }
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        return CalendarDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
