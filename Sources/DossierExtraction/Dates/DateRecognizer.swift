import DossierModel

/// Finds temporal expressions and resolves each to the calendar interval it denotes (DATES.md).
///
/// First pass: ISO dates (`2020-01-17`) only.
public struct DateRecognizer: Sendable {
    public init() {}

    /// - Parameter publishedAt: the header date (never an inferred one): the anchor of relative expressions.
    public func recognize(_ text: AnalyzedText, publishedAt: CalendarDate?) -> [ExtractedEvent] {
        let bytes = text.bytes
        var events: [ExtractedEvent] = []
        var index = 0
        while index + 10 <= bytes.count {
            if bytes[index] >= 48, bytes[index] <= 57, index == 0 || !(bytes[index - 1] >= 48 && bytes[index - 1] <= 57),
               let date = CalendarDate(iso: String(decoding: bytes[index..<index + 10], as: UTF8.self)) {
                let range = index..<index + 10
                events.append(ExtractedEvent(
                    text: text.text(range), span: text.span(range), interval: DayInterval(day: date), precision: .day,
                    resolution: .absolute, anchor: nil, pointsAhead: false,
                    sentenceIndex: text.sentenceIndex(containing: index)))
                index += 10
            } else {
                index += 1
            }
        }
        return events
    }
}
