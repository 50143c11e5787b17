import DossierModel

/// Keys of the connector words that chunking looks at.
enum ConnectorKey {
    static let of = ByteKey.hash("of")
    static let forWord = ByteKey.hash("for")
    static let and = ByteKey.hash("and")
    static let inWord = ByteKey.hash("in")
    static let the = ByteKey.hash("the")
    static let al = ByteKey.hash("al")
    static let el = ByteKey.hash("el")
    static let embassy = ByteKey.hash("embassy")
    static let consulate = ByteKey.hash("consulate")
    static let city = ByteKey.hash("city")
    static let province = ByteKey.hash("province")
    static let governorate = ByteKey.hash("governorate")
    static let or = ByteKey.hash("or")
    static let his = ByteKey.hash("his")
    static let her = ByteKey.hash("her")
    static let abu = ByteKey.hash("abu")
    static let umm = ByteKey.hash("umm")
    static let ibn = ByteKey.hash("ibn")
}

extension Scan {
    /// Builds the name starting at `start` (a usable name token), types it and records its candidates.
    /// Returns the last token consumed.
    mutating func addChunk(from start: Int, upper: Int) -> Int {
        var index = start
        // A country or demonym before a title: "Iranian Supreme Leader", "US Secretary of State".
        var prefix: (first: Int, last: Int, entry: Int32)?
        if let phrase = longestPhrase(at: index, upper: upper), phrase.last + 1 < upper,
           !tokens[phrase.last].flags.contains(.possessive), !tokens[phrase.last].flags.contains(.hyphenTail),
           isNameToken(phrase.last + 1), longestTitle(at: phrase.last + 1, upper: upper) != nil {
            let kind = lexicon.entries[Int(phrase.entry)].kind
            if kind == .country || kind == .demonym || kind == .group {
                prefix = (index, phrase.last, phrase.entry)
                index = phrase.last + 1
            }
        }
        // A place, then a person's given name: "the ambassador to Kenya Prudence Bushnell" names two.
        if prefix == nil, let phrase = longestPhrase(at: index, upper: upper), phrase.last + 2 < upper,
           isNameToken(phrase.last + 1), isNameToken(phrase.last + 2), wordClass(phrase.last + 1).contains(.givenName),
           !tokens[phrase.last].flags.contains(.possessive), !tokens[phrase.last].flags.contains(.hyphenTail),
           lexicon.entries[Int(phrase.entry)].type == .location, !wordClass(phrase.last + 1).contains(.titleStart),
           personNameEnds(from: phrase.last + 1, upper: upper) {
            addLexicon(index, phrase.last, phrase.entry, nested: false)
            return phrase.last
        }
        if prefix == nil, longestTitle(at: index, upper: upper) == nil, let title = innerTitle(after: index, upper: upper) {
            // "Defense Secretary Dick Cheney", "FBI Director Louis Freeh": the words before the title say whose
            // title it is (a known name among them counts on its own); the person's name starts after it.
            if let phrase = longestPhrase(at: index, upper: title), phrase.last == title - 1 {
                addLexicon(index, phrase.last, phrase.entry, nested: false)
            } else if title - index >= 2, wordClass(title - 1).contains(.organizationWord) {
                candidates.append(EntityCandidate(first: index, last: title - 1, type: .organization, reference: .local, isCertain: true,
                                                  title: nil, acronymKey: nil, isLoneWord: false))
            }
            index = title
        }
        var titleKey: UInt64?
        if let title = longestTitle(at: index, upper: upper), !titleOpensName(endingAt: title.last, upper: upper) {
            var nameStart = title.last + 1
            if nameStart < upper, !tokens[nameStart].isWord, tokens[nameStart].mark == UInt8(ascii: "."),
               tokens[nameStart].start == tokens[title.last].end {
                nameStart += 1
            }
            // Titles in a row: "Prime Minister Prince Norodom Ranariddh", "Deputy Attorney General Eric Holder".
            while nameStart < upper, let next = longestTitle(at: nameStart, upper: upper), next.last + 1 < upper,
                  isNameToken(next.last + 1), !tokens[next.last].flags.contains(.possessive) {
                nameStart = next.last + 1
            }
            if let prefix { addLexicon(prefix.first, prefix.last, prefix.entry, nested: true) }
            if nameStart < upper, isNameToken(nameStart), !tokens[title.last].flags.contains(.possessive) {
                titleKey = title.key
                index = nameStart
            } else {
                candidates.append(EntityCandidate(first: index, last: title.last, type: .person, reference: .title(title.key),
                                                  isCertain: true, title: title.key, acronymKey: nil, isLoneWord: false))
                return title.last
            }
        } else if let prefix {
            index = prefix.first
        }

        // Extend over adjacent name tokens and connectors.
        var last = index
        var joinedOf = false
        var hasHead = wordClass(index).contains(.organizationWord) || wordClass(index).contains(.placeFirst)
        while true {
            if tokens[last].flags.contains(.hyphenTail) { break }
            if tokens[last].flags.contains(.possessive) && !(last + 1 < upper && isInnerPossessive(last)) { break }
            let next = last + 1
            guard next < upper, tokens[next].isWord else { break }
            if isNameToken(next) {
                if tokens[next].flags.contains(.initial) && !acceptsInitial(next) { break }
                // A demonym after a name is an adjective of what follows ("al-Karkh Iraqi police"), unless a
                // place comes before it ("Gulf Arab").
                if let entry = lexicon.phrases[ByteKey.combine(ByteKey.phraseSeed, tokens[next].key)],
                   lexicon.entries[Int(entry)].type == .group,
                   !(last == index && longestPhrase(at: index, upper: next).map { $0.last == last } == true) {
                    break
                }
                last = next
                hasHead = hasHead || wordClass(next).contains(.organizationWord)
                continue
            }
            // A middle initial after a given name: "Robert M. Price", "Gen. John R. Allen".
            if tokens[next].end - tokens[next].start == 1, tokens[next].flags.contains(.capitalized), next + 2 < upper,
               !tokens[next + 1].isWord, tokens[next + 1].mark == UInt8(ascii: "."), tokens[next + 1].start == tokens[next].end,
               isNameToken(next + 2), titleKey != nil || wordClass(index).contains(.givenName) {
                last = next + 2
                continue
            }
            guard isLowerWord(next), !tokens[next].flags.contains(.hasDigit) else {
                // A short number after a lone word: "Checkpoint 2", "Camp 5".
                if last == index, tokens[next].flags.contains(.hasDigit), tokens[next].end - tokens[next].start <= 3,
                   longestPhrase(at: index, upper: next) == nil {
                    last = next
                }
                break
            }
            let key = tokens[next].key
            if wordClass(next).contains(.particle), next + 1 < upper, isNameToken(next + 1) {
                last = next + 1
                continue
            }
            var target = next + 1
            if target < upper, tokens[target].key == ConnectorKey.the, isLowerWord(target) { target += 1 }
            guard target < upper, isNameToken(target) else { break }
            if (key == ConnectorKey.of || key == ConnectorKey.forWord) && hasHead {
                last = target
                joinedOf = true
                continue
            }
            if key == ConnectorKey.and && joinedOf {
                // "Islamic State of Iraq and the Levant", but not "Ministry of Health and the Quds Force".
                var probe = target
                while probe + 1 < upper, isNameToken(probe + 1) { probe += 1 }
                if wordClass(probe).isDisjoint(with: [.organizationWord, .placeFirst, .placeLast, .titleStart])
                    && wordClass(target).isDisjoint(with: [.titleStart, .placeFirst]) {
                    last = target
                    continue
                }
                break
            }
            if key == ConnectorKey.inWord, tokens[last].key == ConnectorKey.embassy || tokens[last].key == ConnectorKey.consulate,
               longestPhrase(at: target, upper: upper) != nil {
                last = target
                continue
            }
            break
        }
        // "Idlib city", "Anbar province": a place and its administrative word name that unit.
        var unit = false
        if last + 1 < upper, isLowerWord(last + 1), !tokens[last].flags.contains(.possessive),
           tokens[last + 1].key == ConnectorKey.city || tokens[last + 1].key == ConnectorKey.province
            || tokens[last + 1].key == ConnectorKey.governorate,
           let phrase = longestPhrase(at: index, upper: last + 1), phrase.last == last,
           lexicon.entries[Int(phrase.entry)].kind == .city || lexicon.entries[Int(phrase.entry)].kind == .region {
            candidates.append(EntityCandidate(first: index, last: last + 1, type: .location, reference: .local, isCertain: true,
                                              title: nil, acronymKey: nil, isLoneWord: false))
            addLexicon(index, last, phrase.entry, nested: true)
            unit = true
        }
        // "US embassy in Baghdad", "British embassy": a country's embassy is a place of its own.
        if !unit, last + 1 < upper, isLowerWord(last + 1) || tokens[last].flags.contains(.possessive),
           tokens[last + 1].key == ConnectorKey.embassy || tokens[last + 1].key == ConnectorKey.consulate,
           let phrase = longestPhrase(at: index, upper: last + 1), phrase.last == last,
           lexicon.entries[Int(phrase.entry)].kind == .country || lexicon.entries[Int(phrase.entry)].kind == .demonym {
            var end = last + 1
            if end + 2 < upper, tokens[end + 1].key == ConnectorKey.inWord, isLowerWord(end + 1),
               let place = longestPhrase(at: end + 2, upper: upper) {
                addLexicon(end + 2, place.last, place.entry, nested: true)
                if let last = candidates.indices.last { candidates[last].isStandaloneNested = true }
                end = place.last
            }
            candidates.append(EntityCandidate(first: index, last: end, type: .location, reference: .local, isCertain: true,
                                              title: nil, acronymKey: nil, isLoneWord: false))
            addLexicon(index, last, phrase.entry, nested: true)
            return end
        }
        if unit { return last + 1 }
        var acronym: UInt64?
        // An acronym in brackets right after the name: "(MEK)", "[ISIL]".
        if last + 3 < upper, !tokens[last + 1].isWord, !tokens[last + 3].isWord, tokens[last + 2].flags.contains(.allCaps),
           tokens[last + 1].mark == UInt8(ascii: "(") && tokens[last + 3].mark == UInt8(ascii: ")")
            || tokens[last + 1].mark == UInt8(ascii: "[") && tokens[last + 3].mark == UInt8(ascii: "]") {
            acronym = tokens[last + 2].key
        }
        let candidateCount = candidates.count
        classify(first: index, last: last, titleKey: titleKey, acronym: acronym)
        if acronym != nil, tokens[last + 1].mark == UInt8(ascii: "[") {
            for position in candidateCount..<candidates.count where candidates[position].acronymKey != nil {
                candidates[position].acronymIsGloss = true
            }
        }
        return last
    }

    /// Whether the capitalised run from `start` ends like a person's name: not with an organisation, place or
    /// event word ("U.S. Marine Corps" is one name).
    func personNameEnds(from start: Int, upper: Int) -> Bool {
        wordClass(end(ofRunFrom: start, upper: upper)).isDisjoint(with: [.organizationWord, .placeLast, .eventWord])
    }

    /// Whether the title word(s) ending at `titleLast` open the name of an organisation or a place rather than
    /// stand before a person's ("General Motors Acceptance Corp", "King Fahd Road"); a place word after a given
    /// name is a surname ("Gen. John Hill").
    func titleOpensName(endingAt titleLast: Int, upper: Int) -> Bool {
        let next = titleLast + 1
        guard next < upper, isNameToken(next), !tokens[titleLast].flags.contains(.possessive),
              !personNameEnds(from: next, upper: upper) else { return false }
        let endClass = wordClass(end(ofRunFrom: next, upper: upper))
        return !(wordClass(next).contains(.givenName) && endClass.isDisjoint(with: [.organizationWord, .eventWord]))
    }

    /// The last token of the run of name tokens from `start` (a possessive ends it).
    func end(ofRunFrom start: Int, upper: Int) -> Int {
        var end = start
        while end + 1 < upper, isNameToken(end + 1), !tokens[end].flags.contains(.possessive) { end += 1 }
        return end
    }

    /// The first title inside the capitalised run that starts at `start` (not at `start` itself), when a
    /// person's name follows it and the run before it is a plain modifier: at most four words, no given name,
    /// no possessive or hyphen cut. Nil when the words after the title name a place or an organisation
    /// ("Royal Prince Alfred Hospital").
    func innerTitle(after start: Int, upper: Int) -> Int? {
        // A known name is not cut: "Burger King Chairman …" looks for the title after "King".
        let known = longestPhrase(at: start, upper: upper)?.last
        var probe = (known ?? start) + 1
        while probe < upper, probe - start <= 4 {
            let previous = tokens[probe - 1]
            guard isNameToken(probe), !previous.flags.contains(.possessive), !previous.flags.contains(.hyphenTail),
                  probe - 1 == known || !wordClass(probe - 1).contains(.givenName) else { return nil }
            if let title = longestTitle(at: probe, upper: upper), title.last + 1 < upper, isNameToken(title.last + 1),
               !tokens[title.last].flags.contains(.possessive), !tokens[title.last + 1].flags.contains(.initial) {
                let end = end(ofRunFrom: title.last + 1, upper: upper)
                if !wordClass(end).isDisjoint(with: [.organizationWord, .eventWord]) { return nil }
                // A place word after a given name is a surname ("Robert Hill", "Carla Hills").
                if !wordClass(title.last + 1).contains(.givenName) {
                    for position in (title.last + 1)...end where !wordClass(position).isDisjoint(with: [.placeFirst, .placeLast]) {
                        return nil
                    }
                }
                return probe
            }
            probe += 1
        }
        return nil
    }

    /// An all-capitals name opening a line and followed by a comma or a bracket is a dateline's place:
    /// "CAGUAS, Puerto Rico (AP)", "BAGHDAD (Reuters)".
    func isDateline(first: Int, last: Int) -> Bool {
        for index in first...last where !tokens[index].flags.contains(.allCaps) { return false }
        guard last + 1 < tokens.count, !tokens[last + 1].isWord,
              tokens[last + 1].mark == UInt8(ascii: ",") || tokens[last + 1].mark == UInt8(ascii: "("),
              tokens[last].end - tokens[first].start >= 4 else { return false }
        var before = tokens[first].start - 1
        while before >= 0, bytes[before] == 0x20 || bytes[before] == 0x09 { before -= 1 }
        return before < 0 || bytes[before] == 0x0A
    }

    /// A possessive inside a name: a common noun's "'s" before another capitalised word ("Assassin's Gate",
    /// "Workers' Party"), unlike a known name's ("Iran's Supreme Leader", "Ali's brother").
    func isInnerPossessive(_ index: Int) -> Bool {
        guard isNameToken(index + 1), !tokens[index + 1].flags.contains(.initial), commonness(index) > 0,
              !tokens[index].flags.contains(.allCaps) else { return false }  // "ABC's Jim Laurie" is two names
        let wordClass = wordClass(index)
        guard wordClass.isDisjoint(with: [.givenName, .organizationWord, .placeFirst, .placeLast, .titleStart, .calendar]) else {
            return false
        }
        return longestPhrase(at: index, upper: index + 1) == nil && !seenCapitalizedAlone(index)
    }

    /// Whether the word is also written capitalised on its own elsewhere, not followed by a capitalised word:
    /// then it names something by itself.
    func seenCapitalizedAlone(_ index: Int) -> Bool {
        let key = tokens[index].key
        for position in tokens.indices where tokens[position].key == key && position != index
            && tokens[position].flags.contains(.capitalized) && !tokens[position].flags.contains(.initial) {
            let next = position + 1
            if next >= tokens.count || !tokens[next].flags.contains(.capitalized) || tokens[next].sentence != tokens[position].sentence {
                return true
            }
        }
        return false
    }

    private mutating func addLexicon(_ first: Int, _ last: Int, _ entry: Int32, nested: Bool) {
        var candidate = EntityCandidate(first: first, last: last, type: lexicon.entries[Int(entry)].type, reference: .lexicon(entry),
                                        isCertain: true, title: nil, acronymKey: nil, isLoneWord: false)
        candidate.isNested = nested
        candidates.append(candidate)
    }

    /// Nested lexicon names at the start of a longer name ("US" in "US Army") and after "in" ("Baghdad").
    private mutating func addNested(first: Int, last: Int) {
        if let phrase = longestPhrase(at: first, upper: last) {
            let kind = lexicon.entries[Int(phrase.entry)].kind
            if kind == .country || kind == .demonym || kind == .group || kind == .area {
                addLexicon(first, phrase.last, phrase.entry, nested: true)
            }
        }
        var index = first + 1
        while index < last {
            if tokens[index].key == ConnectorKey.inWord, isLowerWord(index),
               let phrase = longestPhrase(at: index + 1, upper: last + 1) {
                // "Embassy in Tehran" names Tehran in its own right.
                addLexicon(index + 1, phrase.last, phrase.entry, nested: true)
                if let last = candidates.indices.last { candidates[last].isStandaloneNested = true }
            }
            index += 1
        }
    }

    private mutating func classify(first: Int, last: Int, titleKey: UInt64?, acronym: UInt64?) {
        func add(_ type: EntityType, certain: Bool, lone: Bool = false) {
            candidates.append(EntityCandidate(first: first, last: last, type: type, reference: .local, isCertain: certain,
                                              title: titleKey, acronymKey: acronym, isLoneWord: lone))
        }
        if titleKey != nil {
            add(.person, certain: true)
            return
        }
        if let phrase = longestPhrase(at: first, upper: last + 1), phrase.last == last {
            addLexicon(first, last, phrase.entry, nested: false)
            if let acronym, let index = candidates.indices.last { candidates[index].acronymKey = acronym }
            return
        }
        let count = last - first + 1
        if isDateline(first: first, last: last) {
            add(.location, certain: true)
            return
        }
        // The head is the last word before a connector: "Ministry" of "Ministry of Health".
        var head = first
        while head < last, !isLowerWord(head + 1) { head += 1 }
        let firstClass = wordClass(first), lastClass = wordClass(head)
        if count >= 2, let phrase = longestPhrase(at: first, upper: last), phrase.last == last - 1,
           let entry = lexicon.phrases[ByteKey.combine(ByteKey.phraseSeed, tokens[last].key)],
           lexicon.entries[Int(entry)].type == .group,
           lexicon.entries[Int(phrase.entry)].type == .location || lexicon.entries[Int(phrase.entry)].type == .group {
            add(.group, certain: true)  // "Gulf Arab", "Cuban Americans"
            return
        }
        if count >= 2 && lastClass.contains(.organizationWord) {
            add(.organization, certain: true)
            addNested(first: first, last: last)
            return
        }
        if count >= 2 && (firstClass.contains(.placeFirst) || lastClass.contains(.placeLast)) {
            add(.location, certain: true)
            addNested(first: first, last: last)
            return
        }
        if count >= 2 && (lastClass.contains(.eventWord) || firstClass.contains(.eventFirst)) {
            add(.event, certain: true)
            return
        }
        if count >= 2 {
            // Modifiers before a known place: "Islamic Iran", "northern Syria" written "Northern Syria".
            var split = first
            while split < last, wordClass(split).contains(.placeModifier) { split += 1 }
            if split > first, let phrase = longestPhrase(at: split, upper: last + 1), phrase.last == last,
               lexicon.entries[Int(phrase.entry)].type == .location {
                candidates.append(EntityCandidate(first: first, last: last, type: .location, reference: .lexicon(phrase.entry),
                                                  isCertain: true, title: nil, acronymKey: acronym, isLoneWord: false))
                return
            }
        }
        let evidence = self.context(first: first, last: last)
        let context = evidence?.type
        if count == 1 {
            let token = tokens[first]
            let length = token.end - token.start
            let lone = wordClass(first)
            if !lone.isDisjoint(with: [.organizationWord, .placeFirst, .placeLast, .titleStart, .notName]) { return }
            if token.flags.contains(.allCaps) && length <= 8 {
                var candidate = EntityCandidate(first: first, last: last, type: .organization, reference: .local, isCertain: false,
                                                title: nil, acronymKey: nil, isLoneWord: true)
                candidate.isAcronym = true
                candidates.append(candidate)
                return
            }
            let fallback: EntityType = lone.contains(.givenName) ? .person : .organization
            var candidate = EntityCandidate(first: first, last: last, type: context ?? fallback,
                                            reference: .local, isCertain: false, title: nil, acronymKey: acronym, isLoneWord: true)
            candidate.hasContext = evidence?.strong ?? false
            candidate.isCommonWord = commonness(first) >= 43 && !wordClass(first).contains(.givenName)
            candidates.append(candidate)
            return
        }
        func addByContext(_ fallback: EntityType) {
            add(context ?? fallback, certain: false)
            if evidence?.strong ?? false, let index = candidates.indices.last { candidates[index].hasContext = true }
        }
        let firstKey = tokens[first].key
        if firstKey == ConnectorKey.al || firstKey == ConnectorKey.el {
            addByContext(.organization)
            return
        }
        // A kunya or patronymic opens a person's name: "Abu Omar", "Ibn Khaldun".
        if firstClass.contains(.givenName) || firstKey == ConnectorKey.abu || firstKey == ConnectorKey.umm
            || firstKey == ConnectorKey.ibn || context == .person {
            add(.person, certain: true)
            return
        }
        var plain = true
        for index in first...last where tokens[index].flags.contains(.allCaps) || tokens[index].flags.contains(.hasDigit) { plain = false }
        if !plain {
            addByContext(.organization)
            return
        }
        // Arabic names of armed groups open with a word such as "Jaish" (army) or "Ahrar" (free men).
        if firstClass.contains(.organizationFirst) {
            add(.organization, certain: true)
            return
        }
        // People's names are seldom made of common words: "Federal Reserve", "Home Shopping", "Blue Bell" name
        // something else; a person's given name (typed above) or the sentence's context says otherwise.
        addByContext(commonness(last) >= 40 && !wordClass(last).contains(.givenName) ? .organization : .person)
    }
}
