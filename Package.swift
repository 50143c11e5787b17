// swift-tools-version:6.1
import PackageDescription

/// Dossier: a self-hosted news-intelligence API.
///
/// Targets point one way: CLI → API → (HTTPServer, Store, Ingest) → (SQLiteDB, Extraction) → Model.
/// `HTTPServer` and `SQLiteDB` are generic and import no `Dossier*` module.
let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["DossierCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.11.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // Build-time embedding of data files (migrations, lexicons) as Swift string literals,
        // so no resource bundle is needed at run time.
        .executableTarget(name: "dossier-embed", path: "Sources/dossier-embed"),
        .plugin(name: "EmbedFilesPlugin", capability: .buildTool(), dependencies: ["dossier-embed"]),

        // Generic layers.
        .target(name: "SQLiteDB", dependencies: ["CSQLite"]),
        .target(name: "HTTPServer", dependencies: ["CZlib"]),

        // Dossier.
        .target(name: "DossierModel"),
        .target(
            name: "DossierExtraction",
            dependencies: ["DossierModel"],
            exclude: ["Lexicon"],
            plugins: ["EmbedFilesPlugin"]
        ),
        .target(
            name: "DossierStore",
            dependencies: [
                "DossierModel", "SQLiteDB",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedFilesPlugin"]
        ),
        .target(
            name: "DossierIngest",
            dependencies: [
                "DossierModel", "DossierExtraction", "DossierStore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "DossierAPI",
            dependencies: [
                "DossierModel", "DossierStore", "DossierIngest", "HTTPServer",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "DossierCLI",
            dependencies: [
                "DossierModel", "DossierStore", "DossierIngest", "DossierAPI", "HTTPServer", "SQLiteDB",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Extraction alone, for measurement (benchmarks/extract.sh, benchmarks/quality.sh).
        .executableTarget(
            name: "dossier-extract",
            dependencies: ["DossierExtraction", "DossierIngest", "DossierModel"],
            path: "Sources/dossier-extract"
        ),

        // Tests: one target per module, plus end-to-end tests against the real binary and sockets.
        // Shared test helpers (temporary folders, a database filled with raw SQL) live in one support target.
        .target(
            name: "DossierTestSupport",
            dependencies: ["DossierModel", "DossierStore", "SQLiteDB"],
            path: "Tests/DossierTestSupport"
        ),
        .testTarget(name: "SQLiteDBTests", dependencies: ["DossierTestSupport", "SQLiteDB"]),
        .target(name: "HTTPTestSupport", path: "Tests/HTTPTestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPTestSupport", "HTTPServer"]),
        .testTarget(name: "DossierModelTests", dependencies: ["DossierModel"]),
        .testTarget(
            name: "DossierExtractionTests",
            dependencies: [
                "DossierExtraction", "DossierModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "DossierStoreTests", dependencies: ["DossierTestSupport", "DossierStore", "SQLiteDB", "DossierModel"]),
        .testTarget(name: "DossierIngestTests", dependencies: ["DossierTestSupport", "DossierIngest", "DossierStore", "DossierModel"]),
        .testTarget(
            name: "DossierAPITests",
            dependencies: ["DossierTestSupport", 
                "DossierAPI", "DossierStore", "DossierIngest", "HTTPServer", "DossierModel",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["HTTPTestSupport", "DossierTestSupport", 
                "DossierCLI", "DossierAPI", "DossierIngest", "DossierStore", "SQLiteDB", "HTTPServer",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
