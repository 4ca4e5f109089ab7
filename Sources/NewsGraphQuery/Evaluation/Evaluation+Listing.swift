import NewsGraphCore

extension Evaluation {
    /// The article id a condition names: exact, else the one id equal to it ignoring case;
    /// an unknown id is an error with the closest ids.
    func articleID(_ v: Value) throws(QueryError) -> String {
        if graph.article(v.text) != nil { return v.text }
        let ids = graph.articles.map(\.id)
        if let match = ids.first(where: { $0.lowercased() == v.text.lowercased() }) { return match }
        let close = ids.map { (NameText.distance($0.lowercased(), v.text.lowercased(), limit: 6), $0) }
            .filter { $0.0 <= 5 }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(3).map(\.1)
        let hint = close.isEmpty ? "; list the articles with 'newsgraph stats' or 'count events by article'"
            : "; did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?"
        throw QueryError(.noMatch, "no article '\(QueryError.shortened(v.text))' in the store\(hint)", at: v.range, in: text,
                         suggestions: Array(close))
    }

    /// `entities where …`: the entities that satisfy the condition, by name unless ordered otherwise.
    mutating func entities(_ q: EntitiesQuery) throws(QueryError) -> (String, [AnswerRow]) {
        let condition = try q.filter.map { (c) throws(QueryError) -> CompiledCondition in try compile(c) }
        let matches = sortedEntities(matchingEntities(condition), by: q.order)
        let limit = q.limit ?? engine.defaultLimit
        if matches.count > limit {
            notes.append("\(matches.count) entities match; showing the first \(limit) (use 'limit N')")
        }
        let rows = matches.prefix(limit).map { builder.row($0) }
        return (q.filter == nil ? "All entities (\(matches.count))" : "Entities matching the query (\(matches.count))", rows)
    }

    /// The entities that satisfy a condition (all entities for nil).
    func matchingEntities(_ condition: CompiledCondition?) -> [NodeID] {
        guard let condition else { return graph.entityIDs }
        var facts = NodeFacts(graph: graph, cache: engine.cache)
        let pool = condition.entityTypes.map { types in types.flatMap { graph.nodes(ofType: $0) }.sorted() } ?? graph.entityIDs
        return pool.filter { condition.test($0, &facts) }
    }

    /// Entities by `order by name|type|confidence` (default: by name), ties by name then id.
    func sortedEntities(_ nodes: [NodeID], by orderings: [Ordering]) -> [NodeID] {
        var facts = NodeFacts(graph: graph, cache: engine.cache)
        let order = orderings.isEmpty ? [Ordering(key: .name, descending: false)] : orderings
        let keys: [[SortValue]] = nodes.map { n in
            order.map { o in
                switch o.key {
                case .type: SortValue(graph.entityType(of: n).flatMap { EntityType.allCases.firstIndex(of: $0) })
                case .confidence: SortValue(Int((facts.confidence(n) * 1000).rounded()))
                default: SortValue(text: graph.name(of: n).lowercased())
                }
            }
        }
        let names = nodes.map { graph.name(of: $0).lowercased() }
        let indices = nodes.indices.sorted { i, j in
            for (k, o) in order.enumerated() where keys[i][k] != keys[j][k] {
                return o.descending ? keys[j][k] < keys[i][k] : keys[i][k] < keys[j][k]
            }
            return (names[i], nodes[i]) < (names[j], nodes[j])
        }
        return indices.map { nodes[$0] }
    }

    /// `attacks by X [in P] [where …] [order by …] [limit N]`: X's violent events that also satisfy the refinement.
    mutating func refine(_ pairs: [(NodeID, EdgeID)], _ refinement: EventsQuery?) throws(QueryError) -> [(NodeID, EdgeID)] {
        guard let refinement else { return pairs.sorted { dateKey($0.0) < dateKey($1.0) } }
        let condition = try refinement.filter.map { (c) throws(QueryError) -> CompiledCondition in try compile(c) }
        var facts = NodeFacts(graph: graph, cache: engine.cache)
        var edge: [NodeID: EdgeID] = [:]
        for (event, id) in pairs where edge[event] == nil && (condition?.test(event, &facts) ?? true) { edge[event] = id }
        return sorted(Array(edge.keys), by: refinement.order).compactMap { e in edge[e].map { (e, $0) } }
    }
}

extension CompiledCondition {
    /// The entity types a condition restricts entities to (`type = group`), or nil when it does not.
    var entityTypes: [EntityType]? {
        switch self {
        case .type(let names, let negated):
            guard !negated else { return nil }
            var out: [EntityType] = []
            for name in names {
                switch name {
                case .entity(let t): out.append(t)
                case .anyEntity: return nil
                default: break
                }
            }
            return out
        case .and(let a, let b):
            switch (a.entityTypes, b.entityTypes) {
            case (nil, nil): return nil
            case (let x?, nil): return x
            case (nil, let y?): return y
            case (let x?, let y?): return x.filter(y.contains)
            }
        default: return nil
        }
    }
}
