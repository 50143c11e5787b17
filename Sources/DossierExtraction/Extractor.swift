import DossierModel

/// Text → entities and dated events: the one entry point the ingest pipeline calls.
///
/// Pure: no SQLite, no HTTP, no clock. The same body and header date always give the same result.
public struct Extractor: Sendable {
    private let entityRecognizer = EntityRecognizer()
    private let dateRecognizer = DateRecognizer()
    private let languageIdentifier = LanguageIdentifier()

    public init() {}

    /// - Parameters:
    ///   - body: the article body as stored (offsets count UTF-16 units into it).
    ///   - publishedAt: the header date, the only anchor for relative expressions.
    public func extract(body: String, publishedAt: CalendarDate?) -> ExtractionResult {
        let text = AnalyzedText(body: body)
        var events = dateRecognizer.recognize(text, publishedAt: publishedAt)
        // A date expression is never an entity, however capitalised ("Election Day", "On Thanksgiving").
        let recognition = entityRecognizer.recognize(text).removingMentions(inside: events.map(\.span))

        // Entities of each sentence, in order of first mention there.
        let sentenceCount = text.sentences.count
        var entitiesBySentence = [[Int]](repeating: [], count: sentenceCount)
        for mention in recognition.mentions where mention.sentenceIndex < sentenceCount
            && !entitiesBySentence[mention.sentenceIndex].contains(mention.entityIndex) {
            entitiesBySentence[mention.sentenceIndex].append(mention.entityIndex)
        }
        for index in events.indices where events[index].sentenceIndex < sentenceCount {
            events[index].entityIndexes = entitiesBySentence[events[index].sentenceIndex]
        }
        events.sort { $0.span < $1.span }

        let languages = languageIdentifier.identify(text)
        return ExtractionResult(
            sentences: text.sentences.map { text.span($0) },
            sentenceTexts: text.sentences.map { text.text($0) },
            entities: recognition.entities,
            mentions: recognition.mentions,
            events: events,
            language: languages.first?.code ?? "en",
            languages: languages,
            inferredPublishedAt: publishedAt == nil ? Extractor.inferPublishedAt(from: events) : nil
        )
    }

    /// API.md: the end of the latest resolved date of day, week or month precision, or a range inside one
    /// month, whose sentence does not point ahead.
    static func inferPublishedAt(from events: [ExtractedEvent]) -> CalendarDate? {
        var latest: CalendarDate?
        for event in events where !event.pointsAhead && event.resolution == .absolute {
            guard let interval = event.interval else { continue }
            let qualifies: Bool
            switch event.precision {
            case .day, .week, .month: qualifies = true
            case .range: qualifies = interval.start.year == interval.end.year && interval.start.month == interval.end.month
            default: qualifies = false
            }
            if qualifies, latest.map({ interval.end > $0 }) ?? true { latest = interval.end }
        }
        return latest
    }
}
