import DossierModel

/// Relative forms: "last week", "earlier this year", "the past four days", "the day before", "early next
/// year", "that year".
extension DateGrammar {
    func unit(_ index: Int) -> DateUnit? {
        wordClass(index) == .unit ? DateUnit(rawValue: UInt8(wordValue(index))) : nil
    }

    func units(_ index: Int) -> DateUnit? {
        wordClass(index) == .units ? DateUnit(rawValue: UInt8(wordValue(index))) : nil
    }

    // MARK: this / last / next

    /// "this week", "last month", "next year", "last Friday", "last November", "last fall", "this morning",
    /// "last night", "the past 30 years" (with `first` at "the").
    func matchDeictic(_ index: Int, first: Int) -> DateMatch? {
        var word = wordClass(index)
        var next = index + 1
        // "this past spring": the latest one begun before the header date ("last spring" is the year before's).
        let thisPast = word == .this && wordClass(next) == .past
        if thisPast { word = .last; next += 1 }
        let offset: Int
        switch word {
        case .this, .current: offset = 0
        case .last, .previous: offset = -1
        case .next, .coming, .following: offset = 1
        case .past: offset = -1
        default: return nil
        }
        let spanWord = word == .past || word == .last || word == .next || word == .coming
        // "the past four days", "the last 30 years", "the next 24 hours", "past 10 days".
        if spanWord, let quantity = quantity(at: next), let unit = units(quantity.next) ?? unit(quantity.next) {
            guard let amount = quantity.amount else { return nil }  // "the past few days": vague, no date
            if unit == .minute { return nil }
            return DateMatch(first: first, last: quantity.next, meaning: .span(unit, offset * amount))
        }
        // "the last half of 1989": the year's second half.
        if word == .last, first != index, wordClass(next) == .half, wordClass(next + 1) == .of,
           let (year, last) = year(at: next + 2), let interval = DayInterval.half(2, of: year) {
            return DateMatch(first: first, last: last, meaning: .absolute(interval, .range))
        }
        // "last year's quarter", "last year's period": the period being reported, a year back.
        if unit(next) == .year, word == .last, isPunct(next + 1, 39), attached(next + 1), next + 2 < tokens.count,
           tokens[next + 2].kind == .word, tokens[next + 2].length == 1, attached(next + 2),
           unit(next + 3) == .quarter || wordClass(next + 3) == .period {
            return DateMatch(first: first, last: next + 3, meaning: .yearAgo(.quarter))
        }
        // "next year's first quarter", "last year's second half".
        if unit(next) == .year, word == .this || word == .last || word == .next, isPunct(next + 1, 39), attached(next + 1),
           next + 2 < tokens.count, tokens[next + 2].kind == .word, tokens[next + 2].length == 1, attached(next + 2),
           wordClass(next + 3) == .ordinalWord {
            let ordinal = wordValue(next + 3)
            if unit(next + 4) == .quarter, (1...4).contains(ordinal) {
                return DateMatch(first: first, last: next + 4, meaning: .yearlessQuarter(ordinal, .yearOffset(offset)))
            }
        }
        if let unit = unit(next) {
            if wordClass(next + 1) == .of { return nil }  // "the last year of his term"
            // "ABC's \"This Week\"": a title, not a date.
            if word == .this, first == index, isCapitalized(index), isCapitalized(next) { return nil }
            if isPunct(next + 1, UInt8(ascii: "-")), attached(next + 1) { return nil }  // "next-day delivery"
            if first != index {
                // "the past year", "the next week": a span ending/starting at the header date; "the previous
                // day", "the following week", "the next day": counted from the date named before.
                switch (word, unit) {
                case (.previous, _), (.following, _), (.next, .day):
                    return DateMatch(first: first, last: next, meaning: .anaphoricUnit(unit, offset))
                case (.this, _), (.current, _):
                    break
                default:
                    if unit == .weekend { return DateMatch(first: first, last: next, meaning: .weekend(offset == -1 ? nil : offset)) }
                    if unit == .hour || unit == .minute { return nil }
                    return DateMatch(first: first, last: next, meaning: .span(unit, offset))
                }
            }
            if word == .past && first == index { return nil }
            switch unit {
            case .weekend:
                return DateMatch(first: first, last: next, meaning: .weekend(offset == -1 ? nil : offset))
            case .day, .hour, .minute, .fortnight:
                return nil
            default:
                if word == .previous || word == .following || word == .coming { return nil }
                return DateMatch(first: first, last: next, meaning: .calendarUnit(unit, offset: offset, part: nil))
            }
        }
        if word == .past || word == .coming || word == .current { return nil }
        let direction: DateDirection = offset == 0 ? .this : offset < 0 ? .last : .next
        switch wordClass(next) {
        case .weekday:
            return matchWeekday(next, direction: direction, first: first)
        case .month:
            guard isCapitalized(next) else { return nil }
            return DateMatch(first: first, last: next, meaning: .yearlessMonth(month: wordValue(next), part: nil, direction))
        case .season:
            return matchSeason(next, first: first, direction: thisPast ? .nearest : direction, explicitContext: true)
        case .holiday, .holidayLead:
            return matchHoliday(next, first: first, direction: direction)
        case .dayPart:
            // "this morning", "last night"; "the next morning" counts from the date named before.
            if first != index, word == .next || word == .following || word == .previous {
                return DateMatch(first: first, last: next, meaning: .anaphoricUnit(.day, offset))
            }
            if word == .this { return DateMatch(first: first, last: next, meaning: .dayOffset(0)) }
            if word == .last { return DateMatch(first: first, last: next, meaning: .dayOffset(-1)) }
            return nil
        default:
            return nil
        }
    }

    // MARK: earlier / later

    /// "earlier this week", "earlier in the week", "later this year", "earlier that day", "earlier today".
    func matchEarlierLater(_ index: Int) -> DateMatch? {
        let earlier = wordClass(index) == .earlier
        var next = index + 1
        switch wordClass(next) {
        case .this, .current:
            guard let unit = unit(next + 1), unit != .day else { return nil }
            return DateMatch(first: index, last: next + 1, meaning: earlier ? .unitToDate(unit) : .unitFromDate(unit))
        case .in:
            next += 1
            guard wordClass(next) == .the, let unit = unit(next + 1), unit != .day else { return nil }
            if wordClass(next + 2) == .of { return nil }
            return DateMatch(first: index, last: next + 1, meaning: earlier ? .unitToDate(unit) : .unitFromDate(unit))
        case .that:
            guard let unit = unit(next + 1), unit != .hour, unit != .minute else { return nil }
            return DateMatch(first: index, last: next + 1, meaning: .anaphoricUnit(unit, 0))
        case .today, .tonight:
            return DateMatch(first: index, last: next, meaning: .dayOffset(0))
        case .weekday:
            return matchWeekday(next, direction: .nearest, first: index)
        default:
            return nil
        }
    }

    // MARK: early / mid / late

    /// "early January 2026", "mid-2012", "late 2015", "the early 1980s", "the end of 1990", "early next year",
    /// "late Friday", "the middle of October".
    func matchPart(_ index: Int, first: Int) -> DateMatch? {
        let part: DatePart
        var next = index + 1
        switch wordClass(index) {
        case .early, .beginning, .start: part = .early
        case .mid, .middle: part = .mid
        case .late, .end: part = .late
        default: return nil
        }
        let needsOf = wordClass(index) == .beginning || wordClass(index) == .start || wordClass(index) == .end
            || wordClass(index) == .middle
        if needsOf {
            guard wordClass(next) == .of else { return nil }
            next += 1
        } else if isPunct(next, UInt8(ascii: "-")), attached(next) {
            next += 1
        }
        var hadThe = false
        if wordClass(next) == .the { hadThe = true; next += 1 }
        // "the end of the year", "the end of the month": the header date's own unit.
        if hadThe, let unit = unit(next), unit == .year || unit == .month || unit == .week {
            if wordClass(next + 1) == .of { return nil }
            return DateMatch(first: first, last: next, meaning: .calendarUnit(unit, offset: 0, part: part))
        }
        guard let inner = match(at: next) else { return nil }
        if hadThe {
            // Only "the" + decade/century/quarter makes sense after a part ("the end of the 1990s").
            switch inner.meaning {
            case .absolute(_, .decade), .absolute(_, .century), .absolute(_, .quarter): break
            default: return nil
            }
        }
        switch inner.meaning {
        case let .absolute(interval, precision):
            guard let parted = part.apply(to: interval, precision: precision) else {
                return DateMatch(first: first, last: inner.last, meaning: inner.meaning)
            }
            return DateMatch(first: first, last: inner.last, meaning: .absolute(parted, precision == .day ? .day : .range))
        case let .yearlessMonth(month, nil, direction):
            return DateMatch(first: first, last: inner.last, meaning: .yearlessMonth(month: month, part: part, direction))
        case let .calendarUnit(unit, offset, nil):
            return DateMatch(first: first, last: inner.last, meaning: .calendarUnit(unit, offset: offset, part: part))
        case .weekday, .dayOffset, .yearlessDay, .yearlessSeason, .yearlessQuarter:
            // "early Friday" is the date Friday; a part of a season or quarter keeps the whole.
            return DateMatch(first: first, last: inner.last, meaning: inner.meaning)
        default:
            return nil
        }
    }

    // MARK: the …

    func matchThe(_ index: Int) -> DateMatch? {
        let next = index + 1
        if let comparison = matchYearBackPeriod(index) { return comparison }
        switch wordClass(next) {
        case .past, .last, .next, .coming, .previous, .following, .this, .current:
            return matchDeictic(next, first: index)
        case .same:
            return matchThat(next, first: index)
        case .early, .mid, .late, .end, .beginning, .start, .middle:
            return matchPart(next, first: index)
        case .unit:
            let unit = unit(next)
            if unit == .year, let (year, last) = spelledYear(next + 1), let interval = DayInterval.year(year) {
                return DateMatch(first: index, last: last, meaning: .absolute(interval, .year))
            }
            if let yearAgo = matchYearAgo(next) {
                return DateMatch(first: index, last: yearAgo.last, meaning: yearAgo.meaning)
            }
            if unit == .weekend { return DateMatch(first: index, last: next, meaning: .weekend(nil)) }
            if unit == .day {
                // "the day before", "the day after"; "the day before yesterday", "the day after Christmas".
                let after = wordClass(next + 1)
                guard after == .before || after == .after else { return nil }
                // "later in the day before returning home": the day is the one being told, and "before" opens a
                // clause; not a date of its own.
                if index > 0, wordClass(index - 1) == .in, next + 2 < tokens.count, tokens[next + 2].has(.endsInIng) { return nil }
                let sign = after == .before ? -1 : 1
                if wordClass(next + 2) == .yesterday && sign < 0 { return DateMatch(first: index, last: next + 2, meaning: .dayOffset(-2)) }
                if wordClass(next + 2) == .tomorrow && sign > 0 { return DateMatch(first: index, last: next + 2, meaning: .dayOffset(2)) }
                if let day = dayExpression(at: next + 2) {
                    return DateMatch(first: index, last: day.last, meaning: .dayShifted(day.meaning, days: sign))
                }
                switch wordClass(next + 2) {
                case .the, .a, .possessive:  // "the day after the election", "the day before his death"
                    return DateMatch(first: index, last: next + 1, meaning: .eventRelative(.day, sign))
                default:
                    return DateMatch(first: index, last: next + 1, meaning: .anaphoric(.day, sign))
                }
            }
            if unit == .week, wordClass(next + 1) == .of, let day = dayExpression(at: next + 2) {
                return DateMatch(first: index, last: day.last, meaning: .weekOf(day.meaning))
            }
            return nil
        case .ordinalWord:
            return matchOrdinal(next, first: index)
        case .decadeWord:
            guard let inner = match(at: next) else { return nil }
            return DateMatch(first: index, last: inner.last, meaning: inner.meaning)
        case .latest:
            // "the latest quarter": the last whole quarter before the header date.
            if unit(next + 1) == .quarter { return DateMatch(first: index, last: next + 1, meaning: .calendarUnit(.quarter, offset: -1, part: nil)) }
            return nil
        case .season:
            guard let season = matchSeason(next, first: index, direction: .nearest, explicitContext: false) else { return nil }
            return season
        case .none:
            guard isNumber(next) else { return nil }
            if tokens[next].has(.plural) || tokens[next].has(.ordinal) {
                guard let inner = matchNumber(next) else { return nil }
                return DateMatch(first: index, last: inner.last, meaning: inner.meaning)
            }
            // "the 1988 quarter", "the 1989 period".
            if let year = yearNumber(next), unit(next + 1) == .quarter || wordClass(next + 1) == .period {
                return DateMatch(first: index, last: next + 1, meaning: .periodOfYear(year))
            }
            // "the 1988 second quarter".
            if let year = yearNumber(next), wordClass(next + 1) == .ordinalWord, unit(next + 2) == .quarter,
               let interval = DayInterval.quarter(wordValue(next + 1), of: year) {
                return DateMatch(first: index, last: next + 2, meaning: .absolute(interval, .quarter))
            }
            return nil
        default:
            // "the '90s"
            if isPunct(next, 39), let inner = match(at: next) { return DateMatch(first: index, last: inner.last, meaning: inner.meaning) }
            return nil
        }
    }

    /// A single day named at `index` ("March 6", "last Tuesday", "Christmas", "Jan. 3, 2020"), for "the week of …"
    /// and "the day before …".
    func dayExpression(at index: Int) -> DateMatch? {
        guard index < tokens.count, let inner = match(at: index) else { return nil }
        switch inner.meaning {
        case .absolute(_, .day), .weekday, .yearlessDay, .yearlessDayOnWeekday, .holiday: return inner
        default: return nil
        }
    }

    /// "the quarter a year ago", "the same period last year", "the comparable quarter a year earlier":
    /// the period an earnings report is about, a year back (as "the year-ago quarter"). Alone, "a year ago" and
    /// "last year" keep their own rows; with the period in front they name that period.
    func matchYearBackPeriod(_ index: Int) -> DateMatch? {
        var period = index + 1
        if wordClass(period) == .comparable || wordClass(period) == .same { period += 1 }
        // "the comparable year-ago quarter".
        if period > index + 1, unit(period) == .year, let yearAgo = matchYearAgo(period) {
            return DateMatch(first: index, last: yearAgo.last, meaning: yearAgo.meaning)
        }
        guard unit(period) == .quarter || wordClass(period) == .period, let tail = match(at: period + 1) else { return nil }
        switch tail.meaning {
        case .ago(.year, 1), .anaphoric(.year, -1), .calendarUnit(.year, offset: -1, part: nil):
            return DateMatch(first: index, last: tail.last, meaning: .yearAgo(.quarter))
        default:
            return nil
        }
    }

    /// "year-earlier", "year-ago", "the year-ago quarter": a year before the date named just before.
    func matchYearAgo(_ index: Int) -> DateMatch? {
        guard unit(index) == .year, isPunct(index + 1, UInt8(ascii: "-")), attached(index + 1), attached(index + 2),
              wordClass(index + 2) == .ago || wordClass(index + 2) == .earlier else { return nil }
        let last = index + 2
        // "the year-ago third quarter": that quarter of the year before P's.
        if wordClass(last + 1) == .ordinalWord, unit(last + 2) == .quarter, (1...4).contains(wordValue(last + 1)) {
            return DateMatch(first: index, last: last + 2, meaning: .yearlessQuarter(wordValue(last + 1), .yearOffset(-1)))
        }
        if unit(last + 1) == .quarter || wordClass(last + 1) == .period {
            return DateMatch(first: index, last: last + 1, meaning: .yearAgo(.quarter))
        }
        return DateMatch(first: index, last: last, meaning: .yearAgo(.year))
    }

    // MARK: that / same

    /// "that year", "that day", "the same day", "that morning": the date named just before.
    func matchThat(_ index: Int, first: Int) -> DateMatch? {
        // "that same day"
        if wordClass(index) == .that, wordClass(index + 1) == .same, let inner = matchThat(index + 1, first: first) { return inner }
        let next = index + 1
        if isPunct(next + 1, UInt8(ascii: "-")), attached(next + 1) { return nil }
        if let unit = unit(next), unit != .hour, unit != .minute, unit != .weekend {
            return DateMatch(first: first, last: next, meaning: .anaphoricUnit(unit, 0))
        }
        if wordClass(next) == .dayPart, wordClass(index) == .that {
            return DateMatch(first: first, last: next, meaning: .anaphoricUnit(.day, 0))
        }
        return nil
    }
}
