/// Whether a year-less date, a weekday or a season points ahead of the header date (DATES.md: "the next one
/// after P when the sentence points ahead").
///
/// A sentence often holds two times ("said Monday that it will vote on Friday"), so the cue that decides is the
/// one nearest the expression: first the words before it in its sentence (nearest first), then the words after.
enum DateTense {
    enum Cue { case past, future }

    /// How many words on each side are read.
    static let window = 14

    static func pointsAhead(
        _ tokens: [DateToken], _ bytes: [UInt8], first: Int, last: Int, sentence: Range<Int>
    ) -> Bool {
        // The word just before: "by Jan. 14", "until March 6" look ahead; "since March" looks back.
        if first > 0, Int(tokens[first - 1].start) >= sentence.lowerBound, !tokens[first - 1].has(.capitalized) {
            switch tokens[first - 1].word.wordClass {
            case .by, .until, .through: return true
            case .since: return false
            case .to:
                if first > 1, tokens[first - 2].word.wordClass == .postponed { return true }
            default: break
            }
        }
        var index = first - 1
        var seen = 0
        while index >= 0, Int(tokens[index].start) >= sentence.lowerBound, seen < window {
            if let cue = cue(tokens, bytes, index) { return cue == .future }
            if tokens[index].kind == .word { seen += 1 }
            index -= 1
        }
        index = last + 1
        seen = 0
        while index < tokens.count, Int(tokens[index].start) < sentence.upperBound, seen < window {
            if let cue = cue(tokens, bytes, index) { return cue == .future }
            if tokens[index].kind == .word { seen += 1 }
            index += 1
        }
        return false
    }

    static func cue(_ tokens: [DateToken], _ bytes: [UInt8], _ index: Int) -> Cue? {
        let token = tokens[index]
        guard token.kind == .word else { return nil }
        let following = index + 1 < tokens.count ? tokens[index + 1].word.wordClass : .none
        switch token.word.wordClass {
        case .futureCue:
            if token.length == 2 {  // "'ll"
                return index > 0 && tokens[index - 1].kind == .punct && tokens[index - 1].value == 39 ? .future : nil
            }
            return .future
        case .futureLead:
            return following == .to || following == .for || following == .of || following == .on ? .future : nil
        case .next:
            return following == .to ? nil : .future
        case .pastCue, .ago:
            return .past
        case .month:
            // A lowercase "may" is the modal.
            return token.word.value == 5 && !token.has(.capitalized) ? .future : nil
        case .none:
            // A past-tense "-ed" verb, unless a form of "be" makes it a participle ("is expected", "be returned").
            let end = Int(token.end)
            guard token.length >= 4, !token.has(.capitalized), bytes[end - 1] | 0x20 == UInt8(ascii: "d"),
                  bytes[end - 2] | 0x20 == UInt8(ascii: "e") else { return nil }
            // Participles and adjectives: "be returned", "the planned trip", "a still unspecified date".
            for back in 1...2 where index >= back {
                switch tokens[index - back].word.wordClass {
                case .beVerb, .the, .a, .this, .that: return nil
                default: continue
                }
            }
            return .past
        case .postponed:
            return nil
        default:
            return nil
        }
    }
}
