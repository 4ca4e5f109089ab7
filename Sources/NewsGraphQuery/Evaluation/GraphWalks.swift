import NewsGraphCore

extension Evaluation {
    // MARK: Path

    /// Shortest path by bidirectional breadth-first search (`KnowledgeGraph.shortestPath`): each side expands
    /// whole levels, the smaller frontier first; the first level where the sides meet gives the path (ties: the
    /// first meeting in edge order). The search's marks are the engine's, reused from query to query.
    mutating func path(_ p: PathQuery) throws(QueryError) -> (String, [AnswerRow]) {
        let a = try resolve(p.from)
        let b = try resolve(p.to)
        let title = "Path from \(builder.label(a)) to \(builder.label(b))\(p.directed ? " (directed)" : "")"
        if a == b { return (title, [builder.row(a, depth: 0)]) }
        let relations = RelationMask(p.via, emptyMeansAll: true)
        let graph = self.graph
        let result = engine.cache.withPathSearch { search in
            graph.shortestPath(from: a, to: b, maxDepth: p.maxDepth, directed: p.directed, relations: relations, search: &search)
        }
        switch result {
        case .found(let steps):
            let rows = steps.enumerated().map { i, s in builder.row(s.0, depth: i, via: s.1) }
            return (title, rows)
        case .notConnected:
            notes.append("no path: the two are not connected\(p.via.isEmpty ? "" : " through these relations")\(p.directed ? " in that direction" : "")")
        case .tooLong:
            notes.append("no path of at most \(p.maxDepth) edges; raise it with 'depth N'")
        }
        return (title, [])
    }

    // MARK: Neighbours

    mutating func neighbours(_ q: NeighbourQuery) throws(QueryError) -> (String, [AnswerRow]) {
        let start = try resolve(q.of)
        let condition = try q.filter.map { (c) throws(QueryError) -> CompiledCondition in try compile(c) }
        let relations = RelationMask(q.via, emptyMeansAll: true)
        let graph = self.graph
        let limit = q.limit ?? engine.defaultLimit
        // Only the first `limit` matches become rows; the others are counted (a 2-hop walk from a hub reaches
        // hundreds of thousands of nodes).
        var matches: [(NodeID, Int, EdgeID)] = []
        var count = 0
        if let condition {
            var context = NodeFacts(graph: graph, cache: engine.cache)
            engine.cache.withMarks { marks in
                graph.breadthFirst(from: start, depth: q.depth, relations: relations, marks: &marks) { v, depth, e in
                    guard condition.test(v, &context) else { return }
                    count += 1
                    if matches.count < limit { matches.append((v, depth, e)) }
                }
            }
        } else {
            engine.cache.withMarks { marks in
                graph.breadthFirst(from: start, depth: q.depth, relations: relations, marks: &marks) { v, depth, e in
                    count += 1
                    if matches.count < limit { matches.append((v, depth, e)) }
                }
            }
        }
        if count > limit {
            notes.append("\(count) neighbours match; showing the first \(limit) (use 'limit N')")
        }
        let rows = matches.map { builder.row($0.0, depth: $0.1, via: $0.2) }
        return ("Neighbours of \(builder.label(start)) (depth ≤ \(q.depth)\(q.filter == nil ? "" : ", filtered"))", rows)
    }
}
