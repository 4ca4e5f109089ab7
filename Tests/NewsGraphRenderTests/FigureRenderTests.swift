import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NewsGraphCore
import NewsGraphExport
import NewsGraphRender
import PropertyBased
import Testing

/// A fictional one-article graph (made up for tests).
func renderFixture() -> KnowledgeGraph {
    let id = "render-fixture"
    let sentences = ["The Hill & Valley Front attacked an army convoy near Stoneford on 2 May, killing six soldiers.",
                     "The attack followed the army's raid on Pine Ridge a day earlier."]
    func p(_ s: Int) -> Provenance { Provenance(article: id, sentence: s, start: 0, end: 3) }
    let info = ArticleInfo(id: id, date: "2025-05-03", source: "https://example.org/a?x=1&y=2", contentHash: "f", sentences: sentences)
    return KnowledgeGraph(articles: [ArticleGraph(
        article: info,
        entities: [
            ExtractedEntity(name: "Hill & Valley Front", type: .group, mentions: [p(0)]),
            ExtractedEntity(name: "army", type: .unit, mentions: [p(0), p(1)]),
            ExtractedEntity(name: "army convoy", type: .facility, mentions: [p(0)]),
            ExtractedEntity(name: "Stoneford", type: .place, mentions: [p(0)]),
            ExtractedEntity(name: "Pine Ridge", type: .place, mentions: [p(1)]),
        ],
        events: [
            ExtractedEvent(id: "convoy_attack", type: .attack, trigger: "attacked", agent: ["Hill & Valley Front"],
                           target: ["army convoy"], place: "Stoneford", date: "2025-05-02", killed: 6, mentions: [p(0)]),
            ExtractedEvent(id: "ridge_raid", type: .operation, trigger: "raid", agent: ["army"], target: ["Hill & Valley Front"],
                           place: "Pine Ridge", date: "2025-05-01", mentions: [p(1)]),
        ],
        causal: [ExtractedCausalLink(from: "convoy_attack", relation: .followed, to: "ridge_raid", cue: "followed", provenance: [p(1)])],
        lexiconVersion: "test")])
}

/// Parses XML with Foundation's parser; nil when well-formed, else the error.
enum XMLWellFormed {
    static func check(_ data: Data) -> String? {
        #if canImport(FoundationXML)
        let parser = FoundationXML.XMLParser(data: data)
        #else
        let parser = XMLParser(data: data)
        #endif
        parser.shouldResolveExternalEntities = false
        return parser.parse() ? nil : String(describing: parser.parserError)
    }
}

@Suite("Rendering figures")
struct FigureRenderTests {
    @Test func svgCarriesIdsClassesTooltipsAndLinks() throws {
        let r = try Graphviz.shared.render(renderFixture(), figure: FigureOptions(view: .graph, cluster: .place))
        let svg = try #require(r.result.text)
        #expect(svg.contains(#"class="node entity group""#))
        #expect(svg.contains(#"class="node event attack violence asserted""#))
        #expect(svg.contains(#"id="ng&#45;entity&#45;group&#45;hillvalleyfront""#))
        #expect(svg.contains("xlink:href=\"https://example.org/a?x=1&amp;y=2\""))
        #expect(svg.contains("The Hill &amp; Valley Front attacked an army convoy near Stoneford"))
        #expect(svg.contains(">Hill &amp; Valley Front</text>"))
        #expect(svg.contains(#"class="cluster group&#45;of&#45;place""#))
        // Graphviz's SVG must be well-formed XML: the URL's & is escaped, ids are unique.
        let ids = svg.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "duplicate SVG ids")
        #expect(XMLWellFormed.check(r.result.data) == nil)
        #expect(r.notes.isEmpty, "\(r.notes)")
    }

    @Test(arguments: FigureView.allCases)
    func everyViewRendersWithoutGraphvizComplaints(_ view: FigureView) throws {
        for theme in Theme.allCases {
            let o = FigureOptions(view: view, focus: "army", depth: 2, theme: theme)
            let r = try Graphviz.shared.render(renderFixture(), figure: o, render: RenderOptions(format: .svg))
            #expect(r.result.diagnostics.isEmpty, "\(view) \(theme): \(r.result.diagnostics)")
            #expect(r.result.text?.contains("</svg>") == true)
        }
    }

    @Test func sameInputGivesByteIdenticalSVG() throws {
        let o = FigureOptions(view: .timeline, cluster: .place)
        let a = try Graphviz.shared.render(renderFixture(), figure: o)
        let b = try Graphviz.shared.render(renderFixture(), figure: o)
        #expect(a.dot == b.dot)
        #expect(a.result.data == b.result.data)
    }

    @Test(arguments: [OutputFormat.png, .pdf])
    func figuresRenderToPNGAndPDF(_ format: OutputFormat) throws {
        let r = try Graphviz.shared.render(renderFixture(), figure: FigureOptions(view: .actors), render: RenderOptions(format: format))
        let magic: [UInt8] = format == .png ? [0x89, 0x50, 0x4E, 0x47] : Array("%PDF".utf8)
        #expect(Array(r.result.data.prefix(4)) == magic)
        #expect(r.result.data.count > 1_000)
    }

    @Test func installedFontComesFirst() {
        let stack = InstalledFonts.stack()
        #expect(stack.hasSuffix(",sans-serif"))
        let installed = InstalledFonts.installedFamilies()
        if let first = installed.first { #expect(stack.hasPrefix(first)) }
    }

    @Test func figureErrorsPassThrough() {
        #expect(throws: FigureError.self) {
            try Graphviz.shared.render(renderFixture(), figure: FigureOptions(view: .ego, focus: "Nobody"))
        }
    }
}

@Suite("Hostile names through every view")
struct HostileFigureTests {
    /// A graph whose names, triggers and places are hostile strings.
    static func graph(_ names: [String]) -> KnowledgeGraph {
        let id = "hostile"
        let n = names.map { $0.isEmpty ? "_" : $0 }
        let a = n[0], b = n[1 % n.count] + " B", place = n[2 % n.count] + " P"
        let info = ArticleInfo(id: id, date: "2025-01-02", source: "https://example.org/?q=" + n[0], contentHash: "h",
                               sentences: [n.joined(separator: " ")])
        let p = Provenance(article: id, sentence: 0, start: 0, end: 1)
        return KnowledgeGraph(articles: [ArticleGraph(
            article: info,
            entities: [
                ExtractedEntity(name: a, type: .group, mentions: [p]),
                ExtractedEntity(name: b, type: .person, mentions: [p]),
                ExtractedEntity(name: place, type: .place, mentions: [p]),
            ],
            events: [
                ExtractedEvent(id: "e1", type: .attack, trigger: n[0], agent: [a], target: [b], place: place, date: "2025-01-01",
                               killed: 1, mentions: [p]),
                ExtractedEvent(id: "e2", type: .statement, trigger: n[1 % n.count], agent: [b], mentions: [p]),
            ],
            triples: [ExtractedTriple(subject: b, predicate: .memberOf, object: a, provenance: [p])],
            causal: [ExtractedCausalLink(from: "e2", relation: .respondedTo, to: "e1", cue: n[2 % n.count], provenance: [p])],
            lexiconVersion: "test")])
    }

    func check(_ names: [String]) throws {
        let g = HostileFigureTests.graph(names)
        for view in FigureView.allCases {
            let o = FigureOptions(view: view, focus: g.entity(NodeID(0))?.name, depth: 2, cluster: view == .timeline ? .place : .group)
            let r = try Graphviz.shared.render(g, figure: o)
            #expect(r.result.diagnostics.isEmpty, "\(view) \(names.map(\.debugDescription)): \(r.result.diagnostics)")
            #expect(XMLWellFormed.check(r.result.data) == nil, "\(view) \(names.map(\.debugDescription))")
        }
    }

    @Test func checklistNames() throws {
        let hostile = RoundTripTests.hostile.filter { $0.count < 200 }
        for i in stride(from: 0, to: hostile.count, by: 3) {
            try check(Array(hostile[i..<min(hostile.count, i + 3)]))
        }
    }

    @Test func randomNames() async throws {
        let piece = Gen<String?>.element(of: RoundTripTests.pieces).map { $0 ?? "" }
        let names = piece.array(of: 1...5).map { $0.joined() }.array(of: 3)
        await propertyCheck(count: 150, input: names) { n in try check(n) }
    }
}
