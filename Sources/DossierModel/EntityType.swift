/// The kinds of named entity Dossier tracks (API.md, "Entity").
///
/// `person`, `organization` and `location` make up the main extraction score; `group` covers nationalities and
/// religious or political groups ("Iranian", "Shiite"), `event` named events ("the 1979 Islamic revolution").
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case person
    case organization
    case location
    case group
    case event

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
