import Testing

@Test func placeholderDossierExtractionTests() { #expect(Bool(true)) }
