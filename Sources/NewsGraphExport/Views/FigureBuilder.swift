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

    // MARK: - Node selections

    func graphNodes(_ allowed: Set<NodeID>?) -> [NodeID] {
        guard let allowed else { return g.nodeIDs }
        var keep = allowed
        for e in allowed { for n in g.neighbours(of: e) where g.isEntity(n) { keep.insert(n) } }
        if let name = o.filter.entity, let x = try? resolveEntity(name) {
            keep.insert(x)
            for n in g.neighbours(of: x) where g.isEntity(n) { keep.insert(n) }
        }
        return keep.sorted()
    }

    func egoNodes(_ focus: NodeID, _ allowed: Set<NodeID>?) -> [NodeID] {
        var seen: Set<NodeID> = [focus]
        var frontier = [focus]
        for _ in 0..<max(0, o.depth) {
            var next: [NodeID] = []
            for n in frontier {
                for m in g.neighbours(of: n) where !seen.contains(m) {
                    if g.isEvent(m), let allowed, !allowed.contains(m) { continue }
                    seen.insert(m)
                    next.append(m)
                }
            }
            frontier = next.sorted()
        }
        return seen.sorted()
    }

    func isCausal(_ r: Relation) -> Bool { if case .causal = r { true } else { false } }

    func chainNodes(_ allowed: Set<NodeID>?, focus: NodeID?) -> [NodeID] {
        var seeds: [NodeID]
        if let focus {
            seeds = g.neighbours(of: focus).filter { g.isEvent($0) }
        } else {
            seeds = g.eventIDs.filter { e in g.edges(of: e).contains { isCausal($0.relation) } }
        }
        if let allowed { seeds = seeds.filter(allowed.contains) }
        var events = Set(seeds)
        var queue = seeds
        while let e = queue.popLast() {
            for edge in g.edges(of: e) where isCausal(edge.relation) {
                let other = edge.source == e ? edge.target : edge.source
                if let allowed, !allowed.contains(other) { continue }
                if events.insert(other).inserted { queue.append(other) }
            }
        }
        if events.isEmpty { return focus.map { [$0] } ?? [] }
        var nodes = events
        for e in events {
            for a in g.neighbours(of: e, relation: .role(.agent), direction: .outgoing) { nodes.insert(a) }
            for t in g.neighbours(of: e, relation: .role(.target), direction: .outgoing) { nodes.insert(t) }
            for c in g.neighbours(of: e, relation: .triple(.claimedResponsibility), direction: .incoming) { nodes.insert(c) }
        }
        if let focus { nodes.insert(focus) }
        return nodes.sorted()
    }

    func timelineNodes(_ allowed: Set<NodeID>?) -> [NodeID] {
        let events = allowed.map { Array($0) } ?? g.eventIDs
        var nodes = Set(events)
        for e in events {
            for r in [EventRole.agent, .target] {
                for n in g.neighbours(of: e, relation: .role(r), direction: .outgoing) { nodes.insert(n) }
            }
            for c in g.neighbours(of: e, relation: .triple(.claimedResponsibility), direction: .incoming) { nodes.insert(c) }
        }
        return nodes.sorted()
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

    // MARK: - Actor network

    static let actorTypes: Set<EntityType> = [.person, .group, .unit, .organization]

    func actorNetwork(_ allowed: Set<NodeID>?) -> ([NodeID], [Figure.Edge]) {
        func isActor(_ n: NodeID) -> Bool { g.entityType(of: n).map(Builder.actorTypes.contains) ?? false }
        struct Key: Hashable, Comparable {
            var s: NodeID, t: NodeID, label: String
            static func < (a: Key, b: Key) -> Bool { (a.s, a.t, a.label) < (b.s, b.t, b.label) }
        }
        var counts: [Key: (n: Int, evidence: [Evidence], factuality: Factuality)] = [:]
        func add(_ k: Key, _ ev: [Evidence], _ f: Factuality) {
            var c = counts[k] ?? (0, [], f)
            c.n += 1
            if c.evidence.count < 3 { c.evidence += ev.prefix(3 - c.evidence.count) }
            if f == .asserted { c.factuality = .asserted }
            counts[k] = c
        }
        let events = allowed.map { $0.sorted() } ?? g.eventIDs
        for e in events {
            guard let ev = g.event(e) else { continue }
            let agents = g.neighbours(of: e, relation: .role(.agent), direction: .outgoing).filter(isActor)
            let claimants = g.neighbours(of: e, relation: .triple(.claimedResponsibility), direction: .incoming).filter(isActor)
            let targets = g.neighbours(of: e, relation: .role(.target), direction: .outgoing).filter(isActor)
            let evidence = g.evidence(of: e)
            for t in targets {
                for a in agents where a != t { add(Key(s: a, t: t, label: ev.type.rawValue), evidence, ev.factuality) }
                for c in claimants where c != t && !agents.contains(c) {
                    add(Key(s: c, t: t, label: "claimed \(ev.type.rawValue)"), evidence, ev.factuality)
                }
            }
        }
        let keepEntity: NodeID? = o.filter.entity.flatMap { try? resolveEntity($0) }
        for id in g.edgeIDs {
            let (s, r, t) = g.endpoints(of: id)
            guard case .triple(let p) = r, p != .claimedResponsibility, p != .locatedIn, isActor(s), isActor(t) else { continue }
            if let x = keepEntity, s != x && t != x, allowed != nil {
                // With an entity filter, relations among other actors are kept only if both take part in kept events.
                continue
            }
            let e = g.edge(id)
            add(Key(s: s, t: t, label: p.rawValue.replacingUnderscores()), g.evidence(of: id), e.factuality)
        }
        var nodes = Set<NodeID>()
        var edges: [Figure.Edge] = []
        for k in counts.keys.sorted() {
            guard let c = counts[k] else { continue }
            nodes.insert(k.s)
            nodes.insert(k.t)
            let label = c.n > 1 ? "\(k.label) ×\(c.n)" : k.label
            edges.append(Figure.Edge(
                from: k.s.description, to: k.t.description, kind: .folded(k.label), label: o.edgeLabels ? label : nil,
                weight: c.n, tooltip: "\(g.name(of: k.s)) → \(g.name(of: k.t)): \(k.label), \(c.n) time\(c.n == 1 ? "" : "s")\n"
                    + evidenceText(c.evidence), url: sourceURL(c.evidence), factuality: c.factuality, isDisputed: false))
        }
        if let x = keepEntity { nodes.insert(x) }
        return (nodes.sorted(), edges)
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
