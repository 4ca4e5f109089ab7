import NewsGraphCore

extension GraphMLArticleBuilder {
    /// Whether a node is an entity or an event.
    enum NodeKind { case entity, event }

    /// Each node's kind: explicit (`kind`), else by its type, else by the edges (the source of a role edge
    /// and both ends of a causal edge are events, the target of a role edge from an event is an entity);
    /// an entity when nothing says.
    func kinds(nodeValues: [[String: String]], edges: [Edge]) -> [NodeKind] {
        var kinds = [NodeKind?](repeating: nil, count: doc.nodes.count)
        for (i, v) in nodeValues.enumerated() {
            if let k = v["kind"].map(Self.normalise), k == "entity" || k == "event" {
                kinds[i] = k == "entity" ? .entity : .event
            } else if let t = (v["type"] ?? v["event_type"]).map(Self.normalise), EventType(rawValue: t) != nil, v["entity_type"] == nil {
                kinds[i] = .event
            } else if let t = (v["type"] ?? v["entity_type"]).map(Self.normalise), EntityType(rawValue: t) != nil {
                kinds[i] = .entity
            }
        }
        for e in edges {
            switch e.relation {
            case .role:
                if kinds[e.source] == nil && !(kinds[e.target] == .event) { kinds[e.source] = .event }
            case .causal:
                if kinds[e.source] == nil { kinds[e.source] = .event }
                if kinds[e.target] == nil { kinds[e.target] = .event }
            case .triple:
                break
            }
        }
        for e in edges {
            if case .role = e.relation, kinds[e.target] == nil, kinds[e.source] == .event { kinds[e.target] = .entity }
        }
        return kinds.map { $0 ?? .entity }
    }

    /// Entity types the edges imply, with the reason for the notes: the place of an event or the object of
    /// `located_in` is a place, the subject of `spokesperson_of` or `leader_of` a person.
    func inferredEntityTypes(_ edges: [Edge]) -> [(type: EntityType, why: String)?] {
        var inferred = [(type: EntityType, why: String)?](repeating: nil, count: doc.nodes.count)
        for e in edges {
            switch e.relation {
            case .role(.place), .triple(.locatedIn):
                inferred[e.target] = (.place, "the place of an event or the object of located_in")
            case .triple(.spokespersonOf), .triple(.leaderOf):
                if inferred[e.source] == nil { inferred[e.source] = (.person, "the subject of \(e.relation.name)") }
            default:
                break
            }
        }
        return inferred
    }

    /// An event type named by a word of `name` ("kalat_attack", "Attack on X", "bombings").
    static func eventType(in name: String) -> EventType? {
        let words = NameNormalizer.normalizedTokens(name)
        for w in words {
            if let t = EventType(rawValue: w) { return t }
            if w.hasSuffix("s"), let t = EventType(rawValue: String(w.dropLast())) { return t }
        }
        return nil
    }
}
