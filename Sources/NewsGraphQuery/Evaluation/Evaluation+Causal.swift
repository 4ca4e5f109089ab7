// Causal chains of a query: the events a name seeds, and the walk along causal links either way.

import NewsGraphCore

extension Evaluation {
    /// The events an entity stands for in a causal query: those that target it, else those it takes part in.
    mutating func seedEvents(_ node: NodeID) -> [NodeID] {
        if graph.isEvent(node) { return [node] }
        let name = graph.name(of: node)
        var seeds = graph.edgeIDs(of: node, relation: .role(.target), direction: .incoming).map { graph.endpoints(of: $0).source }
        var how = "target it"
        if seeds.isEmpty {
            seeds = graph.edgeIDs(of: node, direction: .incoming).compactMap {
                let (s, r, _) = graph.endpoints(of: $0)
                if case .role = r { return s }
                return nil
            }
            how = "involve it"
        }
        seeds = sortedByDate(Array(Set(seeds)))
        notes.append("'\(name)' is an entity: following the \(seeds.count) event\(seeds.count == 1 ? "" : "s") that \(how)")
        return seeds
    }

    /// The causal steps from a node: `forward` goes to later events (`X ← responded_to`, `X → caused`,
    /// `X ← followed`), `backward` to earlier ones.
    func causalSteps(_ node: NodeID, _ direction: ChainDirection, _ relations: Set<CausalRelation>) -> [(NodeID, EdgeID)] {
        var out: [(NodeID, EdgeID)] = []
        graph.forEachEdge(of: node, in: RelationMask(relations.map(Relation.causal))) { id, other in
            let (s, r, _) = graph.endpoints(of: id)
            guard case .causal(let c) = r else { return }
            let outgoing = s == node
            // The source of responded_to/followed is the later event; the source of caused is the earlier one.
            let towardsLater = (c == .caused) == outgoing
            switch direction {
            case .forward: if towardsLater { out.append((other, id)) }
            case .backward: if !towardsLater { out.append((other, id)) }
            case .both: out.append((other, id))
            }
        }
        return out
    }

    mutating func causal(from node: NodeID, direction: ChainDirection, relations: Set<CausalRelation>, depth: Int,
                         titlePrefix: String, includeStart: Bool) -> (String, [AnswerRow]) {
        let seeds = seedEvents(node)
        var rows: [AnswerRow] = []
        var seen = Set(seeds)
        if includeStart {
            for s in seeds { rows.append(builder.row(s, depth: 0, related: builder.claims(of: s))) }
        }
        var steps: [(NodeID, Int, EdgeID)] = []
        var frontier = seeds
        var level = 0
        while !frontier.isEmpty && level < depth {
            level += 1
            var next: [(NodeID, EdgeID)] = []
            for v in frontier {
                for (w, e) in causalSteps(v, direction, relations) where seen.insert(w).inserted {
                    next.append((w, e))
                }
            }
            next.sort { a, b in dateKey(a.0) < dateKey(b.0) }
            steps.append(contentsOf: next.map { ($0.0, level, $0.1) })
            frontier = next.map(\.0)
        }
        for (w, level, e) in capped(steps, "events in the chain") {
            rows.append(builder.row(w, depth: level, via: e, related: builder.claims(of: w)))
        }
        if !frontier.isEmpty && level == depth, frontier.contains(where: { !causalSteps($0, direction, relations).allSatisfy { seen.contains($0.0) } }) {
            notes.append("stopped at depth \(depth); raise it with 'depth N'")
        }
        return ("\(titlePrefix) \(graph.isEvent(node) ? builder.label(node) : graph.name(of: node))", rows)
    }
}
