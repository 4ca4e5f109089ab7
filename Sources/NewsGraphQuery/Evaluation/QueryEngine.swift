import NewsGraphCore

/// Answers queries over one `KnowledgeGraph`.
///
/// Create one engine per graph and reuse it: the word index for partial names is built on the first query
/// that needs it. Queries walk the graph's adjacency arrays (breadth-first, by node id) and never copy the graph.
///
/// ```swift
/// let engine = QueryEngine(graph: graph)
/// let answer = try engine.run("response to Baru killing")
/// print(answer.text())
/// ```
public struct QueryEngine: Sendable {
    public let graph: KnowledgeGraph
    /// Rows shown when `events` or `neighbours` has no `limit` (a note tells how many matched).
    public var defaultLimit: Int
    /// Which place lies in which beyond the graph's `located_in` facts (for example a lexicon's PARENT fields):
    /// place filters and place timelines include the places it puts inside the named one.
    public var places: PlaceHierarchy { placeSource.hierarchy }
    let placeSource: LazyPlaceHierarchy
    let cache = EngineCache()

    /// An engine over `graph`. `places` is evaluated once, when the first query needs place containment, so that
    /// reading a lexicon for it costs nothing to the queries that do not.
    public init(graph: KnowledgeGraph, defaultLimit: Int = 100,
                places: @autoclosure @escaping @Sendable () -> PlaceHierarchy = PlaceHierarchy()) {
        self.graph = graph
        self.defaultLimit = defaultLimit
        self.placeSource = LazyPlaceHierarchy(places)
    }

    /// Parses and answers a query.
    public func run(_ text: String) throws(QueryError) -> QueryAnswer {
        try evaluate(QueryParser.parse(text), text: text)
    }

    /// Answers a parsed query; `text` is the query as written (for messages and the answer).
    public func evaluate(_ query: Query, text: String) throws(QueryError) -> QueryAnswer {
        var e = Evaluation(engine: self, text: text)
        return try e.answer(query)
    }

    /// The candidates for a name, best first, as the resolver scores them (see "Name resolution" in the docs).
    public func candidates(for name: String, limit: Int = 10) -> [Candidate] {
        let resolver = NameResolver(graph: graph, index: cache, placeSource: placeSource)
        let builder = AnswerBuilder(graph: graph)
        return resolver.candidates(name).prefix(limit).map {
            Candidate(node: builder.summary($0.node), score: $0.score, match: $0.match)
        }
    }
}

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

    // MARK: Causal chains

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

    // MARK: Attacks

    mutating func attackers(_ x: NameReference) throws(QueryError) -> (String, [AnswerRow]) {
        let node = try resolve(x, prefer: .entity)
        if graph.isEvent(node) {
            let rows = graph.edgeIDs(of: node, relation: .role(.agent), direction: .outgoing).map { id in
                builder.row(graph.endpoints(of: id).target, via: id, related: builder.claims(of: node))
            }
            if rows.isEmpty { notes.append("the event names no agent") }
            return ("Who carried out \(builder.label(node))", rows)
        }
        // agent → supporting edges (event → agent, event → target, or an `attacked` triple).
        var facts: [NodeID: [EdgeID]] = [:]
        var unknown: [NodeID] = []
        func addEvent(_ event: NodeID, _ targetEdge: EdgeID?) {
            let agents = graph.edgeIDs(of: event, relation: .role(.agent), direction: .outgoing)
            if agents.isEmpty { unknown.append(event) }
            for a in agents {
                let agent = graph.endpoints(of: a).target
                facts[agent, default: []].append(a)
                if let targetEdge { facts[agent, default: []].append(targetEdge) }
            }
        }
        func isViolent(_ n: NodeID) -> Bool { graph.eventType(of: n).map(NameResolver.violentTypes.contains) ?? false }
        var seenEvents: Set<NodeID> = []
        for id in graph.edgeIDs(of: node, relation: .role(.target), direction: .incoming) {
            let event = graph.endpoints(of: id).source
            if isViolent(event), seenEvents.insert(event).inserted { addEvent(event, id) }
        }
        for p in [TriplePredicate.attacked, .killed, .injured, .kidnapped] {
            for id in graph.edgeIDs(of: node, relation: .triple(p), direction: .incoming) {
                facts[graph.endpoints(of: id).source, default: []].append(id)
            }
        }
        if graph.entityType(of: node) == .place {
            for place in resolver.placesWithin(node) {
                for id in graph.edgeIDs(of: place, relation: .role(.place), direction: .incoming) {
                    let event = graph.endpoints(of: id).source
                    if isViolent(event), seenEvents.insert(event).inserted { addEvent(event, id) }
                }
            }
        }
        // "the camp in Kalat": also violent events in Kalat whose target is a facility called a camp.
        if let (head, placeText) = Self.facilityPhrase(x.text),
           let place = resolver.nameCandidates(placeText, kind: .entity).first(where: { $0.score >= 60 && graph.entityType(of: $0.node) == .place })?.node {
            for p in resolver.placesWithin(place) {
                for id in graph.edgeIDs(of: p, relation: .role(.place), direction: .incoming) {
                    let event = graph.endpoints(of: id).source
                    guard isViolent(event), !seenEvents.contains(event) else { continue }
                    for t in graph.edgeIDs(of: event, relation: .role(.target), direction: .outgoing) {
                        let target = graph.endpoints(of: t).target
                        guard graph.entityType(of: target) == .facility else { continue }
                        let words = Set(resolver.forms(of: target).flatMap(\.words))
                        if !words.isDisjoint(with: head), seenEvents.insert(event).inserted {
                            addEvent(event, t)
                        }
                    }
                }
            }
        }
        let ordered = facts.keys.sorted { a, b in
            let ca = Set(facts[a]!).count, cb = Set(facts[b]!).count
            if ca != cb { return ca > cb }
            return (graph.name(of: a), a) < (graph.name(of: b), b)
        }
        var rows: [AnswerRow] = []
        for agent in capped(ordered, "attackers") {
            var edges: [EdgeID] = []
            for e in facts[agent]! where !edges.contains(e) { edges.append(e) }
            rows.append(builder.row(agent, related: edges))
        }
        if !unknown.isEmpty {
            let labels = sortedByDate(unknown).map { builder.label($0) }
            notes.append("\(unknown.count) attack\(unknown.count == 1 ? " has" : "s have") no known agent: \(labels.joined(separator: "; "))")
            for u in unknown { builder.include(u) }
        }
        return ("Who attacked \(graph.name(of: node))", rows)
    }

    /// "the camp in Kalat" → (["camp"], "Kalat"): the head words and the place after the last `in`/`at`/`near`.
    static func facilityPhrase(_ text: String) -> (Set<String>, String)? {
        let words = NameText.words(text)
        guard let i = words.lastIndex(where: { ["in", "at", "near", "outside"].contains($0) }), i > 0, i < words.count - 1 else { return nil }
        let head = Set(words[..<i].filter { !NameText.stopWords.contains($0) })
        guard !head.isEmpty else { return nil }
        return (head, words[(i + 1)...].joined(separator: " "))
    }

    mutating func attacks(by x: NameReference, refinement: EventsQuery? = nil) throws(QueryError) -> (String, [AnswerRow]) {
        let node = try resolve(x, prefer: .entity)
        guard graph.isEntity(node) else {
            throw QueryError(.invalidValue, "'\(x.text)' names an event (\(builder.label(node))); 'attacks by' needs an actor such as a group or unit",
                             at: x.range, in: text)
        }
        var types = NameResolver.violentTypes
        types.insert(.abduction)
        var pairs: [(NodeID, EdgeID)] = []
        for id in graph.edgeIDs(of: node, relation: .role(.agent), direction: .incoming) {
            let event = graph.endpoints(of: id).source
            if let t = graph.eventType(of: event), types.contains(t) { pairs.append((event, id)) }
        }
        pairs = try refine(pairs, refinement)
        let shown: ArraySlice<(NodeID, EdgeID)>
        if let limit = refinement?.limit {
            if pairs.count > limit { notes.append("\(pairs.count) attacks; showing the first \(limit)") }
            shown = pairs.prefix(limit)
        } else {
            shown = capped(pairs, "attacks")
        }
        let rows = shown.map { builder.row($0.0, via: $0.1, related: builder.claims(of: $0.0)) }
        return ("Attacks by \(graph.name(of: node))\(refinement?.filter == nil ? "" : " (filtered)")", rows)
    }

    // MARK: Timeline

    mutating func timeline(_ x: NameReference) throws(QueryError) -> (String, [AnswerRow]) {
        let node = try resolve(x, prefer: .entity)
        var pairs: [(NodeID, EdgeID?)] = []
        var seen: Set<NodeID> = []
        if graph.isEvent(node) {
            // An event's timeline: the event and everything causally linked to it, either way.
            seen.insert(node)
            pairs.append((node, nil))
            var frontier = [node]
            while !frontier.isEmpty {
                var next: [NodeID] = []
                for v in frontier {
                    for (w, e) in causalSteps(v, .both, Set(CausalRelation.allCases)) where seen.insert(w).inserted {
                        pairs.append((w, e))
                        next.append(w)
                    }
                }
                frontier = next
            }
        } else {
            for id in graph.edgeIDs(of: node, direction: .incoming) {
                let (s, r, _) = graph.endpoints(of: id)
                if case .role = r, seen.insert(s).inserted { pairs.append((s, id)) }
            }
            if graph.entityType(of: node) == .place {
                for place in resolver.placesWithin(node).dropFirst() {
                    for id in graph.edgeIDs(of: place, relation: .role(.place), direction: .incoming) {
                        let s = graph.endpoints(of: id).source
                        if seen.insert(s).inserted { pairs.append((s, id)) }
                    }
                }
            }
        }
        pairs.sort { dateKey($0.0) < dateKey($1.0) }
        let rows = capped(pairs, "events").map { builder.row($0.0, via: $0.1, related: builder.claims(of: $0.0)) }
        return ("Timeline of \(graph.isEvent(node) ? builder.label(node) : graph.name(of: node))", rows)
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
