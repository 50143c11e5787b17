import DossierExtraction
import DossierModel
import Foundation
import Testing

@Suite("Entity recognition rules")
struct EntityRecognizerTests {
    let recognizer = EntityRecognizer()

    func recognize(_ body: String) -> EntityRecognition {
        recognizer.recognize(AnalyzedText(body: body))
    }

    /// The entity one of whose mentions is exactly `surface`.
    func entity(_ recognition: EntityRecognition, _ surface: String) -> ExtractedEntity? {
        recognition.mentions.first { $0.text == surface }.map { recognition.entities[$0.entityIndex] }
    }

    func surfaces(_ recognition: EntityRecognition) -> Set<String> { Set(recognition.mentions.map(\.text)) }

    @Test("multi-word names with particles and apostrophes are one mention")
    func multiWordNames() {
        let result = recognize("Fighters of Hashd al-Sha'bi met Bashar al-Assad and members of Mujahedin-e Khalq in the city.")
        #expect(surfaces(result).isSuperset(of: ["Hashd al-Sha'bi", "Bashar al-Assad", "Mujahedin-e Khalq"]))
        #expect(entity(result, "Bashar al-Assad")?.type == .person)
    }

    @Test("capitals at the start of a sentence prove nothing; known names there still count")
    func sentenceInitial() {
        let result = recognize("Footage shows the convoy. Protests continue in the capital. Iran denies it.")
        #expect(!surfaces(result).contains("Footage"))
        #expect(!surfaces(result).contains("Protests"))
        #expect(entity(result, "Iran")?.type == .location)
    }

    @Test("months, weekdays and bare titles are not entities")
    func notNames() {
        let result = recognize("The talks resumed on Monday in January, the President said.")
        #expect(result.mentions.isEmpty, "\(result.mentions.map(\.text))")
    }

    @Test("a month that is also a name names a person beside another name, and is a month elsewhere", arguments: [
        ("Prime Minister Theresa May met the king.", "Theresa May", true),
        ("The guitarist Brian May played.", "Brian May", true),
        ("April Glaspie met the president.", "April Glaspie", true),
        ("The singer June Carter came.", "June Carter", true),
        ("In June Iraq voted again.", "June Iraq", false),
        ("May God protect them, he said.", "May God", false),
    ])
    func monthNames(sentence: String, name: String, isPerson: Bool) {
        let result = recognize(sentence)
        if isPerson {
            #expect(entity(result, name)?.type == .person, "\(result.mentions.map(\.text))")
        } else {
            #expect(result.mentions.allSatisfy { !$0.text.contains(name.split(separator: " ")[0]) }, "\(result.mentions.map(\.text))")
        }
    }

    @Test("a hyphenated Korean or Chinese given name stays whole; English compounds after a name are still cut")
    func hyphenatedGivenNames() {
        let result = recognize("U.N. Secretary-General Ban Ki-moon met Moon Jae-in and Chiang Kai-shek's heirs. The Iran-backed militia held Iraq-wide talks.")
        #expect(entity(result, "Ban Ki-moon")?.type == .person, "\(result.mentions.map(\.text))")
        #expect(entity(result, "Moon Jae-in")?.type == .person)
        #expect(surfaces(result).contains("Chiang Kai-shek"))
        #expect(entity(result, "Iran")?.canonicalKey == "country:IR")
        #expect(entity(result, "Iraq")?.canonicalKey == "country:IQ")
    }

    @Test("Xi is a family name, not a Roman numeral; Premier is a title; a legislator's party and state are no name")
    func titlesAndLabels() {
        let result = recognize("President Xi Jinping met Premier Li Keqiang. Sen. John McCain, R-Ariz., and Rep. Nancy Pelosi, D-N.Y., spoke.")
        #expect(surfaces(result) == ["Xi Jinping", "Li Keqiang", "John McCain", "Nancy Pelosi"], "\(result.mentions.map(\.text))")
        #expect(entity(result, "Li Keqiang")?.type == .person)
    }

    @Test("a name before a lowercase hyphenated tail: Iran-backed")
    func hyphenated() {
        let result = recognize("The Iran-backed militia and the U.S.-led coalition clashed with anti-Hezbollah groups.")
        #expect(entity(result, "Iran")?.canonicalKey == "country:IR")
        #expect(entity(result, "U.S.")?.canonicalKey == "country:US")
        #expect(surfaces(result).contains("Hezbollah"))
    }

    @Test("nested names: US inside US Army")
    func nested() throws {
        let body = "A retired US Army officer spoke."
        let result = recognize(body)
        let army = try #require(result.mentions.first { $0.text == "US Army" })
        let us = try #require(result.mentions.first { $0.text == "US" })
        #expect(result.entities[army.entityIndex].type == .organization)
        #expect(result.entities[us.entityIndex].canonicalKey == "country:US")
        #expect(army.span.contains(us.span))
        #expect(result.mentions.firstIndex(of: army)! < result.mentions.firstIndex(of: us)!)
    }

    @Test("an acronym defined in brackets is the same entity later")
    func acronym() {
        let result = recognize("He attacked the Mujahedin-e Khalq (MEK) in 2013. Later the MEK moved to another camp.")
        let full = entity(result, "Mujahedin-e Khalq")
        #expect(full != nil)
        #expect(full?.type == .organization)
        let mentions = result.mentions.filter { $0.text == "MEK" }
        #expect(mentions.count == 2)
        #expect(Set(mentions.map(\.entityIndex)).count == 1)
        #expect(mentions.first.map { result.entities[$0.entityIndex] } == full)
    }

    @Test("a bracketed acronym that does not abbreviate the name is not an alias")
    func acronymMismatch() {
        let result = recognize("BAGHDAD, Iraq (CNN) -- Two bombs exploded.")
        #expect(entity(result, "CNN")?.canonicalKey != entity(result, "Iraq")?.canonicalKey)
        #expect(entity(result, "BAGHDAD")?.name == "Baghdad")
    }

    @Test("a later surname is the person named in full; different people sharing a surname stay apart")
    func surname() {
        let result = recognize("Commander Qassem Soleimani was killed. Soleimani had led the force for years.")
        #expect(entity(result, "Soleimani") == entity(result, "Qassem Soleimani"))
        #expect(entity(result, "Qassem Soleimani")?.type == .person)
        #expect(!EntityKey.compatible("Ali Khamenei", "Mojtaba Khamenei", isPerson: true))
        #expect(EntityKey.compatible("Khamenei", "Ali Khamenei", isPerson: true))
    }

    @Test("titles type a person, stay out of the name, and a bare unique title refers back")
    func titles() {
        let result = recognize("Supreme Leader Ali Khamenei spoke on television. Later the Supreme Leader repeated it.")
        let khamenei = entity(result, "Ali Khamenei")
        #expect(khamenei?.type == .person)
        #expect(khamenei?.name == "Ali Khamenei")
        #expect(entity(result, "Supreme Leader") == khamenei)
    }

    @Test("a title inside a capitalised run: whose title it is before it, the person after it", arguments: [
        ("Defense Secretary Dick Cheney arrived.", "Dick Cheney", nil),
        ("FBI Director Louis Freeh arrived.", "Louis Freeh", "FBI"),
        ("Puerto Rico Police Superintendent Pedro Toledo arrived.", "Pedro Toledo", "Puerto Rico Police"),
        ("First Prime Minister Prince Norodom Ranariddh arrived.", "Norodom Ranariddh", nil),
        ("Deputy Attorney General Eric Holder arrived.", "Eric Holder", nil),
    ] as [(String, String, String?)])
    func innerTitles(sentence: String, person: String, owner: String?) {
        let result = recognize("The report came out. " + sentence)
        #expect(entity(result, person)?.type == .person, "\(result.mentions.map(\.text))")
        if let owner { #expect(entity(result, owner)?.type == .organization, "\(result.mentions.map(\.text))") }
        #expect(result.mentions.allSatisfy { $0.text == person || $0.text == owner }, "\(result.mentions.map(\.text))")
    }

    @Test("a place then a given name names two; a place word after a given name is a surname")
    func placeThenPerson() {
        let result = recognize("The report came out. He met the envoy to Kenya Mary Bushnell, Environment Minister Robert Hill "
            + "and troops of the U.S. Marine Corps in Dar es Salaam.")
        #expect(entity(result, "Kenya")?.type == .location)
        #expect(entity(result, "Mary Bushnell")?.type == .person)
        #expect(entity(result, "Robert Hill")?.type == .person)
        #expect(entity(result, "U.S. Marine Corps")?.type == .organization)
        #expect(entity(result, "Dar es Salaam")?.type == .location)
    }

    @Test("a title word inside a known name or a place's name does not cut it")
    func titleWordsInNames() {
        let result = recognize("John Major visited the Royal Prince Alfred Hospital in Sydney.")
        #expect(entity(result, "John Major")?.type == .person)
        #expect(entity(result, "Royal Prince Alfred Hospital")?.type == .organization)
        let opening = recognize("Shares of General Motors Acceptance Corp rose, and Gen. John Hill drove down King Fahd Road.")
        #expect(entity(opening, "General Motors Acceptance Corp")?.type == .organization)
        #expect(entity(opening, "John Hill")?.type == .person)
        #expect(entity(opening, "King Fahd Road")?.type == .location)
    }

    @Test("a middle initial joins a given name to the surname, and the surname alone refers back")
    func middleInitials() {
        let result = recognize("The deal was done, said Robert M. Price, the chairman. Price said no. Bush's son, George, came.")
        let price = entity(result, "Robert M. Price")
        #expect(price?.type == .person)
        #expect(entity(result, "Price") == price)
        #expect(entity(result, "George")?.type == .person)
    }

    @Test("names made of common words are not people; a frequent given name still makes one", arguments: [
        ("Officials at the Federal Reserve said so.", "Federal Reserve", EntityType.organization),
        ("Analysts said Home Shopping lost money.", "Home Shopping", .organization),
        ("Shares of the Vantor Savings rose.", "Vantor Savings", .organization),
        ("Earlier, Robert Gates said so.", "Robert Gates", .person),
    ])
    func commonWordNames(sentence: String, name: String, type: EntityType) {
        let result = recognize("The report came out. " + sentence)
        #expect(entity(result, name)?.type == type, "\(result.mentions.map(\.text))")
    }

    @Test("contractions are pronouns, never names")
    func contractions() {
        let result = recognize("\"We're sure,\" he said. \"I'm Nancy Marshall. They'll go, and we’ve seen it.\" Sa'd Hariri came.")
        #expect(surfaces(result) == ["Nancy Marshall", "Sa'd Hariri"], "\(result.mentions.map(\.text))")
    }

    @Test("nouns for a country's people are its group: Germans, Britons, Spaniards")
    func peopleNouns() {
        let result = recognize("Officials said Germans, Britons and Spaniards were told to leave. Messrs. Haldane and Corvo agreed.")
        #expect(entity(result, "Germans")?.name == "German")
        #expect(entity(result, "Britons")?.name == "British")
        #expect(entity(result, "Spaniards")?.type == .group)
        #expect(!surfaces(result).contains("Messrs"))
    }

    @Test("a dateline's capitals are a place; the word after its dash opens a sentence")
    func capitalsDateline() {
        let result = recognize("CAGUAS, Puerto Rico (AP) _ Kidnappers kept their promise. Forecasters say it will rain.")
        #expect(entity(result, "CAGUAS")?.type == .location)
        #expect(entity(result, "Puerto Rico")?.type == .location)
        #expect(!surfaces(result).contains("Kidnappers"))
        #expect(!surfaces(result).contains("Forecasters"))
    }

    @Test("an acronym's possessive ends the name: ABC's Jim Laurie is two names")
    func acronymPossessive() {
        let result = recognize("The report came out. ABC's Jim Laurie reports from Hong Kong.")
        #expect(entity(result, "ABC")?.type == .organization)
        #expect(entity(result, "Jim Laurie")?.type == .person)
    }

    @Test("types from context: organisation words, place words, roles and prepositions")
    func typesFromContext() {
        let result = recognize("Officials at the Ministry of Health and the Quds Force said fighters reached Camp Ashraf and the Green Zone.")
        #expect(entity(result, "Ministry of Health")?.type == .organization)
        #expect(entity(result, "Quds Force")?.type == .organization)
        #expect(entity(result, "Camp Ashraf")?.type == .location)
        #expect(entity(result, "Green Zone")?.type == .location)
        let person = recognize("The group's commander Tarim Velasco denied it.")
        #expect(entity(person, "Tarim Velasco")?.type == .person)
    }

    @Test("nationalities and religious groups are groups; plural and adjective are one entity")
    func groups() {
        let result = recognize("Iranians protested while Iranian officials met Shiite clerics and Zionist critics.")
        #expect(entity(result, "Iranians")?.type == .group)
        #expect(entity(result, "Iranians") == entity(result, "Iranian"))
        #expect(entity(result, "Shiite")?.type == .group)
        #expect(entity(result, "Zionist")?.type == .group)
        let hyphenless = recognize("Leaders of the Cuban Americans met Gulf Arab envoys.")
        #expect(entity(hyphenless, "Cuban Americans")?.type == .group)
        #expect(entity(hyphenless, "Gulf Arab")?.type == .group)
    }

    @Test("a storm's name is an event, also opening a sentence")
    func storms() {
        let result = recognize("The report came out. Hurricane Hugo hit the coast. Storm damage was heavy.")
        #expect(entity(result, "Hurricane Hugo")?.type == .event)
        #expect(!surfaces(result).contains("Storm"))
    }

    @Test("named events with a date or a capitalised name")
    func events() {
        let result = recognize("It recalled the 1979 Islamic revolution and the November 2019 uprising, not an attack in 2013.")
        #expect(entity(result, "1979 Islamic revolution")?.type == .event)
        #expect(entity(result, "November 2019 uprising")?.type == .event)
        #expect(!surfaces(result).contains("Islamic"))
    }

    @Test("Hebrew-script surfaces of known places and demonyms are aliases of them")
    func crossScript() {
        let result = recognize("איראן געשטיצטע איראקער מיליציע איראן'ס פראטעסטן.\nIran-backed Iraqi militias moved.")
        #expect(entity(result, "איראן")?.canonicalKey == "country:IR")
        #expect(entity(result, "איראן") == entity(result, "Iran"))
        #expect(entity(result, "איראקער")?.canonicalKey == entity(result, "Iraqi")?.canonicalKey)
        #expect(entity(result, "איראקער")?.type == .group)
        let pointed = recognize("איראַן")
        #expect(entity(pointed, "איראַן")?.canonicalKey == "country:IR")
    }

    @Test("scraped lines and title-case headlines name nothing by their capitals")
    func boilerplate() {
        let result = recognize("RELATED: Zorbani Vows To Fight On\nThe army entered Mosul on Sunday.")
        #expect(!surfaces(result).contains("Zorbani"))
        #expect(surfaces(result).contains("Mosul"))
    }

    @Test("UTF-16 offsets count non-BMP characters as two units")
    func utf16Offsets() throws {
        let body = "😀 Protests 🇮🇷 spread to Tehran ✊🏽 and Beirut."
        let result = recognize(body)
        let units = Array(body.utf16)
        for mention in result.mentions {
            let slice = String(decoding: units[mention.span.start..<mention.span.end], as: UTF16.self)
            #expect(slice == mention.text)
        }
        let tehran = try #require(result.mentions.first { $0.text == "Tehran" })
        #expect(tehran.span.start == (body as NSString).range(of: "Tehran").location)
        #expect(surfaces(result).contains("Beirut"))
    }

    @Test("mentions are ordered by start, longer first")
    func ordering() {
        let result = recognize("The United States Embassy in Baghdad and the US Army were named.")
        let spans = result.mentions.map(\.span)
        #expect(spans == spans.sorted())
    }

    // MARK: typing by context

    @Test("a place noun with 'of' before a name, or after it, makes it a place")
    func placeNouns() {
        let result = recognize("Troops entered the town of Varneth at noon. A convoy moved along the Korvash highway. "
            + "The blast hit a market just west of Talmira.")
        #expect(entity(result, "Varneth")?.type == .location)
        #expect(entity(result, "Korvash")?.type == .location)
        #expect(entity(result, "Talmira")?.type == .location)
    }

    @Test("an organisation's people around a name make it an organisation")
    func organizationCues() {
        let result = recognize("Dozens of Zarqun fighters withdrew overnight. A spokesman for Velhari denied the report.")
        #expect(entity(result, "Zarqun")?.type == .organization)
        #expect(entity(result, "Velhari")?.type == .organization)
    }

    @Test("'and his' after a lone name, or a plural kinship noun before it, makes it a person")
    func personCues() {
        let result = recognize("Witnesses saw Merovan and his driver leave. He named his brothers Tavik and Orlen.")
        #expect(entity(result, "Merovan")?.type == .person)
        #expect(entity(result, "Tavik")?.type == .person)
    }

    @Test("strong evidence of one mention types the entity; a weak 'to' does not override it")
    func evidenceStrength() {
        let result = recognize("The offensive was opposed to Kelvari from the start. Later, Kelvari fighters crossed the river.")
        #expect(entity(result, "Kelvari")?.type == .organization)
        let place = recognize("Officials said Dornath was quiet. Shops reopened in Dornath on the next day.")
        #expect(entity(place, "Dornath")?.type == .location)
    }

    @Test("an untyped name listed with known places is a place; a comma alone does not make a list")
    func listedWithPlaces() {
        let result = recognize("Shelling hit Aleppo and Varkesh and Homs. In Baghdad, Karvex reported heavy losses.")
        #expect(entity(result, "Varkesh")?.type == .location)
        #expect(entity(result, "Karvex")?.type != .location)
        let apposition = recognize("He cited the Syrian envoy to Washington, Tarek Velmani, in a lecture.")
        #expect(entity(apposition, "Tarek Velmani")?.type == .person)
    }

    @Test("capitals and large cities that English writes only capitalised are known places, even opening a sentence")
    func gazetteerCities() {
        let result = recognize("Jerusalem rejected it. Atlanta and Buffalo Wild Wings were named. Officials in Washington said no.")
        #expect(entity(result, "Jerusalem")?.type == .location)
        #expect(entity(result, "Atlanta")?.type == .location)
        #expect(entity(result, "Washington")?.type == .location)
        let states = recognize("Texas sued. A clinic in Birmingham, Ala., and one in Trenton, N.J., closed. England won.")
        for surface in ["Texas", "Ala", "N.J.", "England"] {
            #expect(entity(states, surface)?.type == .location, "\(surface): \(states.mentions.map(\.text))")
        }
        #expect(entity(states, "Ala")?.name == "Alabama")
    }

    @Test("a name set before a country at the end of a phrase is a place: 'Velmora, Lebanon -'")
    func dateline() {
        let result = recognize("Velmora, Lebanon - Residents returned to their homes.")
        #expect(entity(result, "Velmora")?.type == .location)
    }

    @Test("kunyas open person names; Arabic group and place heads type construct names")
    func arabicHeads() {
        let result = recognize("Fighters loyal to Abu Karimov met members of Jaish al-Tahrir near Ras al-Nahrat on the road.")
        #expect(entity(result, "Abu Karimov")?.type == .person)
        #expect(entity(result, "Jaish al-Tahrir")?.type == .organization)
        #expect(entity(result, "Ras al-Nahrat")?.type == .location)
    }

    @Test("organisation and place head words: International, Checkpoint")
    func headWords() {
        let result = recognize("Observers from Vantor International waited at Checkpoint 7 for hours.")
        #expect(entity(result, "Vantor International")?.type == .organization)
        #expect(entity(result, "Checkpoint 7")?.type == .location)
    }

    // MARK: spelling, brackets and possessives

    @Test("Arabic article and ending variants of lexicon places: Hilla for Al Hillah, Samawa for As Samawah")
    func spellingVariants() {
        let result = recognize("Pilgrims travelled from Hilla to Samawa and on to Diwaniyah.")
        #expect(entity(result, "Hilla")?.canonicalKey.hasPrefix("city:") == true)
        #expect(entity(result, "Samawa")?.canonicalKey.hasPrefix("city:") == true)
        #expect(entity(result, "Diwaniyah")?.canonicalKey.hasPrefix("city:") == true)
    }

    @Test("an acronym glossed in square brackets makes the name that acronym's entity")
    func squareBracketGloss() throws {
        let result = recognize("The Northern Liberation Front (NLF) advanced. He said Jabrut [NLF] was retreating. The NLF denied it.")
        let front = try #require(result.mentions.first { $0.text == "Northern Liberation Front" })
        let gloss = try #require(result.mentions.first { $0.text == "Jabrut" })
        let acronym = try #require(result.mentions.first { $0.text == "NLF" })
        #expect(gloss.entityIndex == front.entityIndex)
        #expect(acronym.entityIndex == front.entityIndex)
        let alone = recognize("Officials said Morvath [MLF] was retreating.")
        #expect(surfaces(alone).contains("Morvath"))
    }

    @Test("a common noun's possessive inside a name, unlike a known name's")
    func innerPossessive() {
        let result = recognize("Crowds gathered at the Soldier's Gate before noon. Iran's Supreme Leader spoke later.")
        #expect(entity(result, "Soldier's Gate")?.type == .location)
        #expect(entity(result, "Iran")?.canonicalKey == "country:IR")
        #expect(!surfaces(result).contains("Iran's Supreme Leader"))
    }

    @Test("UTF-16 offsets are exact after non-ASCII text of every width, and at ASCII-only bodies")
    func wideOffsets() {
        for body in ["Talks in Beirut ended.", "Café talks — “in Beirut” — ended 😀 in Beirut; ✊🏽 Tehran."] {
            let text = AnalyzedText(body: body)
            let units = Array(body.utf16)
            #expect(text.utf16Count == units.count)
            for mention in recognize(body).mentions {
                #expect(String(decoding: units[mention.span.start..<mention.span.end], as: UTF16.self) == mention.text)
            }
            let table = text.utf16Offsets
            #expect(table.count == text.bytes.count + 1)
            for index in text.bytes.indices where text.bytes[index] & 0xC0 != 0x80 {
                let prefix = String(decoding: text.bytes[..<index], as: UTF8.self)
                #expect(Int(table[index]) == prefix.utf16.count)
                #expect(text.span(index..<index).start == prefix.utf16.count)
            }
            #expect(Int(table[text.bytes.count]) == units.count)
        }
    }
}

