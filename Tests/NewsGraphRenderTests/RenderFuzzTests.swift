import Foundation
@_spi(Testing) import NewsGraphCore
import NewsGraphExport
import NewsGraphRender
import Testing

/// Random invented graphs (hostile names included) and random figure and render options.
enum RandomFigures {
    static let syllables = ["ka", "lo", "mir", "tan", "vel", "zu", "or", "ash", "ri", "do"]
    static let hostile = ["\"", "\\", "<b>", "&amp;", "{x}", ":", "日本", "🙂", "a\\nb", "node", "-1", "", "#", "//"]

    static func name(_ r: inout SplitMix64) -> String {
        var s = (0..<Int.random(in: 1...3, using: &r)).map { _ in syllables.randomElement(using: &r) ?? "ka" }.joined().capitalized
        if Int.random(in: 0..<4, using: &r) == 0 { s += " " + (hostile.randomElement(using: &r) ?? "") }
        return s + " " + (syllables.randomElement(using: &r) ?? "lo").capitalized
    }

    static func graph(_ r: inout SplitMix64) -> KnowledgeGraph {
        var articles: [ArticleGraph] = []
        for a in 0..<Int.random(in: 1...3, using: &r) {
            let id = "fuzz-\(a)"
            let mention = [Provenance(article: id, sentence: 0, start: 0, end: 1)]
            let entities = (0..<Int.random(in: 0...9, using: &r)).map { _ in
                ExtractedEntity(name: name(&r), type: EntityType.allCases.randomElement(using: &r) ?? .group, mentions: mention)
            }
            let names = entities.map(\.name)
            let places = entities.filter { $0.type == .place }.map(\.name)
            func some(_ r: inout SplitMix64) -> [String] { names.isEmpty ? [] : (0..<Int.random(in: 0...2, using: &r)).compactMap { _ in names.randomElement(using: &r) } }
            let events = (0..<Int.random(in: 0...7, using: &r)).map { i in
                ExtractedEvent(id: "e\(i)", type: EventType.allCases.randomElement(using: &r) ?? .attack, trigger: "did",
                               agent: some(&r), target: some(&r), place: Bool.random(using: &r) ? places.randomElement(using: &r) : nil,
                               date: Bool.random(using: &r) ? "2025-0\(Int.random(in: 1...9, using: &r))-1\(Int.random(in: 0...9, using: &r))" : nil,
                               killed: Bool.random(using: &r) ? Int.random(in: 0...40, using: &r) : nil,
                               factuality: [Factuality.asserted, .reported, .denied].randomElement(using: &r) ?? .asserted, mentions: mention)
            }
            let triples = names.count < 2 ? [] : (0..<Int.random(in: 0...4, using: &r)).compactMap { _ -> ExtractedTriple? in
                let p = TriplePredicate.allCases.filter { $0 != .claimedResponsibility }.randomElement(using: &r) ?? .attacked
                guard let s = names.randomElement(using: &r), let o = names.randomElement(using: &r), s != o else { return nil }
                return ExtractedTriple(subject: s, predicate: p, object: o, provenance: mention)
            }
            let causal = events.count < 2 ? [] : (0..<Int.random(in: 0...3, using: &r)).compactMap { _ -> ExtractedCausalLink? in
                guard let x = events.randomElement(using: &r)?.id, let y = events.randomElement(using: &r)?.id, x != y else { return nil }
                return ExtractedCausalLink(from: x, relation: CausalRelation.allCases.randomElement(using: &r) ?? .caused, to: y, provenance: mention)
            }
            articles.append(ArticleGraph(
                article: ArticleInfo(id: id, date: "2025-06-0\(a + 1)", contentHash: "fuzz\(a)", sentences: ["Invented."]),
                entities: entities, events: events, triples: triples, causal: causal, lexiconVersion: "test"))
        }
        return KnowledgeGraph(articles: articles)
    }

    static func options(_ g: KnowledgeGraph, _ r: inout SplitMix64) -> (FigureOptions, RenderOptions) {
        var o = FigureOptions(view: FigureView.allCases.randomElement(using: &r) ?? .graph)
        let names = g.entityIDs.map { g.name(of: $0) }
        if o.view == .ego || (o.view == .chain && Bool.random(using: &r)) { o.focus = names.randomElement(using: &r) ?? "Nobody" }
        o.depth = Int.random(in: 0...3, using: &r)
        o.maxNodes = Bool.random(using: &r) ? Int.random(in: 1...15, using: &r) : nil
        o.cluster = [nil, ClusterMode.place, .group].randomElement(using: &r) ?? nil
        o.theme = Theme.allCases.randomElement(using: &r) ?? .paper
        o.title = [nil, "", "Fuzz <&> \"title\""].randomElement(using: &r) ?? nil
        o.legend = Bool.random(using: &r)
        o.edgeLabels = Bool.random(using: &r)
        o.pack = Int.random(in: 0..<4, using: &r) != 0
        o.size = [nil, FigureSize.natural, FigureSize(width: 3, height: 2)].randomElement(using: &r) ?? nil
        let format = [OutputFormat.svg, .png, .pdf, .plain].randomElement(using: &r) ?? .svg
        let engine = LayoutEngine.allCases.randomElement(using: &r) ?? .dot
        return (o, RenderOptions(format: format, engine: engine, dpi: format == .png ? 72 : nil))
    }
}

/// Issue 13: whatever Graphviz does with a graph, rendering ends in a figure or a typed error. Random
/// views of random graphs, rendered in the child process, each within a time limit.
@Suite("Random figures", .enabled(if: WorkerBinary.isAvailable, "needs the built newsgraph executable"))
struct RenderFuzzTests {
    @Test("every random view of a random graph ends in a figure or a typed one-line error", arguments: [UInt64(13), 2026, 42])
    func randomViewsEndInAFigureOrATypedError(seed: UInt64) throws {
        var r = SplitMix64(seed: seed)
        let renderer = try WorkerBinary.renderer(timeout: 20, memoryLimit: 2 << 30)
        let started = Date()
        for i in 0..<20 {
            let g = RandomFigures.graph(&r)
            let (figure, render) = RandomFigures.options(g, &r)
            let what = "seed \(seed) case \(i): \(figure.view) \(render.engine) \(render.format)"
            do {
                let out = try Graphviz.shared.render(g, figure: figure, render: render, isolation: .childProcess(renderer))
                #expect(!out.result.data.isEmpty, "\(what): empty output")
                switch render.format {
                case .png: #expect(Array(out.result.data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(what)")
                case .pdf: #expect(Array(out.result.data.prefix(5)) == Array("%PDF-".utf8), "\(what)")
                case .svg: #expect(out.result.text?.contains("</svg>") == true, "\(what)")
                default: #expect(out.result.text?.hasPrefix("graph ") == true, "\(what)")
                }
                // When the budget cut the view, no kept node is left without a link (the chain's focus may be).
                if figure.maxNodes.map({ $0 >= 2 }) == true, figure.view != .ego, out.figure.notes.contains(where: { $0.hasPrefix("--max-nodes") }) {
                    let linked = Set(out.figure.edges.flatMap { [$0.from, $0.to] })
                    #expect(out.figure.nodes.allSatisfy { linked.contains($0.name) || $0.title == figure.focus }, "\(what): isolated node under --max-nodes")
                }
            } catch let e as RenderError {
                #expect(!e.description.contains("\n"), "\(what): \(e)")
                #expect(e.stage != .isolation && e.stage != .timedOut, "\(what): \(e)")
            } catch let e as FigureError {
                #expect(!e.message.contains("\n") && !e.message.isEmpty, "\(what): \(e)")
            }
        }
        #expect(Date().timeIntervalSince(started) < 240)
    }
}
