// swift-tools-version: 6.1
// The scale benchmark (issue 4): a separate package so the main Package.swift stays as it is. It links the
// main package's `NewsGraph` library by path. Build it release: see run.sh and docs/benchmarks-scale.md.
import PackageDescription

let package = Package(
    name: "newsgraph-scale-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The main package: this checkout, or another tree when NEWSGRAPH_PATH is set.
        .package(name: "newsgraph", path: Context.environment["NEWSGRAPH_PATH"] ?? "../.."),
    ],
    targets: [
        .executableTarget(
            name: "scale-bench",
            dependencies: [.product(name: "NewsGraph", package: "newsgraph")],
            path: "Sources/scale-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
