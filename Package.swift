// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "newsgraph",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "NewsGraph", targets: ["NewsGraph"]),
        .library(name: "NewsGraphRender", targets: ["NewsGraphRender"]),
        .executable(name: "newsgraph", targets: ["newsgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Ontology, extraction output, annotation JSON and the in-memory graph. No package dependencies (CSHA256 is
        // this package's).
        .target(name: "NewsGraphCore", dependencies: ["CSHA256"], path: "Sources/NewsGraphCore"),
        // SHA-256 blocks with the x86-64 SHA extensions, chosen at run time by NewsGraphCore's SHA256;
        // elsewhere (other CPUs, other architectures) it reports no support and the Swift code runs.
        .target(name: "CSHA256", path: "Sources/CSHA256"),
        // Syntax: spaCy-compatible tokens, part-of-speech tags and a labelled dependency tree for every sentence,
        // computed natively from en_core_web_sm 3.8's weights (a resource; no Python at run time).
        .target(
            name: "NewsGraphSyntax",
            dependencies: ["NewsGraphCore", "CSyntaxKernels"],
            path: "Sources/NewsGraphSyntax",
            resources: [.copy("Resources/Model")]
        ),
        // The syntax networks' dense products: an AVX2/FMA kernel chosen at run time, a portable one elsewhere.
        // Optimised in debug builds too, so that the test suite parses at a usable speed.
        .target(name: "CSyntaxKernels", path: "Sources/CSyntaxKernels", cSettings: [.unsafeFlags(["-O2"])]),
        // Text → Extraction: articles to typed entities, events, triples and causal links.
        .target(
            name: "NewsGraphExtraction",
            dependencies: ["NewsGraphCore", "NewsGraphSyntax"],
            path: "Sources/NewsGraphExtraction",
            resources: [.copy("Resources/Lexicons")]
        ),
        // Store: the SQLite (GRDB) persistence of the graph.
        .target(
            name: "NewsGraphStore",
            dependencies: ["NewsGraphCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/NewsGraphStore"
        ),
        // Query: the query language over the in-memory graph.
        .target(name: "NewsGraphQuery", dependencies: ["NewsGraphCore"], path: "Sources/NewsGraphQuery"),
        // Export: DOT (written by the project), views, interchange formats.
        .target(name: "NewsGraphExport", dependencies: ["NewsGraphCore"], path: "Sources/NewsGraphExport"),
        // Import: interchange files read back into article graphs (GraphML). Export's vocabulary is shared.
        .target(name: "NewsGraphImport", dependencies: ["NewsGraphCore", "NewsGraphExport"], path: "Sources/NewsGraphImport"),
        // The library: re-exports the pipeline stages, reads the inputs (articles, annotations) and wires the
        // stages together. No Graphviz here.
        .target(
            name: "NewsGraph",
            dependencies: [
                "NewsGraphCore", "NewsGraphSyntax", "NewsGraphExtraction", "NewsGraphStore", "NewsGraphQuery",
                "NewsGraphExport", "NewsGraphImport",
            ],
            path: "Sources/NewsGraph"
        ),
        // Evaluation: extraction scored against gold annotations (the port of score.py), the Causal News Corpus
        // and PETRARCH2 records. Above the library (it reads and extracts with it); not re-exported by it.
        .target(name: "NewsGraphEvaluation", dependencies: ["NewsGraph"], path: "Sources/NewsGraphEvaluation"),
        // Render: libgraphviz, in-process, behind one serialising owner.
        .systemLibrary(
            name: "CGraphviz",
            path: "Sources/CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "NewsGraphRender", dependencies: ["CGraphviz", "NewsGraphExport"], path: "Sources/NewsGraphRender"),
        .executableTarget(
            name: "newsgraph",
            dependencies: [
                "NewsGraph", "NewsGraphEvaluation", "NewsGraphRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/newsgraph"
        ),
        .testTarget(name: "NewsGraphCoreTests", dependencies: ["NewsGraphCore"], path: "Tests/NewsGraphCoreTests"),
        .testTarget(
            name: "NewsGraphSyntaxTests",
            dependencies: ["NewsGraphSyntax"],
            path: "Tests/NewsGraphSyntaxTests",
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "NewsGraphExtractionTests",
            dependencies: ["NewsGraphExtraction"],
            path: "Tests/NewsGraphExtractionTests"
        ),
        .testTarget(name: "NewsGraphStoreTests", dependencies: ["NewsGraphStore"], path: "Tests/NewsGraphStoreTests"),
        .testTarget(name: "NewsGraphQueryTests", dependencies: ["NewsGraphQuery"], path: "Tests/NewsGraphQueryTests"),
        // The interchange tests write with Export and read back with Import.
        .testTarget(
            name: "NewsGraphExportTests",
            dependencies: ["NewsGraphExport", "NewsGraphImport"],
            path: "Tests/NewsGraphExportTests"
        ),
        .testTarget(
            name: "NewsGraphRenderTests",
            dependencies: ["NewsGraphRender", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/NewsGraphRenderTests"
        ),
        .testTarget(name: "NewsGraphEvaluationTests", dependencies: ["NewsGraphEvaluation"], path: "Tests/NewsGraphEvaluationTests"),
        // End to end: the library pipeline, evaluation over the shared corpus and the built `newsgraph` binary.
        .testTarget(name: "NewsGraphTests", dependencies: ["NewsGraph", "NewsGraphEvaluation"], path: "Tests/NewsGraphTests"),
    ],
    swiftLanguageModes: [.v6]
)
