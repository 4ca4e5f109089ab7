import NewsGraphCore

/// The nodes of each view: the whole graph, an ego network, causal chains, a timeline, and the actor network
/// (actors joined by what they did to each other).
extension Builder {
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
}
