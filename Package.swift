// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Lotsen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lotsen", targets: ["lotsen"]),
        .executable(name: "lotsen-bench", targets: ["LotsenBench"]),
        .library(name: "JourneyModel", targets: ["JourneyModel"]),
        .library(name: "JourneyEngine", targets: ["JourneyEngine"]),
        .library(name: "JourneyStorage", targets: ["JourneyStorage"]),
        .library(name: "JourneyGuide", targets: ["JourneyGuide"]),
        .library(name: "JourneyAdapters", targets: ["JourneyAdapters"]),
        .library(name: "JourneyHTTP", targets: ["JourneyHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // Value types, journey files, validation, conditions, Swedish identifiers. Foundation and Yams only.
        .target(name: "JourneyModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Durable state in SQLite through GRDB.
        .target(
            name: "JourneyStorage",
            dependencies: [
                "JourneyModel", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Pure decisions over definitions, facts and events; persists through JourneyStorage.
        .target(name: "JourneyEngine", dependencies: ["JourneyModel", "JourneyStorage"]),
        // Agencies over HTTP (URLSession; FoundationNetworking on Linux) and the built-in sandbox agencies (a Hummingbird server).
        .target(
            name: "JourneyAdapters",
            dependencies: [
                "JourneyModel", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The interactive terminal guide for citizens; talks to a `Terminal` protocol (a real TTY, plain lines, or a script).
        .target(name: "JourneyGuide", dependencies: ["JourneyModel", "JourneyEngine"]),
        // The JSON API (`lotsen serve`): Hummingbird 2 routes, bearer-token auth, one `buildApplication` for main and tests.
        .target(
            name: "JourneyHTTP",
            dependencies: [
                "JourneyModel", "JourneyEngine", "JourneyStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("OpenAPI/lotsen.yaml")]
        ),
        // The command line: the only place that wires concrete parts together.
        .executableTarget(
            name: "lotsen",
            dependencies: [
                "JourneyModel", "JourneyEngine", "JourneyStorage", "JourneyGuide", "JourneyAdapters", "JourneyHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The benchmark against the peer engine (BENCHMARKS.md); run it with -c release.
        .executableTarget(
            name: "LotsenBench",
            dependencies: [
                "JourneyModel", "JourneyEngine", "JourneyStorage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JourneyModelTests", dependencies: ["JourneyModel"], exclude: ["Fixtures"]),
        .testTarget(name: "JourneyStorageTests", dependencies: ["JourneyStorage", "JourneyModel"]),
        .testTarget(name: "JourneyEngineTests", dependencies: ["JourneyEngine", "JourneyModel", "JourneyStorage", "JourneyAdapters"]),
        .testTarget(
            name: "JourneyAdaptersTests",
            dependencies: [
                "JourneyAdapters", "JourneyModel", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "JourneyGuideTests", dependencies: ["JourneyGuide", "JourneyEngine", "JourneyModel", "JourneyStorage", "JourneyAdapters"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "LotsenBenchTests", dependencies: ["LotsenBench"]),
        .testTarget(
            name: "JourneyHTTPTests",
            dependencies: [
                "JourneyHTTP", "JourneyEngine", "JourneyStorage", "JourneyModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "LotsenCLITests", dependencies: ["lotsen", "JourneyModel", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
