import NewsGraphCore

extension GraphMLArticleBuilder {
    /// The edges as facts: role edges fill their event's agents, targets and place (an event has one place;
    /// a second is dropped with a note), the others become triples and causal links between the names.
    mutating func readFacts(_ edges: [Edge], names: [String], events: inout [ExtractedEvent],
                            eventOfNode: [Int: Int]) -> (triples: [ExtractedTriple], causal: [ExtractedCausalLink]) {
        var triples: [ExtractedTriple] = []
        var causal: [ExtractedCausalLink] = []
        for e in edges {
            let prov = mention(e.values)
            let conf = confidence(e.values["confidence"], node: e.element.id)
            let fact = e.values["factuality"].flatMap { Factuality(rawValue: Self.normalise($0)) } ?? .asserted
            switch e.relation {
            case .role(let role):
                guard let ev = eventOfNode[e.source] else { continue }
                let who = names[e.target]
                switch role {
                case .agent: if !events[ev].agent.contains(who) { events[ev].agent.append(who) }
                case .target: if !events[ev].target.contains(who) { events[ev].target.append(who) }
                case .place:
                    if events[ev].place == nil { events[ev].place = who }
                    else if events[ev].place != who {
                        notes.append("event '\(events[ev].id)': a second place '\(who)' dropped (an event has one place)")
                    }
                }
            case .triple(let p):
                triples.append(ExtractedTriple(subject: names[e.source], predicate: p, object: names[e.target],
                                               factuality: fact, provenance: prov, confidence: conf))
            case .causal(let c):
                causal.append(ExtractedCausalLink(from: names[e.source], relation: c, to: names[e.target],
                                                  cue: nonEmpty(e.values["cue"]) ?? "", provenance: prov, confidence: conf))
            }
        }
        return (triples, causal)
    }
}
