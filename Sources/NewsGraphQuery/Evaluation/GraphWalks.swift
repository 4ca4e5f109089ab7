import NewsGraphCore

extension Evaluation {
    // MARK: Path

    /// Calls `body` with the node at the other end of each edge to follow from `node`: all edges (undirected),
    /// outgoing ones from the source side and incoming ones from the target side (directed), of the `via`
    /// relations when given. Edge order is the graph's: outgoing by (relation, target), then incoming by (relation, source).
    func forEachStep(_ node: NodeID, directed: Bool, fromSource: Bool, via: Set<Relation>, _ body: (NodeID, EdgeID) -> Void) {
        let direction: EdgeDirection = !directed ? .both : fromSource ? .outgoing : .incoming
        if via.count == 1, let only = via.first {
            for id in graph.edgeIDs(of: node, relation: only, direction: direction) {
                let (s, _, t) = graph.endpoints(of: id)
                body(s == node ? t : s, id)
            }
            return
        }
        for id in graph.edgeIDs(of: node, direction: direction) {
            let (s, r, t) = graph.endpoints(of: id)
            if !via.isEmpty && !via.contains(r) { continue }
            body(s == node ? t : s, id)
        }
    }

    /// Shortest path by bidirectional breadth-first search over dense arrays (distance and parent edge per node,
    /// one pair per side). Each side expands whole levels, the smaller frontier first; the first level where the
    /// sides meet gives the path (ties: the first meeting in edge order).
    mutating func path(_ p: PathQuery) throws(QueryError) -> (String, [AnswerRow]) {
        let a = try resolve(p.from)
        let b = try resolve(p.to)
        let title = "Path from \(builder.label(a)) to \(builder.label(b))\(p.directed ? " (directed)" : "")"
        if a == b { return (title, [builder.row(a, depth: 0)]) }
        let via = Set(p.via)
        let n = graph.nodeCount
        var dist = [[Int32]](repeating: [Int32](repeating: -1, count: n), count: 2)
        var parent = [[Int32]](repeating: [Int32](repeating: -1, count: n), count: 2)
        dist[0][a.index] = 0
        dist[1][b.index] = 0
        var frontier: [[NodeID]] = [[a], [b]]
        var depth = [0, 0]
        var meet: (node: NodeID, total: Int)?
        while meet == nil, !frontier[0].isEmpty, !frontier[1].isEmpty, depth[0] + depth[1] < p.maxDepth {
            let side = frontier[0].count <= frontier[1].count ? 0 : 1
            let other = 1 - side
            let d = Int32(depth[side] + 1)
            var next: [NodeID] = []
            for u in frontier[side] {
                forEachStep(u, directed: p.directed, fromSource: side == 0, via: via) { v, e in
                    guard dist[side][v.index] < 0 else { return }
                    dist[side][v.index] = d
                    parent[side][v.index] = e.rawValue
                    let od = dist[other][v.index]
                    if od >= 0, meet == nil || Int(d + od) < meet!.total { meet = (v, Int(d + od)) }
                    next.append(v)
                }
            }
            frontier[side] = next
            depth[side] += 1
        }
        guard let meet else {
            notes.append(frontier[0].isEmpty || frontier[1].isEmpty
                         ? "no path: the two are not connected\(p.via.isEmpty ? "" : " through these relations")\(p.directed ? " in that direction" : "")"
                         : "no path of at most \(p.maxDepth) edges; raise it with 'depth N'")
            return (title, [])
        }
        func back(_ node: NodeID, _ side: Int) -> (NodeID, EdgeID)? {
            let e = parent[side][node.index]
            guard e >= 0 else { return nil }
            let id = EdgeID(rawValue: e)
            let (s, _, t) = graph.endpoints(of: id)
            return (s == node ? t : s, id)
        }
        // Source half (walked back from the meeting node, then reversed), then the target half.
        var steps: [(NodeID, EdgeID?)] = []
        var node = meet.node
        while let (prev, e) = back(node, 0) { steps.append((node, e)); node = prev }
        steps.append((a, nil))
        steps.reverse()
        node = meet.node
        while let (next, e) = back(node, 1) { steps.append((next, e)); node = next }
        let rows = steps.enumerated().map { i, s in builder.row(s.0, depth: i, via: s.1) }
        return (title, rows)
    }

    // MARK: Neighbours

    mutating func neighbours(_ q: NeighbourQuery) throws(QueryError) -> (String, [AnswerRow]) {
        let start = try resolve(q.of)
        let condition = try q.filter.map { (c) throws(QueryError) -> CompiledCondition in try compile(c) }
        let via = Set(q.via)
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        seen[start.index] = true
        var found: [(NodeID, Int, EdgeID)] = []
        var frontier = [start]
        var depth = 0
        while !frontier.isEmpty && depth < q.depth {
            depth += 1
            var next: [NodeID] = []
            for u in frontier {
                forEachStep(u, directed: false, fromSource: true, via: via) { v, e in
                    guard !seen[v.index] else { return }
                    seen[v.index] = true
                    next.append(v)
                    found.append((v, depth, e))
                }
            }
            frontier = next
        }
        var matches = found
        if let condition {
            var context = NodeFacts(graph: graph, cache: engine.cache)
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
