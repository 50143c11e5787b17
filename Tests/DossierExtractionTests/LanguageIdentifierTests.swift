import DossierExtraction
import DossierModel
import Testing

@Suite("Language identification")
struct LanguageIdentifierTests {
    let identifier = LanguageIdentifier()

    func top(_ text: String) -> String? { identifier.identify(AnalyzedText(body: text)).first?.code }

    @Test("tells apart Latin-script languages by their frequent words", arguments: [
        ("The protests that we have seen in the country are of great concern to the government.", "en"),
        ("Les manifestations que nous avons vues dans le pays sont une grande préoccupation pour le gouvernement.", "fr"),
        ("Die Proteste, die wir in dem Land gesehen haben, sind für die Regierung eine große Sorge.", "de"),
        ("Las protestas que hemos visto en el país son una gran preocupación para el gobierno.", "es"),
        ("Le proteste che abbiamo visto nel paese sono una grande preoccupazione per il governo.", "it"),
    ])
    func latin(text: String, code: String) {
        #expect(top(text) == code)
    }

    @Test("tells apart Cyrillic, Arabic-script and Hebrew-script languages", arguments: [
        ("Протесты, которые мы видели в стране, вызывают большую озабоченность правительства.", "ru"),
        ("الاحتجاجات التي شهدناها في البلاد هي مصدر قلق كبير للحكومة.", "ar"),
        ("اعتراضاتی که در کشور دیدیم برای دولت نگرانی بزرگی است و مردم گفتند که چه می‌خواهند.", "fa"),
        ("ملک میں ہم نے جو مظاہرے دیکھے ہیں وہ حکومت کے لیے بڑی تشویش کا باعث ہیں۔", "ur"),
        ("ההפגנות שראינו במדינה הן דאגה גדולה לממשלה של המדינה.", "he"),
        ("די פראטעסטן וואס מיר האבן געזען אין לאנד זיינען א גרויסע זארג פאר דער רעגירונג.", "yi"),
    ])
    func otherScripts(text: String, code: String) {
        #expect(top(text) == code)
    }

    @Test("a Yiddish headline over an English body gives en first, then yi, shares summing to 1")
    func mixed() {
        let text = "איראן געשטיצטע איראקער מיליציע סיגנאלירן שטיצע פאר אונטערדריקן איראן'ס פראטעסטן.\n"
            + "Iran-backed Iraqi militias are signaling their willingness to assist Tehran in confronting ongoing protests."
        let shares = identifier.identify(AnalyzedText(body: text))
        #expect(shares.map(\.code) == ["en", "yi"])
        #expect(abs(shares.reduce(0) { $0 + $1.share } - 1) < 1e-9)
    }

    @Test("text without letters is English by default")
    func empty() {
        #expect(identifier.identify(AnalyzedText(body: "2020 — 123")).map(\.code) == ["en"])
    }
}
