import NewsGraphCore

extension Builder {
    // MARK: - Budget

    /// Keeps at most `--max-nodes` nodes, the most connected first, and never a node left without a link.
    ///
    /// Nodes are taken by degree (the weighted number of links in the view; the focus first). A node that
    /// links to one already kept joins alone; one that does not joins only with its most connected
    /// neighbour, and only if both fit; a node with no link in the view never joins. So every kept node
    /// keeps at least one link (the focus of an ego or chain view excepted, and a budget of 1).
    mutating func applyBudget(_ nodes: [NodeID], _ edges: [Figure.Edge], focus: NodeID?) -> ([NodeID], [Figure.Edge]) {
        guard let limit = o.maxNodes, nodes.count > limit else { return (nodes, edges) }
        var degree: [String: Int] = [:]
        var neighbours: [String: Set<String>] = [:]
        for e in edges where e.from != e.to {
            degree[e.from, default: 0] += e.weight
            degree[e.to, default: 0] += e.weight
            neighbours[e.from, default: []].insert(e.to)
            neighbours[e.to, default: []].insert(e.from)
        }
        let ranked = nodes.sorted { a, b in
            if a == focus { return true }
            if b == focus { return false }
            let da = degree[a.description] ?? 0, db = degree[b.description] ?? 0
            return da != db ? da > db : a < b
        }
        let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($0.element.description, $0.offset) })
        var keptNames = Set<String>()
        for n in ranked where keptNames.count < limit {
            let name = n.description
            guard !keptNames.contains(name) else { continue }
            let links = neighbours[name] ?? []
            if n == focus || limit == 1 || !links.isDisjoint(with: keptNames) {
                keptNames.insert(name)
            } else if keptNames.count + 2 <= limit, let partner = links.min(by: { (rank[$0] ?? .max) < (rank[$1] ?? .max) }) {
                keptNames.insert(name)
                keptNames.insert(partner)
            }
        }
        let kept = nodes.filter { keptNames.contains($0.description) }
        let dropped = ranked.filter { !keptNames.contains($0.description) }
        let droppedEvents = dropped.filter { g.isEvent($0) }.count
        let examples = dropped.prefix(5).map { "\(g.label(of: $0)) (\(degree[$0.description] ?? 0))" }.joined(separator: ", ")
        let keptEdges = edges.filter { keptNames.contains($0.from) && keptNames.contains($0.to) }
        notes.append("--max-nodes \(limit): kept the \(kept.count) most connected of \(nodes.count) nodes; dropped \(dropped.count) "
            + "(\(dropped.count - droppedEvents) entities, \(droppedEvents) events) and \(edges.count - keptEdges.count) edges (no node is kept without a link); "
            + "most connected dropped: \(examples)")
        return (kept, keptEdges)
    }
}
