import DossierExtraction
import DossierModel
import Testing

@Suite("Entity extraction on the seed gold")
struct EntityGoldTests {
    struct Scored {
        var main = EntityScore(), group = EntityScore(), event = EntityScore()
        var splits: [String] = []
    }

    static func scoreSeeds() throws -> Scored {
        let extractor = Extractor()
        var scored = Scored()
        var articles: [(gold: GoldArticle, predicted: [ScoredEntity])] = []
        for (gold, raw) in try GoldCorpus.load() {
            let result = extractor.extract(body: EntityScoring.body(ofSeed: raw), publishedAt: nil)
            let predicted = EntityScoring.entities(of: result)
            scored.main = scored.main + EntityScoring.score(gold: gold.entities, predicted: predicted, types: EntityScoring.mainTypes)
            scored.group = scored.group + EntityScoring.score(gold: gold.entities, predicted: predicted, types: ["group"])
            scored.event = scored.event + EntityScoring.score(gold: gold.entities, predicted: predicted, types: ["event"])
            articles.append((gold, predicted))
        }
        scored.splits = EntityScoring.splits(articles)
        return scored
    }

    @Test("person, organization and location reach F1 0.95 on the seeds")
    func mainF1() throws {
        let scored = try Self.scoreSeeds()
        #expect(scored.main.f1 >= 0.95, "P=\(scored.main.precision) R=\(scored.main.recall) false: \(scored.main.falseHits) missed: \(scored.main.missed)")
        #expect(scored.main.typeAccuracy >= 0.9, "type accuracy \(scored.main.typeAccuracy)")
    }

    @Test("groups reach F1 0.8 on the seeds")
    func groupF1() throws {
        let scored = try Self.scoreSeeds()
        #expect(scored.group.f1 >= 0.8, "false: \(scored.group.falseHits) missed: \(scored.group.missed)")
    }

    @Test("named events are found on the seeds")
    func eventF1() throws {
        let scored = try Self.scoreSeeds()
        #expect(scored.event.f1 >= 0.6, "false: \(scored.event.falseHits) missed: \(scored.event.missed)")
    }

    @Test("no gold entity named in several seeds is split over several entities")
    func noSplit() throws {
        let scored = try Self.scoreSeeds()
        #expect(scored.splits.isEmpty, "\(scored.splits)")
    }
}
