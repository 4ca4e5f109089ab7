// The timeline of a name: its events in date order.

import NewsGraphCore

extension Evaluation {
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
}
