import Testing

@Test func placeholderDossierStoreTests() { #expect(Bool(true)) }
