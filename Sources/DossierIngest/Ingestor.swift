import Crypto
import DossierExtraction
import DossierModel
import DossierStore
import Foundation

/// An article made ready for the store, or one whose outcome is already known (a body stored before).
public enum PreparedArticle: Sendable {
    case record(ArticleRecord)
    case known(IngestOutcome)
}

/// The one ingest path, shared by `dossier ingest`, seeding and `POST /v1/articles`: article → extraction →
/// one store transaction.
public struct Ingestor: Sendable {
    public let store: DossierStore
    private let extractor: Extractor

    public init(store: DossierStore, extractor: Extractor = Extractor()) {
        self.store = store
        self.extractor = extractor
    }

    /// Ingests a JSON record. Without an id, a body already stored answers the existing article (`unchanged`);
    /// otherwise the id comes from the content hash.
    public func ingest(_ input: ArticleInput, origin: String = "request", line: Int? = nil) throws -> IngestOutcome {
        try store(prepare(input, origin: origin, line: line), origin: origin, line: line)
    }

    /// Ingests a parsed article under its id.
    public func ingest(_ article: ArticleText, origin: String, line: Int? = nil) throws -> IngestOutcome {
        try store(prepare(article), origin: origin, line: line)
    }

    /// Validates a JSON record, settles its id and runs extraction; a body already stored under no given id is
    /// answered at once.
    public func prepare(_ input: ArticleInput, origin: String, line: Int?) throws -> PreparedArticle {
        let body = ArticleTextParser.cleanBody(input.body)
        guard !body.isEmpty else { throw IngestError(file: origin, line: line, reason: .invalidField(name: "body", problem: "is empty")) }
        let hash = Ingestor.contentHash(body)
        let id: String
        if let given = input.id {
            guard ArticleTextParser.isValidID(given) else {
                throw IngestError(file: origin, line: line, reason: .invalidField(
                    name: "id", problem: "must be 1–200 characters of A–Z, a–z, 0–9, '.', '_' or '-'"))
            }
            id = given
        } else if let existing = try store.read({ try $0.scalar(String.self, sql: "SELECT id FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1", arguments: [hash]) }) {
            return .known(IngestOutcome(articleID: existing, status: .unchanged))
        } else {
            id = "a" + String(hash.prefix(16))
        }
        let title = input.title.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } ?? ArticleTextParser.title(of: body)
        let text = ArticleText(id: id, title: title, body: body, publishedAt: input.publishedAt, source: input.source, language: input.language)
        return .record(makeRecord(text, contentHash: hash))
    }

    /// Runs extraction over a parsed article.
    public func prepare(_ article: ArticleText) -> PreparedArticle {
        .record(makeRecord(article, contentHash: Ingestor.contentHash(article.body)))
    }

    private func store(_ prepared: PreparedArticle, origin: String, line: Int?) throws -> IngestOutcome {
        switch prepared {
        case .known(let outcome):
            return outcome
        case .record(let record):
            do {
                return IngestOutcome(articleID: record.id, status: try store.upsert(record))
            } catch {
                throw IngestError(file: origin, line: line, reason: .storage(String(describing: error)))
            }
        }
    }

    /// Runs extraction and shapes the result for the store.
    public func makeRecord(_ article: ArticleText, contentHash: String) -> ArticleRecord {
        let result = extractor.extract(body: article.body, publishedAt: article.publishedAt)
        let publishedAt = article.publishedAt ?? result.inferredPublishedAt
        let source: PublishedAtSource? = article.publishedAt != nil ? .header : (publishedAt != nil ? .inferred : nil)
        var languages = result.languages
        var language = result.language
        if let given = article.language?.lowercased(), !given.isEmpty {
            language = given
            if !languages.contains(where: { $0.code == given }) { languages = [LanguageShare(code: given, share: 1)] }
        }
        return ArticleRecord(
            id: article.id, title: article.title, body: article.body, publishedAt: publishedAt, publishedAtSource: source,
            language: language, languages: languages, source: article.source,
            wordCount: Ingestor.wordCount(article.body), contentHash: contentHash,
            entities: result.entities,
            mentions: result.mentions,
            events: result.events.map { event in
                ArticleRecord.Event(
                    interval: event.interval, precision: event.precision, text: event.text, span: event.span,
                    resolution: event.resolution, anchor: event.anchor, sentence: event.sentenceIndex,
                    summary: result.sentenceTexts.indices.contains(event.sentenceIndex) ? result.sentenceTexts[event.sentenceIndex] : event.text,
                    entityIndexes: event.entityIndexes)
            })
    }

    /// SHA-256 hex of the body's UTF-8 (API.md `contentHash`).
    public static func contentHash(_ body: String) -> String {
        SHA256.hash(data: Array(body.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Words: maximal runs of non-whitespace.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
