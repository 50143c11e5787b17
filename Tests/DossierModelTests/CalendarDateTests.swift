import Testing
@testable import DossierModel

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("parses real YYYY-MM-DD dates and rejects impossible or malformed ones", arguments: [
        ("2020-01-17", true), ("2020-02-29", true), ("2019-02-29", false), ("2020-02-30", false),
        ("20200101", false), ("2020-1-01", false), ("2020-13-01", false), ("２０２０-01-01", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
    }

    @Test("day numbers round-trip and weekdays are ISO")
    func dayNumbers() throws {
        let date = try #require(CalendarDate(iso: "2020-01-17"))
        #expect(date.isoWeekday == 5)  // a Friday
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
        for number in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
    }

    @Test("month arithmetic clamps the day")
    func months() throws {
        let date = try #require(CalendarDate(iso: "2020-01-31"))
        #expect(date.adding(months: 1).iso == "2020-02-29")
        #expect(date.adding(months: -1).iso == "2019-12-31")
        #expect(date.adding(months: 13).iso == "2021-02-28")
    }
}
