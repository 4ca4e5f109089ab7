// swift-tools-version: 6.1
// The extraction benchmark: a separate package so the main Package.swift stays as it is.
// It links the main package's `NewsGraph` library by path. Build it release: see run.sh.
import PackageDescription

let package = Package(
    name: "newsgraph-extraction-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The main package: this checkout, or another tree when NEWSGRAPH_PATH is set (run.sh --rev
        // exports a committed revision there, so a half-edited work tree can still be benchmarked).
        .package(name: "newsgraph", path: Context.environment["NEWSGRAPH_PATH"] ?? "../.."),
    ],
    targets: [
        .executableTarget(
            name: "extraction-bench",
            dependencies: [.product(name: "NewsGraph", package: "newsgraph")],
            path: "Sources/extraction-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
