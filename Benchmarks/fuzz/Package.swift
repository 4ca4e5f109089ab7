// swift-tools-version: 6.1
// Fuzz targets (issue 15): libFuzzer drivers for the readers of outside input — the query parser, annotation
// JSON, GraphML, JSON Lines articles and the graph cache loader. A separate package so that the main
// Package.swift and `swift test` stay as they are; it links the main package by path. Build and run it with
// scripts/fuzz.sh (it passes `-sanitize=fuzzer`); see docs/reliability.md.
import PackageDescription

/// One executable per fuzz target, each with the shared driver glue.
func fuzzTarget(_ name: String, _ products: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + products, path: "Sources/\(name)",
                      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let newsGraph = Target.Dependency.product(name: "NewsGraph", package: "newsgraph")

let package = Package(
    name: "newsgraph-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The main package: this checkout, or another tree when NEWSGRAPH_PATH is set.
        .package(name: "newsgraph", path: Context.environment["NEWSGRAPH_PATH"] ?? "../.."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [newsGraph], path: "Sources/FuzzSupport"),
        fuzzTarget("fuzz-query", [newsGraph]),
        fuzzTarget("fuzz-annotation", [newsGraph]),
        fuzzTarget("fuzz-graphml", [newsGraph]),
        fuzzTarget("fuzz-articles", [newsGraph]),
        fuzzTarget("fuzz-cache", [newsGraph]),
    ],
    swiftLanguageModes: [.v6]
)
