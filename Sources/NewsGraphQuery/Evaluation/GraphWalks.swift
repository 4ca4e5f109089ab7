import NewsGraphCore

extension Evaluation {
    // MARK: Path

    /// The edges to follow from `node` on one side of the search: all edges (undirected), outgoing ones from the
    /// source side and incoming ones from the target side (directed), of the `via` relations when given.
    func pathSteps(_ node: NodeID, directed: Bool, fromSource: Bool, via: Set<Relation>) -> [(NodeID, EdgeID)] {
        let direction: EdgeDirection = !directed ? .both : fromSource ? .outgoing : .incoming
        var out: [(NodeID, EdgeID)] = []
        for id in graph.edgeIDs(of: node, direction: direction) {
            let (s, r, t) = graph.endpoints(of: id)
            if !via.isEmpty && !via.contains(r) { continue }
            out.append((s == node ? t : s, id))
        }
        return out
    }

    /// Shortest path by bidirectional breadth-first search; each side expands whole levels, the smaller frontier
    /// first, and the first level where the sides meet gives the path (ties: the first meeting in edge order).
    mutating func path(_ p: PathQuery) throws(QueryError) -> (String, [AnswerRow]) {
        let a = try resolve(p.from)
        let b = try resolve(p.to)
        let title = "Path from \(builder.label(a)) to \(builder.label(b))\(p.directed ? " (directed)" : "")"
        if a == b { return (title, [builder.row(a, depth: 0)]) }
        let via = Set(p.via)
        var parentA: [NodeID: (NodeID, EdgeID)] = [:], parentB: [NodeID: (NodeID, EdgeID)] = [:]
        var distA: [NodeID: Int] = [a: 0], distB: [NodeID: Int] = [b: 0]
        var frontierA = [a], frontierB = [b]
        var depthA = 0, depthB = 0
        var meet: (node: NodeID, total: Int)?
        while meet == nil, !frontierA.isEmpty, !frontierB.isEmpty, depthA + depthB < p.maxDepth {
            let expandA = frontierA.count <= frontierB.count
            var next: [NodeID] = []
            let frontier = expandA ? frontierA : frontierB
            let depth = (expandA ? depthA : depthB) + 1
            for u in frontier {
                for (v, e) in pathSteps(u, directed: p.directed, fromSource: expandA, via: via) {
                    if expandA {
                        guard distA[v] == nil else { continue }
                        distA[v] = depth
                        parentA[v] = (u, e)
                        if let d = distB[v], meet == nil || depth + d < meet!.total { meet = (v, depth + d) }
                    } else {
                        guard distB[v] == nil else { continue }
                        distB[v] = depth
                        parentB[v] = (u, e)
                        if let d = distA[v], meet == nil || depth + d < meet!.total { meet = (v, depth + d) }
                    }
                    next.append(v)
                }
            }
            if expandA { frontierA = next; depthA = depth } else { frontierB = next; depthB = depth }
        }
        guard let meet else {
            notes.append(frontierA.isEmpty || frontierB.isEmpty
                         ? "no path: the two are not connected\(p.via.isEmpty ? "" : " through these relations")\(p.directed ? " in that direction" : "")"
                         : "no path of at most \(p.maxDepth) edges; raise it with 'depth N'")
            return (title, [])
        }
        // Source half (reversed), then target half.
        var steps: [(NodeID, EdgeID?)] = []
        var n = meet.node
        while let (prev, e) = parentA[n] { steps.append((n, e)); n = prev }
        steps.append((a, nil))
        steps.reverse()
        n = meet.node
        while let (next, e) = parentB[n] { steps.append((next, e)); n = next }
        let rows = steps.enumerated().map { i, s in builder.row(s.0, depth: i, via: s.1) }
        return (title, rows)
    }

    // MARK: Neighbours

    mutating func neighbours(_ q: NeighbourQuery) throws(QueryError) -> (String, [AnswerRow]) {
        let start = try resolve(q.of)
        let condition = try q.filter.map { (c) throws(QueryError) -> CompiledCondition in try compile(c) }
        let via = Set(q.via)
        var seen: Set<NodeID> = [start]
        var found: [(NodeID, Int, EdgeID)] = []
        var frontier = [start]
        var depth = 0
        while !frontier.isEmpty && depth < q.depth {
            depth += 1
            var next: [NodeID] = []
            for u in frontier {
                for (v, e) in pathSteps(u, directed: false, fromSource: true, via: via) where seen.insert(v).inserted {
                    next.append(v)
                    found.append((v, depth, e))
                }
            }
            frontier = next
        }
        var matches = found
        if let condition {
            var context = NodeFacts(graph: graph)
            matches = found.filter { condition.test($0.0, &context) }
        }
        let limit = q.limit ?? engine.defaultLimit
        if matches.count > limit {
            notes.append("\(matches.count) neighbours match; showing the first \(limit) (use 'limit N')")
        }
        let rows = matches.prefix(limit).map { builder.row($0.0, depth: $0.1, via: $0.2) }
        return ("Neighbours of \(builder.label(start)) (depth ≤ \(q.depth)\(q.filter == nil ? "" : ", filtered"))", rows)
    }
}
