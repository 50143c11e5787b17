import DossierExtraction
import DossierModel
import Foundation

/// Entity scores computed as eval/score.py computes them: a predicted entity is correct when its name or any
/// alias equals (normalised) a name or alias of a gold entity of the scored types; precision over predictions,
/// recall over gold entities hit; `split` counts gold entities named in two or more articles whose hits carry
/// more than one predicted id (id = type + ":" + canonical key, as dossier-extract prints them).
struct EntityScore {
    var predicted = 0, correct = 0, gold = 0, hit = 0, typed = 0
    var falseHits: [String] = []
    var missed: [String] = []

    var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    var recall: Double { gold == 0 ? 0 : Double(hit) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    var typeAccuracy: Double { correct == 0 ? 0 : Double(typed) / Double(correct) }

    static func + (lhs: EntityScore, rhs: EntityScore) -> EntityScore {
        EntityScore(predicted: lhs.predicted + rhs.predicted, correct: lhs.correct + rhs.correct, gold: lhs.gold + rhs.gold,
                    hit: lhs.hit + rhs.hit, typed: lhs.typed + rhs.typed, falseHits: lhs.falseHits + rhs.falseHits,
                    missed: lhs.missed + rhs.missed)
    }
}

/// One predicted entity as the scorer sees it: its id, type and every surface.
struct ScoredEntity {
    var id: String
    var type: String
    var forms: Set<String>
    var name: String
}

enum EntityScoring {
    static let mainTypes: Set<String> = ["person", "organization", "location"]

    /// The article text the extraction tests feed: the seed file minus a leading `date YYYY-MM-DD` header and
    /// trailing boilerplate lines (at most three words, no sentence punctuation), as the ingest parser does.
    static func body(ofSeed raw: String) -> String {
        var text = Substring(raw)
        let trimmed = text.drop(while: { $0 == " " || $0 == "\n" })
        if trimmed.hasPrefix("date "), trimmed.count >= 15 {
            text = trimmed.dropFirst(15).drop(while: { $0 == " " || $0 == "\n" })
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last {
            let words = last.split(separator: " ")
            let punctuated = last.contains { ".!?:;,".contains($0) }
            if words.count <= 3 && !punctuated { lines.removeLast() } else { break }
        }
        return lines.joined(separator: "\n")
    }

    static func entities(of result: ExtractionResult) -> [ScoredEntity] {
        result.entities.enumerated().map { index, entity in
            let surfaces = result.mentions.filter { $0.entityIndex == index }.map(\.text)
            let forms = Set(([entity.name] + surfaces).map(ScoreNormalization.normalize).filter { !$0.isEmpty })
            return ScoredEntity(id: entity.type.rawValue + ":" + entity.canonicalKey, type: entity.type.rawValue, forms: forms,
                                name: entity.name)
        }
    }

    static func forms(_ entity: GoldArticle.Entity) -> Set<String> {
        Set(([entity.name] + entity.aliases).map(ScoreNormalization.normalize).filter { !$0.isEmpty })
    }

    static func score(gold: [GoldArticle.Entity], predicted: [ScoredEntity], types: Set<String>) -> EntityScore {
        let goldOfType = gold.filter { types.contains($0.type) }
        let predictedOfType = predicted.filter { types.contains($0.type) }
        var index: [String: Set<Int>] = [:]
        for (position, entity) in goldOfType.enumerated() {
            for form in forms(entity) { index[form, default: []].insert(position) }
        }
        var score = EntityScore(predicted: predictedOfType.count, gold: goldOfType.count)
        var hit = Set<Int>()
        for entity in predictedOfType {
            let matches = entity.forms.reduce(into: Set<Int>()) { $0.formUnion(index[$1] ?? []) }
            if matches.isEmpty { score.falseHits.append("\(entity.name) (\(entity.type))"); continue }
            score.correct += 1
            hit.formUnion(matches)
            if matches.contains(where: { goldOfType[$0].type == entity.type }) { score.typed += 1 }
        }
        score.hit = hit.count
        score.missed = goldOfType.indices.filter { !hit.contains($0) }.map { "\(goldOfType[$0].name) (\(goldOfType[$0].type))" }
        return score
    }

    /// Gold entity names (normalised) found in two or more articles whose hits carry more than one predicted id.
    static func splits(_ articles: [(gold: GoldArticle, predicted: [ScoredEntity])]) -> [String] {
        var byName: [String: [(Int, GoldArticle.Entity)]] = [:]
        for (position, article) in articles.enumerated() {
            for entity in article.gold.entities { byName[ScoreNormalization.normalize(entity.name), default: []].append((position, entity)) }
        }
        var result: [String] = []
        for (name, occurrences) in byName.sorted(by: { $0.key < $1.key }) where Set(occurrences.map(\.0)).count >= 2 {
            var ids = Set<String>()
            for (position, entity) in occurrences {
                let goldForms = forms(entity)
                for predicted in articles[position].predicted where !predicted.forms.isDisjoint(with: goldForms) { ids.insert(predicted.id) }
            }
            if ids.count > 1 { result.append("\(name): \(ids.sorted())") }
        }
        return result
    }
}
