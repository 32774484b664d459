// swift-tools-version: 6.0
import PackageDescription

// Targets are layered and import one way only (see README.md, "Architecture"):
// CCurl <- TelegramBotAPI; TipAnalysis; ChatExport; CCrypto <- SenaniStore (GRDB, TipAnalysis); CCairo <- DigestChart;
// SenaniBot (all of them); senani (CLI).
let package = Package(
    name: "senani",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "senani", targets: ["senani"]),
        .executable(name: "senani-bench", targets: ["senani-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "TelegramBotAPI",
            dependencies: [
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .target(name: "DigestChart", dependencies: ["CCairo"]),
        // libcrypto for the install key: HMAC pseudonyms, AES-256-GCM for the few ids a relay must keep.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Optimised in debug builds too: the test suite retrains the model on the whole corpus (to check the
        // committed weights) and reads thousands of tips; unoptimised, that alone held one of two cores for the whole
        // run and made the timed waits of other suites flaky. Same code, same floating-point results.
        .target(name: "TipAnalysis", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Streams a Telegram Desktop chat export (result.json) one message at a time; Foundation only.
        .target(name: "ChatExport"),
        .target(
            name: "SenaniStore",
            dependencies: [
                "TipAnalysis",
                "CCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "SenaniBot",
            dependencies: [
                "TelegramBotAPI",
                "TipAnalysis",
                "SenaniStore",
                "ChatExport",
                "DigestChart",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "senani",
            dependencies: [
                "SenaniBot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "senani-bench",
            dependencies: [
                "SenaniBot", "SenaniTestSupport", "TipAnalysis", "DigestChart", "ChatExport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "senani-train",
            dependencies: ["TipAnalysis"]
        ),
        .target(
            name: "SenaniTestSupport",
            dependencies: [
                "TelegramBotAPI", .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "TelegramBotAPITests",
            dependencies: [
                "TelegramBotAPI", "SenaniTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DigestChartTests",
            dependencies: ["DigestChart", "CCairo"]
        ),
        .testTarget(
            name: "TipAnalysisTests",
            dependencies: ["TipAnalysis", "SenaniTestSupport"],
            resources: [.copy("Corpus")]
        ),
        .testTarget(
            name: "ChatExportTests",
            dependencies: ["ChatExport", "SenaniTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SenaniStoreTests",
            dependencies: ["SenaniStore", "SenaniTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SenaniBotTests",
            dependencies: [
                "SenaniBot", "SenaniTestSupport", "TipAnalysis", "SenaniStore", "CCairo",
                // To read every column of a copied database, as someone who took it would.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "SenaniProcessTests",
            dependencies: ["senani", "SenaniTestSupport", "SenaniStore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
