import DossierModel
import Testing

@Suite("TextFolding")
struct TextFoldingTests {
    @Test("folds case, accents, apostrophes and whitespace", arguments: [
        ("Khamenei", "khamenei"),
        ("  Ali  KHĀMENEI’s ", "ali khamenei's"),
        ("Mujahedin-e Khalq", "mujahedin-e khalq"),
        ("Zürich\tCity", "zurich city"),
        ("שָׁלוֹם", "שלום"),
        ("مُحَمَّد", "محمد"),
        ("איראן", "איראן"),
        ("", ""),
    ])
    func folds(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test("a folded prefix of a name is a prefix of the folded name")
    func prefixes() {
        #expect(TextFolding.fold("Supreme Leader Ali Khamenei").hasPrefix(TextFolding.fold("SUPRÊME lead")))
    }
}
