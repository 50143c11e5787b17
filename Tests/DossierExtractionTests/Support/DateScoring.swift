import DossierExtraction
import DossierModel
import Foundation

/// Date scoring as eval/score.py does it: a prediction matches a gold date when one normalised text contains
/// the other at word boundaries; value accuracy counts matched gold dates whose best prediction (exact text
/// first, then the largest length ratio, then an equal value) has the same start and end.
struct DateScore {
    var predicted = 0
    var predictedMatching = 0
    var gold = 0
    var goldMatched = 0
    var valueCorrect = 0
    var misses: [String] = []

    var precision: Double { predicted == 0 ? 1 : Double(predictedMatching) / Double(predicted) }
    var recall: Double { gold == 0 ? 1 : Double(goldMatched) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    var valueAccuracy: Double { goldMatched == 0 ? 1 : Double(valueCorrect) / Double(goldMatched) }

    mutating func add(gold golds: [GoldArticle.DateAnnotation], predicted events: [ExtractedEvent]) {
        predicted += events.count
        gold += golds.count
        let predictedTexts = events.map { ScoreNormalization.normalize($0.text) }
        var predictionMatches = [Bool](repeating: false, count: events.count)
        for annotation in golds {
            let goldText = ScoreNormalization.normalize(annotation.text)
            var best: (exact: Int, ratio: Double, same: Int)?
            for (index, event) in events.enumerated() {
                let text = predictedTexts[index]
                guard !goldText.isEmpty, !text.isEmpty,
                      DateScore.contains(goldText, text) || DateScore.contains(text, goldText) else { continue }
                predictionMatches[index] = true
                let same = event.interval?.start.iso == annotation.start && event.interval?.end.iso == annotation.end
                let key = (exact: goldText == text ? 1 : 0,
                           ratio: Double(min(goldText.count, text.count)) / Double(max(goldText.count, text.count)),
                           same: same ? 1 : 0)
                if best.map({ key > $0 }) ?? true { best = key }
            }
            guard let best else {
                misses.append("missed \(annotation.text)")
                continue
            }
            goldMatched += 1
            if best.same == 1 { valueCorrect += 1 } else { misses.append("value of \(annotation.text)") }
        }
        predictedMatching += predictionMatches.filter { $0 }.count
    }

    /// `small` occurs in `big`, not inside a longer word or number ("january 3" is not in "january 30").
    static func contains(_ big: String, _ small: String) -> Bool {
        let haystack = Array(big.unicodeScalars), needle = Array(small.unicodeScalars)
        guard needle.count <= haystack.count else { return false }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            let end = start + needle.count
            if (start == 0 || !isWordScalar(haystack[start - 1])) && (end == haystack.count || !isWordScalar(haystack[end])) {
                return true
            }
        }
        return false
    }
}

