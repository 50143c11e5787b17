import Testing

@Test func placeholderDossierIngestTests() { #expect(Bool(true)) }
