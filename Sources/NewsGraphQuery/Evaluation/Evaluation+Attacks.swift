// Who attacked a target, and what an actor attacked: the attack queries.

import NewsGraphCore

extension Evaluation {
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
}
