import NewsGraphCore
import NewsGraphExport
import Testing

/// Invented graphs for the page-layout behaviours of figures (issue 13, item 4).
enum PageFixture {
    static func p(_ article: String, _ sentence: Int = 0) -> Provenance { Provenance(article: article, sentence: sentence, start: 0, end: 3) }

    /// An operation by the Stone Guard that targeted and killed Ada Vel, and the Ridge Army's attack in response.
    static var chain: KnowledgeGraph {
        let id = "page-chain"
        return KnowledgeGraph(articles: [ArticleGraph(
            article: ArticleInfo(id: id, date: "2025-04-04", contentHash: "c1", sentences: ["One.", "Two.", "Three."]),
            entities: [
                ExtractedEntity(name: "Stone Guard", type: .unit, mentions: [p(id)]),
                ExtractedEntity(name: "Ada Vel", type: .person, mentions: [p(id)]),
                ExtractedEntity(name: "Ridge Army", type: .group, mentions: [p(id, 1)]),
                ExtractedEntity(name: "Guard outpost", type: .facility, mentions: [p(id, 1)]),
            ],
            events: [
                ExtractedEvent(id: "op", type: .operation, trigger: "operation", agent: ["Stone Guard"], target: ["Ada Vel"],
                               date: "2025-04-01", mentions: [p(id)]),
                ExtractedEvent(id: "revenge", type: .attack, trigger: "attacked", agent: ["Ridge Army"], target: ["Guard outpost"],
                               date: "2025-04-03", mentions: [p(id, 1)]),
            ],
            triples: [ExtractedTriple(subject: "Stone Guard", predicate: .killed, object: "Ada Vel", provenance: [p(id)])],
            causal: [ExtractedCausalLink(from: "revenge", relation: .respondedTo, to: "op", cue: "in response to", provenance: [p(id, 2)])],
            lexiconVersion: "test")])
    }

    /// `parts` separate incidents (an attack by one group on one unit, each in its own article), a raid by
    /// the first unit on three groups, and two names with no link at all.
    static func scattered(parts: Int = 6) -> KnowledgeGraph {
        var articles: [ArticleGraph] = []
        for i in 0..<parts {
            let id = "page-part-\(i)"
            articles.append(ArticleGraph(
                article: ArticleInfo(id: id, date: "2025-05-\(10 + i)", contentHash: "p\(i)", sentences: ["One."]),
                entities: [ExtractedEntity(name: "Group \(i)", type: .group, mentions: [p(id)]),
                           ExtractedEntity(name: "Unit \(i)", type: .unit, mentions: [p(id)])],
                events: [ExtractedEvent(id: "attack\(i)", type: .attack, trigger: "attacked", agent: ["Group \(i)"], target: ["Unit \(i)"],
                                        date: "2025-05-\(10 + i)", mentions: [p(id)])],
                lexiconVersion: "test"))
        }
        let id = "page-hub"
        articles.append(ArticleGraph(
            article: ArticleInfo(id: id, date: "2025-05-30", contentHash: "h", sentences: ["One."]),
            entities: [ExtractedEntity(name: "Unit 0", type: .unit, mentions: [p(id)]),
                       ExtractedEntity(name: "Group 1", type: .group, mentions: [p(id)]),
                       ExtractedEntity(name: "Group 2", type: .group, mentions: [p(id)]),
                       ExtractedEntity(name: "Group 3", type: .group, mentions: [p(id)]),
                       ExtractedEntity(name: "Lone Observer", type: .person, mentions: [p(id)]),
                       ExtractedEntity(name: "Quiet Town", type: .place, mentions: [p(id)])],
            events: [ExtractedEvent(id: "raid", type: .operation, trigger: "raid", agent: ["Unit 0"], target: ["Group 1", "Group 2", "Group 3"],
                                    date: "2025-05-29", mentions: [p(id)])],
            lexiconVersion: "test"))
        return KnowledgeGraph(articles: articles)
    }
}

@Suite("Figures for a page: chain targets, node budget, subtitle, packing, size, timeline axis")
struct FigurePageTests {
    @Test("the chain view draws the targets of its events and the killed relation, so the victim is not a floating node")
    func chainDrawsTargetsAndKilled() throws {
        let f = try FigureBuilder.build(PageFixture.chain, options: FigureOptions(view: .chain, focus: "Ada Vel"))
        let ada = try #require(f.nodes.first { $0.title == "Ada Vel" })
        let links = f.edges.filter { $0.from == ada.name || $0.to == ada.name }
        #expect(links.contains { $0.kind == .role(.target) }, "the operation's target link to Ada Vel")
        #expect(links.contains { $0.kind == .triple(.killed) && $0.label == "killed" }, "Stone Guard killed Ada Vel")
        #expect(f.nodes.contains { $0.title == "Guard outpost" }, "the attack's target")
        #expect(f.edges.contains { if case .causal = $0.kind { true } else { false } })
    }

    @Test("--max-nodes never keeps a node without a link, whatever the budget")
    func budgetLeavesNoIsolatedNode() throws {
        let g = PageFixture.scattered()
        for view in [FigureView.graph, .actors, .chain, .timeline] {
            let all = try FigureBuilder.build(g, options: FigureOptions(view: view))
            for limit in 2..<max(3, all.nodes.count) {
                let f = try FigureBuilder.build(g, options: FigureOptions(view: view, maxNodes: limit))
                #expect(f.nodes.count <= limit)
                let linked = Set(f.edges.flatMap { [$0.from, $0.to] })
                let isolated = f.nodes.filter { !linked.contains($0.name) }.map(\.title)
                #expect(isolated.isEmpty, "\(view) --max-nodes \(limit): \(isolated)")
            }
        }
    }

    @Test("the budget still prefers the most connected nodes and keeps the ego centre")
    func budgetKeepsHubAndFocus() throws {
        let g = PageFixture.scattered()
        let f = try FigureBuilder.build(g, options: FigureOptions(maxNodes: 4))
        #expect(f.nodes.contains { $0.title == "Operation" })
        let ego = try FigureBuilder.build(g, options: FigureOptions(view: .ego, focus: "Lone Observer", depth: 1, maxNodes: 3))
        #expect(ego.nodes.map(\.title) == ["Lone Observer"])
    }

    @Test("the subtitle counts the articles the figure's nodes come from, not the store's")
    func subtitleCountsTheFiguresArticles() throws {
        let g = PageFixture.scattered()
        let ego = try FigureBuilder.build(g, options: FigureOptions(view: .ego, focus: "Group 4", depth: 1))
        #expect(ego.subtitle.hasSuffix("2 nodes, 1 link, 1 article"), "\(ego.subtitle)")
        let all = try FigureBuilder.build(g, options: FigureOptions())
        #expect(all.subtitle.hasSuffix("7 articles"), "\(all.subtitle)")
    }

    @Test("a figure of several parts is packed (without newrank, which crashes 2.42's dot with pack); one part is not")
    func packing() throws {
        let many = try DOTExport.dot(PageFixture.scattered())
        #expect(many.contains("pack=true") && many.contains(#"packmode="graph""#))
        #expect(!many.contains("newrank"))
        let unpacked = try DOTExport.dot(PageFixture.scattered(), options: FigureOptions(pack: false))
        #expect(!unpacked.contains("pack=") && unpacked.contains("newrank=true"))
        let one = try DOTExport.dot(PageFixture.chain, options: FigureOptions(view: .chain))
        #expect(!one.contains("pack="))
        let timeline = try DOTExport.dot(PageFixture.scattered(), options: FigureOptions(view: .timeline))
        #expect(!timeline.contains("pack=") && timeline.contains("newrank=true"))
    }

    @Test("figures fit the A4 text block by default (landscape for the timeline); --size and natural change it")
    func pageSize() throws {
        let g = PageFixture.chain
        #expect(try DOTExport.dot(g).contains(#"size="6.3,9""#))
        #expect(try DOTExport.dot(g, options: FigureOptions(view: .timeline)).contains(#"size="9,6.3""#))
        #expect(try DOTExport.dot(g, options: FigureOptions(size: FigureSize(width: 4, height: 3))).contains(#"size="4,3""#))
        #expect(try !DOTExport.dot(g, options: FigureOptions(size: .natural)).contains(#"size=""#))
        #expect(FigureSize(parsing: "6.3x9") == FigureSize(width: 6.3, height: 9))
        let cm = try #require(FigureSize(parsing: "16x23cm"))
        #expect(abs(cm.width - 16 / 2.54) < 1e-9 && abs(cm.height - 23 / 2.54) < 1e-9)
        #expect(FigureSize(parsing: "254 x 127 mm") == FigureSize(width: 10, height: 5))
        #expect(FigureSize(parsing: "natural")?.isNatural == true)
        for bad in ["", "6", "x9", "6x", "-1x2", "0x5", "axb", "6x9ft", "nanx1", "infx2"] { #expect(FigureSize(parsing: bad) == nil, "\(bad)") }
    }

    @Test("the timeline puts each date in its own rank with its events, two ranks apart, label first")
    func timelineAxisStructure() throws {
        let g = PageFixture.scattered()
        let (figure, dot, _) = try DOTExport.figure(g, options: FigureOptions(view: .timeline))
        let ranks = dot.statements.compactMap { s -> DOTSubgraph? in
            if case .subgraph(let g) = s, g.graphAttributes["rank"] == "same" { g } else { nil }
        }
        #expect(ranks.count == figure.timeline.count)
        let text = dot.text
        #expect(text.contains("minlen=2"))
        for (i, r) in figure.timeline.enumerated() {
            for e in r.events { #expect(text.contains("t\(i) -> \(e) [class=\"axis order\", style=invis]"), "\(r.date) \(e)") }
        }
    }

    @Test("on the timeline an entity is ranked by its earliest event only; its other links do not constrain")
    func timelineEntityConstraints() throws {
        let g = PageFixture.scattered()
        let (figure, dot, _) = try DOTExport.figure(g, options: FigureOptions(view: .timeline))
        let events = Set(figure.nodes.filter(\.isEvent).map(\.name))
        var constraining: [String: Int] = [:]
        let edges = dot.statements.compactMap { s -> DOTEdge? in if case .edge(let e) = s { e } else { nil } }
        for e in edges where events.contains(e.from.node.value) != events.contains(e.to.node.value) {
            guard e.attributes["constraint"] == nil, !e.from.node.value.hasPrefix("t") else { continue }
            let entity = events.contains(e.from.node.value) ? e.to.node.value : e.from.node.value
            constraining[entity, default: 0] += 1
        }
        #expect(!constraining.isEmpty)
        #expect(constraining.values.allSatisfy { $0 == 1 }, "\(constraining)")
    }
}

@Suite("Figures for a page: layer direction")
struct FigureDirectionTests {
    @Test("layers run along the page's long side; the timeline always runs left to right")
    func rankdirFollowsThePage() throws {
        let g = PageFixture.chain
        #expect(try DOTExport.dot(g, options: FigureOptions(view: .chain)).contains("rankdir=TB"))
        #expect(try DOTExport.dot(g, options: FigureOptions(view: .chain, size: .a4Landscape)).contains("rankdir=LR"))
        #expect(try DOTExport.dot(g, options: FigureOptions(view: .chain, size: .natural)).contains("rankdir=LR"))
        #expect(try DOTExport.dot(g, options: FigureOptions(view: .timeline, size: .a4)).contains("rankdir=LR"))
        #expect(try DOTExport.dot(g, options: FigureOptions(view: .ego, focus: "Ada Vel", rankdir: "BT")).contains("rankdir=BT"))
    }
}
