import NewsGraphCore

/// Builds the `Figure` of a view over a `KnowledgeGraph` (the whole graph, or a subgraph such as a query answer).
///
/// Deterministic: nodes come in `NodeID` order, edges in the graph's (source, relation, target) order,
/// so the same graph and options always give the same figure.
public enum FigureBuilder {
    /// The figure of `options.view` over `graph`, after filters and the node budget.
    public static func build(_ graph: KnowledgeGraph, options: FigureOptions = FigureOptions()) throws(FigureError) -> Figure {
        var b = Builder(g: graph, o: options)
        return try b.run()
    }
}

/// The state of one build (the graph, the options, the notes so far); its concerns are in `FigureBuilder+*.swift`.
struct Builder {
    let g: KnowledgeGraph
    let o: FigureOptions
    var notes: [String] = []

    init(g: KnowledgeGraph, o: FigureOptions) {
        self.g = g
        self.o = o
    }

    // MARK: - Run

    mutating func run() throws(FigureError) -> Figure {
        let allowed = try allowedEvents()
        var focus: NodeID?
        if o.view == .ego {
            guard let name = o.focus ?? o.filter.entity else {
                throw FigureError("the ego view needs an entity: pass --entity NAME (and --depth N)")
            }
            focus = try resolveEntity(name)
        } else if o.view == .chain, let name = o.focus {
            focus = try resolveEntity(name)
        }
        var selected: [NodeID]
        var edges: [Figure.Edge]
        switch o.view {
        case .graph:
            selected = graphNodes(allowed)
            edges = plainEdges(Set(selected), keep: { _ in true })
        case .ego:
            selected = egoNodes(focus!, allowed)
            edges = plainEdges(Set(selected), keep: { _ in true })
        case .chain:
            selected = chainNodes(allowed, focus: focus)
            edges = plainEdges(Set(selected), keep: { r in
                switch r {
                case .causal, .role(.agent), .role(.target), .triple(.claimedResponsibility), .triple(.killed): true
                default: false
                }
            })
        case .timeline:
            selected = timelineNodes(allowed)
            edges = plainEdges(Set(selected), keep: { r in
                switch r {
                case .causal, .role(.agent), .role(.target), .triple(.claimedResponsibility): true
                default: false
                }
            })
        case .actors:
            (selected, edges) = actorNetwork(allowed)
        }
        if selected.isEmpty {
            notes.append("nothing to draw: no node matches the view and filters" + (o.filter.isActive ? " (try wider filters)" : ""))
        }
        (selected, edges) = applyBudget(selected, edges, focus: focus)
        return makeFigure(selected, edges, focus: focus)
    }

    // MARK: - Edges

    func plainEdges(_ nodes: Set<NodeID>, keep: (Relation) -> Bool) -> [Figure.Edge] {
        var out: [Figure.Edge] = []
        for id in g.edgeIDs {
            let (s, r, t) = g.endpoints(of: id)
            guard nodes.contains(s), nodes.contains(t), keep(r) else { continue }
            out.append(figureEdge(g.edge(id)))
        }
        return out
    }

    func figureEdge(_ e: Edge) -> Figure.Edge {
        var from = e.source.description, to = e.target.description
        var label: String?
        switch e.relation {
        case .role(.agent):
            swap(&from, &to)  // drawn actor → event
        case .role:
            break
        case .triple(let p):
            label = p == .claimedResponsibility ? "claimed" : p.rawValue.replacingUnderscores()
        case .causal(let c):
            switch c {
            case .caused: label = "caused"
            case .respondedTo: label = "prompted"; swap(&from, &to)
            case .followed: label = "followed by"; swap(&from, &to)
            }
        }
        if e.isDisputed, let l = label { label = l + " (disputed)" }
        var tip = evidenceText(g.evidence(of: e.id))
        if let cue = e.cue, !cue.isEmpty { tip = "cue: “\(cue)”\n" + tip }
        return Figure.Edge(from: from, to: to, kind: kind(e.relation), label: o.edgeLabels ? label : nil, weight: 1,
                           tooltip: "\(g.name(of: e.source)) \(e.relation.name.replacingUnderscores()) \(g.name(of: e.target))\n" + tip,
                           url: sourceURL(g.evidence(of: e.id)), factuality: e.factuality, isDisputed: e.isDisputed)
    }

    func kind(_ r: Relation) -> Figure.EdgeKind {
        switch r {
        case .triple(let p): .triple(p)
        case .role(let x): .role(x)
        case .causal(let c): .causal(c)
        }
    }

    // MARK: - Figure

    func makeFigure(_ nodes: [NodeID], _ edges: [Figure.Edge], focus: NodeID?) -> Figure {
        var degree: [String: Int] = [:]
        for e in edges { degree[e.from, default: 0] += 1; degree[e.to, default: 0] += 1 }
        let clusterOf = clusters(nodes)
        var usedIDs = Set<String>()
        var figureNodes: [Figure.Node] = []
        for n in nodes {
            var svgID = "ng-" + sanitize(g.key(of: n))
            if !usedIDs.insert(svgID).inserted { svgID += "-\(n.rawValue)"; usedIDs.insert(svgID) }
            let evidence = g.evidence(of: n)
            var node = Figure.Node(name: n.description, kind: .entity(.person), title: "", details: [],
                                   tooltip: "", url: sourceURL(evidence), svgID: svgID, factuality: .asserted,
                                   cluster: clusterOf[n].map(\.description), date: nil, degree: degree[n.description] ?? 0)
            if let e = g.entity(n) {
                node.kind = .entity(e.type)
                node.title = e.name
                let aliases = e.aliases.isEmpty ? "" : "\nalso: " + e.aliases.prefix(5).joined(separator: ", ")
                node.tooltip = "\(e.name) (\(e.type.rawValue)), in \(e.articleCount) article\(e.articleCount == 1 ? "" : "s")\(aliases)\n"
                    + evidenceText(evidence)
            } else if let ev = g.event(n) {
                node.kind = .event(ev.type)
                node.title = ev.type.rawValue.prefix(1).uppercased() + ev.type.rawValue.dropFirst()
                var line = [ev.date ?? "undated"]
                if let p = ev.place { line.append(g.name(of: p)) }
                node.details.append(line.joined(separator: " · "))
                var figures: [String] = []
                if let k = ev.killedRange { figures.append(k.lowerBound == k.upperBound ? "\(k.lowerBound) killed" : "\(k.lowerBound)–\(k.upperBound) killed") }
                if let i = ev.injuredRange { figures.append(i.lowerBound == i.upperBound ? "\(i.lowerBound) injured" : "\(i.lowerBound)–\(i.upperBound) injured") }
                if !figures.isEmpty { node.details.append(figures.joined(separator: ", ")) }
                if ev.factuality != .asserted { node.details.append("(\(ev.factuality.rawValue))") }
                node.factuality = ev.factuality
                node.date = ev.date
                let sources = ev.killed.map { "\($0.article): \($0.value) killed" } + ev.injured.map { "\($0.article): \($0.value) injured" }
                node.tooltip = "\(ev.type.rawValue) “\(ev.trigger)”, \(line.joined(separator: ", ")), in \(ev.articleCount) article\(ev.articleCount == 1 ? "" : "s")"
                    + (sources.isEmpty ? "" : "\n" + sources.prefix(6).joined(separator: "; ")) + "\n" + evidenceText(evidence)
            }
            figureNodes.append(node)
        }
        var clusterList: [Figure.Cluster] = []
        var seenClusters = Set<NodeID>()
        for n in nodes {
            if let c = clusterOf[n], seenClusters.insert(c).inserted {
                clusterList.append(Figure.Cluster(key: c.description, label: g.name(of: c)))
            }
        }
        let (title, subtitle) = titles(nodes: nodes, edges: edges.count, focus: focus)
        var notes = self.notes
        if o.view == .chain && !edges.contains(where: { if case .causal = $0.kind { true } else { false } }) && !nodes.isEmpty {
            notes.append("no causal links among the selected events: the chain view shows them unconnected")
        }
        return Figure(view: o.view, title: title, subtitle: subtitle, nodes: figureNodes, edges: edges, clusters: clusterList, notes: notes)
    }

    func clusters(_ nodes: [NodeID]) -> [NodeID: NodeID] {
        guard let mode = o.cluster else { return [:] }
        let present = Set(nodes)
        var out: [NodeID: NodeID] = [:]
        switch mode {
        case .place:
            for n in nodes {
                if let p = g.event(n)?.place { out[n] = p; if present.contains(p) { out[p] = p } }
            }
        case .group:
            let membership: [TriplePredicate] = [.memberOf, .partOf, .leaderOf, .spokespersonOf]
            let groupTypes: Set<EntityType> = [.group, .unit, .organization]
            var heads = Set<NodeID>()
            for n in nodes where g.isEntity(n) {
                let groups = membership.flatMap { g.neighbours(of: n, relation: .triple($0), direction: .outgoing) }
                    .filter { present.contains($0) && (g.entityType(of: $0).map(groupTypes.contains) ?? false) }
                if let first = groups.min() { out[n] = first; heads.insert(first) }
            }
            // A group with members heads its own box, even when it is itself a member of another group.
            for h in heads { out[h] = h }
            for n in nodes where g.isEvent(n) {
                let agents = g.neighbours(of: n, relation: .role(.agent), direction: .outgoing)
                    + g.neighbours(of: n, relation: .triple(.claimedResponsibility), direction: .incoming)
                if let c = agents.sorted().compactMap({ out[$0] }).first { out[n] = c }
            }
        }
        return out
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
