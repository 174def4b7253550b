// swift-tools-version: 6.2
import PackageDescription

// libFuzzer targets for Lotsen's parsers of hostile input (docs/fuzzing.md). A package of its own, beside the main
// one, so a plain `swift build` never meets them: they have no `main` and link only with `-sanitize=fuzzer`.
// Build and run them with `scripts/fuzz`, which passes the sanitizer flags and uses the scratch path `.build-fuzz`.

let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility"), .enableUpcomingFeature("ExistentialAny")]

/// One fuzz target: an executable whose only code is `LLVMFuzzerTestOneInput`.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies, swiftSettings: strict)
}

let package = Package(
    name: "LotsenFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Lotsen", path: ".."), .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0")],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: strict),
        fuzzTarget("FuzzJourneyFile", [.product(name: "JourneyModel", package: "Lotsen")]),
        fuzzTarget("FuzzCondition", [.product(name: "JourneyModel", package: "Lotsen")]),
        fuzzTarget("FuzzIdentityNumber", [.product(name: "JourneyModel", package: "Lotsen")]),
        fuzzTarget("FuzzAdapterFile", [.product(name: "JourneyModel", package: "Lotsen")]),
        // Links Sources/JourneyAdapters/AgencyCase+Decoding.swift (a symbolic link), which needs only JourneyModel.
        fuzzTarget("FuzzAgencyReply", [.product(name: "JourneyModel", package: "Lotsen")]),
        // Links Sources/JourneyHTTP/JSONSyntaxCheck.swift (a symbolic link) beside a stand-in for the API's error type, so
        // the syntax check is fuzzed without building Hummingbird; FuzzAPIRequest runs it inside the real JourneyHTTP.
        fuzzTarget("FuzzJSONSyntax", []),
        fuzzTarget("FuzzAPIRequest", [
            .product(name: "JourneyModel", package: "Lotsen"), .product(name: "JourneyEngine", package: "Lotsen"),
            .product(name: "JourneyHTTP", package: "Lotsen"), .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
