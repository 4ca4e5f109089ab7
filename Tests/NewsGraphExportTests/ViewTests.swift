import NewsGraphCore
import NewsGraphExport
import Testing

@Suite("Figure views, filters and style")
struct ViewTests {
    let g = Fixture.graph

    func figure(_ o: FigureOptions) throws -> Figure { try FigureBuilder.build(g, options: o) }
    func titles(_ f: Figure) -> Set<String> { Set(f.nodes.map(\.title)) }
    func node(_ f: Figure, _ title: String) -> Figure.Node? { f.nodes.first { $0.title == title } }

    @Test func wholeGraphHasEveryNodeAndEdge() throws {
        let f = try figure(FigureOptions())
        #expect(f.nodes.count == g.nodeCount)
        #expect(f.edges.count == g.edgeCount)
        #expect(titles(f).isSuperset(of: ["Northern Front", "Riverton Police", "Attack", "Operation", "Claim"]))
        #expect(f.notes.isEmpty)
    }

    @Test func sameInputGivesByteIdenticalDOT() throws {
        let a = try DOTExport.dot(g)
        let b = try DOTExport.dot(KnowledgeGraph(articles: [Fixture.articleB, Fixture.articleA]))
        #expect(a == b)
        for view in FigureView.allCases {
            var o = FigureOptions(view: view, focus: "Northern Front", cluster: .place)
            o.depth = 2
            #expect(try DOTExport.dot(g, options: o) == DOTExport.dot(g, options: o))
        }
    }

    @Test func egoNetworkByDepth() throws {
        let d0 = try figure(FigureOptions(view: .ego, focus: "Karim Zed", depth: 0))
        #expect(titles(d0) == ["Karim Zed"])
        let d1 = try figure(FigureOptions(view: .ego, focus: "Karim Zed", depth: 1))
        #expect(titles(d1) == ["Karim Zed", "Northern Front", "Claim"])
        let d2 = try figure(FigureOptions(view: .ego, focus: "Karim Zed", depth: 2))
        #expect(d2.nodes.count > d1.nodes.count)
        #expect(d2.title.contains("Karim Zed"))
    }

    @Test func egoNeedsAKnownEntity() {
        #expect(throws: FigureError.self) { try figure(FigureOptions(view: .ego)) }
        do {
            _ = try figure(FigureOptions(view: .ego, focus: "Nobody At All"))
            Issue.record("expected an error")
        } catch {
            #expect((error as? FigureError)?.message.contains("no entity called 'Nobody At All'") == true)
        }
    }

    @Test func actorNetworkFoldsEvents() throws {
        let f = try figure(FigureOptions(view: .actors))
        #expect(f.nodes.allSatisfy { if case .entity(let t) = $0.kind { [.person, .group, .unit, .organization].contains(t) } else { false } })
        let nf = try #require(node(f, "Northern Front")).name
        let police = try #require(node(f, "Riverton Police")).name
        let attack = f.edges.first { $0.from == nf && $0.to == police && $0.kind == .folded("attack") }
        #expect(attack?.label == "attack")
        let raid = f.edges.first { $0.from == police && $0.to == nf }
        #expect(raid?.label == "operation")
        #expect(f.edges.contains { $0.kind == .folded("part of") })
    }

    @Test func causalChainRunsEarlierToLater() throws {
        let f = try figure(FigureOptions(view: .chain))
        let raid = try #require(node(f, "Operation")).name
        let attack = try #require(f.nodes.first { $0.title == "Attack" && $0.date == "2025-03-08" }).name
        let link = try #require(f.edges.first { if case .causal = $0.kind { true } else { false } })
        #expect(link.from == raid && link.to == attack && link.label == "prompted")
        #expect(link.tooltip.contains("revenge for"))
        // Agents and targets come along (issue 13: a chain must show whom its events hit); places do not.
        #expect(titles(f).contains("Northern Front") && titles(f).contains("police post") && !titles(f).contains("Hill Camp"))
    }

    @Test func timelineOrdersDates() throws {
        let f = try figure(FigureOptions(view: .timeline))
        #expect(f.timeline.map(\.date) == ["2025-03-01", "2025-03-08", "2025-03-12"])
        let dot = FigureStyle.dot(f).text
        #expect(dot.contains("subgraph rank_0 {\n    graph [rank=same];\n    t0 [") && dot.contains("t0 -> t1"))
        #expect(dot.contains("label=\"2025-03-01\""))
    }

    @Test func filtersByDateTypePlaceAndEntity() throws {
        var o = FigureOptions()
        o.filter.from = "2025-03-08"
        o.filter.to = "2025-03-08"
        let byDate = try figure(o)
        #expect(byDate.nodes.filter(\.isEvent).allSatisfy { $0.date == "2025-03-08" })
        #expect(byDate.nodes.filter(\.isEvent).count == 2)
        #expect(byDate.subtitle.hasPrefix("2025-03-08 to 2025-03-08"))

        o = FigureOptions()
        o.filter.eventTypes = [.operation]
        #expect(try figure(o).nodes.filter(\.isEvent).map(\.title) == ["Operation"])

        // Hill Camp is located in Riverton: the raid there counts as in Riverton.
        o = FigureOptions()
        o.filter.place = "Riverton"
        #expect(try figure(o).nodes.filter(\.isEvent).count == 3)
        o.filter.place = "Hill Camp"
        #expect(try figure(o).nodes.filter(\.isEvent).map(\.title) == ["Operation"])

        o = FigureOptions()
        o.filter.entity = "Karim Zed"
        let byEntity = try figure(o)
        #expect(byEntity.nodes.filter(\.isEvent).map(\.title) == ["Claim"])
        #expect(titles(byEntity).contains("Karim Zed"))
    }

    @Test func filterErrorsSayWhatToDo() {
        var o = FigureOptions()
        o.filter.from = "08/03/2025"
        #expect { try figure(o) } throws: { ($0 as? FigureError)?.message.contains("YYYY-MM-DD") == true }
        o = FigureOptions()
        o.filter.from = "2025-03-09"
        o.filter.to = "2025-03-01"
        #expect { try figure(o) } throws: { ($0 as? FigureError)?.message.contains("is after") == true }
        o = FigureOptions()
        o.filter.place = "Atlantis"
        #expect { try figure(o) } throws: { ($0 as? FigureError)?.message.contains("no place called 'Atlantis'") == true }
    }

    @Test func maxNodesKeepsTheMostConnectedAndSaysWhatItDropped() throws {
        let f = try figure(FigureOptions(maxNodes: 4))
        #expect(f.nodes.count == 4)
        #expect(titles(f).contains("Northern Front"))
        let names = Set(f.nodes.map(\.name))
        #expect(f.edges.allSatisfy { names.contains($0.from) && names.contains($0.to) })
        let note = try #require(f.notes.first)
        #expect(note.contains("--max-nodes 4: kept the 4 most connected of \(g.nodeCount) nodes; dropped \(g.nodeCount - 4)"))
        // The ego focus always stays.
        let ego = try figure(FigureOptions(view: .ego, focus: "Karim Zed", depth: 3, maxNodes: 1))
        #expect(titles(ego) == ["Karim Zed"])
    }

    @Test func clustersByPlaceAndGroup() throws {
        let byPlace = try figure(FigureOptions(cluster: .place))
        #expect(byPlace.clusters.map(\.label).sorted() == ["Hill Camp", "Riverton"])
        let riverton = try #require(byPlace.clusters.first { $0.label == "Riverton" }).key
        #expect(byPlace.nodes.filter { $0.cluster == riverton }.count == 3)  // two attacks and Riverton itself
        let dot = FigureStyle.dot(byPlace).text
        #expect(dot.contains("subgraph cluster_\(riverton) {"))

        let byGroup = try figure(FigureOptions(cluster: .group))
        #expect(byGroup.clusters.map(\.label) == ["Northern Front"])
        #expect(byGroup.nodes.filter { $0.cluster != nil }.map(\.title).contains("Karim Zed"))
    }

    @Test func styleFollowsTypesAndCarriesEvidence() throws {
        let f = try figure(FigureOptions())
        let dot = FigureStyle.dot(f).text
        let nf = try #require(node(f, "Northern Front"))
        #expect(nf.tooltip.contains("Fighters of the Northern Front attacked a police post"))
        #expect(nf.tooltip.contains("(fixture-a, 2025-03-09)"))
        #expect(nf.url == "https://example.org/news/riverton")
        #expect(nf.svgID == "ng-entity-group-northern_front" || nf.svgID.hasPrefix("ng-entity-group-"))
        #expect(dot.contains("class=\"entity group\""))
        #expect(dot.contains("fillcolor=\"\(OkabeIto.vermillion)\""))  // attacks
        #expect(dot.contains("fillcolor=\"\(OkabeIto.blue)\""))  // the operation
        #expect(dot.contains("shape=hexagon") && dot.contains("shape=octagon") && dot.contains("shape=house"))
        #expect(dot.contains("legend [class=\"legend\""))
        #expect(dot.contains("<B>Knowledge graph</B>"))
        // Event details: date, place, casualties, factuality.
        let second = try #require(f.nodes.first { $0.date == "2025-03-12" })
        #expect(second.details == ["2025-03-12 · Riverton", "1 killed, 3 injured", "(reported)"])
        #expect(dot.contains("style=\"filled,dashed\""))
        // Hostile names are escaped in plain and HTML labels.
        #expect(dot.contains(#"label="A&amp;B Brigade {x}\n\"North\" <wing>""#))
        #expect(!dot.contains("A&B"))
    }

    @Test func themesChangeColoursAndSizes() throws {
        let f = try figure(FigureOptions())
        let paper = FigureStyle.dot(f, options: FigureOptions(theme: .paper)).text
        let dark = FigureStyle.dot(f, options: FigureOptions(theme: .dark)).text
        let slides = FigureStyle.dot(f, options: FigureOptions(theme: .slides)).text
        #expect(paper.contains("bgcolor=\"#FFFFFF\"") && dark.contains("bgcolor=\"#1E1E1E\""))
        #expect(slides.contains("fontsize=16"))
        let custom = FigureStyle.dot(f, options: FigureOptions(title: "", legend: false, font: "DejaVu Sans")).text
        #expect(!custom.contains("legend [") && !custom.contains("<B>Knowledge graph</B>") && custom.contains("fontname=\"DejaVu Sans\""))
    }

    @Test func paletteIsOkabeIto() {
        for t in EntityType.allCases { #expect(OkabeIto.all.contains(Palette.color(t))) }
        for c in EventCategory.allCases where c != .communication { #expect(OkabeIto.all.contains(Palette.color(c, theme: .paper))) }
        #expect(Palette.mix("#000000", "#FFFFFF", 0.5) == "#808080")
        // Events never share the entities' shapes.
        let entityShapes = Set(EntityType.allCases.map(Palette.shape))
        for t in EventType.allCases where Palette.shape(t) != "box" { #expect(!entityShapes.contains(Palette.shape(t))) }
    }

    @Test func plainExportIsUnstyled() {
        let dot = DOTExport.plain(g)
        #expect(dot.hasPrefix("digraph newsgraph {\n"))
        #expect(dot.contains("relation=responded_to"))
        #expect(!dot.contains("fillcolor"))
    }

    @Test func emptySelectionIsReported() throws {
        var o = FigureOptions()
        o.filter.eventTypes = [.protest]
        let f = try figure(o)
        #expect(f.nodes.isEmpty)
        #expect(f.notes.first?.contains("nothing to draw") == true)
        #expect(FigureStyle.dot(f).text.hasPrefix("digraph newsgraph {"))
    }
}

@Suite struct TimelineEdgeLabelTests {
    /// Graphviz 2.43's dot aborts the process when it frees the layout of a timeline whose links carry
    /// `label`s (a virtual label node is freed twice); the timeline puts them in `xlabel`s instead.
    @Test func timelineLinksCarryTheirLabelsAsXLabels() throws {
        let (_, dot, _) = try DOTExport.figure(Fixture.graph, options: FigureOptions(view: .timeline))
        let edges = dot.statements.compactMap { s -> DOTEdge? in if case .edge(let e) = s { return e } else { return nil } }
        #expect(!edges.isEmpty)
        #expect(edges.allSatisfy { $0.attributes["label"] == nil })
        #expect(edges.contains { $0.attributes["xlabel"] != nil })
    }

    @Test func otherViewsKeepEdgeLabels() throws {
        let (_, dot, _) = try DOTExport.figure(Fixture.graph, options: FigureOptions(view: .chain))
        let edges = dot.statements.compactMap { s -> DOTEdge? in if case .edge(let e) = s { return e } else { return nil } }
        #expect(edges.contains { $0.attributes["label"] != nil })
    }
}
