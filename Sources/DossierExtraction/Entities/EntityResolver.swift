import DossierModel

/// Resolves one article's candidates to entities: one per referent, with every surface as an alias.
///
/// - A lone word that is a word of exactly one person named in full ("Soleimani", "Assad") is that person.
/// - An acronym defined in brackets after a name ("Mujahedin-e Khalq (MEK)") is that name's entity everywhere.
/// - A bare title ("the Supreme Leader") is the person named with that title, else nothing.
/// - Lone common words ("Islamic") that resolve to nothing are dropped.
struct EntityResolver {
    let scan: Scan

    private struct Local {
        /// The lexicon entry it is, if any (its key and name are the entity's).
        var entry: Int32?
        /// Token range of its first surface: a local entity is named after its fullest surface at the end.
        var first: Int
        var last: Int
        var type: EntityType
        /// 2: typed by evidence in the name; 1: by the words around it; 0: by default.
        var level: UInt8
        var certain: Bool { level == 2 }
    }

    /// A person named in full: its local entity and the keys of its words (particles left out).
    private struct Person {
        var entity: Int
        var keys: [UInt64]
    }

    func resolve() -> EntityRecognition {
        let tokens = scan.tokens
        let lexicon = scan.lexicon
        let candidates = scan.candidates
        var locals: [Local] = []
        locals.reserveCapacity(candidates.count)
        // Lexicon entries keyed by their index, names of the article by their words' keys.
        var localByKey = ByteKeyTable<Int32>(capacity: max(16, candidates.count))
        var assignment = [Int](repeating: -1, count: candidates.count)

        func nameKey(_ first: Int, _ last: Int) -> UInt64 {
            var key = ByteKey.phraseSeed
            for position in first...last where tokens[position].isWord { key = ByteKey.combine(key, tokens[position].key) }
            return key
        }
        func local(for key: UInt64, entry: Int32?, first: Int, last: Int, type: EntityType, level: UInt8) -> Int {
            if let existing = localByKey[key] {
                let index = Int(existing)
                if level > locals[index].level { locals[index].type = type; locals[index].level = level }
                return index
            }
            locals.append(Local(entry: entry, first: first, last: last, type: type, level: level))
            localByKey[key] = Int32(locals.count - 1)
            return locals.count - 1
        }
        func level(_ candidate: EntityCandidate) -> UInt8 { candidate.isCertain ? 2 : candidate.hasContext ? 1 : 0 }
        func lexiconLocal(_ entry: Int32, _ candidate: EntityCandidate) -> Int {
            local(for: UInt64(UInt32(bitPattern: entry)) &* 0x9E37_79B9_7F4A_7C15 ^ 0x5A5A_0000_0000_0001, entry: entry,
                  first: candidate.first, last: candidate.last, type: lexicon.entries[Int(entry)].type, level: 2)
        }

        // 1. Lexicon entries and multi-word names.
        var persons: [Person] = []
        for (index, candidate) in candidates.enumerated() {
            switch candidate.reference {
            case .lexicon(let entry):
                assignment[index] = lexiconLocal(entry, candidate)
            case .local where !candidate.isLoneWord:
                let entity = local(for: nameKey(candidate.first, candidate.last), entry: nil, first: candidate.first,
                                   last: candidate.last, type: candidate.type, level: level(candidate))
                assignment[index] = entity
                if candidate.type == .person {
                    var keys: [UInt64] = []
                    for position in candidate.first...candidate.last where tokens[position].isWord
                        && !scan.wordClass(position).contains(.particle) {
                        keys.append(tokens[position].key)
                        if let stripped = strippedArticleKey(position) { keys.append(stripped) }
                    }
                    persons.append(Person(entity: entity, keys: keys))
                }
            default:
                break
            }
        }
        // Shorter full names inside longer ones with the same last word are one person ("Bashar Assad").
        var personAlias = Array(0..<locals.count)
        for (a, shorter) in persons.enumerated() {
            for (b, longer) in persons.enumerated() where a != b && shorter.keys.count < longer.keys.count
                && shorter.keys.last == longer.keys.last && shorter.keys.allSatisfy({ longer.keys.contains($0) }) {
                personAlias[shorter.entity] = longer.entity
            }
        }
        /// The one person (after aliasing) with `key` among its later words (or its first word), if exactly one.
        func onlyPerson(withKey key: UInt64, firstWord: Bool) -> Int?? {
            var found: Int?
            for person in persons {
                let matches = firstWord ? person.keys.first == key : person.keys.dropFirst().contains(key)
                guard matches else { continue }
                let entity = personAlias[person.entity]
                if let found, found != entity { return .some(nil) }
                found = entity
            }
            guard let found else { return nil }
            return .some(found)
        }
        var personByTitle: [(title: UInt64, person: Int)] = []
        var entityByAcronym: [(acronym: UInt64, entity: Int)] = []
        func acronymEntity(_ key: UInt64) -> Int? { entityByAcronym.last { $0.acronym == key }?.entity }
        for (index, candidate) in candidates.enumerated() {
            let entity = assignment[index]
            guard entity >= 0 else { continue }
            if let title = candidate.title, candidate.type == .person, !personByTitle.contains(where: { $0.title == title }) {
                personByTitle.append((title, personAlias[entity]))
            }
            if let acronym = candidate.acronymKey, acronymFits(acronym: candidate.last + 2, name: candidate) {
                entityByAcronym.append((acronym, entity))
                if locals[entity].type == .person && !locals[entity].certain { locals[entity].type = .organization }
            }
        }

        // 2. Lone words, acronyms and bare titles.
        for (index, candidate) in candidates.enumerated() {
            if case .title(let title) = candidate.reference {
                if let person = personByTitle.first(where: { $0.title == title })?.person { assignment[index] = person }
                continue
            }
            guard candidate.isLoneWord else {
                if assignment[index] >= 0 { assignment[index] = personAlias[assignment[index]] }
                continue
            }
            let key = tokens[candidate.first].key
            if candidate.acronymIsGloss, let acronym = candidate.acronymKey, let entity = acronymEntity(acronym) {
                assignment[index] = entity
                continue
            }
            if candidate.isAcronym, let entity = acronymEntity(key) {
                assignment[index] = entity
                continue
            }
            // nil: no person has the word; .some(nil): several have it.
            var match = onlyPerson(withKey: key, firstWord: false)
            if match == nil, let stripped = strippedArticleKey(candidate.first) { match = onlyPerson(withKey: stripped, firstWord: false) }
            if match == nil, scan.wordClass(candidate.first).contains(.givenName) { match = onlyPerson(withKey: key, firstWord: true) }
            if let match, let person = match {
                assignment[index] = person
                continue
            }
            if candidate.isCommonWord { continue }
            let entity = local(for: nameKey(candidate.first, candidate.last), entry: nil, first: candidate.first,
                               last: candidate.last, type: candidate.type, level: level(candidate))
            assignment[index] = entity
            if let acronym = candidate.acronymKey, candidate.acronymIsGloss || acronymFits(acronym: candidate.last + 2, name: candidate) {
                entityByAcronym.append((acronym, entity))
            }
        }
        // A place named only inside a longer name ("Qatar" in "Qatar University") is not mentioned on its own,
        // unless written as an abbreviation or a demonym ("US Army", "British Ministry of Defense").
        var standalone = [Bool](repeating: false, count: locals.count)
        for (index, candidate) in candidates.enumerated() {
            let entity = assignment[index]
            guard entity >= 0 else { continue }
            if !candidate.isNested || candidate.isStandaloneNested || candidate.type == .group || tokens[candidate.first].flags.contains(.allCaps) {
                standalone[entity] = true
            }
        }

        // 3. Mentions and entities, in order of first mention.
        var order = [Int](repeating: -1, count: locals.count)
        var entities: [ExtractedEntity] = []
        var mentions: [ExtractedMention] = []
        mentions.reserveCapacity(candidates.count + scan.events.count)
        var seenSpans = KeySet(capacity: candidates.count)
        // Per output entity: the local it comes from and its fullest surface (UTF-16 length, text).
        var sources: [Int] = []
        var fullNames: [(length: Int, text: String)?] = []
        for (index, candidate) in candidates.enumerated() {
            let entity = assignment[index]
            guard entity >= 0, standalone[entity] else { continue }
            let start = tokens[candidate.first].start, end = tokens[candidate.last].end
            guard seenSpans.insert(UInt64(start) << 32 | UInt64(end)) else { continue }
            let text = scan.text.text(start..<end)
            let span = scan.text.span(start..<end)
            var output = order[entity]
            if output < 0 {
                output = entities.count
                order[entity] = output
                let item = locals[entity]
                let name: String, key: String
                if let entry = item.entry {
                    name = lexicon.entries[Int(entry)].name
                    key = lexicon.entries[Int(entry)].key
                } else {
                    name = scan.text.text(tokens[item.first].start..<tokens[item.last].end)
                    key = ""
                }
                entities.append(ExtractedEntity(name: name, type: item.type, aliases: [], canonicalKey: key, matchKeys: []))
                sources.append(entity)
                fullNames.append(nil)
            }
            if !entities[output].aliases.contains(text) { entities[output].aliases.append(text) }
            if case .title = candidate.reference {} else if span.end - span.start > (fullNames[output]?.length ?? 0) {
                fullNames[output] = (span.end - span.start, text)
            }
            mentions.append(ExtractedMention(entityIndex: output, span: span, text: text, sentenceIndex: tokens[candidate.first].sentence))
        }
        // Local entities take their fullest surface as name and key.
        for index in entities.indices where locals[sources[index]].entry == nil {
            if let longest = fullNames[index], longest.length > entities[index].name.utf16.count { entities[index].name = longest.text }
            entities[index].canonicalKey = EntityKey.normalize(entities[index].name)
        }
        // Events.
        var eventByKey: [String: Int] = [:]
        for event in scan.events {
            let start = tokens[event.first].start, end = tokens[event.last].end
            let text = scan.text.text(start..<end)
            let key = EntityKey.normalize(text)
            let output: Int
            if let existing = eventByKey[key] {
                output = existing
            } else {
                output = entities.count
                eventByKey[key] = output
                entities.append(ExtractedEntity(name: text, type: .event, aliases: [], canonicalKey: key, matchKeys: []))
            }
            if !entities[output].aliases.contains(text) { entities[output].aliases.append(text) }
            mentions.append(ExtractedMention(entityIndex: output, span: scan.text.span(start..<end), text: text,
                                             sentenceIndex: tokens[event.first].sentence))
        }
        for index in entities.indices {
            var keys: [String] = []
            let entity = entities[index]
            // Local and event keys are their names' normal forms; lexicon keys are ids.
            let keyIsName = index >= sources.count || locals[sources[index]].entry == nil
            for alias in entity.aliases {
                let key = keyIsName && alias == entity.name ? entity.canonicalKey : EntityKey.normalize(alias)
                if key != entity.canonicalKey && !keys.contains(key) { keys.append(key) }
            }
            entities[index].matchKeys = keys
        }
        mentions.sort { $0.span < $1.span }
        return EntityRecognition(entities: entities, mentions: mentions)
    }

    /// Whether the acronym token at `index` abbreviates the candidate's name: the initials of its capitalised
    /// words (hyphenated parts too) appear in order among the acronym's letters, at least two of them
    /// ("Revolutionary Guards" → "IRGC", "Mujahedin-e Khalq" → "MEK"), so "Baghdad, Iraq (CNN)" is no definition.
    private func acronymFits(acronym index: Int, name candidate: EntityCandidate) -> Bool {
        guard index < scan.tokens.count else { return false }
        let bytes = scan.bytes
        let acronymToken = scan.tokens[index]
        var letters: [UInt8] = []
        for position in acronymToken.start..<acronymToken.end where bytes[position] >= 65 && bytes[position] <= 90 {
            letters.append(bytes[position])
        }
        var initials: [UInt8] = []
        for position in candidate.first...candidate.last where scan.tokens[position].isWord {
            let token = scan.tokens[position]
            var start = token.start
            for cursor in token.start...token.end {
                if cursor == token.end || bytes[cursor] == 0x2D {
                    if cursor > start {
                        let letter = bytes[start] & 0xDF
                        if letter >= 65 && letter <= 90 && !(bytes[start] >= 97 && (cursor - start) <= 3) { initials.append(letter) }
                        else if bytes[start] >= 97 && cursor - start == 1 { initials.append(letter) }  // "-e" of "Mujahedin-e"
                    }
                    start = cursor + 1
                }
            }
        }
        guard initials.count >= 2 || (initials.count == 1 && letters.count == 1) else { return false }
        var matched = 0
        var cursor = 0
        for letter in initials {
            while cursor < letters.count && letters[cursor] != letter { cursor += 1 }
            if cursor < letters.count { matched += 1; cursor += 1 }
        }
        return matched >= 2 && matched * 2 >= initials.count
    }

    /// The key of a token without a leading "al-"/"el-" ("al-Assad" → "assad"), if it has one.
    private func strippedArticleKey(_ index: Int) -> UInt64? {
        let token = scan.tokens[index]
        guard token.end - token.start > 4 else { return nil }
        let bytes = scan.bytes
        let first = bytes[token.start] | 0x20, second = bytes[token.start + 1] | 0x20
        guard (first == UInt8(ascii: "a") || first == UInt8(ascii: "e")), second == UInt8(ascii: "l"),
              bytes[token.start + 2] == 0x2D else { return nil }
        return ByteKey.hash(bytes, token.start + 3, token.end)
    }
}
