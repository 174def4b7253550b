// swift-tools-version: 6.2
import PackageDescription

/// Every target states what it imports (`MemberImportVisibility`) and spells existentials (`ExistentialAny`).
let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility"), .enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Lotsen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lotsen", targets: ["lotsen"]),
        .executable(name: "lotsen-bench", targets: ["LotsenBench"]),
        .executable(name: "lotsen-rdf", targets: ["LotsenRDF"]),
        .library(name: "JourneyModel", targets: ["JourneyModel"]),
        .library(name: "JourneyStore", targets: ["JourneyStore"]),
        .library(name: "JourneySQLite", targets: ["JourneySQLite"]),
        .library(name: "JourneyPostgres", targets: ["JourneyPostgres"]),
        .library(name: "JourneyEngine", targets: ["JourneyEngine"]),
        .library(name: "JourneyGuide", targets: ["JourneyGuide"]),
        .library(name: "JourneyAdapters", targets: ["JourneyAdapters"]),
        .library(name: "JourneySandbox", targets: ["JourneySandbox"]),
        .library(name: "JourneyHTTP", targets: ["JourneyHTTP"]),
        .library(name: "JourneyInterop", targets: ["JourneyInterop"]),
        .library(name: "JourneyRDF", targets: ["JourneyRDF"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        // Tests only: spawning the lotsen binary without Foundation's Process.run, which on Swift 6.3.1 may read past
        // a buffer while it lists /proc/self/fd and crash the test process (swift-corelibs-foundation#5472).
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // Value types, journey files, validation, conditions, Swedish identifiers, the AgencyAdapter protocol.
        // Foundation and Yams only.
        .target(name: "JourneyModel", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),
        // The store protocols and everything about storage that is not SQL: snapshots and their diff, the journal's
        // hash chain, keyset cursors, the steps column codec, StorageError. No database.
        .target(
            name: "JourneyStore",
            dependencies: ["JourneyModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // The embedded store: one SQLite file through GRDB.
        .target(
            name: "JourneySQLite",
            dependencies: [
                "JourneyModel", "JourneyStore",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The store for deployments that outgrow one machine: several stateless `lotsen serve` nodes on one PostgreSQL.
        .target(
            name: "JourneyPostgres",
            dependencies: [
                "JourneyModel", "JourneyStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Pure decisions over definitions, facts and events; persists through the JourneyStore protocols only.
        .target(name: "JourneyEngine", dependencies: ["JourneyModel", "JourneyStore"], swiftSettings: strict),
        // Agencies over HTTP (AsyncHTTPClient): the production adapter, and the reminders' webhook. No server, no database.
        .target(
            name: "JourneyAdapters",
            dependencies: [
                "JourneyModel", "JourneyStore", "JourneyEngine",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: strict
        ),
        // The built-in sandbox agencies (practice mode): a Hummingbird server keeping its cases in SQLite.
        .target(
            name: "JourneySandbox",
            dependencies: [
                "JourneyModel", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The interactive terminal guide for citizens; talks to a `Terminal` protocol (a real TTY, plain lines, or a script).
        .target(name: "JourneyGuide", dependencies: ["JourneyModel", "JourneyEngine", "JourneyStore"], swiftSettings: strict),
        // The JSON API (`lotsen serve`): Hummingbird 2 routes, bearer-token auth, one `buildApplication` for main and tests.
        .target(
            name: "JourneyHTTP",
            dependencies: [
                "JourneyModel", "JourneyEngine", "JourneyStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("OpenAPI/lotsen.yaml")],
            swiftSettings: strict
        ),
        // Journeys in and out of other standards (GOV.UK step-by-step navigations, CPSV-AP 3.2 with CCCEV): parsing hostile
        // files and mapping them onto journey and adapter files, and journeys out as CPSV-AP. On JourneyModel only, so the command line, the API or a batch job can all use it.
        .target(name: "JourneyInterop", dependencies: ["JourneyModel", "JourneyRDF"], swiftSettings: strict),
        // RDF on its own, for CPSV-AP: Turtle 1.1 in and out, JSON-LD 1.1 to RDF, a graph of interned terms and its
        // isomorphism check. Foundation only; no Swift RDF library is on this machine's package list.
        .target(name: "JourneyRDF", swiftSettings: strict),
        // The command line: the only place that wires concrete parts together.
        .executableTarget(
            name: "lotsen",
            dependencies: [
                "JourneyModel", "JourneyStore", "JourneySQLite", "JourneyPostgres", "JourneyEngine", "JourneyGuide", "JourneyAdapters",
                "JourneySandbox", "JourneyHTTP", "JourneyInterop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Lotsen's RDF parsers on their own, for scripts/rdf-check and bench/rdf-parse.sh.
        .executableTarget(name: "LotsenRDF", dependencies: ["JourneyRDF"], swiftSettings: strict),
        // The benchmark against the peer engine (BENCHMARKS.md); run it with -c release.
        .executableTarget(
            name: "LotsenBench",
            dependencies: [
                "JourneyModel", "JourneyStore", "JourneySQLite", "JourneyPostgres", "JourneyEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "JourneyModelTests", dependencies: ["JourneyModel"], exclude: ["Fixtures"]),
        .testTarget(
            name: "JourneySQLiteTests",
            dependencies: ["JourneySQLite", "JourneyStore", "JourneyModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The store contract: every promise a store makes, run against a fresh SQLite file and a fresh PostgreSQL database.
        .testTarget(
            name: "JourneyStoreContractTests",
            dependencies: [
                "JourneyStore", "JourneySQLite", "JourneyPostgres", "JourneyModel", .product(name: "PostgresNIO", package: "postgres-nio"),
                // Raw SQL behind a store's back (tampering with the journal, counting rows), on either database.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "JourneyEngineTests",
            dependencies: ["JourneyEngine", "JourneyModel", "JourneyStore", "JourneySQLite", "JourneyAdapters", "JourneySandbox"]
        ),
        .testTarget(
            name: "JourneyAdaptersTests",
            dependencies: [
                "JourneyAdapters", "JourneyModel", "JourneyStore", "JourneyEngine", "JourneySQLite", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "JourneySandboxTests",
            dependencies: [
                "JourneySandbox", "JourneyAdapters", "JourneyModel", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "JourneyGuideTests",
            dependencies: ["JourneyGuide", "JourneyEngine", "JourneyModel", "JourneyStore", "JourneySQLite", "JourneyAdapters", "JourneySandbox"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "LotsenBenchTests", dependencies: ["LotsenBench"]),
        .testTarget(name: "JourneyInteropTests", dependencies: ["JourneyInterop", "JourneyModel", "JourneyRDF"], exclude: ["Fixtures"]),
        .testTarget(name: "JourneyRDFTests", dependencies: ["JourneyRDF"], exclude: ["Fixtures"]),
        .testTarget(
            name: "JourneyHTTPTests",
            dependencies: [
                "JourneyHTTP", "JourneyEngine", "JourneyStore", "JourneySQLite", "JourneyModel",
                // Sessions: the sandbox identity provider on loopback and the OpenID Connect client that checks its tokens;
                // a client that does not follow redirects, to walk the web view's e-legitimation sign-in step by step.
                "JourneySandbox", "JourneyAdapters", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "LotsenCLITests",
            dependencies: [
                "lotsen", "JourneyModel", .product(name: "GRDB", package: "GRDB.swift"),
                // TwoNodeTests: a fresh PostgreSQL database per run, and raw SQL on it behind the nodes' backs.
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                // ReminderWebhookCommandTests: a webhook receiver on loopback that checks the signature.
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                // CLIRunner: the lotsen binary spawned without Foundation's Process (see the dependency's note).
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
