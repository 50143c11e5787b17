import DossierExtraction
import DossierModel
import PropertyBased
import Testing

/// Properties of date resolution over generated texts and header dates.
@Suite("DateRecognizer properties")
struct DatePropertyTests {
    static let fragments: [String] = [
        "on Friday", "last week", "the weekend", "earlier this week", "early January 2026", "mid-2012", "the 1980s",
        "the late 1980s", "between 2009 and 2016", "2009–16", "Q3", "the third quarter", "last fall", "this winter",
        "spring 2011", "January 3", "Feb. 29", "February 29, 2020", "the past four days", "the next 24 hours",
        "two years ago", "six weeks ago", "a year earlier", "the day before", "three days later", "that year",
        "the following year", "earlier this year", "later this month", "the end of the year", "2020-01-17",
        "since October 8", "tomorrow", "yesterday", "the 20th century", "in 1979", "will", "said", "scheduled for",
        "the", "talks", "stalled", ",", ".", "and", "1,500 protesters", "444 days", "next Monday", "last Sunday",
        "Saturday, April 25", "December 31", "late December", "the previous day", "this morning", "last night",
    ]

    /// Day numbers from 1900-01-01 to 2100-12-31.
    static let dayRange = CalendarDate(year: 1900, month: 1, day: 1)!.dayNumber...CalendarDate(year: 2100, month: 12, day: 31)!.dayNumber

    static func text(_ picks: [Int]) -> String {
        picks.map { fragments[$0] }.joined(separator: " ")
    }

    private func recognize(_ text: String, _ publishedAt: CalendarDate?) -> [ExtractedEvent] {
        DateRecognizer().recognize(AnalyzedText(body: text), publishedAt: publishedAt)
    }

    @Test("every interval has start ≤ end")
    func ordered() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0..<DatePropertyTests.fragments.count).array(of: 1...14), Gen.int(in: DatePropertyTests.dayRange)) { picks, day in
            let text = DatePropertyTests.text(picks)
            for event in recognize(text, CalendarDate(dayNumber: day)) {
                if let interval = event.interval { #expect(interval.start <= interval.end, "\(event.text) in \(text)") }
            }
        }
    }

    @Test("the same text and header date always give the same result, under any other anchor in between")
    func pure() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0..<DatePropertyTests.fragments.count).array(of: 1...14), Gen.int(in: DatePropertyTests.dayRange), Gen.int(in: DatePropertyTests.dayRange)) { picks, first, second in
            let text = DatePropertyTests.text(picks)
            let anchorA = CalendarDate(dayNumber: first), anchorB = CalendarDate(dayNumber: second)
            let onceA = recognize(text, anchorA)
            let onceB = recognize(text, anchorB)
            #expect(recognize(text, anchorA) == onceA)
            #expect(recognize(text, anchorB) == onceB)
            // Absolute expressions never depend on the anchor; relative ones name it (or the date before them).
            #expect(onceA.filter { $0.resolution == .absolute } == onceB.filter { $0.resolution == .absolute })
            #expect(onceA.map(\.span) == onceB.map(\.span))
        }
    }

    @Test("without a header date, relative expressions anchored on it stay unresolved")
    func noHeader() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0..<DatePropertyTests.fragments.count).array(of: 1...14)) { picks in
            let text = DatePropertyTests.text(picks)
            for event in recognize(text, nil) where event.resolution == .relative {
                #expect(event.interval == nil || event.anchor != nil, "\(event.text) in \(text)")
            }
        }
    }
}
