import DossierExtraction
import DossierModel
import Testing

@Suite("Extractor: entities and dates together")
struct ExtractorTests {
    @Test("a date expression is never an entity, however capitalised; names around it stay")
    func holidaysAreNoEntities() {
        let body = "On Thanksgiving Day, crowds gathered in Miami. Voters in Ohio queued on Election Day 1992. "
            + "On New Year's Eve police arrived in Baghdad. April Glaspie met Saddam Hussein in April."
        let result = Extractor().extract(body: body, publishedAt: CalendarDate(iso: "1995-10-25"))
        let surfaces = Set(result.mentions.map(\.text))
        #expect(surfaces.isSuperset(of: ["Miami", "Ohio", "Baghdad", "April Glaspie", "Saddam Hussein"]), "\(surfaces)")
        let dates = result.events.map(\.text)
        #expect(dates == ["Thanksgiving Day", "Election Day 1992", "New Year's Eve", "April"], "\(dates)")
        // No mention lies inside a date, and the entity list was renumbered with the mentions.
        for mention in result.mentions {
            #expect(!result.events.contains { $0.span.contains(mention.span) }, "\(mention.text)")
            #expect(result.entities.indices.contains(mention.entityIndex))
        }
        for index in result.entities.indices {
            #expect(result.mentions.contains { $0.entityIndex == index }, "\(result.entities[index].name) has no mention")
        }
        #expect(result.entities.first { $0.name == "Saddam Hussein" }?.type == .person)
    }
}
