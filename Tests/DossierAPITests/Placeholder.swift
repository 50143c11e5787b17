import Testing

@Test func placeholderDossierAPITests() { #expect(Bool(true)) }
