import NewsGraphCore

extension Evaluation {
    /// `count …` and `sum …`: the matching nodes grouped by the keys' values. A node with several values of a
    /// key (two agents) is in each of their groups; a node with none is in the `(none)` group of that key.
    mutating func aggregate(_ q: AggregateQuery) throws(QueryError) -> (String, AggregateTable) {
        let condition = try q.filter.map { (c) throws(QueryError) -> CompiledCondition in try compile(c) }
        let nodes = q.subject == .events ? matchingEvents(condition) : matchingEntities(condition)
        var facts = NodeFacts(graph: graph, cache: engine.cache)
        var groups: [[GroupValue]: AggregateGroup] = [:]
        var totalSum = 0, totalMissing = 0, multiple = 0
        for n in nodes {
            var figure: Int?
            if case .sum(let field) = q.measure {
                figure = field == .killed ? facts.killed(n) : facts.injured(n)
                if let figure { totalSum += figure } else { totalMissing += 1 }
            }
            let combos = combinations(q.groupBy.map { values(n, $0, &facts) })
            if combos.count > 1 { multiple += 1 }
            for combination in combos {
                let isSum = q.measure != .count
                var g = groups[combination] ?? AggregateGroup(keys: combination, count: 0, sum: isSum ? 0 : nil, missing: isSum ? 0 : nil)
                g.count += 1
                if isSum {
                    if let figure { g.sum = (g.sum ?? 0) + figure } else { g.missing = (g.missing ?? 0) + 1 }
                }
                groups[combination] = g
            }
        }
        let ordered = sortedGroups(Array(groups.values), q)
        let limit = q.limit ?? engine.defaultLimit
        if ordered.count > limit {
            notes.append("\(ordered.count) groups; showing the first \(limit) (use 'limit N')")
        }
        let measure: String
        switch q.measure {
        case .count: measure = "count"
        case .sum(let field): measure = field.rawValue
        }
        if totalMissing > 0 {
            notes.append("\(totalMissing) of the \(nodes.count) events \(totalMissing == 1 ? "gives" : "give") no \(measure) figure and add\(totalMissing == 1 ? "s" : "") nothing to the sums")
        }
        if multiple > 0 {
            notes.append("\(multiple) of the \(nodes.count) \(q.subject.rawValue) \(multiple == 1 ? "has" : "have") several values of a key "
                         + "(two agents, two articles) and \(multiple == 1 ? "counts" : "count") once in each of those groups; the total counts each once")
        }
        let table = AggregateTable(measure: measure, subject: q.subject.rawValue, groupBy: q.groupBy.map(\.rawValue),
                                   groups: Array(ordered.prefix(limit)), groupCount: ordered.count, total: nodes.count,
                                   totalSum: measure == "count" ? nil : totalSum)
        let what = measure == "count" ? "Count of \(q.subject.rawValue)" : "Sum of \(measure) over events"
        let by = q.groupBy.isEmpty ? "" : " by " + q.groupBy.map(\.rawValue).joined(separator: ", ")
        let noun = q.subject == .events ? (nodes.count == 1 ? "event" : "events") : (nodes.count == 1 ? "entity" : "entities")
        return ("\(what)\(by)\(q.filter == nil ? "" : " (filtered)"), \(nodes.count) \(noun)", table)
    }

    /// Every combination of one value per key (one empty combination when there are no keys).
    func combinations(_ perKey: [[GroupValue]]) -> [[GroupValue]] {
        var out: [[GroupValue]] = [[]]
        for values in perKey {
            out = out.flatMap { prefix in values.map { prefix + [$0] } }
        }
        return out
    }

    /// The values of one group key for a node; `(none)` when it has none.
    mutating func values(_ n: NodeID, _ key: GroupKey, _ facts: inout NodeFacts) -> [GroupValue] {
        func node(_ m: NodeID) -> GroupValue {
            builder.include(m)
            return GroupValue(by: key.rawValue, value: graph.name(of: m), id: m.description, key: graph.key(of: m))
        }
        func text(_ s: String?) -> GroupValue { GroupValue(by: key.rawValue, value: s) }
        var out: [GroupValue]
        switch key {
        case .agent: out = Array(Set(facts.participants(n, .agent))).sorted().map(node)
        case .target: out = Array(Set(facts.participants(n, .target))).sorted().map(node)
        case .place: out = Array(Set(facts.participants(n, .place))).sorted().map(node)
        case .claimant: out = Array(Set(facts.claimants(n))).sorted().map(node)
        case .type: out = [text(graph.eventType(of: n)?.rawValue ?? graph.entityType(of: n)?.rawValue)]
        case .factuality: out = [text(facts.factuality(n)?.rawValue)]
        case .article: out = graph.articles(of: n).map { text($0) }
        case .year, .month, .day:
            let date = graph.eventDay(of: n).map { CalendarDate(dayNumber: $0).description }
            let length = key == .year ? 4 : key == .month ? 7 : 10
            out = [text(date.map { String($0.prefix(length)) })]
        }
        return out.isEmpty ? [text(nil)] : out
    }

    /// Default order: by the first key when it is a time key (chronological), else the measure, largest first;
    /// then the keys, `(none)` last.
    func sortedGroups(_ groups: [AggregateGroup], _ q: AggregateQuery) -> [AggregateGroup] {
        var order = q.order
        if order.isEmpty {
            order = q.groupBy.first?.isTime == true ? [AggregateOrdering(key: q.groupBy[0], descending: false)]
                : [AggregateOrdering(key: nil, descending: true)]
        }
        let isCount = q.measure == .count
        func value(_ g: AggregateGroup) -> Int { isCount ? g.count : g.sum ?? 0 }
        func keyOrder(_ a: GroupValue, _ b: GroupValue) -> Int {
            switch (a.value, b.value) {
            case (nil, nil): return 0
            case (nil, _): return 1
            case (_, nil): return -1
            case (let x?, let y?): let (l, r) = (x.lowercased(), y.lowercased()); return l == r ? 0 : l < r ? -1 : 1
            }
        }
        return groups.sorted { a, b in
            for o in order {
                if let key = o.key, let i = q.groupBy.firstIndex(of: key) {
                    let c = keyOrder(a.keys[i], b.keys[i])
                    if c != 0 { return a.keys[i].value == nil || b.keys[i].value == nil ? c < 0 : o.descending ? c > 0 : c < 0 }
                } else if o.key == nil, value(a) != value(b) {
                    return o.descending ? value(a) > value(b) : value(a) < value(b)
                }
            }
            for i in q.groupBy.indices {
                let c = keyOrder(a.keys[i], b.keys[i])
                if c != 0 { return c < 0 }
            }
            return false
        }
    }
}
