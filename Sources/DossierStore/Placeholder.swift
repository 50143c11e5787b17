public enum DossierStorePlaceholder { static let count = EmbeddedFiles.files.count }
