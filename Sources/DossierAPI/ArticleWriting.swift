import DossierIngest
import DossierModel
import DossierStore

/// The write side the API calls: the same ingest path as the CLI, and deletion.
///
/// An `IngestError` whose reason is an invalid field is a 400 naming the field; any other error is a 500 logged
/// with the request id.
public protocol ArticleWriting: Sendable {
    func ingest(_ input: ArticleInput) throws -> IngestOutcome
    /// Deletes the article with `id` and what hangs off it; false when there is none.
    func deleteArticle(id: String) throws -> Bool
}

/// The production writer: `Ingestor` (extraction, then one store transaction) and `DossierStore.deleteArticle`.
public struct IngestorWriter: ArticleWriting {
    public let ingestor: Ingestor

    public init(store: DossierStore) {
        self.ingestor = Ingestor(store: store)
    }

    public func ingest(_ input: ArticleInput) throws -> IngestOutcome {
        try ingestor.ingest(input, origin: "request body")
    }

    public func deleteArticle(id: String) throws -> Bool {
        try ingestor.store.deleteArticle(id: id)
    }
}
