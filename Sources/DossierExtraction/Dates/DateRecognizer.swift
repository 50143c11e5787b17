import DossierModel

/// Finds temporal expressions and resolves each to the calendar interval it denotes (DATES.md).
///
/// One pass over the body's UTF-8 bytes makes `DateToken`s (a packed-key table gives each word its role);
/// `DateGrammar` then tries the expression forms only at tokens that can start one. Resolution is a pure
/// function of the text, the header date and the dates named before: no clock, no `Calendar`.
public struct DateRecognizer: Sendable {
    public init() {}

    /// - Parameter publishedAt: the header date (never an inferred one): the anchor of relative expressions.
    public func recognize(_ text: AnalyzedText, publishedAt: CalendarDate?) -> [ExtractedEvent] {
        let tokens = DateTokenizer.tokenize(text.bytes)
        let grammar = DateGrammar(tokens: tokens)
        let resolver = DateResolver(publishedAt: publishedAt)
        let sentences = text.sentences
        var events: [ExtractedEvent] = []
        var prior: (date: DateResolver.PriorDate, sentence: Int)?
        // The quarter most recently named: what "the 1988 quarter" means in an earnings report.
        var reportedQuarter: Int?
        var sentence = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard DateRecognizer.mayStart(token) else { index += 1; continue }
            guard let match = grammar.match(at: index) else { index += 1; continue }
            // "every Friday", "each July": a recurrence, not a date.
            if match.first > 0, tokens[match.first - 1].word.wordClass == .every { index = match.last + 1; continue }
            let startByte = Int(tokens[match.first].start)
            let endByte = Int(tokens[match.last].end)
            while sentence + 1 < sentences.count, sentences[sentence + 1].lowerBound <= startByte {
                sentence += 1
            }
            let bounds = sentence < sentences.count ? sentences[sentence] : startByte..<endByte
            let cue = DateTense.direction(tokens, text.bytes, first: match.first, last: match.last, sentence: bounds)
            let usablePrior = prior.flatMap { $0.sentence >= sentence - 1 ? $0.date : nil }
            var meaning = match.meaning
            if case let .periodOfYear(year) = meaning, let quarter = reportedQuarter.flatMap({ DayInterval.quarter($0, of: year) }),
               !DateRecognizer.namesSeveralMonths(tokens, before: match.first, sentenceStart: bounds.lowerBound) {
                meaning = .absolute(quarter, .quarter)
            }
            var ahead = cue != nil && cue != .past
            var resolved = resolver.resolve(meaning, ahead: ahead, prior: usablePrior)
            if let cue, cue == .reportedFuture || cue == .deadline, DateRecognizer.eitherSideOfReport(meaning, cue: cue), let p = publishedAt,
               let later = resolved.interval {
                let earlier = resolver.resolve(meaning, ahead: false, prior: usablePrior)
                if let before = earlier.interval, DateRecognizer.isNearer(before, than: later, to: p, meaning) {
                    resolved = earlier
                    ahead = false
                }
            }
            if resolved.precision == .quarter, let interval = resolved.interval {
                reportedQuarter = (interval.start.month + 2) / 3
            }
            let range = startByte..<endByte
            events.append(ExtractedEvent(
                text: text.text(range), span: text.span(range), interval: resolved.interval,
                precision: resolved.precision, resolution: resolved.resolution, anchor: resolved.anchor,
                pointsAhead: ahead || DateRecognizer.isFuture(match.meaning), sentenceIndex: sentence))
            if let interval = resolved.interval, DateRecognizer.namesDate(match.meaning) {
                prior = (DateResolver.PriorDate(interval: interval, precision: resolved.precision), sentence)
            }
            index = match.last + 1
        }
        return events
    }

    /// Year-less days, months and weekdays named as a future seen from a past report ("said they would vote on
    /// March 30"): the report lies before the header date, so the nearest occurrence on either side is meant.
    /// A bare deadline ("until Monday") keeps a weekday ahead.
    static func eitherSideOfReport(_ meaning: DateMeaning, cue: DateTense.Cue) -> Bool {
        switch meaning {
        case .yearlessDay(_, _, .nearest), .yearlessMonth(_, _, .nearest): return true
        case .weekday(_, .nearest): return cue == .reportedFuture
        default: return false
        }
    }

    /// Whether the occurrence before the header date is nearer to it than the one after, counted in the
    /// expression's own unit (days, or months: August is as far from February either way); a tie goes ahead.
    static func isNearer(_ before: DayInterval, than after: DayInterval, to p: CalendarDate, _ meaning: DateMeaning) -> Bool {
        if case .yearlessMonth = meaning {
            func months(_ date: CalendarDate) -> Int { date.year * 12 + date.month }
            return months(p) - months(before.start) < months(after.start) - months(p)
        }
        return p.dayNumber - before.end.dayNumber < after.start.dayNumber - p.dayNumber
    }

    /// "In the first nine months, net rose from the 1988 period", "for the first half … the 1988 period": a
    /// sentence that reports on several months compares them with the same months of that year, not with the
    /// quarter named before, so "the 1988 period" keeps its whole year.
    static func namesSeveralMonths(_ tokens: [DateToken], before first: Int, sentenceStart: Int) -> Bool {
        var index = first - 1
        while index >= 0, Int(tokens[index].start) >= sentenceStart {
            let word = tokens[index].word
            if word.wordClass == .half || (word.wordClass == .units && word.value == DateUnit.month.rawValue) { return true }
            index -= 1
        }
        return false
    }

    /// Whether an expression can start at this token: numbers, a few punctuation marks and lexicon words.
    @inline(__always)
    static func mayStart(_ token: DateToken) -> Bool {
        switch token.kind {
        case .number: return !token.has(.notDate)
        case .punct: return token.value == 39
        case .other: return false
        case .word:
            switch token.word.wordClass {
            case .none, .dayPart, .units, .ago, .before, .after, .to, .and, .through, .until, .since, .of, .in,
                 .on, .at, .during, .half, .fiscal, .by, .for, .quantityLead, .countNoun, .futureCue, .futureLead,
                 .futureTo, .edAdjective, .every, .eve, .pastCue, .beVerb, .postponed:
                return false
            default:
                return true
            }
        }
    }

    /// Expressions that name a future time by themselves ("tomorrow", "next week").
    static func isFuture(_ meaning: DateMeaning) -> Bool {
        switch meaning {
        case let .dayOffset(offset): return offset > 0
        case let .calendarUnit(_, offset, _): return offset > 0
        case let .weekend(offset): return (offset ?? 0) > 0
        case let .span(_, amount): return amount > 0
        case .unitFromDate: return true
        case .weekday(_, .next), .yearlessMonth(_, _, .next), .yearlessSeason(_, .next), .yearlessQuarter(_, .next):
            return true
        case let .yearlessQuarter(_, .yearOffset(offset)), let .halfOfYear(_, offset), let .yearlessMonth(_, _, .yearOffset(offset)):
            return offset > 0
        default: return false
        }
    }

    /// Whether a resolved expression names a date that "the day before"-style expressions may count from
    /// (periods reaching the header date do not).
    static func namesDate(_ meaning: DateMeaning) -> Bool {
        switch meaning {
        case .span, .unitToDate, .unitFromDate, .vague, .yearAgo: return false
        default: return true
        }
    }
}
