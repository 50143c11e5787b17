import DossierModel

/// The entity lexicons of `Lexicon/` (see its README for sources), parsed once into hash tables keyed by
/// `ByteKey`: gazetteer phrases, word classes (common words, given names, titles, organisation and place words),
/// scraped-line openings and the Yiddish romanisation used to match Hebrew-script surfaces.
final class EntityLexicon: Sendable {
    /// The process-wide lexicon, parsed on first use.
    static let shared = EntityLexicon(files: EmbeddedFiles.files)

    enum Kind: UInt8, Sendable { case alias, group, demonym, country, region, city, area }

    struct Entry: Sendable {
        var key: String
        var type: EntityType
        var name: String
        var kind: Kind
    }

    struct WordClass: OptionSet, Sendable {
        let rawValue: UInt32
        static let calendar = WordClass(rawValue: 1 << 0)
        static let givenName = WordClass(rawValue: 1 << 1)
        static let particle = WordClass(rawValue: 1 << 2)
        static let organizationWord = WordClass(rawValue: 1 << 3)
        static let placeFirst = WordClass(rawValue: 1 << 4)
        static let placeLast = WordClass(rawValue: 1 << 5)
        static let eventWord = WordClass(rawValue: 1 << 6)
        static let titleStart = WordClass(rawValue: 1 << 7)
        static let connector = WordClass(rawValue: 1 << 8)
        static let placePreposition = WordClass(rawValue: 1 << 9)
        static let article = WordClass(rawValue: 1 << 10)
        static let placeModifier = WordClass(rawValue: 1 << 11)
        static let personVerb = WordClass(rawValue: 1 << 12)
        static let personRole = WordClass(rawValue: 1 << 13)
        static let notName = WordClass(rawValue: 1 << 14)
        /// Lowercase nouns of places: "the town of X", "X highway", "west of X".
        static let placeNoun = WordClass(rawValue: 1 << 15)
        /// Lowercase nouns of an organisation's people: "X fighters", "a spokesman for X".
        static let organizationCue = WordClass(rawValue: 1 << 16)
        /// Place prepositions that say "place" firmly ("in", "near"), unlike "to" or "from".
        static let strongPlacePreposition = WordClass(rawValue: 1 << 17)
        /// First words of Arabic names of armed groups ("Jaish", "Ahrar").
        static let organizationFirst = WordClass(rawValue: 1 << 18)
        /// A noun that opens a named event: "Hurricane Hugo", "Typhoon Haiyan".
        static let eventFirst = WordClass(rawValue: 1 << 19)
        /// Words before a month that make it a date ("in June", "since May"), not a name ("June Carter").
        static let datePreposition = WordClass(rawValue: 1 << 20)
        /// A month name that names a person only after a given name ("Theresa May"): before a capitalised word it
        /// is the modal of a wish ("May God …").
        static let surnameOnly = WordClass(rawValue: 1 << 21)
    }

    let entries: [Entry]
    /// Phrase key → entry index.
    let phrases: ByteKeyTable<Int32>
    /// Keys of every proper prefix of a phrase, so that matching knows when to go on.
    let phrasePrefixes: ByteKeyTable<Bool>
    let maxPhraseLength: Int
    let words: ByteKeyTable<WordClass>
    /// Zipf frequency × 10 of common English words.
    let commonness: ByteKeyTable<UInt8>
    /// Title phrase key → whether one person at a time holds it.
    let titles: [UInt64: Bool]
    let titlePrefixes: Set<UInt64>
    let maxTitleLength: Int
    let boilerplatePrefixes: [[UInt8]]
    /// Hebrew-script letter or digraph → YIVO romanisation.
    let romanization: [String: String]
    /// Phonetic key of a country's English name → its entry index, for romanised Hebrew-script surfaces.
    let phoneticCountries: [String: Int32]
    /// Country key ("country:IQ") → its demonym entry index.
    let demonymOfCountry: [String: Int32]

    init(files: [(name: String, contents: String)]) {
        var fileByName: [String: String] = [:]
        for file in files { fileByName[file.name] = file.contents }
        func lines(_ name: String) -> [Substring] {
            (fileByName[name] ?? "").split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        }

        var entries: [Entry] = []
        var indexByKey: [String: Int32] = [:]
        var phrases = ByteKeyTable<Int32>(capacity: 1 << 17)
        var prefixes = ByteKeyTable<Bool>(capacity: 1 << 15)
        var maxLength = 1
        var common = ByteKeyTable<UInt8>(capacity: 1 << 15)
        for line in lines("common-words.tsv") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let zipf = UInt8(fields[1]) else { continue }
            common[ByteKey.hash(String(fields[0]))] = zipf
        }
        var variants: [(surface: [Substring], entry: Int32)] = []
        func addTable(_ name: String, spellingVariants: Bool = false, kindFor: (String) -> Kind) {
            for line in lines(name) {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 4, let type = EntityType(rawValue: String(fields[1])) else { continue }
                let key = String(fields[0])
                let index: Int32
                if let existing = indexByKey[key] {
                    index = existing
                } else {
                    index = Int32(entries.count)
                    indexByKey[key] = index
                    entries.append(Entry(key: key, type: type, name: String(fields[2]), kind: kindFor(key)))
                }
                for surface in fields[3].split(separator: "|") {
                    var phrase = ByteKey.phraseSeed
                    let tokens = surface.split(separator: " ")
                    for (position, token) in tokens.enumerated() {
                        phrase = ByteKey.combine(phrase, ByteKey.hash(String(token)))
                        if position < tokens.count - 1 { prefixes[phrase] = true }
                    }
                    if phrases[phrase] == nil { phrases[phrase] = index }
                    maxLength = max(maxLength, tokens.count)
                    if spellingVariants {
                        for variant in EntityLexicon.spellingVariants(tokens) { variants.append((variant, index)) }
                    }
                }
            }
        }
        addTable("aliases.tsv") { key in
            key.hasPrefix("country:") ? .country : key.hasPrefix("area:") ? .area : .alias
        }
        addTable("groups.tsv") { _ in .group }
        addTable("demonyms.tsv") { _ in .demonym }
        addTable("places.tsv", spellingVariants: true) { key in
            key.hasPrefix("country:") ? .country : key.hasPrefix("region:") ? .region : key.hasPrefix("city:") ? .city : .area
        }
        // Other romanisations of Arabic place names, where no listed name has that form and it is no common word.
        for (surface, index) in variants {
            var phrase = ByteKey.phraseSeed
            var keys: [UInt64] = []
            for token in surface {
                phrase = ByteKey.combine(phrase, ByteKey.hash(String(token)))
                keys.append(phrase)
            }
            guard phrases[phrase] == nil else { continue }
            if surface.count == 1, common[ByteKey.hash(String(surface[0]))] != nil { continue }
            for key in keys.dropLast() { prefixes[key] = true }
            phrases[phrase] = index
        }
        self.entries = entries
        self.phrases = phrases
        self.phrasePrefixes = prefixes
        self.maxPhraseLength = maxLength

        var words = ByteKeyTable<WordClass>(capacity: 1 << 14)
        func mark(_ word: Substring, _ wordClass: WordClass) {
            let key = ByteKey.hash(String(word))
            words[key] = (words[key] ?? []).union(wordClass)
        }
        for line in lines("calendar-words.txt") { mark(line, .calendar) }
        for line in lines("given-names.txt") { mark(line, .givenName) }
        for line in lines("name-particles.txt") { mark(line, .particle) }
        for line in lines("organization-words.txt") where !line.hasPrefix("first\t") {
            if let last = line.split(separator: " ").last { mark(last, .organizationWord) }
        }
        for line in lines("location-words.txt") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            let parts = fields[1].split(separator: " ")
            if fields[0] == "first", let first = parts.first { mark(first, .placeFirst) }
            if fields[0] == "last", let last = parts.last { mark(last, .placeLast) }
        }
        for line in lines("event-words.txt") {
            if line.hasPrefix("first\t") { mark(line.dropFirst(6), .eventFirst) } else { mark(line, .eventWord) }
        }
        for line in lines("person-roles.txt") { mark(line, .personRole) }
        for line in lines("not-names.txt") { mark(line, .notName) }
        for word in ["of", "for", "and", "on", "in", "the", "de", "du", "des"] { mark(Substring(word), .connector) }
        for word in ["in", "at", "near", "from", "to", "into", "outside", "across", "around", "inside", "towards", "toward",
                     "via", "through", "throughout", "between", "northern", "southern", "eastern", "western", "central"] {
            mark(Substring(word), .placePreposition)
        }
        for word in ["in", "near", "outside", "inside", "northern", "southern", "eastern", "western", "central"] {
            mark(Substring(word), .strongPlacePreposition)
        }
        for line in lines("organization-words.txt") where line.hasPrefix("first\t") {
            mark(line.dropFirst(6), .organizationFirst)
        }
        for word in ["the", "a", "an"] { mark(Substring(word), .article) }
        for word in ["town", "towns", "city", "village", "villages", "province", "district", "region", "governorate",
                     "neighbourhood", "neighborhood", "suburb", "suburbs", "outskirts", "port", "area", "highway", "road",
                     "street", "border", "crossing", "airport", "mountain", "mountains", "valley", "river", "plain",
                     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"] {
            mark(Substring(word), .placeNoun)
        }
        for word in ["fighters", "militants", "militiamen", "spokesman", "spokeswoman", "spokesperson", "members",
                     "member", "operatives", "founder", "founders"] {
            mark(Substring(word), .organizationCue)
        }
        for word in ["islamic", "northern", "southern", "eastern", "western", "central", "greater", "upper", "lower",
                     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "occupied", "new",
                     "old", "downtown", "rural", "metropolitan"] {
            mark(Substring(word), .placeModifier)
        }
        // Months that are also given names and surnames ("April Glaspie", "Theresa May"): a name only beside
        // another name (`EntityRecognizer.isMonthName`).
        for word in ["april", "may", "june", "august"] { mark(Substring(word), .givenName) }
        mark("may", .surnameOnly)
        for word in ["in", "on", "since", "by", "until", "till", "from", "through", "during", "last", "next", "this",
                     "early", "late", "mid", "of", "before", "after", "between", "to", "each", "every", "that"] {
            mark(Substring(word), .datePreposition)
        }
        for word in ["said", "says", "told", "added", "explained", "wrote", "argued", "noted", "stated", "claimed", "asked",
                     "tweeted", "insisted", "warned", "who"] {
            mark(Substring(word), .personVerb)
        }
        var titles: [UInt64: Bool] = [:]
        var titlePrefixes = Set<UInt64>()
        var maxTitle = 1
        for line in lines("person-titles.txt") {
            let unique = line.hasSuffix("*")
            let title = unique ? line.dropLast() : line
            let parts = title.split(separator: " ")
            var phrase = ByteKey.phraseSeed
            for (position, part) in parts.enumerated() {
                phrase = ByteKey.combine(phrase, ByteKey.hash(String(part)))
                if position < parts.count - 1 { titlePrefixes.insert(phrase) }
            }
            titles[phrase] = unique
            maxTitle = max(maxTitle, parts.count)
            if let first = parts.first { mark(first, .titleStart) }
        }
        self.words = words
        self.titles = titles
        self.titlePrefixes = titlePrefixes
        self.maxTitleLength = maxTitle

        self.commonness = common
        self.boilerplatePrefixes = lines("boilerplate-prefixes.txt").map { Array($0.utf8) }

        var romanization: [String: String] = [:]
        for line in lines("yiddish-romanization.tsv") {
            let fields = line.split(separator: "\t")
            if fields.count == 2 { romanization[String(fields[0])] = String(fields[1]) }
        }
        self.romanization = romanization
        var phonetic: [String: Int32] = [:]
        var demonymOfCountry: [String: Int32] = [:]
        for (index, entry) in entries.enumerated() {
            if entry.kind == .country {
                let key = EntityLexicon.phoneticKey(entry.name)
                if phonetic[key] == nil { phonetic[key] = Int32(index) }
            }
            if entry.kind == .demonym, entry.key.hasPrefix("people:") {
                demonymOfCountry["country:" + entry.key.dropFirst(7)] = Int32(index)
            }
        }
        self.phoneticCountries = phonetic
        self.demonymOfCountry = demonymOfCountry

    }

    @inline(__always)
    func wordClass(_ key: UInt64) -> WordClass { words[key] ?? [] }

    /// Arabic article and ending variants of a place name's words: "Al Basrah" → "Basrah", "Al Basra", "Basra";
    /// "Al-Hasakah" → "Hasakah", "Hasaka".
    static func spellingVariants(_ tokens: [Substring]) -> [[Substring]] {
        guard let first = tokens.first else { return [] }
        let articles: Set<String> = ["al", "el", "an", "ar", "as", "ash", "ad", "at", "az", "ath", "adh"]
        var bases: [[Substring]] = [tokens]
        if tokens.count >= 2, articles.contains(first.lowercased()) {
            bases.append(Array(tokens.dropFirst()))
        } else if tokens.count == 1, let hyphen = first.firstIndex(of: "-"),
                  articles.contains(first[..<hyphen].lowercased()), first.distance(from: hyphen, to: first.endIndex) > 4 {
            bases.append([first[first.index(after: hyphen)...]])
        }
        var result: [[Substring]] = []
        for (position, base) in bases.enumerated() {
            if position > 0 { result.append(base) }
            if let end = base.last, end.count > 4, end.hasSuffix("ah") {
                result.append(base.dropLast() + [end.dropLast()])
            }
        }
        return result
    }

    /// A rough phonetic key for Latin names, so that a romanised Yiddish "irak" meets "Iraq".
    static func phoneticKey(_ text: String) -> String {
        var result: [UInt8] = []
        for byte in text.lowercased().utf8 {
            var letter = byte
            switch byte {
            case UInt8(ascii: "q"), UInt8(ascii: "c"): letter = UInt8(ascii: "k")
            case UInt8(ascii: "w"): letter = UInt8(ascii: "v")
            case UInt8(ascii: "y"): letter = UInt8(ascii: "i")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): break
            default: continue
            }
            if result.last != letter { result.append(letter) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// YIVO romanisation of a Hebrew-script word (points already dropped by the caller).
    func romanize(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars.filter { !($0.value >= 0x0591 && $0.value <= 0x05C7) })
        // A word-initial alef before vov or yud is silent (shtumer alef).
        if scalars.count > 1, scalars[0] == "\u{05D0}", scalars[1] == "\u{05D5}" || scalars[1] == "\u{05D9}" || scalars[1] == "\u{05F2}" {
            scalars.removeFirst()
        }
        var result = ""
        var index = 0
        while index < scalars.count {
            if index + 1 < scalars.count {
                let pair = String(String.UnicodeScalarView(scalars[index...index + 1]))
                if let value = romanization[pair] { result += value; index += 2; continue }
            }
            result += romanization[String(scalars[index])] ?? ""
            index += 1
        }
        return result
    }
}
