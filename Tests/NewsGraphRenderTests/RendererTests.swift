import Foundation
import NewsGraphExport
@testable import NewsGraphRender
import Testing

/// The blocking overload (in an async context the compiler prefers the async one).
func blockingRender(_ dot: String, _ options: RenderOptions = RenderOptions()) throws -> RenderResult {
    try Graphviz.shared.render(dot: dot, options: options)
}

@Suite("Renderer")
struct RendererTests {
    let small = "digraph G { a -> b; b -> c; a [label=\"A & B\"]; }"

    @Test func pluginsAreLoaded() {
        let p = Graphviz.shared.loadedPlugins()
        for e in LayoutEngine.allCases { #expect(p.layouts.contains(e.rawValue), "missing layout \(e)") }
        for f in OutputFormat.allCases { #expect(p.devices.contains(f.device), "missing device \(f)") }
    }

    @Test(arguments: OutputFormat.allCases)
    func rendersEveryFormatWithMagicBytes(_ format: OutputFormat) throws {
        let r = try Graphviz.shared.render(dot: small, options: RenderOptions(format: format))
        let head = Array(r.data.prefix(8))
        switch format {
        case .svg:
            let text = try #require(r.text)
            #expect(text.hasPrefix("<?xml") && text.contains("<svg"))
        case .png: #expect(head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .pdf: #expect(Array(head.prefix(5)) == Array("%PDF-".utf8))
        case .dot: #expect(r.text?.hasPrefix("digraph G {") == true)
        case .plain: #expect(r.text?.hasPrefix("graph ") == true)
        case .json: #expect(r.text?.hasPrefix("{") == true)
        }
        #expect(r.nodeCount == 3 && r.edgeCount == 2)
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineLaysOut(_ engine: LayoutEngine) throws {
        let r = try Graphviz.shared.render(dot: small, options: RenderOptions(format: .svg, engine: engine))
        #expect(r.engine == engine)
        #expect(r.text?.contains("</svg>") == true)
    }

    @Test func syntaxErrorIsCapturedAsParseError() {
        #expect {
            try Graphviz.shared.render(dot: "digraph { a -> ; }")
        } throws: { error in
            guard let e = error as? RenderError else { return false }
            return e.stage == .parse && e.messages.contains { $0.contains("syntax error") }
        }
    }

    @Test func messagesDoNotLeakIntoTheNextJob() throws {
        _ = try? Graphviz.shared.render(dot: "digraph { a -> ; }")
        let r = try Graphviz.shared.render(dot: small)
        #expect(r.diagnostics.isEmpty)
    }

    @Test func malformedHTMLLabelIsADiagnosticNotAFailure() throws {
        let r = try Graphviz.shared.render(dot: "digraph { a [label=<<b>x</i>>]; }")
        #expect(r.diagnostics.contains { $0.contains("Error") })
    }

    @Test func undirectedEdgeOpInDigraphIsParseError() {
        #expect(throws: RenderError.self) { try Graphviz.shared.render(dot: "graph { a -> b }") }
    }

    @Test func missingPluginsGiveAClearError() {
        let e = Graphviz.validate(format: .svg, engine: .dot, plugins: .init(layouts: [], devices: []))
        #expect(e?.stage == .configuration)
        #expect(e?.reason.contains("config6a") == true)
        let f = Graphviz.validate(format: .png, engine: .dot, plugins: .init(layouts: ["dot"], devices: ["svg"]))
        #expect(f?.reason.contains("cairo") == true)
        let g = Graphviz.validate(format: .svg, engine: .sfdp, plugins: .init(layouts: ["dot"], devices: ["svg"]))
        #expect(g?.reason.contains("sfdp") == true)
    }

    @Test func largeGraphSwitchesFromDotToSfdp() throws {
        var dot = "digraph {\n"
        for i in 0..<30 { dot += "n\(i) -> n\(i + 1);\n" }
        dot += "}\n"
        let r = try Graphviz.shared.render(dot: dot, options: RenderOptions(format: .plain, engine: .dot, largeGraphThreshold: 20))
        #expect(r.engine == .sfdp)
        #expect(r.diagnostics.contains { $0.contains("sfdp") && $0.contains("31 nodes") })
        let kept = try Graphviz.shared.render(dot: dot, options: RenderOptions(format: .plain, engine: .dot, largeGraphThreshold: nil))
        #expect(kept.engine == .dot)
    }

    @Test func concurrentRendersFromManyTasks() async throws {
        let outputs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for i in 0..<24 {
                group.addTask {
                    let dot = "digraph { a\(i) -> b\(i); b\(i) -> c\(i); c\(i) -> a\(i); }"
                    let engine = LayoutEngine.allCases[i % LayoutEngine.allCases.count]
                    let r = i % 2 == 0
                        ? try await Graphviz.shared.render(dot: dot, options: RenderOptions(format: .svg, engine: engine))
                        : try blockingRender(dot, RenderOptions(format: .svg, engine: engine))
                    return (i, r.text ?? "")
                }
            }
            var all: [Int: String] = [:]
            for try await (i, svg) in group { all[i] = svg }
            return all
        }
        #expect(outputs.count == 24)
        for (i, svg) in outputs { #expect(svg.contains("<title>a\(i)</title>") && svg.contains("</svg>")) }
    }

    /// With agmemread, cluster order followed the heap addresses of the names, so a DOT rendered again after
    /// other jobs could come out with its clusters reordered. The deterministic reader numbers names instead.
    @Test func clusterOrderDoesNotDependOnEarlierJobs() throws {
        var dot = "digraph {\n"
        for c in ["zulu", "alpha", "mike", "bravo", "yankee", "charlie"] { dot += "subgraph cluster_\(c) { label=\(c); \(c)1 -> \(c)2 }\n" }
        dot += "}\n"
        let first = try Graphviz.shared.render(dot: dot).data
        for i in 0..<20 { _ = try Graphviz.shared.render(dot: "digraph { subgraph cluster_\(i) { x\(i) } q\(i) -> x\(i) }") }
        let again = try Graphviz.shared.render(dot: dot).data
        #expect(first == again)
        let svg = String(decoding: first, as: UTF8.self)
        let order = ["zulu", "alpha", "mike", "bravo", "yankee", "charlie"].map { svg.range(of: "<title>cluster_\($0)</title>")?.lowerBound }
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    /// Names are interned the way cgraph expects: `-Tdot` must not take a quoted "<b>" for an HTML string.
    @Test func quotedAngleNamesStayQuotedInDotOutput() throws {
        for _ in 0..<50 {
            let r = try Graphviz.shared.render(dot: "digraph G { \"<b>\" -> x }", options: RenderOptions(format: .dot))
            let text = r.text ?? ""
            #expect(text.hasPrefix("digraph G {") && text.contains("\"<b>\" -> x"))
        }
    }

    @Test func sameInputGivesByteIdenticalSVG() throws {
        let a = try Graphviz.shared.render(dot: small).data
        let b = try Graphviz.shared.render(dot: small).data
        #expect(a == b)
    }
}
