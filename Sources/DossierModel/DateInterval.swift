/// An inclusive interval of calendar days that a date expression denotes (DATES.md).
public struct DayInterval: Sendable, Hashable, Codable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    public init(day: CalendarDate) {
        self.init(start: day, end: day)
    }
}
