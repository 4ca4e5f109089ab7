// The state of one query's evaluation: name resolution, dispatch of a query to its answer, limits and date order.

import NewsGraphCore

/// The state of one query's evaluation.
struct Evaluation {
    let engine: QueryEngine
    let text: String
    var graph: KnowledgeGraph { engine.graph }
    let resolver: NameResolver
    var builder: AnswerBuilder
    var resolutions: [Resolution] = []
    var notes: [String] = []
    /// Names already resolved in this query, by their position.
    var resolved: [SourceRange: NodeID] = [:]
    /// The table of a `count` or `sum` query.
    var table: AggregateTable?

    init(engine: QueryEngine, text: String) {
        self.engine = engine
        self.text = text
        self.resolver = NameResolver(graph: engine.graph, index: engine.cache, placeSource: engine.placeSource)
        self.builder = AnswerBuilder(graph: engine.graph)
    }

    // MARK: Names

    /// Resolves a name to its best node, recording the choice and the alternatives; throws `noMatch` with
    /// suggestions when nothing scores at least 40.
    mutating func resolve(_ ref: NameReference, prefer kind: NodeKind? = nil, preferType: EntityType? = nil) throws(QueryError) -> NodeID {
        if let done = resolved[ref.range] { return done }
        let candidates = resolver.candidates(ref.text, prefer: kind, preferType: preferType, complete: false)
        guard let best = candidates.first, best.score >= NameResolver.acceptScore else {
            let suggestions = resolver.suggestions(ref.text)
            let hint = suggestions.isEmpty
                ? "; check the spelling or try part of the name"
                : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            throw QueryError(.noMatch, "no entity or event matches '\(ref.text)'\(hint)", at: ref.range, in: text, suggestions: suggestions)
        }
        // Alternatives: usable candidates (60+, or any close one) within 25 points of the choice, at most five.
        let alternatives = candidates.dropFirst().filter {
            ($0.score >= 60 || Self.isClose($0, to: best)) && $0.score >= best.score - 25
        }.prefix(5).map {
            Candidate(node: builder.summary($0.node), score: $0.score, match: $0.match)
        }
        var resolution = Resolution(text: ref.text, chosen: builder.summary(best.node), score: best.score,
                                    match: best.match, alternatives: Array(alternatives))
        // A node named by its id or key is ambiguous only when the key is shared (two events of one id and date).
        let close = resolution.alternatives.filter {
            Self.isClose($0.score, to: best.score) && (!best.match.hasPrefix("node ") || $0.match == best.match)
        }
        if !close.isEmpty {
            resolution.note = ambiguityNote(ref.text, resolution, close)
            notes.append(resolution.note ?? "")
        }
        resolutions.append(resolution)
        builder.include(best.node)
        resolved[ref.range] = best.node
        return best.node
    }

    // MARK: Dispatch

    mutating func answer(_ query: Query) throws(QueryError) -> QueryAnswer {
        let title: String
        var rows: [AnswerRow]
        switch query {
        case .responses(let x):
            let node = try resolve(x, prefer: .event)
            (title, rows) = causal(from: node, direction: .forward, relations: [.respondedTo, .caused], depth: 50,
                                   titlePrefix: "Responses to", includeStart: false)
        case .causes(let x):
            let node = try resolve(x, prefer: .event)
            (title, rows) = causal(from: node, direction: .backward, relations: [.respondedTo, .caused], depth: 50,
                                   titlePrefix: "Causes of", includeStart: false)
        case .chain(let c):
            let node = try resolve(c.from, prefer: .event)
            let via = c.relations.map(\.rawValue).joined(separator: ", ")
            (title, rows) = causal(from: node, direction: c.direction, relations: Set(c.relations), depth: c.depth,
                                   titlePrefix: "Chain (\(c.direction.rawValue), via \(via), depth ≤ \(c.depth)) from", includeStart: true)
        case .attackers(let x):
            (title, rows) = try attackers(x)
        case .attacks(let x, let refinement):
            (title, rows) = try attacks(by: x, refinement: refinement)
        case .timeline(let x):
            (title, rows) = try timeline(x)
        case .path(let p):
            (title, rows) = try path(p)
        case .neighbours(let n):
            (title, rows) = try neighbours(n)
        case .events(let q):
            (title, rows) = try events(q)
        case .entities(let q):
            (title, rows) = try entities(q)
        case .aggregate(let q):
            (title, table) = try aggregate(q)
            rows = []
        }
        return QueryAnswer(query: text, form: query.form, title: title, resolutions: resolutions, rows: rows,
                           notes: notes, subgraph: builder.subgraph, aggregate: table)
    }

    // MARK: Limits

    /// The first `defaultLimit` items, with a note when some are left out.
    mutating func capped<T>(_ items: [T], _ what: String) -> ArraySlice<T> {
        let limit = engine.defaultLimit
        if items.count > limit {
            notes.append("\(items.count) \(what); showing the first \(limit) (raise the limit with --limit N)")
        }
        return items.prefix(limit)
    }

    // MARK: Ordering helpers

    /// Date order: dated events by day, undated last, then node id.
    func dateKey(_ n: NodeID) -> DateKey { DateKey(day: graph.eventDay(of: n) ?? Int.max, node: n.rawValue) }

    func sortedByDate(_ nodes: [NodeID]) -> [NodeID] { nodes.sorted { dateKey($0) < dateKey($1) } }
}

/// Sort key: day (undated = `Int.max`), then node id.
struct DateKey: Comparable {
    var day: Int
    var node: Int32
    static func < (a: DateKey, b: DateKey) -> Bool { (a.day, a.node) < (b.day, b.node) }
}
