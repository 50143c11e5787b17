/// Whether a year-less date, a weekday or a season points ahead of the header date (DATES.md: "the next one
/// after P when the sentence points ahead").
///
/// A sentence often holds two times ("said Monday that it will vote on Friday"), so the cue that decides is the
/// one nearest the expression: the nearest tense cue before it in its sentence and the nearest after it are
/// compared by distance, with a small preference for the one before (the verb that governs a date usually
/// precedes it in English news copy).
enum DateTense {
    enum Cue {
        case past, future
        /// A future seen from a past report ("said they would vote on March 30"): ahead of the report, which
        /// itself lies before the header date, so the date may fall on either side of it.
        case reportedFuture
        /// "by Jan. 14", "until Monday" with no tense in the clause: ahead of some time the sentence leaves unsaid.
        /// A weekday is then the coming one; a date or month the occurrence nearest the header date (a deadline
        /// that passed the day before is still news).
        case deadline
    }

    /// How many words on each side are read.
    static let window = 14
    /// A cue after the expression wins only when it is nearer than the one before by more than this many words.
    static let afterPenalty = 1

    /// The cue that dates the expression, or nil when its clause gives none (the expression then keeps
    /// DATES.md's default: the nearest occurrence on or before the header date).
    static func direction(
        _ tokens: [DateToken], _ bytes: [UInt8], first: Int, last: Int, sentence: Range<Int>
    ) -> Cue? {
        // "a Jan. 14 return date", "the Nov. 14 hearing date": a date fixed for something, ahead of the clause's
        // time; when that time is past or unsaid, the occurrence nearest the header date ("set a Jan. 14 return
        // date" a week before it; "the Sept. 30 record date" in October).
        if let noun = [last + 1, last + 2].first(where: { isWord($0, "date", tokens, bytes) }),
           noun == last + 1 || (tokens[last + 1].kind == .word && !tokens[last + 1].has(.capitalized)) {
            let clause = clauseDirection(tokens, bytes, first: first, last: last, sentence: sentence, skipping: noun)
            return clause == .future ? .future : .reportedFuture
        }
        if qualifiesNoun(tokens, bytes, first: first, last: last) { return nil }
        // "as early as Tuesday": the earliest of possible times to come.
        if first >= 3, wordClass(tokens, first - 2) == .early, isWord(first - 1, "as", tokens, bytes), isWord(first - 3, "as", tokens, bytes) {
            return .future
        }
        // "the Jan. 14 deadline", "the Tuesday deadline": the date lies ahead of the clause's time, which decides
        // whether that is ahead of the header date ("face a Monday deadline") or maybe not ("completed the
        // offer by the Tuesday deadline", "gave no reason for the Jan. 14 deadline").
        let noun = last + 1
        if noun < tokens.count, wordClass(tokens, first - 1) == .the || wordClass(tokens, first - 1) == .a,
           cue(tokens, bytes, noun, dateFirst: first) == .future {
            let clause = clauseDirection(tokens, bytes, first: first, last: last, sentence: sentence, skipping: noun)
            return clause == nil || clause == .future ? .future : .reportedFuture
        }
        return clauseDirection(tokens, bytes, first: first, last: last, sentence: sentence, skipping: nil)
    }

    /// The nearest tense cue of the expression's clause (see `direction`), not counting the word at `skipping`.
    static func clauseDirection(
        _ tokens: [DateToken], _ bytes: [UInt8], first: Int, last: Int, sentence: Range<Int>, skipping: Int?
    ) -> Cue? {
        // The word just before: "by Jan. 14", "until March 6" look ahead unless the clause is in the past
        // ("had filed by Wednesday", "had bought shares through Sept. 29"); "since March" looks back.
        var leading: DateWordClass = .none
        // Skip a time of day between the preposition and the date: "until 5 p.m. EST Nov. 9".
        var lead = first - 1
        while lead >= 0, first - lead <= 6, Int(tokens[lead].start) >= sentence.lowerBound,
              tokens[lead].kind == .number || (tokens[lead].kind == .punct && tokens[lead].value != 44)
                || (tokens[lead].kind == .word && tokens[lead].length <= 3 && tokens[lead].word.wordClass == .none
                    && (tokens[lead].has(.capitalized) || tokens[lead].length == 1)) {
            lead -= 1
        }
        if lead < first - 1, !(lead >= 0 && (tokens[lead].word.wordClass == .until || tokens[lead].word.wordClass == .by)) {
            lead = first - 1
        }
        if lead >= 0, Int(tokens[lead].start) >= sentence.lowerBound, !tokens[lead].has(.capitalized) {
            switch tokens[lead].word.wordClass {
            case .by, .until, .through: leading = .until
            case .since: return .past
            case .to:
                if lead > 0, tokens[lead - 1].word.wordClass == .postponed { return .future }
            default: break
            }
        }
        if leading == .until {
            // "this year through August", "so far this year through Oct. 19": a year-to-date figure ends at or
            // before the header date.
            if lead > 0, tokens[lead].word.wordClass == .through, tokens[lead - 1].word.wordClass == .unit,
               tokens[lead - 1].word.value == DateUnit.year.rawValue {
                return .past
            }
            // Ahead unless a past verb of the clause sits right before ("had filed reports by Wednesday"); a
            // deadline given in the past ("gave them until May") still points ahead.
            var index = lead - 1
            var seen = 0
            while index >= 0, Int(tokens[index].start) >= sentence.lowerBound, seen < 4 {
                let token = tokens[index]
                if token.word.wordClass == .postponed { return .future }
                if let cue = cue(tokens, bytes, index, dateFirst: first) {
                    guard cue == .past else { return cue }
                    if token.word.wordClass == .none || token.word.wordClass == .futureTo || token.length == 3 { return .past }
                }
                if token.kind == .word { seen += 1 }
                index -= 1
            }
            // Further back, a future verb puts the deadline ahead of the header date ("will double its flights
            // between Australia and India by August"); otherwise it is ahead of a report that may itself be past
            // ("said they would look for ways … to return the child by Jan. 14", the day before the header date).
            while index >= 0, Int(tokens[index].start) >= sentence.lowerBound, seen < window {
                if let cue = cue(tokens, bytes, index, dateFirst: first) { return cue == .future ? .future : .reportedFuture }
                if tokens[index].kind == .word { seen += 1 }
                index -= 1
            }
            return .deadline
        }
        var before: (cue: Cue, distance: Int)?
        var index = first - 1
        var seen = 0
        while index >= 0, Int(tokens[index].start) >= sentence.lowerBound, seen < window {
            if let cue = cue(tokens, bytes, index, dateFirst: first) { before = (cue, seen); break }
            if tokens[index].kind == .word { seen += 1 }
            index -= 1
        }
        // "On Tuesday, the league plans …": a date fronted in its sentence is dated by the clause after the comma.
        let fronted = first == 0 || Int(tokens[first - 1].start) < sentence.lowerBound
            || (tokens[first - 1].kind == .word && (first == 1 || Int(tokens[first - 2].start) < sentence.lowerBound))
        index = last + 1
        seen = 0
        let limit = before.map { $0.distance - afterPenalty } ?? window
        while index < tokens.count, Int(tokens[index].start) < sentence.upperBound, seen < limit {
            // A comma or a dash closes the clause: ", the company said" reports, it does not date.
            if !(fronted && index == last + 1), tokens[index].kind == .punct, tokens[index].value == 44 || tokens[index].value == 45 || tokens[index].value == 59,
               tokens[index].has(.spaceBefore) || tokens[index].value != 45 { break }
            if index != skipping, let cue = cue(tokens, bytes, index, dateFirst: first) { return cue }
            if tokens[index].kind == .word { seen += 1 }
            index += 1
        }
        if let before { return before.cue }
        // No cue near: the sentence's governing verb further back decides ("is scheduled to spend five hours
        // in Dar es Salaam, Tanzania, her first stop Tuesday morning").
        index = first - 1
        while index >= 0, Int(tokens[index].start) >= sentence.lowerBound {
            if let cue = cue(tokens, bytes, index, dateFirst: first) { return cue }
            index -= 1
        }
        return nil
    }

    /// "Wednesday's ruling", "the June agreement", "a Friday meeting": a date that qualifies a noun names an
    /// occasion already known, so the tense of the sentence does not move it: it keeps DATES.md's default (the
    /// nearest one on or before the header date).
    static func qualifiesNoun(_ tokens: [DateToken], _ bytes: [UInt8], first: Int, last: Int) -> Bool {
        let next = last + 1
        guard next < tokens.count else { return false }
        // "ahead of Monday's anniversary", "before the June vote", "until the Tuesday deadline": the preposition
        // decides.
        let lead = wordClass(tokens, first - 1) == .the || wordClass(tokens, first - 1) == .a ? first - 2 : first - 1
        switch wordClass(tokens, lead) {
        case .of, .for, .until, .by, .before, .to, .through: return false
        default: break
        }
        // Possessive: "Wednesday's".
        if tokens[next].kind == .punct, tokens[next].value == 39, !tokens[next].has(.spaceBefore), next + 1 < tokens.count,
           tokens[next + 1].kind == .word, tokens[next + 1].length == 1, !tokens[next + 1].has(.spaceBefore),
           bytes[Int(tokens[next + 1].start)] | 0x20 == UInt8(ascii: "s") {
            return true
        }
        // Determiner, date, noun: "the June agreement".
        switch wordClass(tokens, first - 1) {
        case .the, .a: break
        default: return false
        }
        let noun = tokens[next]
        guard noun.kind == .word, !noun.has(.capitalized), !isEdWord(noun, bytes) else { return false }
        switch noun.word.wordClass {
        case .none, .futureTo: return true  // "agreement", "plan"
        default: return false
        }
    }

    @inline(__always)
    static func wordClass(_ tokens: [DateToken], _ index: Int) -> DateWordClass {
        index >= 0 && index < tokens.count ? tokens[index].word.wordClass : .none
    }

    static func cue(_ tokens: [DateToken], _ bytes: [UInt8], _ index: Int, dateFirst: Int) -> Cue? {
        let token = tokens[index]
        guard token.kind == .word else { return nil }
        let following = wordClass(tokens, index + 1)
        switch token.word.wordClass {
        case .futureCue:
            if token.length == 2 {  // "'ll"
                return index > 0 && tokens[index - 1].kind == .punct && tokens[index - 1].value == 39 ? .future : nil
            }
            // "meet"/"meets" state a schedule as a present verb ("the leaders meet Monday"); an infinitive ("to
            // meet demand") takes its time from the verb that governs it; "did not meet" is past.
            if token.word.value == DateLexicon.scheduleVerb {
                if wordClass(tokens, index - 1) == .to { return nil }
                if didBefore(tokens, bytes, index) { return .past }
            }
            // "would have", "must have": a perfect modal looks back.
            if token.word.value == DateLexicon.reportedFuture || token.word.value == DateLexicon.modal,
               isWord(index + 1, "have", tokens, bytes) {
                return .past
            }
            if token.word.value == DateLexicon.reportedFuture { return .reportedFuture }
            // "took effect", "went into effect": done, not ahead.
            if token.length == 6, bytes[Int(token.start)] | 0x20 == UInt8(ascii: "e"),
               bytes[Int(token.start) + 1] | 0x20 == UInt8(ascii: "f") {
                switch wordClass(tokens, index - 1) {
                case .pastCue: return .past
                case .in where wordClass(tokens, index - 2) == .pastCue: return .past
                default: break
                }
            }
            return .future
        case .futureLead:
            // "set" leads only "set for", "set to" ("a record set on Aug. 6" is a participle).
            if token.length == 3, bytes[Int(token.start)] | 0x20 == UInt8(ascii: "s") {
                return following == .to || following == .for ? .future : nil
            }
            return following == .to || following == .for || following == .of || following == .on ? .future : nil
        case .futureTo:
            if following == .to { return .future }
            return isEdWord(token, bytes) ? .past : nil
        case .next:
            return following == .to ? nil : .future
        case .pastCue:
            // "be held", "been taken": participles after a form of "be" or a modal.
            if isParticiple(tokens, index) { return nil }
            // "were planning to", "was expected to", "was due": the time lies ahead of that past.
            switch following {
            case .futureLead, .futureCue, .futureTo: return nil
            default: return .past
            }
        case .ago:
            return .past
        case .beVerb:
            // "to be completed around Nov. 1", "to be held on Friday": an infinitive passive states a plan.
            if token.length == 2, bytes[Int(token.start)] | 0x20 == UInt8(ascii: "b"), wordClass(tokens, index - 1) == .to,
               index + 1 < tokens.count, tokens[index + 1].kind == .word, isEdWord(tokens[index + 1], bytes) {
                return .future
            }
            // Present "is"/"are" right before the date ("the record date is Nov. 9") or in a progressive
            // ("is calling for a vote on Dec. 7") states a schedule.
            guard token.length == 2 || token.length == 3, isPresentBe(token, bytes) else { return nil }
            if dateFirst > index, dateFirst - index <= 3 { return .future }
            if index + 1 < tokens.count, tokens[index + 1].kind == .word, endsWithIng(tokens[index + 1], bytes) {
                return .future
            }
            return nil
        case .month:
            // A lowercase "may" is the modal ("may have been" looks back).
            guard token.word.value == 5 && !token.has(.capitalized) else { return nil }
            return isWord(index + 1, "have", tokens, bytes) ? .past : .future
        case .none:
            // A past-tense "-ed" verb, unless a form of "be" makes it a participle ("is expected", "be returned").
            guard token.length >= 4, !token.has(.capitalized), isEdWord(token, bytes) else { return nil }
            // Participles and adjectives: "be returned", "the planned trip", "a still unspecified date".
            for back in 1...2 where index >= back {
                switch tokens[index - back].word.wordClass {
                case .beVerb, .the, .a, .this, .that, .futureCue: return nil
                default: continue
                }
            }
            return .past
        default:
            return nil
        }
    }

    /// The lowercase ASCII word `word` at `index`, whatever its case.
    static func isWord(_ index: Int, _ word: StaticString, _ tokens: [DateToken], _ bytes: [UInt8]) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word, Int(tokens[index].length) == word.utf8CodeUnitCount else {
            return false
        }
        let start = Int(tokens[index].start)
        return word.withUTF8Buffer { letters in
            letters.indices.allSatisfy { bytes[start + $0] | 0x20 == letters[$0] }
        }
    }

    /// "did" right before the word, or before a "not" or "n't" that precedes it.
    static func didBefore(_ tokens: [DateToken], _ bytes: [UInt8], _ index: Int) -> Bool {
        var back = index - 1
        while back >= 0, index - back <= 4, tokens[back].kind != .word || tokens[back].length == 1 || isNot(tokens[back], bytes) {
            back -= 1
        }
        guard back >= 0, tokens[back].kind == .word else { return false }
        let start = Int(tokens[back].start)
        return tokens[back].length >= 3 && bytes[start] | 0x20 == UInt8(ascii: "d") && bytes[start + 1] | 0x20 == UInt8(ascii: "i")
            && bytes[start + 2] | 0x20 == UInt8(ascii: "d")
    }

    static func isNot(_ token: DateToken, _ bytes: [UInt8]) -> Bool {
        let start = Int(token.start)
        return token.length == 3 && bytes[start] | 0x20 == UInt8(ascii: "n") && bytes[start + 1] | 0x20 == UInt8(ascii: "o")
            && bytes[start + 2] | 0x20 == UInt8(ascii: "t")
    }

    /// A participle after "be", "been", "is", a modal, or "to be".
    static func isParticiple(_ tokens: [DateToken], _ index: Int) -> Bool {
        for back in 1...2 where index >= back {
            switch tokens[index - back].word.wordClass {
            case .beVerb, .futureCue: return true
            default: continue
            }
        }
        return false
    }

    static func isEdWord(_ token: DateToken, _ bytes: [UInt8]) -> Bool {
        let end = Int(token.end)
        return token.length >= 4 && bytes[end - 1] | 0x20 == UInt8(ascii: "d") && bytes[end - 2] | 0x20 == UInt8(ascii: "e")
    }

    static func endsWithIng(_ token: DateToken, _ bytes: [UInt8]) -> Bool {
        let end = Int(token.end)
        return token.length >= 5 && bytes[end - 1] | 0x20 == UInt8(ascii: "g") && bytes[end - 2] | 0x20 == UInt8(ascii: "n")
            && bytes[end - 3] | 0x20 == UInt8(ascii: "i")
    }

    /// "is", "are", "am" (not "be", "been", "being").
    static func isPresentBe(_ token: DateToken, _ bytes: [UInt8]) -> Bool {
        let start = Int(token.start)
        let first = bytes[start] | 0x20
        if token.length == 2 { return first == UInt8(ascii: "i") || first == UInt8(ascii: "a") }
        return first == UInt8(ascii: "a") && bytes[start + 1] | 0x20 == UInt8(ascii: "r")
    }
}
