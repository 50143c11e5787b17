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
        var titleKey: UInt64?
        if let title = longestTitle(at: index, upper: upper) {
            var nameStart = title.last + 1
            if nameStart < upper, !tokens[nameStart].isWord, tokens[nameStart].mark == UInt8(ascii: "."),
               tokens[nameStart].start == tokens[title.last].end {
                nameStart += 1
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

    /// A possessive inside a name: a common noun's "'s" before another capitalised word ("Assassin's Gate",
    /// "Workers' Party"), unlike a known name's ("Iran's Supreme Leader", "Ali's brother").
    func isInnerPossessive(_ index: Int) -> Bool {
        guard isNameToken(index + 1), !tokens[index + 1].flags.contains(.initial), commonness(index) > 0 else { return false }
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
        // The head is the last word before a connector: "Ministry" of "Ministry of Health".
        var head = first
        while head < last, !isLowerWord(head + 1) { head += 1 }
        let firstClass = wordClass(first), lastClass = wordClass(head)
        if count >= 2, let phrase = longestPhrase(at: first, upper: last), phrase.last == last - 1,
           let entry = lexicon.phrases[ByteKey.combine(ByteKey.phraseSeed, tokens[last].key)],
           lexicon.entries[Int(entry)].type == .group, lexicon.entries[Int(phrase.entry)].type == .location {
            add(.group, certain: true)  // "Gulf Arab"
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
        if count >= 2 && lastClass.contains(.eventWord) {
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
            var candidate = EntityCandidate(first: first, last: last, type: context ?? .organization,
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
        addByContext(.person)
    }

    /// Whether a word starts with a lowercase Arabic article: "al-", "el-".
    func hasArticlePrefix(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.end - token.start > 3 else { return false }
        let first = bytes[token.start]
        return (first == UInt8(ascii: "a") || first == UInt8(ascii: "e")) && bytes[token.start + 1] == UInt8(ascii: "l")
            && bytes[token.start + 2] == 0x2D
    }

    /// The type the words around a name suggest.
    ///
    /// Person: a role or title before it ("spokesman X"), a reporting verb or "and his/her" after it.
    /// Location: a place preposition before it ("in X"), a place noun and "of" before it ("the town of X",
    /// "west of X"), a place noun after it ("X highway", "X outskirts").
    /// Organisation: its people after it ("X fighters"), or before it with "of"/"for" ("a spokesman for X").
    func contextType(first: Int, last: Int) -> EntityType? { context(first: first, last: last)?.type }

    /// The type the words around a name suggest, and whether the evidence is strong: weak evidence ("to X",
    /// "from X") types a name no better rule typed, but does not override another mention's type.
    func context(first: Int, last: Int) -> (type: EntityType, strong: Bool)? {
        let sentence = tokens[first].sentence
        @inline(__always) func lower(_ index: Int) -> Bool {
            index >= 0 && index < tokens.count && tokens[index].sentence == sentence && isLowerWord(index)
        }
        if lower(first - 1) {
            let before = wordClass(first - 1)
            if before.contains(.personRole) || before.contains(.titleStart) { return (.person, true) }
            if before.contains(.placePreposition) { return (.location, before.contains(.strongPlacePreposition)) }
            let key = tokens[first - 1].key
            if (key == ConnectorKey.of || key == ConnectorKey.forWord), lower(first - 2) {
                let noun = wordClass(first - 2)
                if key == ConnectorKey.of && noun.contains(.placeNoun) { return (.location, true) }
                if noun.contains(.organizationCue) { return (.organization, true) }
            }
        }
        var after = last + 1
        if after < tokens.count, !tokens[after].isWord, tokens[after].mark == UInt8(ascii: ",") { after += 1 }
        if lower(after) {
            let next = wordClass(after)
            if next.contains(.personVerb) { return (.person, true) }
            if after == last + 1 {
                if next.contains(.placeNoun) && !tokens[last].flags.contains(.possessive) { return (.location, true) }
                if next.contains(.organizationCue) && !tokens[last].flags.contains(.possessive) { return (.organization, true) }
                if tokens[after].key == ConnectorKey.and, lower(after + 1),
                   tokens[after + 1].key == ConnectorKey.his || tokens[after + 1].key == ConnectorKey.her {
                    return (.person, true)
                }
            }
        }
        return nil
    }

    /// Names no rule typed take the type of places they are listed with ("Aleppo, X and Y", "X and Homs") or
    /// set beside ("X, Lebanon" at the end of a phrase): lists join like with like.
    mutating func typeListedNames() {
        func isPlace(_ index: Int) -> Bool {
            let candidate = candidates[index]
            if case .lexicon(let entry) = candidate.reference {
                let kind = lexicon.entries[Int(entry)].kind
                return kind == .city || kind == .region
            }
            return candidate.type == .location && (candidate.isCertain || candidate.hasContext)
        }
        func isUntyped(_ index: Int) -> Bool {
            let candidate = candidates[index]
            guard case .local = candidate.reference else { return false }
            return !candidate.isCertain && !candidate.hasContext && !candidate.isNested && !candidate.isAcronym
                && !candidate.isCommonWord && (candidate.type == .organization || candidate.type == .person)
        }
        func isListJoint(_ index: Int) -> Bool {
            guard index >= 0, index < tokens.count else { return false }
            let token = tokens[index]
            if !token.isWord { return token.mark == UInt8(ascii: ",") }
            return isLowerWord(index) && (token.key == ConnectorKey.and || token.key == ConnectorKey.or)
        }
        // Outer candidates by first and last token.
        var byFirst: [Int: Int] = [:], byLast: [Int: Int] = [:]
        for (index, candidate) in candidates.enumerated() where !candidate.isNested {
            byFirst[candidate.first] = index
            byLast[candidate.last] = index
        }
        guard byFirst.count > 1 else { return }
        var changed = true
        var rounds = 0
        while changed && rounds < 4 {
            changed = false
            rounds += 1
            for index in candidates.indices where isUntyped(index) {
                let candidate = candidates[index]
                var place = false
                // A comma joins a list only with "and"/"or" or another comma on the name's other side
                // ("Homs, X and Y"), not in "Ramadi, X said".
                let jointBefore = isListJoint(candidate.first - 1), jointAfter = isListJoint(candidate.last + 1)
                func isWordJoint(_ index: Int) -> Bool { tokens[index].isWord }
                if jointBefore, isWordJoint(candidate.first - 1) || jointAfter,
                   let neighbour = byLast[candidate.first - 2], isPlace(neighbour),
                   !tokens[candidate.first - 2].flags.contains(.possessive) {
                    place = true
                }
                if !place, jointAfter, isWordJoint(candidate.last + 1) || jointBefore,
                   !tokens[candidate.last].flags.contains(.possessive),
                   let neighbour = byFirst[candidate.last + 2], isPlace(neighbour),
                   !tokens[candidates[neighbour].last].flags.contains(.possessive) {
                    place = true
                }
                if !place, tokens[candidate.last + 1 < tokens.count ? candidate.last + 1 : candidate.last].mark == UInt8(ascii: ","),
                   candidate.last + 2 < tokens.count, let neighbour = byFirst[candidate.last + 2],
                   case .lexicon(let entry) = candidates[neighbour].reference, lexicon.entries[Int(entry)].kind == .country {
                    let end = candidates[neighbour].last
                    if !tokens[end].flags.contains(.possessive),
                       end + 1 >= tokens.count || tokens[end + 1].sentence != tokens[end].sentence || !tokens[end + 1].isWord {
                        place = true
                    }
                }
                if place {
                    candidates[index].type = .location
                    candidates[index].hasContext = true
                    changed = true
                }
            }
        }
    }

    // MARK: events

    /// Named events: "the 1979 Islamic revolution", "the November 2019 uprising", "the October 7 attacks".
    mutating func findEvents() {
        for range in sentenceTokens {
            for end in range where tokens[end].isWord && isLowerWord(end) && wordClass(end).contains(.eventWord)
                && !tokens[end].flags.contains(.skipped) {
                var index = end - 1
                var first = end
                var evidence = false
                var lowercase = 0
                while index >= range.lowerBound, tokens[index].isWord {
                    let token = tokens[index]
                    if token.flags.contains(.hasDigit) || wordClass(index).contains(.calendar) {
                        evidence = true
                    } else if token.flags.contains(.capitalized) && !token.flags.contains(.initial) {
                        evidence = true
                    } else if isLowerWord(index) && lowercase < 2 && token.end - token.start > 3
                                && wordClass(index).isDisjoint(with: [.article, .connector, .placePreposition]) {
                        lowercase += 1
                    } else {
                        break
                    }
                    first = index
                    index -= 1
                }
                while first < end, isLowerWord(first), !tokens[first].flags.contains(.hasDigit) { first += 1 }
                guard evidence, first < end, index >= range.lowerBound, tokens[index].key == ConnectorKey.the else { continue }
                events.append((first, end))
            }
        }
    }
}
