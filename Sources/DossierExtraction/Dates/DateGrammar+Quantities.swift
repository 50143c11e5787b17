import DossierModel

/// Counted and ranged forms: "two years ago", "a day earlier", "nineteen ninety-six", "the first quarter of
/// 2020", "Q1 2020", "between 2009 and 2016".
extension DateGrammar {
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
        if value == 2, wordClass(index + 1) == .thousand, wordClass(index - 1) == .unit {
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
        // "the first two quarters of 1990": January to the end of the second quarter.
        if ordinal == 1, wordClass(next) == .numberWord, (2...3).contains(wordValue(next)), units(next + 1) == .quarter {
            let count = wordValue(next)
            return yearPart(start: start, unitIndex: next + 1) { year in
                guard let first = DayInterval.quarter(1, of: year), let final = DayInterval.quarter(count, of: year) else { return nil }
                return (DayInterval(start: first.start, end: final.end), .range)
            }
        }
        guard let unit = unit(next) else {
            if wordClass(next) == .half, ordinal <= 2 {
                if let match = yearPart(start: start, unitIndex: next, make: { year in DayInterval.half(ordinal, of: year).map { ($0, .range) } }) {
                    return match
                }
                return relativeYearPart(start: start, unitIndex: next) { .halfOfYear(ordinal, yearOffset: $0) }
            }
            return nil
        }
        switch unit {
        case .quarter:
            guard ordinal <= 4 else { return nil }
            if let match = yearPart(start: start, unitIndex: next, make: { year in DayInterval.quarter(ordinal, of: year).map { ($0, .quarter) } }) {
                return match
            }
            if let match = relativeYearPart(start: start, unitIndex: next, make: { .yearlessQuarter(ordinal, .yearOffset($0)) }) {
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

    /// The year after "quarter"/"half": "of 2020", "2020".
    private func yearPart(start: Int, unitIndex: Int, make: (Int) -> (DayInterval, DatePrecision)?) -> DateMatch? {
        var next = unitIndex + 1
        if wordClass(next) == .of { next += 1 }
        if let year = yearNumber(next), let (interval, precision) = make(year) {
            return DateMatch(first: start, last: next, meaning: .absolute(interval, precision))
        }
        return nil
    }

    /// The year after "quarter"/"half" named relative to the header date: "of this year", "of last year", "of
    /// next year", "of the year" (the header date's).
    private func relativeYearPart(start: Int, unitIndex: Int, make: (Int) -> DateMeaning) -> DateMatch? {
        let next = unitIndex + 2
        guard wordClass(unitIndex + 1) == .of, unit(next + 1) == .year,
              !(isPunct(next + 2, 39) && attached(next + 2)) else { return nil }  // not "of last year's sales"
        let offset: Int
        switch wordClass(next) {
        case .this, .the: offset = 0
        case .last: offset = -1
        case .next: offset = 1
        default: return nil
        }
        return DateMatch(first: start, last: next + 1, meaning: make(offset))
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
