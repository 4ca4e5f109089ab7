import NewsGraphCore

/// A `where` condition with its names resolved to nodes.
indirect enum CompiledCondition {
    case type([TypeName], negated: Bool)
    case date([PartialDate], ComparisonOperator)
    /// Place, agent, target or participant: the allowed nodes.
    case nodes(Field, Set<NodeID>, negated: Bool)
    case figure(Field, [Int], ComparisonOperator)
    case name(Set<String>, negated: Bool)
    case factuality(Set<Factuality>, negated: Bool)
    case confidence([Double], ComparisonOperator)
    /// The article ids (exact) that must (or, negated, must not) state the node.
    case article(Set<String>, negated: Bool)
    case and(CompiledCondition, CompiledCondition)
    case or(CompiledCondition, CompiledCondition)
    case not(CompiledCondition)

    func test(_ n: NodeID, _ f: inout NodeFacts) -> Bool {
        switch self {
        case .type(let names, let negated):
            let hit = names.contains { name in
                switch name {
                case .anyEntity: f.graph.isEntity(n)
                case .anyEvent: f.graph.isEvent(n)
                case .entity(let t): f.graph.entityType(of: n) == t
                case .event(let t): f.graph.eventType(of: n) == t
                }
            }
            return hit != negated
        case .date(let dates, let op):
            guard let day = f.graph.eventDay(of: n) else { return false }
            return op == .notEqual ? dates.allSatisfy { $0.test(day, .notEqual) } : dates.contains { $0.test(day, op) }
        case .nodes(let field, let allowed, let negated):
            let hit: Bool
            if f.graph.isEntity(n) {
                // For entities: the node itself; for `place`, also an actor of an event at the place.
                hit = (field == .participant || field == .place) && allowed.contains(n)
                    || field == .place && f.actsAt(n, allowed)
            } else {
                switch field {
                case .place: hit = f.participants(n, .place).contains(where: allowed.contains)
                case .agent: hit = f.participants(n, .agent).contains(where: allowed.contains)
                case .target: hit = f.participants(n, .target).contains(where: allowed.contains)
                case .claimant: hit = f.claimants(n).contains(where: allowed.contains)
                // `participant`: a participant in any role, or the event itself (`participant = n14`).
                default: hit = allowed.contains(n) || EventRole.allCases.contains { f.participants(n, $0).contains(where: allowed.contains) }
                }
            }
            return hit != negated
        case .figure(let field, let values, let op):
            guard let v = field == .killed ? f.killed(n) : f.injured(n) else { return false }
            func cmp(_ x: Int) -> Bool {
                switch op {
                case .equal, .in: v == x
                case .notEqual: v != x
                case .less: v < x
                case .lessOrEqual: v <= x
                case .greater: v > x
                case .greaterOrEqual: v >= x
                }
            }
            return op == .notEqual ? values.allSatisfy(cmp) : values.contains(where: cmp)
        case .name(let keys, let negated):
            let forms: [String]
            if let e = f.graph.entity(n) { forms = [e.name] + e.aliases } else { forms = [f.graph.name(of: n)] }
            return forms.contains { keys.contains(NameNormalizer.key($0)) } != negated
        case .factuality(let values, let negated):
            guard let v = f.factuality(n) else { return false }
            return values.contains(v) != negated
        case .confidence(let values, let op):
            let v = f.confidence(n)
            func cmp(_ x: Double) -> Bool {
                switch op {
                case .equal, .in: abs(v - x) < 0.0005
                case .notEqual: abs(v - x) >= 0.0005
                case .less: v < x
                case .lessOrEqual: v <= x + 0.0005
                case .greater: v > x
                case .greaterOrEqual: v >= x - 0.0005
                }
            }
            return op == .notEqual ? values.allSatisfy(cmp) : values.contains(where: cmp)
        case .article(let ids, let negated):
            return f.graph.articles(of: n).contains(where: ids.contains) != negated
        case .and(let a, let b): return a.test(n, &f) && b.test(n, &f)
        case .or(let a, let b): return a.test(n, &f) || b.test(n, &f)
        case .not(let a): return !a.test(n, &f)
        }
    }

    /// Events that may satisfy the condition, from the graph's indexes (type lists, the date index, role edges),
    /// or nil when the condition cannot narrow the search (then every event is tested).
    func candidates(_ graph: KnowledgeGraph) -> Set<NodeID>? {
        switch self {
        case .type(let names, let negated):
            guard !negated else { return nil }
            var out: Set<NodeID> = []
            for name in names {
                switch name {
                case .event(let t): out.formUnion(graph.nodes(ofType: t))
                case .anyEvent: return nil
                default: break
                }
            }
            return out
        case .date(let dates, let op):
            guard op != .notEqual else { return nil }
            var out: Set<NodeID> = []
            for d in dates { if let r = d.range(op) { out.formUnion(graph.events(days: r)) } }
            return out
        case .nodes(let field, let allowed, let negated):
            guard !negated else { return nil }
            if field == .claimant {
                var out: Set<NodeID> = []
                for n in allowed {
                    for id in graph.edgeIDs(of: n, relation: .triple(.claimedResponsibility), direction: .outgoing) {
                        out.insert(graph.endpoints(of: id).target)
                    }
                }
                return out
            }
            let roles: [EventRole] = switch field {
            case .place: [.place]
            case .agent: [.agent]
            case .target: [.target]
            default: EventRole.allCases
            }
            var out: Set<NodeID> = field == .participant ? allowed.filter { graph.isEvent($0) } : []
            for n in allowed {
                for r in roles {
                    for id in graph.edgeIDs(of: n, relation: .role(r), direction: .incoming) { out.insert(graph.endpoints(of: id).source) }
                }
            }
            return out
        case .figure, .name, .not, .factuality, .confidence, .article: return nil
        case .and(let a, let b):
            switch (a.candidates(graph), b.candidates(graph)) {
            case (nil, nil): return nil
            case (let x?, nil): return x
            case (nil, let y?): return y
            case (let x?, let y?): return x.count <= y.count ? x.intersection(y) : y.intersection(x)
            }
        case .or(let a, let b):
            guard let x = a.candidates(graph), let y = b.candidates(graph) else { return nil }
            return x.union(y)
        }
    }
}

/// The event facts conditions read: participants from the role edges, figures from the engine's cache.
struct NodeFacts {
    let graph: KnowledgeGraph
    let cache: EngineCache
    private var figures: EventFigures?

    init(graph: KnowledgeGraph, cache: EngineCache) {
        self.graph = graph
        self.cache = cache
    }

    func participants(_ event: NodeID, _ role: EventRole) -> [NodeID] {
        graph.edgeIDs(of: event, relation: .role(role), direction: .outgoing).map { graph.endpoints(of: $0).target }
    }

    /// The actors with a `claimed_responsibility` link to the event.
    func claimants(_ event: NodeID) -> [NodeID] {
        graph.edgeIDs(of: event, relation: .triple(.claimedResponsibility), direction: .incoming).map { graph.endpoints(of: $0).source }
    }

    /// Whether an entity is the agent or target of an event at one of `places`.
    func actsAt(_ entity: NodeID, _ places: Set<NodeID>) -> Bool {
        for role in [EventRole.agent, .target] {
            for id in graph.edgeIDs(of: entity, relation: .role(role), direction: .incoming)
            where participants(graph.endpoints(of: id).source, .place).contains(where: places.contains) {
                return true
            }
        }
        return false
    }

    /// The event's factuality; nil for entities.
    mutating func factuality(_ n: NodeID) -> Factuality? {
        guard graph.isEvent(n) else { return nil }
        if figures == nil { figures = cache.figures(graph) }
        return figures!.factuality[n.index - graph.entityCount]
    }

    /// The node's confidence (0–1).
    mutating func confidence(_ n: NodeID) -> Double {
        guard graph.isEvent(n) else { return graph.entity(n)?.confidence ?? 0 }
        if figures == nil { figures = cache.figures(graph) }
        return Double(figures!.confidence[n.index - graph.entityCount])
    }

    mutating func killed(_ n: NodeID) -> Int? { figure(n, \.killed) }
    mutating func injured(_ n: NodeID) -> Int? { figure(n, \.injured) }

    private mutating func figure(_ n: NodeID, _ key: KeyPath<EventFigures, [Int32]>) -> Int? {
        guard graph.isEvent(n) else { return nil }
        if figures == nil { figures = cache.figures(graph) }
        let v = figures![keyPath: key][n.index - graph.entityCount]
        return v < 0 ? nil : Int(v)
    }
}

extension Evaluation {
    /// Resolves the names of a condition (`place in Balochistan` → Balochistan and every place inside it).
    mutating func compile(_ c: Condition) throws(QueryError) -> CompiledCondition {
        switch c {
        case .and(let a, let b): return .and(try compile(a), try compile(b))
        case .or(let a, let b): return .or(try compile(a), try compile(b))
        case .not(let a): return .not(try compile(a))
        case .comparison(let cmp):
            let negated = cmp.op == .notEqual
            switch cmp.field {
            case .type:
                return .type(cmp.values.compactMap { TypeName($0.text) }, negated: negated)
            case .date:
                return .date(cmp.values.compactMap { PartialDate($0.text) }, cmp.op)
            case .killed, .injured:
                return .figure(cmp.field, cmp.values.compactMap { Int($0.text) }, cmp.op)
            case .name:
                return .name(Set(cmp.values.map { NameNormalizer.key($0.text) }), negated: negated)
            case .factuality:
                return .factuality(Set(cmp.values.compactMap { Factuality(rawValue: $0.text.lowercased()) }), negated: negated)
            case .confidence:
                return .confidence(cmp.values.compactMap { Double($0.text) }, cmp.op)
            case .article:
                return .article(Set(try cmp.values.map { (v) throws(QueryError) -> String in try articleID(v) }), negated: negated)
            case .place, .agent, .target, .participant, .claimant:
                var allowed: Set<NodeID> = []
                for v in cmp.values {
                    let n = try resolve(v.reference, prefer: .entity, preferType: cmp.field == .place ? .place : nil)
                    if cmp.field == .place && cmp.op == .in {
                        allowed.formUnion(resolver.placesWithin(n))
                    } else {
                        allowed.insert(n)
                    }
                }
                return .nodes(cmp.field, allowed, negated: negated)
            }
        }
    }

    /// The events that satisfy a condition (all events for nil), narrowed first by the graph's indexes.
    func matchingEvents(_ condition: CompiledCondition?) -> [NodeID] {
        guard let condition else { return graph.eventIDs }
        var facts = NodeFacts(graph: graph, cache: engine.cache)
        let pool: [NodeID]
        if let narrowed = condition.candidates(graph) {
            pool = narrowed.filter { graph.isEvent($0) }
        } else {
            pool = graph.eventIDs
        }
        return pool.filter { condition.test($0, &facts) }
    }

    mutating func events(_ q: EventsQuery) throws(QueryError) -> (String, [AnswerRow]) {
        let condition = try q.filter.map { (c) throws(QueryError) -> CompiledCondition in try compile(c) }
        let matches = sorted(matchingEvents(condition), by: q.order)
        let limit = q.limit ?? engine.defaultLimit
        if matches.count > limit {
            notes.append("\(matches.count) events match; showing the first \(limit) (use 'limit N')")
        }
        let rows = matches.prefix(limit).map { builder.row($0, related: builder.claims(of: $0)) }
        return (q.filter == nil ? "All events (\(matches.count))" : "Events matching the query (\(matches.count))", rows)
    }

    /// Nodes in the order of `by KEY …` (default: by date, undated last); missing values last; ties by date, then id.
    func sorted(_ matches: [NodeID], by orderings: [Ordering]) -> [NodeID] {
        var facts = NodeFacts(graph: graph, cache: engine.cache)
        let order = orderings.isEmpty ? [Ordering(key: .date, descending: false)] : orderings
        let keys = matches.map { n in order.map { sortValue(n, $0.key, &facts) } }
        let indices = matches.indices.sorted { i, j in
            for (k, o) in order.enumerated() {
                let a = keys[i][k], b = keys[j][k]
                if a == b { continue }
                // Unknown values (nil) always go last, whatever the direction.
                if a.missing != b.missing { return !a.missing }
                return o.descending ? b < a : a < b
            }
            return dateKey(matches[i]) < dateKey(matches[j])
        }
        return indices.map { matches[$0] }
    }

    func sortValue(_ n: NodeID, _ key: OrderKey, _ facts: inout NodeFacts) -> SortValue {
        switch key {
        case .date: return SortValue(graph.eventDay(of: n))
        case .killed: return SortValue(facts.killed(n))
        case .injured: return SortValue(facts.injured(n))
        case .type: return SortValue(graph.eventType(of: n).flatMap { EventType.allCases.firstIndex(of: $0) })
        case .place: return SortValue(text: facts.participants(n, .place).first.map { graph.name(of: $0) })
        case .name: return SortValue(text: graph.name(of: n).lowercased())
        case .confidence: return SortValue(Int((facts.confidence(n) * 1000).rounded()))
        }
    }
}

/// A sort key that is a number, a text, or missing.
struct SortValue: Comparable {
    var number: Int = 0
    var text: String = ""
    var missing: Bool

    init(_ n: Int?) {
        number = n ?? 0
        missing = n == nil
    }

    init(text: String?) {
        self.text = text ?? ""
        missing = text == nil
    }

    static func < (a: SortValue, b: SortValue) -> Bool { (a.number, a.text) < (b.number, b.text) }
}
