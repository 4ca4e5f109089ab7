import Foundation
import NewsGraphExport
import Testing

/// Golden strings for every item of the DOT writer checklist (../shared/notes/graphviz.md §4).
/// The same cases are parsed by libgraphviz in NewsGraphRenderTests.
@Suite("DOT writer checklist")
struct DOTWriterTests {
    let w = DOTWriter()

    func node(_ id: String, _ attributes: DOTAttributes = [:]) -> String {
        var g = DOTGraph()
        g.add(DOTNode(DOTID(id), attributes))
        return w.write(g)
    }

    // 1. Bare IDs only for identifiers and numerals.
    @Test(arguments: ["abc", "_x1", "A_b_9", "-1.5", ".5", "42", "-7", "3.", "-.25"])
    func bareIdentifiersAndNumerals(_ s: String) {
        #expect(w.quoteID(s) == s)
    }

    @Test(arguments: [
        ("a b", "\"a b\""), ("a-b", "\"a-b\""), ("-", "\"-\""), ("ü", "\"ü\""), ("日本", "\"日本\""),
        ("a.b", "\"a.b\""), ("--", "\"--\""), ("-a", "\"-a\""), ("1-2", "\"1-2\""), ("a+b", "\"a+b\""),
    ])
    func everythingElseIsQuoted(_ s: String, _ expected: String) {
        #expect(w.quoteID(s) == expected)
    }

    // 2. `1a` would split into two tokens.
    @Test func digitLetterIsQuoted() { #expect(w.quoteID("1a") == "\"1a\"") }

    // 3. Empty ID; numerals; `1.2.3`.
    @Test func emptyAndNumerals() {
        #expect(w.quoteID("") == "\"\"")
        #expect(w.quoteID("1.2.3") == "\"1.2.3\"")
        #expect(w.quoteID("-") == "\"-\"")
        #expect(w.quoteID(".") == "\".\"")
    }

    // 4. Keywords, case-insensitively.
    @Test(arguments: ["node", "Node", "GRAPH", "Strict", "subGraph", "edge", "DiGraph"])
    func keywordsAreQuoted(_ k: String) {
        #expect(w.quoteID(k) == "\"\(k)\"")
        #expect(node(k) == "digraph {\n  \"\(k)\";\n}\n")
    }

    // 5. `@` ends the input when bare.
    @Test func atSignIsQuoted() { #expect(w.quoteID("a@b") == "\"a@b\"") }

    // 6. Quotes and backslashes at the DOT layer.
    @Test func quotesAndBackslashesInRawValues() {
        #expect(w.quoteID("a\"b") == #""a\"b""#)
        #expect(w.quoteID("p\\q") == #""p\q""#)
        #expect(w.quoteID("\\\\") == #""\\""#)
        // A backslash before the closing quote cannot be represented and is doubled, never left to escape it.
        #expect(w.quoteID("\\") == #""\\""#)
        #expect(w.quoteID("x\\") == #""x\\""#)
        #expect(w.quoteID("a\\\"b") == #""a\\\"b""#)
    }

    @Test func quotesAndBackslashesInLabels() {
        #expect(EscString("\\").encoded == #"\\"#)
        #expect(w.value(.text("\\")) == #""\\""#)
        #expect(w.value(.text("x\\")) == #""x\\""#)
        #expect(w.value(.text("a\"b")) == #""a\"b""#)
        // A value that already contains \" : the backslash is literal, the quote is escaped.
        #expect(w.value(.text("a\\\"b")) == #""a\\\"b""#)
        #expect(EscString.decode(EscString("a\\\"b").encoded) == "a\\\"b")
    }

    // 7. escStrings: line breaks, name expansions, literal backslashes, raw tab.
    @Test func escStrings() {
        #expect(EscString("a\nb").encoded == #"a\nb"#)
        #expect(EscString("a\r\nb\rc").encoded == #"a\nb\nc"#)
        #expect(EscString("\\N-node").encoded == #"\\N-node"#)
        #expect(EscString("a\tb").encoded == "a\tb")
        #expect(EscString.lines(["a", "b"], justification: .left).encoded == #"a\lb\l"#)
        #expect((EscString.nodeName + EscString.lineBreak(.right) + "x").encoded == #"\N\rx"#)
        #expect(EscString("bell\u{7}nul\u{0}").encoded == "bell\u{FFFD}nul\u{FFFD}")
        // Raw value vs escString for the same text.
        #expect(w.value(.raw("a\\nb")) == #""a\nb""#)
        #expect(w.value(.text("a\\nb")) == #""a\\nb""#)
    }

    // 8. `&` in label-like values.
    @Test func ampersandsInLabels() {
        #expect(EscString("AT&T").encoded == "AT&amp;T")
        #expect(EscString("&lt;x&gt;").encoded == "&amp;lt;x&amp;gt;")
        #expect(EscString.decode("&amp;lt;") == "&lt;")
        #expect(w.value(.raw("AT&T")) == #""AT&T""#)
    }

    // 9. HTML labels.
    @Test func htmlLabels() {
        #expect(w.value(.html(.text("x < y & z"))) == "<x &lt; y &amp; z>")
        #expect(HTMLLabel(markup: "<b x") == nil)
        #expect(HTMLLabel(markup: "x > y") == nil)
        #expect(HTMLLabel(markup: "<b>x</b>") != nil)
        #expect(HTMLLabel.text("a\\\nb").markup == "a&#92;<BR/>b")
        let cell = HTMLLabel.element("TD", ["BGCOLOR": "#E69F00", "ALIGN": "LEFT"], .text("Group \"A\""))
        #expect(cell.markup == ##"<TD ALIGN="LEFT" BGCOLOR="#E69F00">Group &quot;A&quot;</TD>"##)
    }

    // 10. Plain strings that look like HTML stay quoted.
    @Test func htmlLookingPlainStrings() {
        #expect(w.value(.text("<b>")) == #""<b>""#)
        #expect(w.value(.text("<> <>")) == #""<> <>""#)
        #expect(w.value(.raw("<lambda> <map>")) == #""<lambda> <map>""#)
    }

    // 11. Colons: names are quoted; ports and compass points are separate fields.
    @Test func colonsAndPorts() {
        var g = DOTGraph()
        g.add(DOTEdge(DOTEndpoint("a:b"), DOTEndpoint("c", port: "p:1", compass: .ne)))
        g.add(DOTEdge("std::vector", "http://x.org/a:b"))
        #expect(w.write(g) == """
            digraph {
              "a:b" -> c:"p:1":ne;
              "std::vector" -> "http://x.org/a:b";
            }

            """)
    }

    // 12. Quoted strings past ~16 KB are split with `+`; HTML is not.
    @Test func longStringsAreSplit() {
        let long = String(repeating: "ab\\\"é", count: 10_000)  // 60 KB, with escapes and 2-byte characters
        let v = w.value(.text(long))
        let pieces = v.components(separatedBy: "\" + \"")
        #expect(pieces.count > 5)
        #expect(pieces.allSatisfy { $0.utf8.count <= 8_002 })
        // Splitting never separates an escape from what it escapes.
        #expect(pieces.dropLast().allSatisfy { !$0.hasSuffix("\\") || $0.hasSuffix("\\\\") })
        #expect(w.value(.html(.text(String(repeating: "x", count: 40_000)))).contains("+") == false)
        let longID = w.quoteID(String(repeating: "z", count: 20_000))
        #expect(longID.hasPrefix("\"z") && longID.contains("\" + \""), "a 20 KB ID is quoted and split")
    }

    // 13. Edge operators follow the graph kind.
    @Test func edgeOperators() {
        var g = DOTGraph(kind: .graph)
        g.add(DOTEdge("a", "b", ["dir": "back"]))
        #expect(w.write(g) == "graph {\n  a -- b [dir=back];\n}\n")
        var d = DOTGraph(kind: .digraph, strict: true, id: "G")
        d.add(DOTEdge("a", "b"))
        #expect(w.write(d) == "strict digraph G {\n  a -> b;\n}\n")
    }

    // 14. Clusters: lowercase prefix, unique names, plain subgraphs never named like clusters.
    @Test func clusterNames() {
        var g = DOTGraph()
        g.add(.cluster("Quetta", ["label": .text("Quetta")], statements: [.node(DOTNode("a"))]))
        g.add(.cluster("Quetta", statements: [.node(DOTNode("b"))]))
        g.add(DOTSubgraph(name: "ClusterLike", graphAttributes: ["rank": "same"], statements: [.node(DOTNode("c"))]))
        g.add(DOTSubgraph(statements: [.node(DOTNode("d"))]))
        g.add(DOTSubgraph(name: "%anon", statements: [.node(DOTNode("e"))]))
        #expect(w.write(g) == """
            digraph {
              subgraph cluster_Quetta {
                graph [label="Quetta"];
                a;
              }
              subgraph cluster_Quetta_2 {
                b;
              }
              subgraph sub_ClusterLike {
                graph [rank=same];
                c;
              }
              subgraph {
                d;
              }
              subgraph "sub_%anon" {
                e;
              }
            }

            """)
    }

    // 15. Determinism: sorted attributes, insertion order, one cluster per node.
    @Test func determinism() {
        var g = DOTGraph(graphAttributes: ["rankdir": "LR", "bgcolor": "white", "Label": .text("T")])
        g.add(DOTNode("z", ["shape": "box", "color": "red", "label": .text("Z")]))
        g.add(DOTNode("a"))
        g.add(.cluster("one", statements: [.node(DOTNode("x", ["label": .text("in one")]))]))
        g.add(.cluster("two", statements: [.node(DOTNode("x", ["color": "blue"])), .node(DOTNode("y"))]))
        let expected = """
            digraph {
              graph [Label="T", bgcolor=white, rankdir=LR];
              z [color=red, label="Z", shape=box];
              a;
              subgraph cluster_one {
                x [label="in one"];
              }
              subgraph cluster_two {
                y;
              }
              x [color=blue];
            }

            """
        #expect(w.write(g) == expected)
        #expect(w.write(g) == w.write(g))
    }

    @Test func nestedClustersMayShareANode() {
        var inner = DOTSubgraph.cluster("inner", statements: [.node(DOTNode("n"))])
        inner.graphAttributes["label"] = .text("inner")
        let outer = DOTSubgraph.cluster("outer", statements: [.node(DOTNode("n")), .subgraph(inner)])
        var g = DOTGraph()
        g.add(outer)
        let text = w.write(g)
        #expect(text.components(separatedBy: "  n;").count == 3)
    }

    // 16. Non-ASCII, emoji, BOM, comments-looking text, separators, tabs, CRLF, very long IDs.
    @Test func hostileText() {
        #expect(w.quoteID("Khyber Pakhtunkhwa") == "\"Khyber Pakhtunkhwa\"")
        #expect(w.quoteID("😀") == "\"😀\"")
        #expect(w.quoteID("\u{FEFF}x") == "\"\u{FEFF}x\"")
        #expect(w.quoteID("#x") == "\"#x\"")
        #expect(w.quoteID("a\n#b") == "\"a\n#b\"")
        #expect(w.quoteID("//c") == "\"//c\"")
        #expect(w.quoteID("a;b,c") == "\"a;b,c\"")
        #expect(w.quoteID("a\tb") == "\"a\tb\"")
        #expect(w.value(.text("a\r\nb")) == #""a\nb""#)
        #expect(w.quoteID(String(repeating: "a", count: 5_000)) == String(repeating: "a", count: 5_000))
        var g = DOTGraph()
        g.add(DOTNode("n", ["label": .text("x // y /* z */ # w")]))
        #expect(w.write(g) == "digraph {\n  n [label=\"x // y /* z */ # w\"];\n}\n")
        #expect(!w.write(g).hasPrefix("\u{FEFF}"))
    }

    @Test func attributeNamesAndNumbers() {
        #expect(DOTWriter().value(.number(0.1 + 0.2)) == "0.3")
        #expect(DOTWriter().value(.number(-2)) == "-2")
        #expect(DOTWriter().value(.number(1e20)) == "100000000000000")
        #expect(DOTWriter().value(.number(-0.00001)) == "0")
        var g = DOTGraph()
        g.add(DOTNode("a", ["my attr": "v"]))
        #expect(w.write(g) == "digraph {\n  a [\"my attr\"=v];\n}\n")
    }

    @Test func escStringDecodeInvertsEncode() {
        // U+0603 is a prepended mark: "\u{603}&" is one Character, so scalar-level processing matters.
        for s in ["\u{603}&amp;", "\u{603}&", "clusterx\u{301}", "", "a", "\\", "x\\", "a\"b", "\\N", "&amp;", "l1\nl2", "tab\there", "😀 ü", "<b>&</b>"] {
            #expect(EscString.decode(EscString(s).encoded) == EscString.normalize(s))
        }
    }
}
