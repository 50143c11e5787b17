import DossierExtraction
import DossierModel
import Testing

@Suite("DateRecognizer against the seed gold")
struct DateGoldTests {
    /// The body as the ingest parser stores it, for dates: the text minus a leading `date YYYY-MM-DD` line.
    static func body(of text: String) -> String {
        guard text.hasPrefix("date ") else { return text }
        guard let newline = text.firstIndex(of: "\n") else { return "" }
        return String(text[text.index(after: newline)...])
    }

    @Test("seed dates: detection F1 ≥ 0.95 and value accuracy ≥ 0.9, as eval/score.py counts them")
    func seeds() throws {
        var score = DateScore()
        for (gold, text) in try GoldCorpus.load() {
            let publishedAt = gold.published.flatMap { CalendarDate(iso: $0) }
            let events = DateRecognizer().recognize(AnalyzedText(body: DateGoldTests.body(of: text)), publishedAt: publishedAt)
            score.add(gold: gold.dates, predicted: events)
        }
        #expect(score.gold > 0)
        #expect(score.f1 >= 0.95, "P \(score.precision) R \(score.recall): \(score.misses)")
        #expect(score.valueAccuracy >= 0.9, "\(score.misses)")
    }
}
