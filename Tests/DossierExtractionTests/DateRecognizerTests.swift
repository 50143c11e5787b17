import DossierExtraction
import DossierModel
import Testing

/// One row of DATES.md: a sentence, the expression in it, the header date and what the expression denotes.
struct DateRuleCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var expression: String
    var publishedAt: String?
    var start: String?
    var end: String?
    var precision: DatePrecision
    var anchor: String? = nil

    var testDescription: String { "\(expression) (P \(publishedAt ?? "none"))" }
}

private func date(_ iso: String?) -> CalendarDate? { iso.flatMap { CalendarDate(iso: $0) } }

private func recognize(_ sentence: String, publishedAt: String?) -> [ExtractedEvent] {
    DateRecognizer().recognize(AnalyzedText(body: sentence), publishedAt: date(publishedAt))
}

/// P = 2020-01-17 (a Friday) unless a row says otherwise.
private let friday = "2020-01-17"

@Suite("DateRecognizer: the rows of DATES.md")
struct DateRecognizerTests {
    static let absoluteRows: [DateRuleCase] = [
        .init(sentence: "The strike came on January 3, 2020, at night.", expression: "January 3, 2020", publishedAt: friday, start: "2020-01-03", end: "2020-01-03", precision: .day),
        .init(sentence: "The strike came on 3 January 2020.", expression: "3 January 2020", publishedAt: friday, start: "2020-01-03", end: "2020-01-03", precision: .day),
        .init(sentence: "The strike came on Jan. 3, 2020.", expression: "Jan. 3, 2020", publishedAt: friday, start: "2020-01-03", end: "2020-01-03", precision: .day),
        .init(sentence: "Filed on 2020-01-17 in Geneva.", expression: "2020-01-17", publishedAt: nil, start: "2020-01-17", end: "2020-01-17", precision: .day),
        .init(sentence: "Talks began in September 2013.", expression: "September 2013", publishedAt: friday, start: "2013-09-01", end: "2013-09-30", precision: .month),
        .init(sentence: "Talks began in Sept. 2013.", expression: "Sept. 2013", publishedAt: friday, start: "2013-09-01", end: "2013-09-30", precision: .month),
        .init(sentence: "The revolution of 1979 changed everything.", expression: "1979", publishedAt: friday, start: "1979-01-01", end: "1979-12-31", precision: .year),
        .init(sentence: "The deal was signed in 2009.", expression: "2009", publishedAt: nil, start: "2009-01-01", end: "2009-12-31", precision: .year),
        .init(sentence: "It was common in the 1980s.", expression: "the 1980s", publishedAt: friday, start: "1980-01-01", end: "1989-12-31", precision: .decade),
        .init(sentence: "Wars defined the 20th century.", expression: "the 20th century", publishedAt: friday, start: "1900-01-01", end: "1999-12-31", precision: .century),
        .init(sentence: "Sales fell in the first quarter of 2020.", expression: "the first quarter of 2020", publishedAt: friday, start: "2020-01-01", end: "2020-03-31", precision: .quarter),
        .init(sentence: "Sales fell in Q1 2020.", expression: "Q1 2020", publishedAt: friday, start: "2020-01-01", end: "2020-03-31", precision: .quarter),
        .init(sentence: "Protests began in spring 2011.", expression: "spring 2011", publishedAt: friday, start: "2011-03-20", end: "2011-06-20", precision: .season),
        .init(sentence: "Protests began in summer 2011.", expression: "summer 2011", publishedAt: friday, start: "2011-06-21", end: "2011-09-22", precision: .season),
        .init(sentence: "Protests began in autumn 2011.", expression: "autumn 2011", publishedAt: friday, start: "2011-09-23", end: "2011-12-20", precision: .season),
        .init(sentence: "Protests began in fall 2011.", expression: "fall 2011", publishedAt: friday, start: "2011-09-23", end: "2011-12-20", precision: .season),
        .init(sentence: "Protests began in winter 2011.", expression: "winter 2011", publishedAt: friday, start: "2011-12-21", end: "2012-03-19", precision: .season),
        .init(sentence: "Strikes resumed in early January 2026.", expression: "early January 2026", publishedAt: nil, start: "2026-01-01", end: "2026-01-10", precision: .range),
        .init(sentence: "Strikes resumed in mid-January 2026.", expression: "mid-January 2026", publishedAt: nil, start: "2026-01-11", end: "2026-01-20", precision: .range),
        .init(sentence: "Strikes resumed in late January 2026.", expression: "late January 2026", publishedAt: nil, start: "2026-01-21", end: "2026-01-31", precision: .range),
        .init(sentence: "Prices rose in early 2015.", expression: "early 2015", publishedAt: friday, start: "2015-01-01", end: "2015-04-30", precision: .range),
        .init(sentence: "Prices rose in mid-2015.", expression: "mid-2015", publishedAt: friday, start: "2015-05-01", end: "2015-08-31", precision: .range),
        .init(sentence: "Prices rose in late 2015.", expression: "late 2015", publishedAt: friday, start: "2015-09-01", end: "2015-12-31", precision: .range),
        .init(sentence: "Prices rose in the early 1980s.", expression: "the early 1980s", publishedAt: friday, start: "1980-01-01", end: "1983-12-31", precision: .range),
        .init(sentence: "Prices rose in the mid-1980s.", expression: "the mid-1980s", publishedAt: friday, start: "1984-01-01", end: "1986-12-31", precision: .range),
        .init(sentence: "Prices rose in the late 1980s.", expression: "the late 1980s", publishedAt: friday, start: "1987-01-01", end: "1989-12-31", precision: .range),
        .init(sentence: "He served between 2009 and 2016.", expression: "between 2009 and 2016", publishedAt: friday, start: "2009-01-01", end: "2016-12-31", precision: .range),
        .init(sentence: "He served from 2009 to 2016.", expression: "from 2009 to 2016", publishedAt: friday, start: "2009-01-01", end: "2016-12-31", precision: .range),
        .init(sentence: "His term (2009-2016) ended.", expression: "2009-2016", publishedAt: friday, start: "2009-01-01", end: "2016-12-31", precision: .range),
        .init(sentence: "His term (2009–16) ended.", expression: "2009–16", publishedAt: friday, start: "2009-01-01", end: "2016-12-31", precision: .range),
        .init(sentence: "Fighting continued since 2011.", expression: "2011", publishedAt: friday, start: "2011-01-01", end: "2011-12-31", precision: .year),
    ]

    static let relativeRows: [DateRuleCase] = [
        .init(sentence: "The strike came on January 3.", expression: "January 3", publishedAt: friday, start: "2020-01-03", end: "2020-01-03", precision: .day, anchor: friday),
        .init(sentence: "The strike came on Jan. 30.", expression: "Jan. 30", publishedAt: friday, start: "2019-01-30", end: "2019-01-30", precision: .day, anchor: friday),
        .init(sentence: "Elections are set for January 30.", expression: "January 30", publishedAt: friday, start: "2020-01-30", end: "2020-01-30", precision: .day, anchor: friday),
        .init(sentence: "He was arrested in September.", expression: "September", publishedAt: friday, start: "2019-09-01", end: "2019-09-30", precision: .month, anchor: friday),
        .init(sentence: "The vote will take place in September.", expression: "September", publishedAt: friday, start: "2020-09-01", end: "2020-09-30", precision: .month, anchor: friday),
        .init(sentence: "Officials said today that talks failed.", expression: "today", publishedAt: friday, start: "2020-01-17", end: "2020-01-17", precision: .day, anchor: friday),
        .init(sentence: "Officials said yesterday that talks failed.", expression: "yesterday", publishedAt: friday, start: "2020-01-16", end: "2020-01-16", precision: .day, anchor: friday),
        .init(sentence: "Talks resume tomorrow.", expression: "tomorrow", publishedAt: friday, start: "2020-01-18", end: "2020-01-18", precision: .day, anchor: friday),
        .init(sentence: "Officials said on Friday that talks failed.", expression: "Friday", publishedAt: friday, start: "2020-01-17", end: "2020-01-17", precision: .day, anchor: friday),
        .init(sentence: "Officials met Wednesday in Vienna.", expression: "Wednesday", publishedAt: friday, start: "2020-01-15", end: "2020-01-15", precision: .day, anchor: friday),
        .init(sentence: "Officials will meet on Wednesday in Vienna.", expression: "Wednesday", publishedAt: friday, start: "2020-01-22", end: "2020-01-22", precision: .day, anchor: friday),
        .init(sentence: "Rockets fell early on Friday.", expression: "Friday", publishedAt: friday, start: "2020-01-17", end: "2020-01-17", precision: .day, anchor: friday),
        .init(sentence: "Talks stalled this week.", expression: "this week", publishedAt: friday, start: "2020-01-13", end: "2020-01-19", precision: .week, anchor: friday),
        .init(sentence: "Talks stalled last week.", expression: "last week", publishedAt: friday, start: "2020-01-06", end: "2020-01-12", precision: .week, anchor: friday),
        .init(sentence: "Talks resume next week.", expression: "next week", publishedAt: friday, start: "2020-01-20", end: "2020-01-26", precision: .week, anchor: friday),
        .init(sentence: "Talks stalled earlier this week.", expression: "earlier this week", publishedAt: friday, start: "2020-01-13", end: "2020-01-16", precision: .range, anchor: friday),
        .init(sentence: "Talks stalled earlier in the week.", expression: "earlier in the week", publishedAt: friday, start: "2020-01-13", end: "2020-01-16", precision: .range, anchor: friday),
        .init(sentence: "Talks stalled earlier this week.", expression: "earlier this week", publishedAt: "2020-01-13", start: "2020-01-13", end: "2020-01-13", precision: .range, anchor: "2020-01-13"),
        .init(sentence: "Crowds gathered over the weekend.", expression: "the weekend", publishedAt: friday, start: "2020-01-11", end: "2020-01-12", precision: .range, anchor: friday),
        .init(sentence: "Crowds gathered over the weekend.", expression: "the weekend", publishedAt: "2020-01-18", start: "2020-01-18", end: "2020-01-19", precision: .range, anchor: "2020-01-18"),
        .init(sentence: "Crowds gathered last weekend.", expression: "last weekend", publishedAt: friday, start: "2020-01-11", end: "2020-01-12", precision: .range, anchor: friday),
        .init(sentence: "Crowds gather this weekend.", expression: "this weekend", publishedAt: friday, start: "2020-01-18", end: "2020-01-19", precision: .range, anchor: friday),
        .init(sentence: "Prices rose this month.", expression: "this month", publishedAt: friday, start: "2020-01-01", end: "2020-01-31", precision: .month, anchor: friday),
        .init(sentence: "Prices rose last month.", expression: "last month", publishedAt: friday, start: "2019-12-01", end: "2019-12-31", precision: .month, anchor: friday),
        .init(sentence: "Prices rose this year.", expression: "this year", publishedAt: friday, start: "2020-01-01", end: "2020-12-31", precision: .year, anchor: friday),
        .init(sentence: "Prices rose last year.", expression: "last year", publishedAt: friday, start: "2019-01-01", end: "2019-12-31", precision: .year, anchor: friday),
        // A quarter or half of a year named relative to P is one expression, not "the first quarter" and "last year".
        .init(sentence: "Sales fell in the first quarter of last year.", expression: "the first quarter of last year", publishedAt: friday, start: "2019-01-01", end: "2019-03-31", precision: .quarter, anchor: friday),
        .init(sentence: "Sales will rise in the third quarter of this year.", expression: "the third quarter of this year", publishedAt: friday, start: "2020-07-01", end: "2020-09-30", precision: .quarter, anchor: friday),
        .init(sentence: "Profits rose in the second half of last year.", expression: "the second half of last year", publishedAt: friday, start: "2019-07-01", end: "2019-12-31", precision: .range, anchor: friday),
        .init(sentence: "Growth should pick up in the second half of the year.", expression: "the second half of the year", publishedAt: friday, start: "2020-07-01", end: "2020-12-31", precision: .range, anchor: friday),
        .init(sentence: "Rates will fall in the first half of next year.", expression: "the first half of next year", publishedAt: friday, start: "2021-01-01", end: "2021-06-30", precision: .range, anchor: friday),
        // A season under way at P is the one a sentence pointing ahead means.
        .init(sentence: "The envoy will return in the winter.", expression: "the winter", publishedAt: friday, start: "2019-12-21", end: "2020-03-19", precision: .season, anchor: friday),
        .init(sentence: "Prices rose earlier this year.", expression: "earlier this year", publishedAt: "2015-05-18", start: "2015-01-01", end: "2015-05-18", precision: .range, anchor: "2015-05-18"),
        .init(sentence: "Protests spread over the past four days.", expression: "the past four days", publishedAt: friday, start: "2020-01-13", end: "2020-01-17", precision: .range, anchor: friday),
        .init(sentence: "Nothing like it happened in the last 30 years.", expression: "the last 30 years", publishedAt: friday, start: "1990-01-17", end: "2020-01-17", precision: .range, anchor: friday),
        .init(sentence: "Prices rose over the past month.", expression: "the past month", publishedAt: friday, start: "2019-12-17", end: "2020-01-17", precision: .range, anchor: friday),
        .init(sentence: "He left two days ago.", expression: "two days ago", publishedAt: friday, start: "2020-01-15", end: "2020-01-15", precision: .day, anchor: friday),
        .init(sentence: "He left about two months ago.", expression: "about two months ago", publishedAt: friday, start: "2019-11-01", end: "2019-11-30", precision: .month, anchor: friday),
        // Words longer than twelve letters are in the lexicon too.
        .init(sentence: "He left approximately two months ago.", expression: "approximately two months ago", publishedAt: friday, start: "2019-11-01", end: "2019-11-30", precision: .month, anchor: friday),
        .init(sentence: "He left a year ago.", expression: "a year ago", publishedAt: friday, start: "2019-01-01", end: "2019-12-31", precision: .year, anchor: friday),
        .init(sentence: "Officials met on Wednesday. They had talked the day before.", expression: "the day before", publishedAt: friday, start: "2020-01-14", end: "2020-01-14", precision: .day, anchor: "2020-01-15"),
        // "the day after" an event counts from the date named for it, never from the header date.
        .init(sentence: "He died on January 3. Police came the day after his death.", expression: "the day after", publishedAt: friday, start: "2020-01-04", end: "2020-01-04", precision: .day, anchor: "2020-01-03"),
        .init(sentence: "Results came in the day after the election.", expression: "the day after", publishedAt: friday, start: nil, end: nil, precision: .day),
        .init(sentence: "The truce began on March 3, 2019. Fighting resumed three days later.", expression: "three days later", publishedAt: friday, start: "2019-03-06", end: "2019-03-06", precision: .day, anchor: "2019-03-03"),
        .init(sentence: "A day earlier, troops had withdrawn.", expression: "A day earlier", publishedAt: friday, start: "2020-01-16", end: "2020-01-16", precision: .day, anchor: friday),
        .init(sentence: "A day earlier, troops had withdrawn.", expression: "A day earlier", publishedAt: nil, start: nil, end: nil, precision: .day),
        .init(sentence: "The siege lasted since October 8.", expression: "October 8", publishedAt: friday, start: "2019-10-08", end: "2019-10-08", precision: .day, anchor: friday),
        .init(sentence: "Talks stalled last week.", expression: "last week", publishedAt: nil, start: nil, end: nil, precision: .week),
    ]

    @Test("absolute expressions", arguments: absoluteRows)
    func absolute(_ row: DateRuleCase) {
        check(row, resolution: .absolute)
    }

    @Test("relative expressions", arguments: relativeRows)
    func relative(_ row: DateRuleCase) {
        check(row, resolution: .relative)
    }

    private func check(_ row: DateRuleCase, resolution: DateResolution) {
        let events = recognize(row.sentence, publishedAt: row.publishedAt)
        let event = events.first { $0.text == row.expression }
        #expect(event != nil, "found \(events.map(\.text))")
        guard let event else { return }
        #expect(event.interval?.start.iso == row.start)
        #expect(event.interval?.end.iso == row.end)
        #expect(event.precision == row.precision)
        #expect(event.resolution == resolution)
        #expect(event.anchor?.iso == row.anchor)
        let utf16 = Array(row.sentence.utf16)
        #expect(String(decoding: utf16[event.span.start..<event.span.end], as: UTF16.self) == row.expression)
    }

    static let notDates: [String] = [
        "The hostages were held for 444 days.",
        "The war lasted more than a year.",
        "They marched for three days.",
        "A monthlong siege ended.",
        "Prices have risen recently.",
        "Violence grew in recent weeks.",
        "In the past, such talks failed.",
        "Over the years, the group grew.",
        "The talks are now over.",
        "The bus left at 7.30pm.",
        "The raid began at dawn.",
        "Shelling continued overnight.",
        "Some 1,500 protesters gathered.",
        "About 2000 troops were deployed.",
        "May I ask a question?",
        "The Arab Spring spread.",
        "He spoke later in the day before returning home.",
    ]

    @Test("durations, vague periods, times of day and counts are not dates", arguments: notDates)
    func notADate(_ sentence: String) {
        #expect(recognize(sentence, publishedAt: friday).isEmpty)
    }

    @Test("an unresolvable relative expression stays, with no interval")
    func unresolvable() {
        let events = recognize("Earlier in the week, talks failed.", publishedAt: nil)
        #expect(events.count == 1)
        #expect(events.first?.interval == nil)
        #expect(events.first?.resolution == .relative)
    }

    @Test("a sentence that points ahead marks its events")
    func pointsAhead() {
        let events = recognize("The court will rule on Monday. It met on Tuesday.", publishedAt: friday)
        #expect(events.map(\.pointsAhead) == [true, false])
        #expect(events.map(\.sentenceIndex) == [0, 1])
    }

    @Test("spans count UTF-16 units after non-ASCII text")
    func utf16Spans() {
        let body = "איראן — talks began on January 3, 2020."
        let events = DateRecognizer().recognize(AnalyzedText(body: body), publishedAt: nil)
        #expect(events.count == 1)
        let utf16 = Array(body.utf16)
        if let event = events.first {
            #expect(String(decoding: utf16[event.span.start..<event.span.end], as: UTF16.self) == "January 3, 2020")
        }
    }
}
