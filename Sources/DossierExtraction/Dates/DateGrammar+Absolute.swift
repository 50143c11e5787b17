import DossierModel

/// Month names, numbers and years: "January 3, 2020", "3 January 2020", "Jan. 3", "September 2013",
/// "2020-01-17", "1979", "the 1980s", "2009-2016".
extension DateGrammar {
    /// Month name at `index`, with its day and year when written.
    func matchMonth(_ index: Int) -> DateMatch? {
        let month = wordValue(index)
        let abbreviated = wordClass(index) == .monthAbbrev
        guard isCapitalized(index) else { return nil }
        var next = index + 1
        var last = index
        if abbreviated {
            if isPunct(next, UInt8(ascii: ".")), attached(next) { last = next; next += 1 }
        }
        // Day: "January 3", "Jan. 30", "January 3rd".
        if let day = dayNumber(next), !(isPunct(next + 1, UInt8(ascii: ":")) && attached(next + 1) && isNumber(next + 2) && attached(next + 2)) {
            var end = next
            // "January 3-5, 2020": a range of days.
            var lastDay = day
            if isPunct(next + 1, UInt8(ascii: "-")), let other = dayNumber(next + 2), other > day, attached(next + 2) {
                lastDay = other
                end = next + 2
            }
            var yearIndex = end + 1
            if isPunct(yearIndex, UInt8(ascii: ",")) { yearIndex += 1 }
            if let year = yearNumber(yearIndex), !tokens[yearIndex].has(.apostrophe) {
                guard let start = CalendarDate(year: year, month: month, day: day),
                      let stop = CalendarDate(year: year, month: month, day: lastDay) else { return nil }
                return DateMatch(first: index, last: yearIndex,
                                 meaning: .absolute(DayInterval(start: start, end: stop), lastDay == day ? .day : .range))
            }
            guard lastDay == day, CalendarDate(year: 2000, month: month, day: day) != nil else { return nil }
            return DateMatch(first: index, last: end, meaning: .yearlessDay(month: month, day: day, .nearest))
        }
        // Year: "September 2013", "Sept. 2013", "January of 2020", "January nineteen ninety-seven".
        var yearIndex = next
        if wordClass(yearIndex) == .of { yearIndex += 1 }
        if isPunct(yearIndex, UInt8(ascii: ",")) { yearIndex += 1 }
        if let (year, yearLast) = year(at: yearIndex), let interval = DayInterval.month(month, of: year) {
            return DateMatch(first: index, last: yearLast, meaning: .absolute(interval, .month))
        }
        // "January this year", "March last year".
        if wordClass(next) == .this || wordClass(next) == .last || wordClass(next) == .next,
           wordClass(next + 1) == .unit, wordValue(next + 1) == Int(DateUnit.year.rawValue) {
            let offset = wordClass(next) == .this ? 0 : wordClass(next) == .last ? -1 : 1
            return DateMatch(first: index, last: next + 1, meaning: .yearlessMonth(month: month, part: nil, .yearOffset(offset)))
        }
        // A month alone. Abbreviations need their period; "May" and "March" are also verbs.
        if abbreviated && last == index { return nil }
        if month == 5 || month == 3, !monthContext(before: index) { return nil }
        // "April Glaspie", "June Carter", "August Wilson": a month's name before a capitalised word, with no
        // preposition before it, is a given name ("In May Iran said" keeps its month).
        if !abbreviated, index + 1 < tokens.count, tokens[index + 1].kind == .word, isCapitalized(index + 1),
           tokens[index + 1].has(.spaceBefore), wordClass(index + 1) == .none, !monthContext(before: index) {
            return nil
        }
        return DateMatch(first: index, last: last, meaning: .yearlessMonth(month: month, part: nil, .nearest))
    }

    /// Whether the word before a bare "May"/"March" makes it a month ("in May", "since March", "early May").
    func monthContext(before index: Int) -> Bool {
        switch wordClass(index - 1) {
        case .in, .since, .until, .through, .during, .from, .to, .this, .last, .next, .early, .mid, .late, .of,
             .between, .and, .before, .after, .by, .on:
            return true
        default:
            return isPunct(index - 1, UInt8(ascii: "-")) && wordClass(index - 2) == .mid
        }
    }

    /// A year in digits ("1994") or in words ("nineteen ninety-four"), with the index of its last token.
    func year(at index: Int) -> (year: Int, last: Int)? {
        if let year = yearNumber(index) { return (year, index) }
        return spelledYear(index)
    }

    // MARK: Numbers

    func matchNumber(_ index: Int) -> DateMatch? {
        let token = tokens[index]
        guard !token.has(.notDate), !token.has(.apostrophe) else { return nil }
        if token.length == 4, !token.has(.ordinal) {
            let value = Int(token.value)
            // ISO: 2020-01-17.
            if isPunct(index + 1, UInt8(ascii: "-")), attached(index + 1), isNumber(index + 2), attached(index + 2),
               tokens[index + 2].length == 2, isPunct(index + 3, UInt8(ascii: "-")), attached(index + 3),
               isNumber(index + 4), attached(index + 4), tokens[index + 4].length == 2 {
                guard let date = CalendarDate(year: value, month: Int(tokens[index + 2].value), day: Int(tokens[index + 4].value))
                else { return nil }
                return DateMatch(first: index, last: index + 4, meaning: .absolute(DayInterval(day: date), .day))
            }
            // Decade: "1980s".
            if token.has(.plural) {
                guard value % 10 == 0, value >= 1000, value <= 2090, let decade = DayInterval.decade(value) else { return nil }
                return DateMatch(first: index, last: index, meaning: .absolute(decade, .decade))
            }
            guard let year = yearNumber(index) else { return nil }
            // "2009-2016", "2009–16".
            if isPunct(index + 1, UInt8(ascii: "-")), isNumber(index + 2), !tokens[index + 2].has(.plural),
               !isPunct(index + 3, UInt8(ascii: "-")) {
                let other = Int(tokens[index + 2].value)
                var end: Int?
                if tokens[index + 2].length == 4, other > year, other <= 2100 { end = other }
                if tokens[index + 2].length == 2, year / 100 * 100 + other > year { end = year / 100 * 100 + other }
                if let end, let first = DayInterval.year(year), let final = DayInterval.year(end) {
                    return DateMatch(first: index, last: index + 2,
                                     meaning: .absolute(DayInterval(start: first.start, end: final.end), .range))
                }
            }
            guard isYearInContext(index), let interval = DayInterval.year(year) else { return nil }
            return DateMatch(first: index, last: index, meaning: .absolute(interval, .year))
        }
        // "20th century", "21st-century".
        if token.has(.ordinal) {
            var next = index + 1
            if isPunct(next, UInt8(ascii: "-")) { next += 1 }
            if wordClass(next) == .unit, wordValue(next) == Int(DateUnit.century.rawValue),
               let century = DayInterval.century(Int(token.value)) {
                return DateMatch(first: index, last: next, meaning: .absolute(century, .century))
            }
        }
        // "3 January 2020", "3rd of January".
        if let day = dayNumber(index) {
            var next = index + 1
            if wordClass(next) == .of { next += 1 }
            if wordClass(next) == .month || wordClass(next) == .monthAbbrev, isCapitalized(next) {
                let month = wordValue(next)
                var last = next
                if wordClass(next) == .monthAbbrev, isPunct(next + 1, UInt8(ascii: ".")), attached(next + 1) { last = next + 1 }
                var yearIndex = last + 1
                if isPunct(yearIndex, UInt8(ascii: ",")) { yearIndex += 1 }
                if let year = yearNumber(yearIndex) {
                    guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
                    return DateMatch(first: index, last: yearIndex, meaning: .absolute(DayInterval(day: date), .day))
                }
                guard CalendarDate(year: 2000, month: month, day: day) != nil else { return nil }
                return DateMatch(first: index, last: last, meaning: .yearlessDay(month: month, day: day, .nearest))
            }
            // "1/17/2020" (month first, unless the first number cannot be a month).
            if isPunct(index + 1, UInt8(ascii: "/")), attached(index + 1), let second = dayNumber(index + 2),
               attached(index + 2), isPunct(index + 3, UInt8(ascii: "/")), attached(index + 3),
               let year = yearNumber(index + 4), attached(index + 4) {
                let (month, dayOfMonth) = day > 12 ? (second, day) : (day, second)
                guard let date = CalendarDate(year: year, month: month, day: dayOfMonth) else { return nil }
                return DateMatch(first: index, last: index + 4, meaning: .absolute(DayInterval(day: date), .day))
            }
        }
        return matchQuantity(index)
    }

    /// Whether a lone four-digit number reads as a year here, not a count ("2000 troops", "about 1500").
    func isYearInContext(_ index: Int) -> Bool {
        let previous = index - 1
        if previous >= 0 {
            let token = tokens[previous]
            if token.kind == .punct, !token.has(.spaceBefore) || attached(index) {
                switch UInt8(truncatingIfNeeded: token.value) {
                case UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "+"),
                     UInt8(ascii: "."):
                    if attached(index) { return false }
                case UInt8(ascii: "-"):
                    // "F-2000", "Su-2000"; but "mid-2012" and "1990-2000" ranges are handled elsewhere.
                    if attached(index), previous > 0, tokens[previous - 1].kind == .word, wordClass(previous - 1) != .mid {
                        return false
                    }
                default: break
                }
            }
            if token.kind == .other, attached(index) { return false }  // "€2000", "£1500"
            if token.kind == .word {
                switch wordClass(previous) {
                case .about, .numberWord, .quantityLead: return false
                default: break
                }
            }
        }
        let next = index + 1
        if next < tokens.count {
            let token = tokens[next]
            if token.kind == .punct, attached(next) {
                if token.value == 37 { return false }  // "%"
                if token.value == 45, wordClass(next + 1) == .none, next + 1 < tokens.count, tokens[next + 1].kind == .word {
                    return false  // "a 2000-page report"
                }
            }
            if token.kind == .word, !isCapitalized(next) {
                let prepositional: Bool
                switch wordClass(previous) {
                case .in, .since, .until, .through, .during, .from, .to, .of, .before, .after, .by, .and: prepositional = true
                default: prepositional = false
                }
                if !prepositional {
                    if token.has(.endsInS), wordClass(next) == .none, !isPunct(next - 1, 39) { return false }
                    if wordClass(next) == .countNoun { return false }
                }
                if token.word.wordClass == .units { return false }
            }
        }
        return true
    }
}
