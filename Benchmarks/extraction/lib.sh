# Shared by run.sh, hostile.sh and profile.sh (sourced, not run).

# Swift's incremental release build can miss a change of a struct's stored properties in another
# module (seen here: Bench.swift.o kept an old Extractor layout and crashed), so the project's own
# modules are always recompiled; third-party packages stay cached.
clean_project_modules() { # SCRATCH
  # objects and module files only: DerivedSources (the resource accessor) must stay
  find "$1"/release/ -maxdepth 1 \( -name 'NewsGraph*.build' -o -name 'newsgraph.build' -o -name 'extraction_bench.build' \) \
    -exec find {} -maxdepth 1 -name '*.o' -delete \; 2>/dev/null || true
  rm -rf "$1"/release/Modules/NewsGraph* "$1"/release/Modules/extraction_bench* 2>/dev/null || true
}

# --isolate: a fresh copy of only Sources/NewsGraphCore (with its C helper CSHA256) and Sources/NewsGraphExtraction with a
# NewsGraph product that re-exports them and holds the article readers (Sources/NewsGraph/Input), in DEST/newsgraph; exports NEWSGRAPH_PATH. The scratch
# folder is removed too: a kept build plan once missed a source file added since (and it all has
# to be recompiled anyway).
prepare_isolated() { # REPO DEST SCRATCH
  local repo="$1" iso="$2/newsgraph" scratch="$3"
  rm -rf "$2" "$scratch"
  mkdir -p "$iso/Sources/NewsGraph"
  cp -r "$repo/Sources/CSHA256" "$repo/Sources/NewsGraphCore" "$repo/Sources/CSyntaxKernels" "$repo/Sources/NewsGraphSyntax" \
    "$repo/Sources/NewsGraphExtraction" "$iso/Sources/"
  printf '@_exported import NewsGraphCore\n@_exported import NewsGraphSyntax\n@_exported import NewsGraphExtraction\n' > "$iso/Sources/NewsGraph/NewsGraph.swift"
  # the article readers (the library's Input/), without the pipeline's streaming reader, which needs the pipeline
  cp "$repo"/Sources/NewsGraph/Input/*.swift "$iso/Sources/NewsGraph/"
  rm -f "$iso/Sources/NewsGraph/JSONLinesStream.swift"
  cat > "$iso/Package.swift" <<'PKG'
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "newsgraph",
    platforms: [.macOS(.v14)],
    products: [.library(name: "NewsGraph", targets: ["NewsGraph"])],
    targets: [
        .target(name: "CSHA256", path: "Sources/CSHA256"),
        .target(name: "NewsGraphCore", dependencies: ["CSHA256"], path: "Sources/NewsGraphCore"),
        .target(name: "CSyntaxKernels", path: "Sources/CSyntaxKernels", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "NewsGraphSyntax", dependencies: ["NewsGraphCore", "CSyntaxKernels"], path: "Sources/NewsGraphSyntax",
                resources: [.copy("Resources/Model")]),
        .target(name: "NewsGraphExtraction", dependencies: ["NewsGraphCore", "NewsGraphSyntax"], path: "Sources/NewsGraphExtraction",
                resources: [.copy("Resources/Lexicons")]),
        .target(name: "NewsGraph", dependencies: ["NewsGraphCore", "NewsGraphSyntax", "NewsGraphExtraction"], path: "Sources/NewsGraph"),
    ],
    swiftLanguageModes: [.v6]
)
PKG
  export NEWSGRAPH_PATH="$iso"
}
