import DossierModel

/// Typing a name from the words around it, names typed by the list they stand in, and named events.
extension Scan {
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
                var jointBefore = isListJoint(candidate.first - 1), jointAfter = isListJoint(candidate.last + 1)
                func isWordJoint(_ index: Int) -> Bool { tokens[index].isWord }
                // Between commas, the list goes on only if a name or "and"/"or" follows: "Homs, X, Y and Z",
                // but not the apposition of "the ambassador to Washington, X, in a lecture".
                if jointBefore, jointAfter, !isWordJoint(candidate.first - 1), !isWordJoint(candidate.last + 1) {
                    let next = candidate.last + 2
                    if next >= tokens.count || !(isNameToken(next) || isListJoint(next) && isWordJoint(next)) {
                        jointBefore = false
                        jointAfter = false
                    }
                }
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
