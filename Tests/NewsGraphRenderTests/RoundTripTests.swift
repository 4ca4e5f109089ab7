import Foundation
import NewsGraphExport
import NewsGraphRender
import PropertyBased
import Testing

/// What libgraphviz 2.42.2 reads back for a raw value the writer quoted, by simulating its quoted-string
/// lexer (lib/cgraph/scan.l, flex: longest match, ties to the earlier rule) on the writer's output:
/// `\"` → `"`, `\\` stays `\\`, backslash-newline is removed, and a run of exactly one line feed (right
/// after the opening quote or an escape, and right before `"` or `\`) is dropped by the `[\n]` rule.
func expectedRawReadBack(_ s: String) -> String {
    let text = Array(DOTWriter().quoteID(s).unicodeScalars)
    guard text.first == "\"" else { return s }  // bare
    var out = String.UnicodeScalarView()
    var i = 0
    while i < text.count {
        guard text[i] == "\"" else { i += 1; continue }  // between pieces: ` + `
        i += 1
        while i < text.count, text[i] != "\"" {
            if text[i] == "\\", i + 1 < text.count {
                switch text[i + 1] {
                case "\"": out.append("\""); i += 2
                case "\\": out.append("\\"); out.append("\\"); i += 2
                case "\n": i += 2
                default: out.append("\\"); i += 1
                }
                continue
            }
            var j = i
            while j < text.count, text[j] != "\"", text[j] != "\\" { j += 1 }
            if !(j == i + 1 && text[i] == "\n") { out.append(contentsOf: text[i..<j]) }
            i = j
        }
        i += 1
    }
    return String(out)
}

/// Writes one node named `name` labelled with `name` (plus xlabel/tooltip, a raw URL, an edge to a
/// fixed node and a cluster), parses it with libgraphviz, and checks what comes back.
func checkRoundTrip(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var g = DOTGraph(id: DOTID(name), graphAttributes: ["label": .text(name)])
    var cluster = DOTSubgraph.cluster(name)
    cluster.add(DOTNode(DOTID(name), ["label": .text(name), "xlabel": .text(name), "tooltip": .text(name), "URL": .raw(name)]))
    g.add(cluster)
    g.add(DOTNode("fixed_other", ["label": .html(.text(name))]))
    g.add(DOTEdge(DOTEndpoint(DOTID(name)), "fixed_other", ["label": .text(name)]))
    let dot = DOTWriter().write(g)
    let parsed: ParsedGraph
    do {
        parsed = try Graphviz.shared.parse(dot: dot)
    } catch {
        Issue.record("libgraphviz rejected the DOT for \(name.debugDescription): \(error)\n\(dot.prefix(500).debugDescription)", sourceLocation: sourceLocation)
        return
    }
    let expectedName = expectedRawReadBack(name)
    #expect(parsed.nodes.count == 2, "node count for \(name.debugDescription)", sourceLocation: sourceLocation)
    #expect(parsed.edgeCount == 1, sourceLocation: sourceLocation)
    if name.unicodeScalars.first != "%" {  // cgraph treats names starting with % as anonymous (graphs lose them)
        #expect(parsed.name == expectedName, sourceLocation: sourceLocation)
    }
    #expect(parsed.subgraphs == [expectedRawReadBack("cluster_" + name)], sourceLocation: sourceLocation)
    // cgraph treats names starting with `%` as its own anonymous IDs: the object exists and edges
    // reach it, but agnameof gives "%<number>".
    let found = name.unicodeScalars.first == "%" ? parsed.nodes.first { $0.name != "fixed_other" } : parsed.node(expectedName)
    guard let node = found else {
        Issue.record("no node \(expectedName.debugDescription) among \(parsed.nodes.map(\.name))", sourceLocation: sourceLocation)
        return
    }
    let normalized = EscString.normalize(name)
    for attribute in ["label", "xlabel", "tooltip"] {
        let back = node.attributes[attribute] ?? "<missing>"
        #expect(back == EscString(name).encoded, "\(attribute) of \(name.debugDescription)", sourceLocation: sourceLocation)
        #expect(EscString.decode(back) == normalized, sourceLocation: sourceLocation)
    }
    #expect(node.attributes["URL"] == expectedName, sourceLocation: sourceLocation)
    #expect(EscString.decode(parsed.attributes["label"] ?? "") == normalized, sourceLocation: sourceLocation)
    #expect(parsed.node("fixed_other")?.attributes["label"] == HTMLLabel.text(name).markup, sourceLocation: sourceLocation)
}

@Suite("DOT round trips through libgraphviz")
struct RoundTripTests {
    /// Every checklist case (../shared/notes/graphviz.md §4) parsed by the real parser.
    static let hostile: [String] = [
        "", "a", "_", "1a", "1.2.3", "-1.5", ".5", "-", "node", "Node", "GRAPH", "Strict", "subGraph", "edge", "digraph",
        "a@b", "@", "a:b", "std::vector", "a:b:ne", "http://example.org/x?a=b&c=d#frag",
        "\\", "x\\", "\\\\", "a\"b", "\"", "a\\\"b", "\\\"", "\"\\", "\\N", "\\G-graph", "\\N-node", "a\\nb", "\\l\\r",
        "a\nb", "a\r\nb", "a\rb", "line\n", "\n", "a\tb", "AT&T", "&amp;", "&lt;x&gt;", "&#65;", "&",
        "<b>", "<> <>", "<lambda> <map>", "<", ">", "x < y", "{", "}", "{}", "[a]", "a;b", "a,b", "a=b",
        "#x", "# line", "a\n#b", "//c", "a\n// c", "/* c */", "ü", "日本", "Khyber Pakhtunkhwa", "Tehreek-e-Taliban Pakistan (TTP)",
        "😀", "👩‍👩‍👧", "\u{FEFF}", "\u{FEFF}bom", "\u{200B}", "\u{00A0}", "مسلح", "עברית", "a\u{0}b", "bell\u{7}",
        "+", "\"+\"", "a\" + \"b", "'", "`", "$x", "%s%n", "\\\n", "x\\\ny",
        String(repeating: "x", count: 20_000), String(repeating: "\\\"é", count: 7_000),
        String(repeating: "名", count: 6_000),
    ]

    @Test func checklistCasesRoundTrip() throws {
        for s in RoundTripTests.hostile { try checkRoundTrip(s) }
    }

    @Test func fortyKilobyteLabelParsesAndRenders() throws {
        let label = String(repeating: "0123456789", count: 4_000)
        var g = DOTGraph()
        g.add(DOTNode("a", ["label": .text(label), "shape": "box"]))
        let dot = DOTWriter().write(g)
        #expect(dot.contains("\" + \""))
        let parsed = try Graphviz.shared.parse(dot: dot)
        #expect(parsed.node("a")?.attributes["label"] == label)
        let svg = try Graphviz.shared.render(dot: dot, options: RenderOptions(format: .svg)).text ?? ""
        #expect(svg.contains("<svg"))
    }

    @Test func literalBackslashNRendersLiterally() throws {
        var g = DOTGraph()
        g.add(DOTNode("n1", ["label": .text("\\N-node & <b>")]))
        let svg = try Graphviz.shared.render(dot: DOTWriter().write(g), options: RenderOptions(format: .svg)).text ?? ""
        #expect(svg.contains(">\\N&#45;node &amp; &lt;b&gt;</text>"))
    }

    @Test func ampersandEntitiesRenderLiterally() throws {
        var g = DOTGraph()
        g.add(DOTNode("n1", ["label": .text("&lt;x&gt; AT&T")]))
        let svg = try Graphviz.shared.render(dot: DOTWriter().write(g), options: RenderOptions(format: .svg)).text ?? ""
        #expect(svg.contains(">&amp;lt;x&amp;gt; AT&amp;T</text>"))
    }

    @Test func keywordNamesAndClustersSurviveNeato() throws {
        var g = DOTGraph(kind: .graph)
        g.add(.cluster("Node", statements: [.node(DOTNode("strict")), .node(DOTNode("Graph"))]))
        g.add(DOTEdge("strict", "Graph"))
        let dot = DOTWriter().write(g)
        let parsed = try Graphviz.shared.parse(dot: dot)
        #expect(parsed.subgraphs == ["cluster_Node"])
        #expect(parsed.members["cluster_Node"]?.sorted() == ["Graph", "strict"])
        _ = try Graphviz.shared.render(dot: dot, options: RenderOptions(format: .svg, engine: .neato))
    }

    @Test func nodeStaysInItsFirstCluster() throws {
        var g = DOTGraph()
        g.add(.cluster("a", statements: [.node(DOTNode("x"))]))
        g.add(.cluster("b", statements: [.node(DOTNode("x", ["color": "red"])), .node(DOTNode("y"))]))
        let parsed = try Graphviz.shared.parse(dot: DOTWriter().write(g))
        #expect(parsed.members["cluster_a"] == ["x"])
        #expect(parsed.members["cluster_b"] == ["y"])
        #expect(parsed.node("x")?.attributes["color"] == "red")
    }

    @Test func portsAndCompassPoints() throws {
        var g = DOTGraph()
        g.add(DOTNode("t", ["shape": "record", "label": .raw("<p1> a|<p:2> b")]))
        g.add(DOTEdge(DOTEndpoint("a:b"), DOTEndpoint("t", port: "p:2", compass: .s)))
        let parsed = try Graphviz.shared.parse(dot: DOTWriter().write(g))
        #expect(Set(parsed.nodes.map(\.name)) == ["t", "a:b"])
        #expect(parsed.messages.isEmpty)
    }

    @Test func strictGraphsAndUndirected() throws {
        var g = DOTGraph(kind: .graph, strict: true, id: "Strict")
        g.add(DOTEdge("a", "b"))
        g.add(DOTEdge("a", "b"))
        let parsed = try Graphviz.shared.parse(dot: DOTWriter().write(g))
        #expect(parsed.isStrict && !parsed.isDirected && parsed.edgeCount == 1 && parsed.name == "Strict")
    }

    // MARK: - Property-based: ≥ 10,000 random and hostile names

    static let pieces: [String] = [
        "\\", "\"", "\\\"", "\n", "\r", "\r\n", "\t", " ", "&", "&amp;", "&lt;", "<", ">", "<b>", "{", "}", "[", "]",
        ";", ",", "=", ":", "::", "@", "#", "//", "/*", "*/", "+", "-", ".", "1", "0.5", "-1", "1a", "node", "Node",
        "GRAPH", "strict", "subgraph", "Edge", "\\N", "\\n", "\\l", "\\G", "ü", "日本", "😀", "👩‍👩‍👧", "\u{FEFF}",
        "\u{0}", "\u{7}", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{FFFD}", "é", "e\u{301}", "TTP", "Quetta", "a", "_",
    ]

    @Test func randomHostileNamesRoundTrip() async throws {
        let piece = Gen<String?>.element(of: RoundTripTests.pieces).map { $0 ?? "" }
        let scalar = Gen<UnicodeScalar>.unicodeScalar(in: "\u{0}"..."\u{2FFF}")
            .map { String(Character($0)) }
        let names = zip(piece.array(of: 0...6), scalar.array(of: 0...6), Gen<Bool>.bool())
            .map { a, b, interleave -> String in
                interleave ? zipLongest(a, b).joined() : (a + b).joined()
            }
        await propertyCheck(count: 10_000, input: names) { name in
            try checkRoundTrip(name)
        }
    }
}

/// Interleaves two arrays.
func zipLongest(_ a: [String], _ b: [String]) -> [String] {
    var out: [String] = []
    for i in 0..<max(a.count, b.count) {
        if i < a.count { out.append(a[i]) }
        if i < b.count { out.append(b[i]) }
    }
    return out
}
