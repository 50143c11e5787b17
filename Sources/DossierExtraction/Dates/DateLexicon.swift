/// The words temporal expressions are built from, looked up by a packed lowercase key.
///
/// Why a packed key and an open-addressing table: every word of every article passes through this lookup, so it
/// must cost a few nanoseconds; a `Set<String>` would allocate a `String` per word.
enum DateWordClass: UInt8, Sendable {
    case none
    case month          // value 1…12
    case monthAbbrev    // "jan", "sept": value 1…12
    case weekday        // value 1 (Monday)…7
    case season         // value: Season.rawValue
    case unit           // value: DateUnit.rawValue
    case units          // plural unit: value DateUnit.rawValue
    case numberWord     // value
    case ordinalWord    // value
    case dayPart        // "morning", "night"
    case today, yesterday, tomorrow, tonight
    case this, last, next, past, previous, coming, following, current
    case earlier, later, ago, before, after
    case early, mid, late, middle, end, beginning, start
    case the, a, between, from, to, and, through, until, since, that, same, of, `in`, on, at, during
    case half, quarterLetter, few, several, couple, about, fiscal, by, `for`
    /// Words before a number that make it a count: "more than 2000", "an estimated 1500".
    case quantityLead
    /// Nouns after a number that make it a count: "2000 people".
    case countNoun
    /// Words by which a sentence points ahead ("will", "scheduled").
    case futureCue
    /// Words that point ahead when followed by "to", "for", "of" or "on" ("set for", "due to", "ahead of").
    case futureLead
    /// Past-tense verbs and markers by which the words before a date point back ("said", "was", "met").
    case pastCue
    /// Forms of "be" that make a following "-ed" word a participle ("is expected", "be returned").
    case beVerb
    case latest, period, thousand
    /// "comparable": the period being compared ("the comparable period last year").
    case comparable
    /// "extended to", "postponed to": the date after "to" lies ahead.
    case postponed
    /// Verbs and nouns that point ahead only before an infinitive "to" ("agreed to buy", "an agreement to sell").
    case futureTo
    /// "each", "every": a weekday or month after them recurs, it names no date.
    case every
    /// "the twenties" … "the nineties": value 2…9.
    case decadeWord
    /// A holiday by its own name ("Christmas", "Thanksgiving"): value `Holiday.rawValue`.
    case holiday
    /// A holiday named with "Day" ("Election Day", "Labor Day"): value `Holiday.rawValue`.
    case holidayLead
    /// "Eve" of "Christmas Eve".
    case eve
    /// "his", "her", "its", "their": after "the day before/after" they open an event ("the day after his death").
    case possessive
    /// "-ed" words that are adjectives in news copy ("preferred shares", "alleged plot"), never a past-tense cue.
    case edAdjective
}

enum DateUnit: UInt8, Sendable {
    case day = 1, week, month, quarter, year, decade, century, hour, weekend, fortnight, minute
}

enum Season: UInt8, Sendable {
    case spring = 1, summer, autumn, winter
}

struct DateWord: Sendable, Equatable {
    var wordClass: DateWordClass
    var value: UInt8

    static let none = DateWord(wordClass: .none, value: 0)
}

enum DateLexicon {
    /// The value of `.futureCue` words that state a schedule only as a finite verb ("meet", "meets", "reopen").
    static let scheduleVerb: UInt8 = 1
    /// The value of "would": a future seen from a past report ("said they would vote on March 30"), which may
    /// lie on either side of the header date.
    static let reportedFuture: UInt8 = 2
    /// The value of the other modals that point ahead ("must", "should", "might"); like "would", they look back
    /// in a perfect ("must have left on Friday").
    static let modal: UInt8 = 3
    /// The most letters a packed key holds (5 bits a letter in 64 bits).
    static let maxLetters = 12
    /// The symbol after 'z' that marks a longer word: its key is its first eleven letters and this mark, so
    /// "approximately" is found (and any longer word with the same first eleven letters with it).
    static let longWordMark: UInt64 = 31

    /// Packs up to 12 ASCII letters (case folded) into 5 bits each; a longer word as its first 11 letters and
    /// `longWordMark`. The caller passes letters only.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        let long = range.count > maxLetters
        var key: UInt64 = 0
        for index in long ? range.lowerBound..<(range.lowerBound + maxLetters - 1) : range {
            let letter = bytes[index] | 0x20
            key = key << 5 | UInt64(letter &- 96)
        }
        return long ? key << 5 | longWordMark : key
    }

    static func pack(_ word: String) -> UInt64 {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { pack($0, 0..<$0.count) }
    }

    static let entries: [(String, DateWordClass, UInt8)] = {
        var list: [(String, DateWordClass, UInt8)] = []
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        for (index, name) in months.enumerated() { list.append((name, .month, UInt8(index + 1))) }
        for (name, month) in [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
                              ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)] {
            list.append((name, .monthAbbrev, UInt8(month)))
        }
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (index, name) in weekdays.enumerated() { list.append((name, .weekday, UInt8(index + 1))) }
        for (name, season) in [("spring", Season.spring), ("summer", .summer), ("autumn", .autumn), ("fall", .autumn),
                               ("winter", .winter)] {
            list.append((name, .season, season.rawValue))
        }
        let units: [(String, String, DateUnit)] = [
            ("day", "days", .day), ("week", "weeks", .week), ("month", "months", .month),
            ("quarter", "quarters", .quarter), ("year", "years", .year), ("decade", "decades", .decade),
            ("century", "centuries", .century), ("hour", "hours", .hour), ("weekend", "weekends", .weekend),
            ("fortnight", "fortnights", .fortnight), ("minute", "minutes", .minute),
        ]
        for (singular, plural, unit) in units {
            list.append((singular, .unit, unit.rawValue))
            list.append((plural, .units, unit.rawValue))
        }
        let numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                       "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                       "twenty"]
        for (index, name) in numbers.enumerated() { list.append((name, .numberWord, UInt8(index + 1))) }
        for (name, value) in [("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70),
                              ("eighty", 80), ("ninety", 90), ("hundred", 100)] {
            list.append((name, .numberWord, UInt8(value)))
        }
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                        "eighteenth", "nineteenth", "twentieth"]
        for (index, name) in ordinals.enumerated() { list.append((name, .ordinalWord, UInt8(index + 1))) }
        for name in ["morning", "afternoon", "evening", "night"] { list.append((name, .dayPart, 0)) }
        let plain: [(String, DateWordClass)] = [
            ("today", .today), ("yesterday", .yesterday), ("tomorrow", .tomorrow), ("tonight", .tonight),
            ("this", .this), ("last", .last), ("next", .next), ("past", .past), ("previous", .previous),
            ("preceding", .previous), ("prior", .previous), ("coming", .coming), ("following", .following),
            ("current", .current), ("earlier", .earlier), ("later", .later), ("ago", .ago), ("before", .before),
            ("after", .after), ("early", .early), ("mid", .mid), ("late", .late), ("middle", .middle),
            ("end", .end), ("beginning", .beginning), ("start", .start), ("the", .the), ("a", .a), ("an", .a),
            ("his", .possessive), ("her", .possessive), ("its", .possessive), ("their", .possessive),
            ("between", .between), ("from", .from), ("to", .to), ("and", .and), ("through", .through),
            ("until", .until), ("till", .until), ("since", .since), ("that", .that), ("same", .same),
            ("of", .of), ("in", .in), ("on", .on), ("at", .at), ("during", .during), ("half", .half), ("q", .quarterLetter),
            ("few", .few), ("several", .several), ("couple", .couple), ("about", .about), ("some", .about),
            ("nearly", .about), ("almost", .about), ("around", .about), ("roughly", .about),
            ("approximately", .about), ("fiscal", .fiscal), ("by", .by), ("for", .for),
            ("than", .quantityLead), ("least", .quantityLead), ("over", .quantityLead), ("under", .quantityLead),
            ("estimated", .quantityLead), ("additional", .quantityLead), ("another", .quantityLead),
            ("extra", .quantityLead), ("total", .quantityLead), ("people", .countNoun), ("men", .countNoun),
            ("women", .countNoun), ("children", .countNoun), ("police", .countNoun), ("staff", .countNoun),
            ("personnel", .countNoun), ("feet", .countNoun), ("km", .countNoun), ("kg", .countNoun),
            ("percent", .countNoun), ("per", .countNoun), ("will", .futureCue), ("shall", .futureCue),
            ("scheduled", .futureCue), ("upcoming", .futureCue), ("set", .futureLead), ("due", .futureLead),
            ("expected", .futureLead), ("plans", .futureLead), ("planned", .futureLead), ("planning", .futureLead),
            ("latest", .latest), ("thousand", .thousand), ("period", .period), ("comparable", .comparable), ("going", .futureLead), ("ahead", .futureLead), ("ll", .futureCue),
            
            ("be", .beVerb), ("been", .beVerb), ("being", .beVerb), ("is", .beVerb), ("are", .beVerb),
            ("am", .beVerb), ("was", .pastCue), ("were", .pastCue), ("had", .pastCue), ("did", .pastCue),
            ("said", .pastCue), ("told", .pastCue), ("met", .pastCue), ("took", .pastCue), ("made", .pastCue),
            ("left", .pastCue), ("came", .pastCue), ("went", .pastCue), ("began", .pastCue), ("held", .pastCue),
            ("fled", .pastCue), ("won", .pastCue), ("lost", .pastCue), ("saw", .pastCue), ("gave", .pastCue),
            ("got", .pastCue), ("found", .pastCue), ("became", .pastCue), ("brought", .pastCue), ("fell", .pastCue),
            ("rose", .pastCue), ("sent", .pastCue), ("spent", .pastCue), ("thought", .pastCue), ("taken", .pastCue), ("given", .pastCue), ("knew", .pastCue),
            ("struck", .pastCue), ("broke", .pastCue), ("spoke", .pastCue), ("wrote", .pastCue), ("ran", .pastCue),
            ("stood", .pastCue), ("paid", .pastCue), ("led", .pastCue), ("shot", .pastCue), ("sought", .pastCue),
            ("chose", .pastCue), ("meant", .pastCue), ("felt", .pastCue), ("kept", .pastCue),
            ("heard", .pastCue), ("overthrew", .pastCue), ("drew", .pastCue), ("grew", .pastCue), ("threw", .pastCue),
            ("flew", .pastCue), ("ended", .pastCue), ("hit", .pastCue),
            ("sank", .pastCue), ("sold", .pastCue), ("bought", .pastCue), ("fought", .pastCue), ("built", .pastCue),
            ("caught", .pastCue), ("withdrew", .pastCue), ("stole", .pastCue), ("hid", .pastCue), ("swept", .pastCue),
            ("drove", .pastCue), ("rode", .pastCue), ("shook", .pastCue), ("blew", .pastCue), ("tore", .pastCue),
            ("swore", .pastCue), ("upheld", .pastCue), ("withheld", .pastCue), ("overran", .pastCue),
            ("understood", .pastCue), ("undertook", .pastCue), ("overtook", .pastCue), ("dealt", .pastCue),
            ("laid", .pastCue), ("lent", .pastCue), ("taught", .pastCue), ("slid", .pastCue), ("froze", .pastCue),
            ("woke", .pastCue), ("arose", .pastCue), ("wore", .pastCue), ("wept", .pastCue), ("rang", .pastCue),
            ("sang", .pastCue), ("swam", .pastCue), ("forgave", .pastCue), ("forbade", .pastCue),
            ("sprang", .pastCue), ("strode", .pastCue),
            ("payable", .futureCue), ("effective", .futureCue), ("expire", .futureCue), ("expires", .futureCue),
            ("deadline", .futureCue), ("slated", .futureCue), ("resume", .futureCue), ("resumes", .futureCue),
            ("begins", .futureCue), ("starts", .futureCue), ("opens", .futureCue), ("convene", .futureCue),
            ("convenes", .futureCue), ("reconvenes", .futureCue), ("effect", .futureCue), ("soon", .futureCue),
            ("extended", .postponed), ("postponed", .postponed), ("delayed", .postponed), ("adjourned", .postponed),
            ("adjourn", .postponed), ("moved", .postponed), ("pushed", .postponed), ("rescheduled", .postponed),
            ("deferred", .postponed), ("extend", .postponed), ("postpone", .postponed), ("delay", .postponed),
            ("expects", .futureCue), ("expect", .futureCue), ("expecting", .futureCue), ("intends", .futureCue),
            ("agreed", .futureTo), ("agree", .futureTo), ("agrees", .futureTo), ("decided", .futureTo),
            ("decides", .futureTo), ("pledged", .futureTo), ("promised", .futureTo), ("vowed", .futureTo),
            ("intend", .futureTo), ("intended", .futureTo), ("aims", .futureTo), ("hopes", .futureTo),
            ("hope", .futureTo), ("hoped", .futureTo), ("wants", .futureTo), ("wanted", .futureTo),
            ("seeks", .futureTo), ("proposed", .futureTo), ("agreement", .futureTo),
            ("plan", .futureTo), ("threatened", .futureTo), ("offered", .futureTo), ("prepared", .futureTo),
            ("ready", .futureTo), ("likely", .futureTo), ("poised", .futureTo), ("voted", .futureTo),
            ("each", .every), ("every", .every), ("eve", .eve),
            ("preferred", .edAdjective), ("limited", .edAdjective), ("united", .edAdjective),
            ("alleged", .edAdjective), ("suspected", .edAdjective), ("unidentified", .edAdjective),
            ("unspecified", .edAdjective), ("unnamed", .edAdjective), ("armed", .edAdjective),
            ("retired", .edAdjective), ("based", .edAdjective), ("related", .edAdjective),
            ("detailed", .edAdjective), ("advanced", .edAdjective), ("listed", .edAdjective),
        ]
        for (name, wordClass) in plain { list.append((name, wordClass, 0)) }
        // Present verbs that state a schedule ("the leaders meet Monday"), told apart from other cues by value.
        for name in ["meet", "meets", "reopen", "reopens"] { list.append((name, .futureCue, scheduleVerb)) }
        list.append(("would", .futureCue, reportedFuture))
        for name in ["must", "should", "might"] { list.append((name, .futureCue, modal)) }
        for (name, holiday) in [("christmas", Holiday.christmas), ("thanksgiving", .thanksgiving),
                                ("halloween", .halloween), ("easter", .easter)] {
            list.append((name, .holiday, holiday.rawValue))
        }
        for (name, holiday) in [("election", Holiday.electionDay), ("labor", .laborDay), ("memorial", .memorialDay),
                                ("veterans", .veteransDay), ("independence", .independenceDay)] {
            list.append((name, .holidayLead, holiday.rawValue))
        }
        // "New Year's Day", "New Year's Eve" (`DateGrammar.matchNewYear`).
        list.append(("new", .holidayLead, Holiday.newYearsDay.rawValue))
        for (name, value) in [("twenties", 2), ("thirties", 3), ("forties", 4), ("fifties", 5), ("sixties", 6),
                              ("seventies", 7), ("eighties", 8), ("nineties", 9)] {
            list.append((name, .decadeWord, UInt8(value)))
        }
        return list
    }()

    /// Open-addressing table: keys and words side by side, a power of two long.
    private static let capacity = 1024
    private static let table: (keys: [UInt64], words: [DateWord]) = {
        var keys = [UInt64](repeating: 0, count: capacity)
        var words = [DateWord](repeating: .none, count: capacity)
        for (name, wordClass, value) in entries {
            let key = pack(name)
            // 0 is the empty slot's key: a word that packed to it would never be found.
            precondition(key != 0, "date lexicon word \(name) has no key")
            var slot = hash(key)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            words[slot] = DateWord(wordClass: wordClass, value: value)
        }
        return (keys, words)
    }()

    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
    }

    /// The word with this packed key, or `.none`.
    @inline(__always)
    static func lookup(_ key: UInt64) -> DateWord {
        guard key != 0 else { return .none }
        let table = self.table
        var slot = hash(key)
        while true {
            let stored = table.keys[slot]
            if stored == key { return table.words[slot] }
            if stored == 0 { return .none }
            slot = (slot + 1) & (capacity - 1)
        }
    }
}
