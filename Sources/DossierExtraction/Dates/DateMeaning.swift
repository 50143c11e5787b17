import DossierModel

/// Which occurrence of a year-less or weekday expression is meant.
enum DateDirection: Sendable, Equatable {
    /// DATES.md's default: the nearest one on or before the header date, the next one when the sentence points ahead.
    case nearest
    /// "last Friday", "last March": strictly before the header date's own.
    case last
    /// "next Friday", "next March": strictly after.
    case next
    /// "this Friday", "this September": in the header date's week or year.
    case this
    /// "January this year", "March last year".
    case yearOffset(Int)
}

/// What an expression denotes before it is resolved against the header date or an earlier date.
enum DateMeaning: Sendable, Equatable {
    /// Names its interval by itself.
    case absolute(DayInterval, DatePrecision)
    /// Relative, but with no rule giving a value ("a few years ago"): kept, never resolved.
    case vague(DatePrecision)
    /// today (0), yesterday (−1), tomorrow (1) and the like.
    case dayOffset(Int)
    case weekday(Int, DateDirection)
    case yearlessDay(month: Int, day: Int, DateDirection)
    /// "Saturday, April 25": the year, near the header date, in which that day is that weekday.
    case yearlessDayOnWeekday(month: Int, day: Int, weekday: Int)
    case yearlessMonth(month: Int, part: DatePart?, DateDirection)
    case yearlessQuarter(Int, DateDirection)
    /// "the first half of last year": a half (1 or 2) of the header date's year moved by `yearOffset`.
    case halfOfYear(Int, yearOffset: Int)
    case yearlessSeason(Season, DateDirection)
    /// "Thanksgiving", "Christmas Eve", "last Easter": resolved like a year-less day.
    case holiday(Holiday, DateDirection)
    /// this (0) / last (−1) / next (1) week, month, quarter, year or decade, or a part of one ("early next year").
    case calendarUnit(DateUnit, offset: Int, part: DatePart?)
    /// "earlier this week/month/year": from the unit's start up to the header date (week: the day before).
    case unitToDate(DateUnit)
    /// "later this week/month/year": from the header date (week: the day after) to the unit's end.
    case unitFromDate(DateUnit)
    /// "the weekend" (nil), "this weekend" (0), "next weekend" (1).
    case weekend(Int?)
    /// "the past four days" (−4 days), "the next 24 hours" (+24 hours): the header date and that length.
    case span(DateUnit, Int)
    /// "two years ago": the unit containing the header date minus that length.
    case ago(DateUnit, Int)
    /// "the day before", "a year earlier", "that year": counted from the date named just before.
    case anaphoric(DateUnit, Int)
    /// "the day after the election", "the day before his death": counted from the date named just before (the
    /// event's, as news names it); from nothing else, since the header date is not the event's.
    case eventRelative(DateUnit, Int)
    /// "that year", "the same day", "the following year": the whole unit around the date named just before.
    case anaphoricUnit(DateUnit, Int)
    /// "the year-ago quarter" (quarter), "the year-earlier period" (quarter), "the year-earlier" (year): the period
    /// under report a year back — counted from the date named just before, else from the latest whole quarter
    /// (quarter) or the header date (year).
    case yearAgo(DateUnit)
    /// "the 1988 quarter", "the 1989 period": in a report that has named a quarter, that quarter of the year
    /// (`DateRecognizer` supplies it); otherwise the whole year.
    case periodOfYear(Int)
    /// "the week of March 6": the ISO week (Monday to Sunday) containing that day.
    indirect case weekOf(DateMeaning)
    /// "the day before last Tuesday", "the day after Christmas": that day moved by a number of days.
    indirect case dayShifted(DateMeaning, days: Int)
}

/// Resolution of a `DateMeaning` against the header date and the date named just before.
struct DateResolver: Sendable {
    struct Resolved: Sendable, Equatable {
        var interval: DayInterval?
        var precision: DatePrecision
        var resolution: DateResolution
        var anchor: CalendarDate?
    }

    /// The most recently mentioned resolved date, for anaphoric expressions.
    struct PriorDate: Sendable, Equatable {
        var interval: DayInterval
        var precision: DatePrecision
    }

    let publishedAt: CalendarDate?

    func resolve(_ meaning: DateMeaning, ahead: Bool, prior: PriorDate?) -> Resolved {
        switch meaning {
        case let .absolute(interval, precision):
            return Resolved(interval: interval, precision: precision, resolution: .absolute, anchor: nil)
        case let .vague(precision):
            return Resolved(interval: nil, precision: precision, resolution: .relative, anchor: nil)
        case let .anaphoric(unit, amount):
            return resolveAnaphoric(unit, amount, wholeUnit: false, prior: prior)
        case let .anaphoricUnit(unit, amount):
            return resolveAnaphoric(unit, amount, wholeUnit: true, prior: prior)
        case let .eventRelative(unit, amount):
            guard let prior else {
                return Resolved(interval: nil, precision: DateResolver.precision(of: unit), resolution: .relative, anchor: nil)
            }
            return resolveAnaphoric(unit, amount, wholeUnit: false, prior: prior)
        case let .yearAgo(unit):
            return resolveYearAgo(unit, prior: prior)
        case let .periodOfYear(year):
            return Resolved(interval: .year(year), precision: .year, resolution: .absolute, anchor: nil)
        case let .weekOf(inner):
            let day = resolve(inner, ahead: ahead, prior: prior)
            return Resolved(interval: day.interval.flatMap { .isoWeek(containing: $0.start) }, precision: .week,
                            resolution: day.resolution, anchor: day.anchor)
        case let .dayShifted(inner, days):
            let day = resolve(inner, ahead: ahead, prior: prior)
            return Resolved(interval: day.interval.map { DayInterval(day: $0.start.adding(days: days)) }, precision: .day,
                            resolution: .relative, anchor: day.interval?.start)
        default:
            let precision = nominalPrecision(meaning)
            guard let anchor = publishedAt else {
                return Resolved(interval: nil, precision: precision, resolution: .relative, anchor: nil)
            }
            let interval = resolveDeictic(meaning, at: anchor, ahead: ahead)
            return Resolved(interval: interval, precision: precision, resolution: .relative,
                            anchor: interval == nil ? nil : anchor)
        }
    }

    func nominalPrecision(_ meaning: DateMeaning) -> DatePrecision {
        switch meaning {
        case let .absolute(_, precision), let .vague(precision): return precision
        case .dayOffset, .weekday, .yearlessDay, .yearlessDayOnWeekday, .holiday: return .day
        case let .yearlessMonth(_, part, _): return part == nil ? .month : .range
        case .yearlessQuarter: return .quarter
        case .halfOfYear: return .range
        case .yearlessSeason: return .season
        case let .calendarUnit(unit, _, part): return part == nil ? DateResolver.precision(of: unit) : .range
        case .unitToDate, .unitFromDate, .weekend, .span: return .range
        case let .ago(unit, _):
            switch unit {
            case .month: return .month
            case .quarter: return .quarter
            case .year, .decade, .century: return .year
            case .week, .fortnight: return .week
            default: return .day
            }
        case let .anaphoric(unit, _), let .anaphoricUnit(unit, _), let .eventRelative(unit, _), let .yearAgo(unit):
            return DateResolver.precision(of: unit)
        case .weekOf: return .week
        case .periodOfYear: return .year
        case .dayShifted: return .day
        }
    }

    static func precision(of unit: DateUnit) -> DatePrecision {
        switch unit {
        case .day, .hour, .minute: return .day
        case .week, .fortnight: return .week
        case .weekend: return .range
        case .month: return .month
        case .quarter: return .quarter
        case .year: return .year
        case .decade: return .decade
        case .century: return .century
        }
    }

    /// The interval of `unit` containing `date`.
    static func unitInterval(_ unit: DateUnit, containing date: CalendarDate) -> DayInterval? {
        switch unit {
        case .day, .hour, .minute: return DayInterval(day: date)
        case .week, .fortnight: return .isoWeek(containing: date)
        case .weekend:
            let saturday = date.adding(days: 6 - date.isoWeekday)
            return DayInterval(start: saturday, end: saturday.adding(days: 1))
        case .month: return .month(date.month, of: date.year)
        case .quarter: return .quarter((date.month + 2) / 3, of: date.year)
        case .year: return .year(date.year)
        case .decade: return .decade(date.year - ((date.year % 10) + 10) % 10)
        case .century: return .century(date.year / 100 + 1)
        }
    }

    /// `date` moved by `amount` units (hours round to whole days toward the past/future).
    static func move(_ date: CalendarDate, _ unit: DateUnit, _ amount: Int) -> CalendarDate {
        switch unit {
        case .day: return date.adding(days: amount)
        case .hour: return date.adding(days: amount / 24)
        case .minute: return date
        case .week, .weekend: return date.adding(days: 7 * amount)
        case .fortnight: return date.adding(days: 14 * amount)
        case .month: return date.adding(months: amount)
        case .quarter: return date.adding(months: 3 * amount)
        case .year: return date.adding(months: 12 * amount)
        case .decade: return date.adding(months: 120 * amount)
        case .century: return date.adding(months: 1200 * amount)
        }
    }
}
