import Foundation
import NewsGraphRender
import NewsGraphTestSupport
import Testing

/// The `newsgraph` executable built next to the test bundle (`swift build`/`swift test` put both in the
/// same products directory): it hosts the render worker (`newsgraph render-worker`) for the isolation tests.
enum WorkerBinary {
    static let url: URL? = BuiltExecutable.url(named: "newsgraph")

    static var isAvailable: Bool { url != nil }

    /// An isolated renderer that runs the built `newsgraph render-worker`.
    static func renderer(timeout: Double = 60, memoryLimit: Int? = IsolatedRenderer.defaultMemoryLimit) throws -> IsolatedRenderer {
        let exe = try #require(url, "the newsgraph executable was not found next to the test bundle; run `swift build` first")
        return IsolatedRenderer(executable: exe, timeout: timeout, memoryLimit: memoryLimit)
    }
}

/// DOT that Graphviz 2.42's dot cannot survive: `pack` with `newrank` on a graph of several parts
/// dereferences a null pointer in the dot layout plugin (SIGSEGV). Found while packing figures (issue 13).
let graphvizSegfaultDOT = "digraph { pack=true; newrank=true; a -> b; c -> d; e; }"

/// A chain of `n` nodes with a long label each: dot needs seconds to lay it out with `--keep-engine`.
func slowDOT(nodes n: Int) -> String {
    var s = "digraph { nslimit=1000000; mclimit=100;\n"
    for i in 0..<n { s += "n\(i) -> n\((i * 7 + 3) % n); n\(i) -> n\((i * 13 + 5) % n);\n" }
    return s + "}\n"
}
