import DossierModel

/// Relative forms: "last week", "earlier this year", "the past four days", "two years ago", "the day before",
/// "early next year", ranges and quarters.
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
        if word == .this, wordClass(next) == .past { word = .last; next += 1 }  // "this past spring"
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
        if let unit = unit(next) {
            if wordClass(next + 1) == .of { return nil }  // "the last year of his term"
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
            return matchSeason(next, first: first, direction: direction, explicitContext: true)
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
        } else if wordClass(index) == .mid, !attached(next) {
            // "mid 2012" is written; "mid" alone before other words is not a date.
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
                // "the day before", "the day after"; "the day before yesterday".
                let after = wordClass(next + 1)
                guard after == .before || after == .after else { return nil }
                let sign = after == .before ? -1 : 1
                if wordClass(next + 2) == .yesterday && sign < 0 { return DateMatch(first: index, last: next + 2, meaning: .dayOffset(-2)) }
                if wordClass(next + 2) == .tomorrow && sign > 0 { return DateMatch(first: index, last: next + 2, meaning: .dayOffset(2)) }
                return DateMatch(first: index, last: next + 1, meaning: .anaphoric(.day, sign))
            }
            return nil
        case .ordinalWord:
            return matchOrdinal(next, first: index)
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

    /// "year-earlier", "year-ago", "the year-ago quarter": a year before the date named just before.
    func matchYearAgo(_ index: Int) -> DateMatch? {
        guard unit(index) == .year, isPunct(index + 1, UInt8(ascii: "-")), attached(index + 1), attached(index + 2),
              wordClass(index + 2) == .ago || wordClass(index + 2) == .earlier else { return nil }
        var last = index + 2
        if unit(last + 1) == .quarter || wordClass(last + 1) == .period { last += 1 }
        return DateMatch(first: index, last: last, meaning: .anaphoric(.year, -1))
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

    // MARK: Quantities

    /// A count at `index`: a number, a number word ("two", "twenty-five"), "a"/"an", optionally after "about";
    /// `amount` is nil for vague counts ("a few", "several").
    func quantity(at index: Int) -> (amount: Int?, next: Int)? {
        var position = index
        if wordClass(position) == .about { position += 1 }
        if isNumber(position), tokens[position].length <= 3, !tokens[position].has(.plural), !tokens[position].has(.ordinal) {
            return (Int(tokens[position].value), position + 1)
        }
        switch wordClass(position) {
        case .numberWord:
            var value = wordValue(position)
            if value >= 20, isPunct(position + 1, UInt8(ascii: "-")), wordClass(position + 2) == .numberWord,
               wordValue(position + 2) < 10 {
                value += wordValue(position + 2)
                position += 2
            }
            return (value, position + 1)
        case .a:
            if wordClass(position + 1) == .few || wordClass(position + 1) == .couple {
                var next = position + 2
                if wordClass(next) == .of { next += 1 }
                return (nil, next)
            }
            if wordClass(position + 1) == .half, wordClass(position + 2) == .unit {
                return (nil, position + 2)
            }
            return (1, position + 1)
        case .several, .few:
            return (nil, position + 1)
        default:
            return nil
        }
    }

    /// "two years ago", "about two months ago", "24 hours ago", "three days later", "a year earlier".
    func matchQuantity(_ index: Int) -> DateMatch? {
        if let (year, last) = spelledYear(index), let interval = DayInterval.year(year) {
            return DateMatch(first: index, last: last, meaning: .absolute(interval, .year))
        }
        guard let quantity = quantity(at: index) else { return nil }
        let unitIndex = quantity.next
        guard let unit = unit(unitIndex) ?? units(unitIndex), unit != .weekend, unit != .minute else { return nil }
        var next = unitIndex + 1
        // "a week or so ago"
        if wordClass(next) == .none, next + 2 < tokens.count, tokens[next].kind == .word, tokens[next].length == 2,
           tokens[next + 1].kind == .word, tokens[next + 1].length == 2, wordClass(next + 2) == .ago {
            next += 2
        }
        switch wordClass(next) {
        case .ago:
            guard let amount = quantity.amount else {
                return DateMatch(first: index, last: next, meaning: .vague(DateResolver.precision(of: unit)))
            }
            return DateMatch(first: index, last: next, meaning: .ago(unit, amount))
        case .earlier, .later, .before, .after:
            guard let amount = quantity.amount else { return nil }
            if unit == .hour && amount < 24 { return nil }
            if wordClass(next) == .before || wordClass(next) == .after, !(amount == 1 && unit == .day) {
                // "two years after the war" counts from an event, not a date: only "… after." stands alone.
                guard next + 1 >= tokens.count || tokens[next + 1].kind == .punct || tokens[next + 1].has(.lineBefore)
                else { return nil }
            }
            let sign = wordClass(next) == .earlier || wordClass(next) == .before ? -1 : 1
            return DateMatch(first: index, last: next, meaning: .anaphoric(unit, sign * amount))
        default:
            return nil
        }
    }

    /// Years in words, as broadcasts write them: "nineteen ninety-six", "two thousand".
    func spelledYear(_ index: Int) -> (Int, Int)? {
        guard wordClass(index) == .numberWord else { return nil }
        let value = wordValue(index)
        if value == 2, wordClass(index + 1) == .none, index + 1 < tokens.count, tokens[index + 1].length == 8,
           tokens[index + 1].kind == .word, wordClass(index - 1) == .unit {
            return (2000, index + 1)  // "the year two thousand"
        }
        guard (11...20).contains(value), wordClass(index + 1) == .numberWord else { return nil }
        let tens = wordValue(index + 1)
        guard tens >= 20, tens <= 90, tens % 10 == 0 else { return nil }
        var year = value * 100 + tens
        var last = index + 1
        if isPunct(index + 2, UInt8(ascii: "-")), wordClass(index + 3) == .numberWord, wordValue(index + 3) < 10 {
            year += wordValue(index + 3)
            last = index + 3
        }
        return (year, last)
    }

    // MARK: Quarters and halves

    /// "first quarter of 2020", "third-quarter", "the fourth quarter", "first half of 2020", "twentieth century".
    func matchOrdinal(_ index: Int, first: Int? = nil) -> DateMatch? {
        let ordinal = wordValue(index)
        var next = index + 1
        if isPunct(next, UInt8(ascii: "-")), attached(next) { next += 1 }
        let start = first ?? index
        guard let unit = unit(next) else {
            if wordClass(next) == .half, ordinal <= 2 {
                return yearPart(start: start, unitIndex: next) { year in DayInterval.half(ordinal, of: year).map { ($0, .range) } }
            }
            return nil
        }
        switch unit {
        case .quarter:
            guard ordinal <= 4 else { return nil }
            if let match = yearPart(start: start, unitIndex: next, make: { year in DayInterval.quarter(ordinal, of: year).map { ($0, .quarter) } }) {
                return match
            }
            return DateMatch(first: start, last: next, meaning: .yearlessQuarter(ordinal, .nearest))
        case .century:
            guard let century = DayInterval.century(ordinal) else { return nil }
            return DateMatch(first: start, last: next, meaning: .absolute(century, .century))
        default:
            return nil
        }
    }

    /// The year after "quarter"/"half": "of 2020", "2020", "of this year", "of last year".
    private func yearPart(start: Int, unitIndex: Int, make: (Int) -> (DayInterval, DatePrecision)?) -> DateMatch? {
        var next = unitIndex + 1
        if wordClass(next) == .of { next += 1 }
        if let year = yearNumber(next), let (interval, precision) = make(year) {
            return DateMatch(first: start, last: next, meaning: .absolute(interval, precision))
        }
        return nil
    }

    /// "Q1 2020", "Q3".
    func matchQuarterLetter(_ index: Int) -> DateMatch? {
        guard isCapitalized(index), isNumber(index + 1), attached(index + 1), tokens[index + 1].length == 1 else { return nil }
        let quarter = Int(tokens[index + 1].value)
        guard (1...4).contains(quarter) else { return nil }
        if let year = yearNumber(index + 2), let interval = DayInterval.quarter(quarter, of: year) {
            return DateMatch(first: index, last: index + 2, meaning: .absolute(interval, .quarter))
        }
        return DateMatch(first: index, last: index + 1, meaning: .yearlessQuarter(quarter, .nearest))
    }

    // MARK: Ranges

    /// "between 2009 and 2016", "from 2009 to 2016", "from January to March 2020": one interval.
    func matchRange(_ index: Int) -> DateMatch? {
        let opening = wordClass(index)
        guard let left = match(at: index + 1) else { return nil }
        let joint = left.last + 1
        let joined: Bool
        switch wordClass(joint) {
        case .and: joined = opening == .between
        case .to, .until, .through: joined = opening == .from
        default: joined = isPunct(joint, UInt8(ascii: "-")) && opening == .from
        }
        guard joined, let right = match(at: joint + 1) else { return nil }
        var leftMeaning = left.meaning
        // "January to March 2020": the left side takes the right side's year.
        if case let .absolute(rightInterval, _) = right.meaning {
            if case let .yearlessMonth(month, nil, _) = leftMeaning, let interval = DayInterval.month(month, of: rightInterval.start.year) {
                leftMeaning = .absolute(interval, .month)
            } else if case let .yearlessDay(month, day, _) = leftMeaning,
                      let date = CalendarDate(year: rightInterval.start.year, month: month, day: day) {
                leftMeaning = .absolute(DayInterval(day: date), .day)
            }
        }
        guard case let .absolute(leftInterval, _) = leftMeaning, case let .absolute(rightInterval, _) = right.meaning,
              leftInterval.start <= rightInterval.end else { return nil }
        return DateMatch(first: index, last: right.last,
                         meaning: .absolute(DayInterval(start: leftInterval.start, end: rightInterval.end), .range))
    }
}
