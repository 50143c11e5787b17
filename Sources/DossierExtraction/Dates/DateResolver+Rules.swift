import DossierModel

/// The relative rows of DATES.md, one case each.
extension DateResolver {
    func resolveDeictic(_ meaning: DateMeaning, at p: CalendarDate, ahead: Bool) -> DayInterval? {
        switch meaning {
        case let .dayOffset(offset):
            return DayInterval(day: p.adding(days: offset))

        case let .weekday(weekday, direction):
            let back = (p.isoWeekday - weekday + 7) % 7  // days back to the nearest one on or before P
            switch direction {
            case .last: return DayInterval(day: p.adding(days: back == 0 ? -7 : -back))
            case .next: return DayInterval(day: p.adding(days: back == 0 ? 7 : 7 - back))
            case .this:
                return DayInterval(day: p.adding(days: weekday - p.isoWeekday))
            case .nearest, .yearOffset:
                if ahead { return DayInterval(day: p.adding(days: back == 0 ? 0 : 7 - back)) }
                return DayInterval(day: p.adding(days: -back))
            }

        case let .yearlessDay(month, day, direction):
            func on(_ year: Int) -> CalendarDate? { CalendarDate(year: year, month: month, day: day) }
            switch direction {
            case let .yearOffset(offset): return on(p.year + offset).map { DayInterval(day: $0) }
            case .this: return on(p.year).map { DayInterval(day: $0) }
            case .last, .next, .nearest:
                let forward = direction == .next || (direction == .nearest && ahead)
                // Feb 29 exists one year in four: search a few years each way.
                if forward {
                    for year in p.year...(p.year + 8) {
                        if let date = on(year), direction == .next ? date > p : date >= p { return DayInterval(day: date) }
                    }
                } else {
                    for year in stride(from: p.year, through: p.year - 8, by: -1) {
                        if let date = on(year), direction == .last ? date < p : date <= p { return DayInterval(day: date) }
                    }
                }
                return nil
            }

        case let .holiday(holiday, direction):
            switch direction {
            case let .yearOffset(offset): return holiday.date(in: p.year + offset).map { DayInterval(day: $0) }
            case .this: return holiday.date(in: p.year).map { DayInterval(day: $0) }
            case .last, .next, .nearest:
                let forward = direction == .next || (direction == .nearest && ahead)
                for step in 0...1 {
                    let year = forward ? p.year + step : p.year - step
                    guard let date = holiday.date(in: year) else { continue }
                    if forward ? (direction == .next ? date > p : date >= p) : (direction == .last ? date < p : date <= p) {
                        return DayInterval(day: date)
                    }
                }
                return nil
            }

        case let .yearlessDayOnWeekday(month, day, weekday):
            var best: CalendarDate?
            for year in (p.year - 1)...(p.year + 1) {
                guard let date = CalendarDate(year: year, month: month, day: day), date.isoWeekday == weekday else { continue }
                if best.map({ abs(date.dayNumber - p.dayNumber) < abs($0.dayNumber - p.dayNumber) }) ?? true { best = date }
            }
            if let best { return DayInterval(day: best) }
            return resolveDeictic(.yearlessDay(month: month, day: day, .nearest), at: p, ahead: ahead)

        case let .yearlessMonth(month, part, direction):
            let year: Int
            switch direction {
            case let .yearOffset(offset): year = p.year + offset
            case .this: year = p.year
            case .last: year = month < p.month ? p.year : p.year - 1
            case .next: year = month > p.month ? p.year : p.year + 1
            case .nearest:
                if ahead { year = month >= p.month ? p.year : p.year + 1 } else { year = month <= p.month ? p.year : p.year - 1 }
            }
            guard let interval = DayInterval.month(month, of: year) else { return nil }
            guard let part else { return interval }
            return part.apply(to: interval, precision: .month)

        case let .yearlessQuarter(quarter, direction):
            let current = (p.month + 2) / 3
            let year: Int
            switch direction {
            case let .yearOffset(offset): year = p.year + offset
            case .this: year = p.year
            case .last: year = quarter < current ? p.year : p.year - 1
            case .next: year = quarter > current ? p.year : p.year + 1
            case .nearest:
                // A quarter that has begun by P is the one of P's year, whatever the tense (results "for the
                // third quarter" in November are this year's); a later one is ahead only when the sentence says so.
                if quarter <= current { year = p.year } else { year = ahead ? p.year : p.year - 1 }
            }
            return .quarter(quarter, of: year)

        case let .halfOfYear(half, offset):
            return .half(half, of: p.year + offset)

        case let .yearlessSeason(season, direction):
            // Occurrences by the year they start in; "this" is the one containing P, else the one of P's year.
            func occurrence(_ year: Int) -> DayInterval? { .season(season, of: year) }
            var this = p.year
            if season == .winter, let previous = occurrence(p.year - 1), p <= previous.end { this = p.year - 1 }
            switch direction {
            case let .yearOffset(offset): return occurrence(p.year + offset)
            case .this: return occurrence(this)
            case .last: return occurrence(this - 1)
            case .next: return occurrence(this + 1)
            case .nearest:
                guard let current = occurrence(this) else { return nil }
                // Ahead: the one under way at P counts ("will leave in the spring" on March 21 is this spring).
                if ahead { return current.end >= p ? current : occurrence(this + 1) }
                return current.start <= p ? current : occurrence(this - 1)
            }

        case let .calendarUnit(unit, offset, part):
            let moved = DateResolver.move(p, unit == .weekend ? .week : unit, offset)
            guard let interval = DateResolver.unitInterval(unit, containing: moved) else { return nil }
            guard let part else { return interval }
            return part.apply(to: interval, precision: DateResolver.precision(of: unit))

        case let .unitToDate(unit):
            guard let interval = DateResolver.unitInterval(unit, containing: p) else { return nil }
            if unit == .week || unit == .weekend {
                return DayInterval(start: interval.start, end: max(interval.start, p.adding(days: -1)))
            }
            return DayInterval(start: interval.start, end: p)

        case let .unitFromDate(unit):
            guard let interval = DateResolver.unitInterval(unit, containing: p) else { return nil }
            if unit == .week || unit == .weekend {
                return DayInterval(start: min(interval.end, p.adding(days: 1)), end: interval.end)
            }
            return DayInterval(start: p, end: interval.end)

        case let .weekend(offset):
            let weekday = p.isoWeekday
            let saturdayOfWeek = p.adding(days: 6 - weekday)
            let saturday: CalendarDate
            switch offset {
            case .some(let offset): saturday = saturdayOfWeek.adding(days: 7 * offset)
            case .none:
                if weekday >= 6 { saturday = saturdayOfWeek }
                else { saturday = saturdayOfWeek.adding(days: -7) }
            }
            return DayInterval(start: saturday, end: saturday.adding(days: 1))

        case let .span(unit, amount):
            let other = DateResolver.move(p, unit, amount)
            return amount < 0 ? DayInterval(start: other, end: p) : DayInterval(start: p, end: other)

        case let .ago(unit, amount):
            let moved = DateResolver.move(p, unit, -amount)
            switch unit {
            case .month, .quarter, .year: return DateResolver.unitInterval(unit, containing: moved)
            case .decade, .century: return DateResolver.unitInterval(.year, containing: moved)
            case .week, .fortnight: return DateResolver.unitInterval(.week, containing: moved)
            default: return DayInterval(day: moved)
            }

        case .absolute, .vague, .anaphoric, .anaphoricUnit, .eventRelative, .yearAgo, .weekOf, .dayShifted, .periodOfYear:
            return nil
        }
    }

    /// DATES.md: counted from the most recently mentioned resolved date in the same or the previous sentence
    /// (the anchor), else from the header date, else unresolved.
    func resolveAnaphoric(_ unit: DateUnit, _ amount: Int, wholeUnit: Bool, prior: PriorDate?) -> Resolved {
        let base: PriorDate
        if let prior {
            base = prior
        } else if let p = publishedAt {
            // Counted from the header date, "a year earlier" is "a year ago": the month, quarter or year
            // containing P moved by that length (DATES.md's "ago" row).
            switch unit {
            case .month, .quarter, .year, .decade, .century:
                let moved = DateResolver.move(p, unit, amount)
                let whole: DateUnit = unit == .decade || unit == .century ? .year : unit
                return Resolved(interval: DateResolver.unitInterval(whole, containing: moved),
                                precision: DateResolver.precision(of: whole), resolution: .relative, anchor: p)
            default: break
            }
            base = PriorDate(interval: DayInterval(day: p), precision: .day)
        } else {
            return Resolved(interval: nil, precision: DateResolver.precision(of: unit), resolution: .relative, anchor: nil)
        }
        let anchor = base.interval.start
        let unitPrecision = DateResolver.precision(of: unit)
        let interval: DayInterval?
        let precision: DatePrecision
        if wholeUnit {
            // "that year", "the same day", "the following year": the unit containing the (moved) anchor; a unit
            // finer than the anchor ("that day" after "in 2001") has no value.
            let unitPrecision = DateResolver.precision(of: unit)
            if rank(unitPrecision) < rank(base.precision) {
                return Resolved(interval: nil, precision: unitPrecision, resolution: .relative, anchor: nil)
            }
            let moved = amount < 0 ? base.interval.start : base.interval.end
            interval = DateResolver.unitInterval(unit, containing: DateResolver.move(amount == 0 ? anchor : moved, unit, amount))
            precision = unitPrecision
        } else if unit == .day || unit == .hour || unit == .week || unit == .fortnight {
            // Day steps count from the anchor's edge: the day before a month is the day before its first day.
            if base.precision == .day {
                interval = DayInterval(day: DateResolver.move(anchor, unit, amount))
            } else {
                let edge = amount < 0 ? base.interval.start : base.interval.end
                interval = DayInterval(day: DateResolver.move(edge, unit, amount))
            }
            precision = .day
        } else {
            // Month, quarter, year steps shift the anchor's interval, keeping its precision.
            let months: Int
            switch unit {
            case .month: months = amount
            case .quarter: months = 3 * amount
            case .decade: months = 120 * amount
            case .century: months = 1200 * amount
            default: months = 12 * amount
            }
            if rank(base.precision) > rank(unitPrecision) || base.precision == .range {
                interval = DateResolver.unitInterval(unit, containing: DateResolver.move(anchor, unit, amount))
                precision = unitPrecision
            } else {
                interval = base.precision == .day
                    ? DayInterval(day: anchor.adding(months: months)) : base.interval.shifted(months: months)
                precision = base.precision
            }
        }
        return Resolved(interval: interval, precision: precision, resolution: .relative, anchor: anchor)
    }

    func resolveYearAgo(_ unit: DateUnit, prior: PriorDate?) -> Resolved {
        if unit == .quarter {
            // The quarter of the date named before (a quarter, month, week or day), a year back; else the latest
            // whole quarter before the header date, a year back.
            let anchor: CalendarDate
            if let prior, rank(prior.precision) <= rank(.quarter) {
                anchor = prior.interval.start
            } else if let p = publishedAt {
                anchor = p.adding(months: -3)
            } else {
                return Resolved(interval: nil, precision: .quarter, resolution: .relative, anchor: nil)
            }
            let interval = DateResolver.unitInterval(.quarter, containing: anchor.adding(months: -12))
            return Resolved(interval: interval, precision: .quarter, resolution: .relative, anchor: anchor)
        }
        // "a third-quarter loss, against a year-earlier profit": the period just named, a year back; after a
        // whole year (or none), the year before the one the article reports on, like "a year ago".
        let period = prior.flatMap { rank($0.precision) < rank(.year) ? $0 : nil }
        return resolveAnaphoric(.year, -1, wholeUnit: false, prior: period)
    }

    private func rank(_ precision: DatePrecision) -> Int {
        switch precision {
        case .day: return 0
        case .week: return 1
        case .month: return 2
        case .quarter, .season: return 3
        case .year: return 4
        case .decade: return 5
        case .century: return 6
        case .range: return 7
        }
    }
}
