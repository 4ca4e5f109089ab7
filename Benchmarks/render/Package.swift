// swift-tools-version: 6.1
// The render benchmark: a separate package so the main Package.swift stays as it is.
// It links the main package's `NewsGraphRender` library by path. Build it release: see run.sh.
import PackageDescription

let package = Package(
    name: "newsgraph-render-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "newsgraph", path: Context.environment["NEWSGRAPH_PATH"] ?? "../.."),
    ],
    targets: [
        .executableTarget(
            name: "render-bench",
            dependencies: [.product(name: "NewsGraphRender", package: "newsgraph")],
            path: "Sources/render-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
