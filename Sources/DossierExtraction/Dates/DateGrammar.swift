import DossierModel

/// One temporal expression found by `DateGrammar`: its tokens (inclusive) and what it denotes.
struct DateMatch: Sendable, Equatable {
    var first: Int
    var last: Int
    var meaning: DateMeaning
}

/// A hand-written grammar over `DateToken`s: each `match(at:)` tries the expression forms of DATES.md that can
/// start at one token, longest first.
struct DateGrammar {
    let tokens: [DateToken]

    // MARK: Token tests

    @inline(__always) func wordClass(_ index: Int) -> DateWordClass {
        index >= 0 && index < tokens.count ? tokens[index].word.wordClass : .none
    }

    @inline(__always) func wordValue(_ index: Int) -> Int { Int(tokens[index].word.value) }

    @inline(__always) func isPunct(_ index: Int, _ byte: UInt8) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .punct && tokens[index].value == Int32(byte)
    }

    @inline(__always) func isNumber(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .number && !tokens[index].has(.notDate)
    }

    /// No whitespace between this token and the previous one.
    @inline(__always) func attached(_ index: Int) -> Bool {
        index < tokens.count && !tokens[index].has(.spaceBefore)
    }

    @inline(__always) func isCapitalized(_ index: Int) -> Bool { tokens[index].has(.capitalized) }

    /// A plain 1–31 day number ("3", "03", "3rd").
    func dayNumber(_ index: Int) -> Int? {
        guard isNumber(index), !tokens[index].has(.plural), tokens[index].length <= 2 else { return nil }
        let value = Int(tokens[index].value)
        return (1...31).contains(value) ? value : nil
    }

    /// A four-digit number that may be a year, by its form alone.
    func yearNumber(_ index: Int) -> Int? {
        guard isNumber(index), tokens[index].length == 4, !tokens[index].has(.ordinal), !tokens[index].has(.plural)
        else { return nil }
        let value = Int(tokens[index].value)
        return (1000...2100).contains(value) ? value : nil
    }

    // MARK: Entry

    func match(at index: Int) -> DateMatch? {
        let token = tokens[index]
        switch token.kind {
        case .number:
            return matchNumber(index)
        case .punct:
            // "'90s"
            if token.value == 39, isNumber(index + 1), attached(index + 1), tokens[index + 1].length == 2,
               tokens[index + 1].has(.plural) {
                let value = Int(tokens[index + 1].value)
                guard value % 10 == 0, let decade = DayInterval.decade(value <= 20 ? 2000 + value : 1900 + value) else { return nil }
                return DateMatch(first: index, last: index + 1, meaning: .absolute(decade, .decade))
            }
            return nil
        case .other:
            return nil
        case .word:
            break
        }
        switch token.word.wordClass {
        case .month, .monthAbbrev: return matchMonth(index)
        case .weekday: return matchWeekday(index, direction: .nearest, first: index)
        case .season: return matchSeason(index, first: index, direction: .nearest, explicitContext: false)
        case .today: return matchDayWord(index, offset: 0)
        case .yesterday: return matchDayWord(index, offset: -1)
        case .tomorrow: return matchDayWord(index, offset: 1)
        case .tonight: return DateMatch(first: index, last: index, meaning: .dayOffset(0))
        case .this, .last, .next, .past, .previous, .coming, .current: return matchDeictic(index, first: index)
        case .earlier, .later: return matchEarlierLater(index)
        case .early, .mid, .late, .middle, .end, .beginning, .start: return matchPart(index, first: index)
        case .the: return matchThe(index)
        case .between, .from: return matchRange(index)
        case .numberWord, .a, .few, .several, .couple, .about: return matchQuantity(index)
        case .ordinalWord: return matchOrdinal(index, first: index)
        case .quarterLetter: return matchQuarterLetter(index)
        case .that, .same: return matchThat(index, first: index)
        case .unit: return matchYearAgo(index)
        case .holiday, .holidayLead: return matchHoliday(index, first: index, direction: .nearest)
        case .decadeWord:
            // "the nineties", "the late eighties", "mid-seventies"; alone the word is an age ("in his forties").
            let before = wordClass(index - 1)
            let lead = before == .mid || (isPunct(index - 1, UInt8(ascii: "-")) && wordClass(index - 2) == .mid)
            guard before == .the || before == .early || before == .late || lead,
                  let decade = DayInterval.decade(1900 + 10 * wordValue(index)) else { return nil }
            return DateMatch(first: index, last: index, meaning: .absolute(decade, .decade))
        default: return nil
        }
    }

    // MARK: Day words

    func matchDayWord(_ index: Int, offset: Int) -> DateMatch {
        // "the day before yesterday" is handled by `matchThe`; "yesterday morning" keeps its part of day.
        let last = wordClass(index + 1) == .dayPart ? index + 1 : index
        return DateMatch(first: index, last: last, meaning: .dayOffset(offset))
    }

    // MARK: Weekdays

    func matchWeekday(_ index: Int, direction: DateDirection, first: Int) -> DateMatch? {
        guard isCapitalized(index) else { return nil }
        // "Monday, January 5, 2020": the date wins, the weekday joins its text.
        var next = index + 1
        if isPunct(next, UInt8(ascii: ",")) { next += 1 }
        if wordClass(next) == .month || wordClass(next) == .monthAbbrev, let date = matchMonth(next),
           case let .yearlessDay(month, day, _) = date.meaning {
            return DateMatch(first: first, last: date.last,
                             meaning: .yearlessDayOnWeekday(month: month, day: day, weekday: wordValue(index)))
        } else if wordClass(next) == .month || wordClass(next) == .monthAbbrev, let date = matchMonth(next),
                  case .absolute(_, .day) = date.meaning {
            return DateMatch(first: first, last: date.last, meaning: date.meaning)
        }
        var last = index
        if wordClass(index + 1) == .dayPart { last = index + 1 }
        return DateMatch(first: first, last: last, meaning: .weekday(wordValue(index), direction))
    }

    // MARK: Holidays

    /// "Thanksgiving", "Thanksgiving Day", "Christmas Eve", "Election Day", "Easter Sunday"; with a year after it
    /// ("Christmas 2012", "Election Day 2008") that year's day.
    func matchHoliday(_ index: Int, first: Int, direction: DateDirection) -> DateMatch? {
        guard isCapitalized(index), var holiday = Holiday(rawValue: UInt8(wordValue(index))) else { return nil }
        var last = index
        let dayFollows = unit(index + 1) == .day && isCapitalized(index + 1)
        if holiday == .newYearsDay {
            guard let (newYear, end) = matchNewYear(index) else { return nil }
            holiday = newYear
            last = end
        } else if holiday == .independenceDay, isPossessive(index - 1) {
            // "Israel's Independence Day": another country's day, not the Fourth of July.
            return nil
        } else if wordClass(index) == .holidayLead {
            guard dayFollows else { return nil }
            last = index + 1
        } else if dayFollows || (wordClass(index + 1) == .weekday && holiday == .easter && wordValue(index + 1) == 7) {
            last = index + 1
        } else if holiday == .christmas, wordClass(index + 1) == .eve, isCapitalized(index + 1) {
            holiday = .christmasEve
            last = index + 1
        }
        if let (year, yearLast) = year(at: last + 1), let day = holiday.date(in: year) {
            return DateMatch(first: first, last: yearLast, meaning: .absolute(DayInterval(day: day), .day))
        }
        // "Easter week", "Christmas weekend": a period around the day, left out.
        if last == index, wordClass(index + 1) == .unit || wordClass(index + 1) == .units { return nil }
        // A holiday word before another capitalized name is that name ("Easter Island", "Christmas Carol").
        if last == index, index + 1 < tokens.count, tokens[index + 1].kind == .word, isCapitalized(index + 1),
           tokens[index + 1].has(.spaceBefore) {
            return nil
        }
        return DateMatch(first: first, last: last, meaning: .holiday(holiday, direction))
    }

    /// "New Year's Day" or "New Year's Eve" from the "New" at `index`: which one, and its last token.
    func matchNewYear(_ index: Int) -> (Holiday, Int)? {
        guard unit(index + 1) == .year, isCapitalized(index + 1), isPossessive(index + 3),
              index + 4 < tokens.count, isCapitalized(index + 4) else { return nil }
        if unit(index + 4) == .day { return (.newYearsDay, index + 4) }
        if wordClass(index + 4) == .eve { return (.newYearsEve, index + 4) }
        return nil
    }

    /// Whether the token at `index` is the "s" of a possessive "'s" attached to the word before it.
    func isPossessive(_ index: Int) -> Bool {
        guard index >= 2, index < tokens.count, tokens[index].kind == .word, tokens[index].length == 1, attached(index),
              isPunct(index - 1, UInt8(ascii: "'")), attached(index - 1) else { return false }
        return true
    }

    // MARK: Seasons

    /// "spring 2011", "the spring of 2011", "last fall", "in the summer".
    func matchSeason(_ index: Int, first: Int, direction: DateDirection, explicitContext: Bool) -> DateMatch? {
        let season = Season(rawValue: UInt8(wordValue(index)))!
        var next = index + 1
        if wordClass(next) == .of, year(at: next + 1) != nil { next += 1 }
        if let (year, last) = year(at: next), let interval = DayInterval.season(season, of: year) {
            return DateMatch(first: first, last: last, meaning: .absolute(interval, .season))
        }
        // Without a year, a season word is a date only where the context says so ("fall" is also a verb,
        // "Arab Spring" a name).
        if wordClass(index + 1) == .of { return nil }
        var context = explicitContext
        if !context {
            var before = index - 1
            if wordClass(before) == .the {
                before -= 1
                // "over the summer", "into the winter": only "spring" and "fall" are also common nouns.
                if season == .summer || season == .winter { context = true }
            }
            switch wordClass(before) {
            case .in, .during, .since, .until, .this, .last, .next, .early, .late, .through: context = true
            default: break
            }
            if index > 0, tokens[index - 1].kind == .word, isCapitalized(index - 1), wordClass(index - 1) == .none {
                context = false
            }
        }
        guard context else { return nil }
        return DateMatch(first: first, last: index, meaning: .yearlessSeason(season, direction))
    }
}
