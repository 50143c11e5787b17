import DossierAPI
import Testing

@Suite("APIConfiguration from the environment")
struct APIConfigurationTests {
    @Test("full-text ranking covers every match unless a positive block size is set")
    func searchRankBlock() {
        #expect(APIConfiguration.fromEnvironment([:]).searchRankBlock == nil)
        #expect(APIConfiguration.fromEnvironment(["DOSSIER_SEARCH_RANK_BLOCK": " 500 "]).searchRankBlock == 500)
        #expect(APIConfiguration.fromEnvironment(["DOSSIER_SEARCH_RANK_BLOCK": "0"]).searchRankBlock == nil)
        #expect(APIConfiguration.fromEnvironment(["DOSSIER_SEARCH_RANK_BLOCK": "many"]).searchRankBlock == nil)
    }

    @Test("token, origins and cache budget")
    func otherSettings() {
        let configuration = APIConfiguration.fromEnvironment([
            "DOSSIER_API_TOKEN": "secret", "DOSSIER_CORS_ORIGINS": "https://a.example, https://b.example",
            "DOSSIER_RESPONSE_CACHE_BYTES": "0",
        ])
        #expect(configuration.apiToken == "secret")
        #expect(configuration.corsOrigins == ["https://a.example", "https://b.example"])
        #expect(configuration.responseCacheBytes == 0)
        #expect(APIConfiguration.fromEnvironment(["DOSSIER_CORS_ORIGINS": "*"]).corsOrigins == nil)
    }
}
