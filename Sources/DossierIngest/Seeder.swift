import DossierStore
import Foundation

/// Ingests the default corpus once per database.
///
/// The `seeded` meta key records that it happened, so deleting every article later does not bring the seeds back.
public struct Seeder: Sendable {
    public enum Outcome: Sendable, Equatable {
        case alreadySeeded
        case seeded(created: Int, failed: Int)
        /// No seeds folder: nothing ingested, nothing recorded (a later start with the folder will seed).
        case noSeedsFolder(String)
    }

    public let store: DossierStore

    public init(store: DossierStore) {
        self.store = store
    }

    public func seedIfNeeded(folder: String) throws -> (Outcome, IngestReport?) {
        if try store.metaValue("seeded") != nil { return (.alreadySeeded, nil) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (.noSeedsFolder(folder), nil)
        }
        let report = BatchIngestor(ingestor: Ingestor(store: store)).run(paths: [folder])
        try store.setMetaValue("seeded", ArticleWriter.instant(Date()))
        return (.seeded(created: report.created + report.updated + report.unchanged, failed: report.failures.count), report)
    }
}
