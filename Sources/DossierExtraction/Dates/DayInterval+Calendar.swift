import DossierModel

/// The calendar units of DATES.md as inclusive day intervals, by pure day-number arithmetic.
extension DayInterval {
    static func year(_ year: Int) -> DayInterval? {
        guard let start = CalendarDate(year: year, month: 1, day: 1), let end = CalendarDate(year: year, month: 12, day: 31)
        else { return nil }
        return DayInterval(start: start, end: end)
    }

    static func month(_ month: Int, of year: Int) -> DayInterval? {
        guard let start = CalendarDate(year: year, month: month, day: 1) else { return nil }
        return DayInterval(start: start, end: start.endOfMonth)
    }

    static func quarter(_ quarter: Int, of year: Int) -> DayInterval? {
        guard (1...4).contains(quarter), let first = DayInterval.month(quarter * 3 - 2, of: year),
              let last = DayInterval.month(quarter * 3, of: year) else { return nil }
        return DayInterval(start: first.start, end: last.end)
    }

    /// The half-year: 1 = January–June, 2 = July–December.
    static func half(_ half: Int, of year: Int) -> DayInterval? {
        guard (1...2).contains(half), let first = DayInterval.month(half * 6 - 5, of: year),
              let last = DayInterval.month(half * 6, of: year) else { return nil }
        return DayInterval(start: first.start, end: last.end)
    }

    /// The decade starting at `firstYear` (a multiple of ten).
    static func decade(_ firstYear: Int) -> DayInterval? {
        guard let first = DayInterval.year(firstYear), let last = DayInterval.year(firstYear + 9) else { return nil }
        return DayInterval(start: first.start, end: last.end)
    }

    /// The `ordinal`th century, TimeML style: the 20th is 1900–1999.
    static func century(_ ordinal: Int) -> DayInterval? {
        guard ordinal >= 1, let first = DayInterval.year((ordinal - 1) * 100),
              let last = DayInterval.year((ordinal - 1) * 100 + 99) else { return nil }
        return DayInterval(start: first.start, end: last.end)
    }

    /// Spring Mar 20–Jun 20, summer Jun 21–Sep 22, autumn Sep 23–Dec 20, winter Dec 21–Mar 19 of the next year.
    static func season(_ season: Season, of year: Int) -> DayInterval? {
        let bounds: (Int, Int, Int, Int, Int)  // start month, day; end month, day; end year offset
        switch season {
        case .spring: bounds = (3, 20, 6, 20, 0)
        case .summer: bounds = (6, 21, 9, 22, 0)
        case .autumn: bounds = (9, 23, 12, 20, 0)
        case .winter: bounds = (12, 21, 3, 19, 1)
        }
        guard let start = CalendarDate(year: year, month: bounds.0, day: bounds.1),
              let end = CalendarDate(year: year + bounds.4, month: bounds.2, day: bounds.3) else { return nil }
        return DayInterval(start: start, end: end)
    }

    /// The ISO week (Monday–Sunday) containing `date`.
    static func isoWeek(containing date: CalendarDate) -> DayInterval {
        let monday = date.adding(days: 1 - date.isoWeekday)
        return DayInterval(start: monday, end: monday.adding(days: 6))
    }

    var dayCount: Int { end.dayNumber - start.dayNumber + 1 }

    /// Shifts both ends by whole days.
    func shifted(days: Int) -> DayInterval {
        DayInterval(start: start.adding(days: days), end: end.adding(days: days))
    }

    /// Shifts both ends by months, keeping a month-end end on the month's end ("September" stays whole).
    func shifted(months: Int) -> DayInterval {
        let endsMonth = end == end.endOfMonth
        let newEnd = end.adding(months: months)
        return DayInterval(start: start.adding(months: months), end: endsMonth ? newEnd.endOfMonth : newEnd)
    }
}

/// "early", "mid", "late": the thirds of DATES.md.
enum DatePart: Sendable, Equatable {
    case early, mid, late

    /// The part of an interval of the given precision, or nil when DATES.md gives no rule for it.
    func apply(to interval: DayInterval, precision: DatePrecision) -> DayInterval? {
        let start = interval.start
        switch precision {
        case .day:
            return interval
        case .month:
            let last = start.endOfMonth.day
            let (first, final) = self == .early ? (1, 10) : self == .mid ? (11, 20) : (21, last)
            guard let from = CalendarDate(year: start.year, month: start.month, day: first),
                  let to = CalendarDate(year: start.year, month: start.month, day: final) else { return nil }
            return DayInterval(start: from, end: to)
        case .year:
            let (first, final) = self == .early ? (1, 4) : self == .mid ? (5, 8) : (9, 12)
            guard let from = DayInterval.month(first, of: start.year), let to = DayInterval.month(final, of: start.year)
            else { return nil }
            return DayInterval(start: from.start, end: to.end)
        case .decade:
            let (first, final) = self == .early ? (0, 3) : self == .mid ? (4, 6) : (7, 9)
            guard let from = DayInterval.year(start.year + first), let to = DayInterval.year(start.year + final)
            else { return nil }
            return DayInterval(start: from.start, end: to.end)
        case .century:
            let (first, final) = self == .early ? (0, 32) : self == .mid ? (33, 65) : (66, 99)
            guard let from = DayInterval.year(start.year + first), let to = DayInterval.year(start.year + final)
            else { return nil }
            return DayInterval(start: from.start, end: to.end)
        case .week:
            let (first, final) = self == .early ? (0, 2) : self == .mid ? (2, 4) : (4, 6)
            return DayInterval(start: start.adding(days: first), end: start.adding(days: final))
        case .quarter:
            let firstMonth = start.month + (self == .early ? 0 : self == .mid ? 1 : 2)
            return DayInterval.month(firstMonth, of: start.year)
        case .season, .range:
            return nil
        }
    }
}
