import DossierStore
import Testing

@Suite("FullTextQuery")
struct QueryFullTextTests {
    @Test("re-serialises every term quoted", arguments: [
        ("iran", #""iran""#),
        ("iran protests", #"("iran" AND "protests")"#),
        (#""supreme leader" OR khamenei"#, #"("supreme leader" OR "khamenei")"#),
        ("protest*", #""protest" *"#),
        ("iran NOT iraq", #"("iran" NOT "iraq")"#),
        ("a OR b c", #"("a" OR ("b" AND "c"))"#),
        ("(a OR b) AND c", #"(("a" OR "b") AND "c")"#),
        ("NEAR", #""NEAR""#),
        ("col:umn", #""col:umn""#),
        ("mujahedin-e", #""mujahedin-e""#),
        ("and or not", #"(("and" AND "or") AND "not")"#),
        (#""a""b"#, nil),
    ] as [(String, String?)])
    func serialises(input: String, expected: String?) {
        let result = try? FullTextQuery.parse(input).fts5Expression
        #expect(result == expected)
    }

    @Test("refuses malformed queries", arguments: [
        #""unterminated"#, "NEAR(", "*", "-", "a AND", "OR b", "NOT a", "(a", "a)", "a**", "a*b", "", "   ", #""""#, "( )",
        String(repeating: "a ", count: 40), String(repeating: "x", count: 600),
    ])
    func refuses(input: String) {
        #expect(throws: FullTextQuery.ParseError.self) { try FullTextQuery.parse(input) }
    }
}
