import NewsGraphCore

/// The listing and aggregation forms: `entities …`, `count …`, `sum …` (grammar in `docs/query-language.md`).
extension QueryParser {
    /// Plural entity words that start an `entities` query, and the type they preset (nil: every entity).
    static let entityPlurals: [String: String?] = [
        "entities": nil, "entity": nil,
        "groups": "group", "people": "person", "persons": "person", "units": "unit",
        "organizations": "organization", "organisations": "organization",
        "places": "place", "locations": "place", "facilities": "facility",
    ]

    /// Words that end an unquoted agent name in `attacks by X …` (quote a name that contains one).
    static let agentStops: Set<String> = ["in", "at", "where", "with", "by", "order", "sorted", "ordered", "limit"]

    /// The ordering keys of an `entities` query.
    static let entityOrderKeys: [OrderKey] = [.name, .type, .confidence]

    /// Group-by words and the keys they name (`group`, `actor` and `perpetrator` read as `agent`).
    static let groupKeyWords: [String: GroupKey] = [
        "agent": .agent, "agents": .agent, "actor": .agent, "actors": .agent, "perpetrator": .agent, "group": .agent,
        "target": .target, "targets": .target, "victim": .target,
        "place": .place, "location": .place,
        "type": .type, "kind": .type,
        "claimant": .claimant, "claimants": .claimant,
        "factuality": .factuality,
        "article": .article, "source": .article,
        "year": .year, "month": .month, "day": .day, "date": .day,
    ]

    /// `type = T` at the type word's position (for presets such as `bombings`, `groups`).
    func typeCondition(_ type: String, _ token: Token) -> Condition {
        .comparison(Comparison(field: .type, op: .equal, values: [Value(text: type, range: token.range)], range: token.range))
    }

    mutating func parseEntities(preset: Condition?) throws(QueryError) -> EntitiesQuery {
        let q = try parseEvents(preset: preset, keys: Self.entityOrderKeys)
        return EntitiesQuery(filter: q.filter, order: q.order, limit: q.limit)
    }

    /// After `count`, `how many`, `sum` or `total` (`head`): the measure, the subject, then the clauses in any order.
    mutating func parseAggregate(_ head: Token) throws(QueryError) -> AggregateQuery {
        var q = AggregateQuery(measure: .count)
        if head.lower == "sum" || head.lower == "total" {
            _ = accept("of", "the")
            let t = current
            switch t.kind == .word ? t.lower : "" {
            case "killed", "deaths", "dead", "fatalities": q.measure = .sum(.killed)
            case "injured", "wounded": q.measure = .sum(.injured)
            default: throw error("expected 'killed' or 'injured' after '\(head.text)', found \(t.display)")
            }
            _ = advance()
            _ = accept("of", "for", "across")
            // "sum killed in attacks by agent": "in" before a subject word is not a place.
            if at("in"), peek().kind == .word, Self.isSubjectWord(peek().lower) { _ = advance() }
        } else {
            _ = accept("of", "the", "all")
        }
        try parseAggregateSubject(&q)
        if q.subject == .entities, q.measure != .count {
            throw error("'\(head.text)' adds up event figures; count entities with 'count entities'", at: head)
        }
        try parseAggregateClauses(&q)
        return q
    }

    static func isSubjectWord(_ w: String) -> Bool {
        w == "events" || w == "event" || entityPlurals[w] != nil || eventPlurals[w] != nil
    }

    /// The clauses of an aggregation, in any order: `in`, `where`, `by`/`per`/`group by` (several add keys:
    /// "per month by group"), `order by`, `limit`.
    mutating func parseAggregateClauses(_ q: inout AggregateQuery) throws(QueryError) {
        let saved = extraStops
        extraStops = ["per"]
        defer { extraStops = saved }
        var seen: Set<String> = []
        while !atEnd {
            let clause = current
            let name = clause.kind == .word ? (clause.lower == "at" ? "in" : clause.lower == "with" ? "where" : clause.lower) : ""
            if !name.isEmpty, ["in", "where", "order", "sorted", "ordered", "limit", "top", "first"].contains(name),
               !seen.insert(["sorted", "ordered"].contains(name) ? "order" : ["top", "first"].contains(name) ? "limit" : name).inserted {
                throw error("'\(clause.text)' given twice")
            }
            if let preposition = accept("in", "at") {
                let ref = try parseReference(after: preposition.lower, stoppingAt: Self.conditionStops.union(["per", "with"]))
                q.filter = and(q.filter, .comparison(Comparison(field: .place, op: .in, values: [Value(text: ref.text, quoted: ref.quoted, range: ref.range)], range: ref.range)))
            } else if accept("where", "with") != nil {
                q.filter = and(q.filter, try parseCondition())
            } else if accept("by", "per") != nil {
                q.groupBy = try parseGroupKeys(q.subject, after: q.groupBy)
            } else if at("group") {
                _ = advance()
                _ = try expect("by", "after 'group'")
                q.groupBy = try parseGroupKeys(q.subject, after: q.groupBy)
            } else if accept("order", "sorted", "ordered") != nil {
                _ = try expect("by", "after 'order'")
                q.order = try parseAggregateOrdering()
            } else if accept("limit", "top", "first") != nil {
                q.limit = try parseInt(after: "limit", range: 1...Int.max)
            } else {
                throw error("expected 'in', 'where', 'by', 'order by' or 'limit', found \(current.display)")
            }
        }
    }

    private func and(_ a: Condition?, _ b: Condition) -> Condition { a.map { .and($0, b) } ?? b }

    /// `events`, a plural event type (`attacks`: presets its type), `entities` or a plural entity type.
    /// Nothing (straight to a clause) counts events.
    private mutating func parseAggregateSubject(_ q: inout AggregateQuery) throws(QueryError) {
        let t = current
        guard t.kind == .word else { return }
        if t.lower == "events" || t.lower == "event" {
            _ = advance()
        } else if let preset = Self.entityPlurals[t.lower] {
            _ = advance()
            q.subject = .entities
            if let preset { q.filter = typeCondition(preset, t) }
        } else if let type = Self.eventPlurals[t.lower] {
            _ = advance()
            q.filter = typeCondition(type.rawValue, t)
        }
    }

    private mutating func parseGroupKeys(_ subject: AggregateSubject, after earlier: [GroupKey]) throws(QueryError) -> [GroupKey] {
        var keys = earlier
        repeat {
            let t = current
            guard t.kind == .word, let key = Self.groupKeyWords[t.lower] else {
                let hint = t.kind == .word ? "; to count one actor's events write 'where agent = \(QueryError.shortened(t.text))'" : ""
                throw error("expected a group key (\(GroupKey.allCases.map(\.rawValue).joined(separator: ", "))) after 'by', found \(t.display)\(hint)")
            }
            if subject == .entities, !key.appliesToEntities {
                throw QueryError(.invalidValue, "entities are grouped by type or article, not by \(key.rawValue)", at: t.range, in: source)
            }
            if keys.contains(key) { throw error("'\(t.text)' given twice") }
            _ = advance()
            keys.append(key)
        } while current.kind == .comma && { _ = advance(); return true }()
        return keys
    }

    private mutating func parseAggregateOrdering() throws(QueryError) -> [AggregateOrdering] {
        var result: [AggregateOrdering] = []
        repeat {
            let t = current
            let measureWords: Set<String> = ["count", "sum", "total", "value", "killed", "injured", "events", "number"]
            var key: GroupKey?
            if t.kind == .word, measureWords.contains(t.lower) {
                key = nil
            } else if t.kind == .word, let k = Self.groupKeyWords[t.lower] {
                key = k
            } else {
                throw error("expected 'count', 'sum' or a group key after 'order by', found \(t.display)")
            }
            _ = advance()
            var descending = key == nil
            if accept("asc", "ascending") != nil { descending = false }
            else if accept("desc", "descending") != nil { descending = true }
            result.append(AggregateOrdering(key: key, descending: descending))
        } while current.kind == .comma && { _ = advance(); return true }()
        return result
    }
}
