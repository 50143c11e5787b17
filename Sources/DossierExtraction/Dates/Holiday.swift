import DossierModel

/// Holidays with a rule for their day in a given year (United States dates where countries differ).
enum Holiday: UInt8, Sendable {
    case christmas = 1, christmasEve, thanksgiving, halloween, easter, electionDay, laborDay, memorialDay, veteransDay,
         independenceDay, newYearsDay, newYearsEve

    func date(in year: Int) -> CalendarDate? {
        /// The `nth` (1-based; −1 for the last) `weekday` (1 = Monday) of a month.
        func nth(_ nth: Int, _ weekday: Int, month: Int) -> CalendarDate? {
            guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
            if nth > 0 { return first.adding(days: (weekday - first.isoWeekday + 7) % 7 + 7 * (nth - 1)) }
            let last = first.endOfMonth
            return last.adding(days: -((last.isoWeekday - weekday + 7) % 7))
        }
        switch self {
        case .christmas: return CalendarDate(year: year, month: 12, day: 25)
        case .christmasEve: return CalendarDate(year: year, month: 12, day: 24)
        case .thanksgiving: return nth(4, 4, month: 11)
        case .halloween: return CalendarDate(year: year, month: 10, day: 31)
        case .electionDay: return nth(1, 1, month: 11)?.adding(days: 1)  // the Tuesday after the first Monday
        case .laborDay: return nth(1, 1, month: 9)
        case .memorialDay: return nth(-1, 1, month: 5)
        case .veteransDay: return CalendarDate(year: year, month: 11, day: 11)
        case .independenceDay: return CalendarDate(year: year, month: 7, day: 4)
        case .newYearsDay: return CalendarDate(year: year, month: 1, day: 1)
        case .newYearsEve: return CalendarDate(year: year, month: 12, day: 31)
        case .easter:
            // Anonymous Gregorian computus.
            let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25
            let g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4
            let l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
            let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
            return CalendarDate(year: year, month: month, day: day)
        }
    }
}
