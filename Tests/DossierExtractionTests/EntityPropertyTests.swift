import DossierExtraction
import DossierModel
import Foundation
import PropertyBased
import Testing

/// Properties of entity recognition over generated texts that mix the shapes its rules look at: titles inside
/// names, initials, contractions, datelines, possessives, hyphens, other scripts and stray punctuation.
@Suite("EntityRecognizer properties")
struct EntityPropertyTests {
    static let fragments: [String] = [
        "CAGUAS,", "Puerto Rico", "(AP)", "_", "—", "-", "Defense Secretary", "Dick Cheney", "FBI Director", "Louis Freeh",
        "Robert M.", "Price", "Gen.", "John R. Allen", "I'm", "We're", "They’ll", "Sa'd", "ABC's", "Jim Laurie",
        "Iran-backed", "al-Assad", "Hashd al-Sha'bi", "Dar es Salaam", "Kenya", "Mary", "Bushnell", "General Motors",
        "Corp", "Hurricane", "Hugo", "Cuban", "Americans", "Forecasters", "Federal Reserve", "Texas", "Ala.", "N.J.",
        "איראַן", "إيران", "🙂", "\"", "“", "”", ",", ".", "said", "the", "of", "and", "in", "M.", "Messrs.", "'s", "’",
        "\n", "Supreme Leader", "Ali Khamenei", "U.S.", "Embassy in", "Baghdad", "Royal Prince", "Alfred Hospital",
    ]

    static func text(_ picks: [Int]) -> String {
        picks.map { fragments[$0] }.joined(separator: " ")
    }

    @Test("every mention lies inside the text, is the text it spans, and names an entity of the result")
    func mentionsInBounds() async {
        let recognizer = EntityRecognizer()
        await propertyCheck(count: 400, input: Gen.int(in: 0..<EntityPropertyTests.fragments.count).array(of: 1...24)) { picks in
            let body = EntityPropertyTests.text(picks)
            let units = Array(body.utf16)
            let result = recognizer.recognize(AnalyzedText(body: body))
            var previous = TextSpan(start: 0, end: 0)
            for mention in result.mentions {
                #expect(mention.span.start >= 0 && mention.span.start < mention.span.end && mention.span.end <= units.count,
                        "\(mention.span) in \(body.debugDescription)")
                guard mention.span.start >= 0, mention.span.end <= units.count, mention.span.start < mention.span.end else { continue }
                let spanned = String(decoding: units[mention.span.start..<mention.span.end], as: UTF16.self)
                #expect(spanned == mention.text, "\(mention.text) at \(mention.span) in \(body.debugDescription)")
                #expect(result.entities.indices.contains(mention.entityIndex))
                #expect(mention.span.start >= previous.start, "mentions out of order in \(body.debugDescription)")
                previous = mention.span
            }
        }
    }

    @Test("the same text always gives the same entities")
    func deterministic() async {
        let recognizer = EntityRecognizer()
        await propertyCheck(count: 150, input: Gen.int(in: 0..<EntityPropertyTests.fragments.count).array(of: 1...24)) { picks in
            let body = EntityPropertyTests.text(picks)
            let once = recognizer.recognize(AnalyzedText(body: body))
            let twice = recognizer.recognize(AnalyzedText(body: body))
            #expect(once.mentions == twice.mentions)
            #expect(once.entities.map(\.name) == twice.entities.map(\.name))
        }
    }
}
