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
        var name: String
        var type: EntityType
        var certain: Bool
        var canonicalKey: String
        var aliases: [String] = []
        var extraKeys: [String] = []
    }

    func resolve() -> EntityRecognition {
        let tokens = scan.tokens
        let lexicon = scan.lexicon
        var locals: [Local] = []
        var localByKey: [String: Int] = [:]
        var assignment = [Int?](repeating: nil, count: scan.candidates.count)

        func surface(_ first: Int, _ last: Int) -> String { scan.text.text(tokens[first].start..<tokens[last].end) }
        func local(for key: String, name: String, type: EntityType, certain: Bool) -> Int {
            if let existing = localByKey[key] {
                if certain && !locals[existing].certain { locals[existing].type = type; locals[existing].certain = true }
                return existing
            }
            locals.append(Local(name: name, type: type, certain: certain, canonicalKey: key))
            localByKey[key] = locals.count - 1
            return locals.count - 1
        }

        // 1. Lexicon entries and multi-word names.
        var persons: [(entity: Int, keys: [UInt64])] = []
        for (index, candidate) in scan.candidates.enumerated() {
            switch candidate.reference {
            case .lexicon(let entry):
                let item = lexicon.entries[Int(entry)]
                assignment[index] = local(for: item.key, name: item.name, type: item.type, certain: true)
            case .local where !candidate.isLoneWord:
                let name = surface(candidate.first, candidate.last)
                let entity = local(for: EntityKey.normalize(name), name: name, type: candidate.type, certain: candidate.isCertain)
                assignment[index] = entity
                if candidate.type == .person {
                    var keys: [UInt64] = []
                    for position in candidate.first...candidate.last where tokens[position].isWord
                        && !scan.wordClass(position).contains(.particle) {
                        keys.append(tokens[position].key)
                        if let stripped = strippedArticleKey(position) { keys.append(stripped) }
                    }
                    persons.append((entity, keys))
                }
            default:
                break
            }
        }
        // Shorter full names inside longer ones with the same last word are one person ("Bashar Assad").
        var personAlias: [Int: Int] = [:]
        for (a, shorter) in persons.enumerated() {
            for (b, longer) in persons.enumerated() where a != b && shorter.keys.count < longer.keys.count
                && shorter.keys.last == longer.keys.last && Set(shorter.keys).isSubset(of: Set(longer.keys)) {
                personAlias[shorter.entity] = longer.entity
            }
        }
        var personByWord: [UInt64: Set<Int>] = [:]
        var personByFirstWord: [UInt64: Set<Int>] = [:]
        for person in persons {
            let entity = personAlias[person.entity] ?? person.entity
            for (position, key) in person.keys.enumerated() {
                if position == 0 { personByFirstWord[key, default: []].insert(entity) } else { personByWord[key, default: []].insert(entity) }
            }
        }
        var personByTitle: [UInt64: Int] = [:]
        var entityByAcronym: [UInt64: Int] = [:]
        for (index, candidate) in scan.candidates.enumerated() {
            guard let entity = assignment[index] else { continue }
            if let title = candidate.title, candidate.type == .person, personByTitle[title] == nil {
                personByTitle[title] = personAlias[entity] ?? entity
            }
            if let acronym = candidate.acronymKey, acronymFits(acronym: candidate.last + 2, name: candidate) {
                entityByAcronym[acronym] = entity
                if locals[entity].type == .person && !locals[entity].certain { locals[entity].type = .organization }
            }
        }

        // 2. Lone words, acronyms and bare titles.
        for (index, candidate) in scan.candidates.enumerated() {
            if case .title(let title) = candidate.reference {
                if let person = personByTitle[title] { assignment[index] = person }
                continue
            }
            guard candidate.isLoneWord else {
                if let entity = assignment[index], let alias = personAlias[entity] { assignment[index] = alias }
                continue
            }
            let key = tokens[candidate.first].key
            if candidate.isAcronym, let entity = entityByAcronym[key] {
                assignment[index] = entity
                continue
            }
            var matches = personByWord[key] ?? []
            if matches.isEmpty, let stripped = strippedArticleKey(candidate.first) { matches = personByWord[stripped] ?? [] }
            if matches.isEmpty, scan.wordClass(candidate.first).contains(.givenName) { matches = personByFirstWord[key] ?? [] }
            if matches.count == 1, let person = matches.first {
                assignment[index] = person
                continue
            }
            if candidate.isCommonWord { continue }
            let name = surface(candidate.first, candidate.last)
            let entity = local(for: EntityKey.normalize(name), name: name, type: candidate.type, certain: candidate.isCertain)
            assignment[index] = entity
            if let acronym = candidate.acronymKey, acronymFits(acronym: candidate.last + 2, name: candidate) {
                entityByAcronym[acronym] = entity
            }
        }
        // A place named only inside a longer name ("Qatar" in "Qatar University") is not mentioned on its own,
        // unless written as an abbreviation or a demonym ("US Army", "British Ministry of Defense").
        var standalone = Set<Int>()
        for (index, candidate) in scan.candidates.enumerated() {
            guard let entity = assignment[index] else { continue }
            if !candidate.isNested || candidate.isStandaloneNested || candidate.type == .group || tokens[candidate.first].flags.contains(.allCaps) {
                standalone.insert(entity)
            }
        }

        // 3. Mentions and entities, in order of first mention.
        var order: [Int: Int] = [:]
        var entities: [ExtractedEntity] = []
        var mentions: [ExtractedMention] = []
        var seenSpans = Set<Int64>()
        var fullNames: [Int: String] = [:]
        for (index, candidate) in scan.candidates.enumerated() {
            guard let entity = assignment[index], standalone.contains(entity) else { continue }
            let start = tokens[candidate.first].start, end = tokens[candidate.last].end
            let spanKey = Int64(start) << 32 | Int64(end)
            guard seenSpans.insert(spanKey).inserted else { continue }
            let text = scan.text.text(start..<end)
            let output: Int
            if let existing = order[entity] {
                output = existing
            } else {
                output = entities.count
                order[entity] = output
                entities.append(ExtractedEntity(name: locals[entity].name, type: locals[entity].type, aliases: [],
                                                canonicalKey: locals[entity].canonicalKey, matchKeys: []))
            }
            if !entities[output].aliases.contains(text) { entities[output].aliases.append(text) }
            if case .title = candidate.reference {} else if text.count > (fullNames[output]?.count ?? 0) {
                fullNames[output] = text
            }
            mentions.append(ExtractedMention(entityIndex: output, span: scan.text.span(start..<end), text: text,
                                             sentenceIndex: tokens[candidate.first].sentence))
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
            var entity = entities[index]
            if entity.type == .person || !entity.canonicalKey.contains(":") {
                // The fullest surface names a local entity: the longest alias, its possessive-free form.
                if let longest = fullNames[index], longest.count > entity.name.count { entity.name = longest }
                if entity.type == .person || !entity.canonicalKey.contains(":") { entity.canonicalKey = EntityKey.normalize(entity.name) }
            }
            var keys: [String] = []
            for alias in entity.aliases {
                let key = EntityKey.normalize(alias)
                if key != entity.canonicalKey && !keys.contains(key) { keys.append(key) }
            }
            entity.matchKeys = keys
            entities[index] = entity
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
