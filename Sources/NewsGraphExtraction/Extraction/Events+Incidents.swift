import NewsGraphCore

/// Article-level incidents: once every sentence is read, a mention of an attack that names no participant
/// ("the attack in Turkey", "a terror attack") joins the incident of its kind it is compatible with, rather
/// than standing as an incident of its own.
extension Document {
    /// Merges each bare violent event (no agent, no target) into the one compatible incident of its family that
    /// has participants: same family, places equal or one inside the other (or unknown), dates equal or unknown,
    /// not causally linked to it, not announced as another ("a second attack"). When several fit, none is chosen.
    func mergeBareIncidents() {
        let violent: EventTypes = [.attack, .bombing, .clash, .operation, .killing]
        // (a generic designation alone — "the attackers" — names no participant either)
        for k in events.indices where !events[k].dropped && violent.contains(events[k].type) && !events[k].distinct
            && events[k].agent.allSatisfy({ entities[$0].generic }) && events[k].target.isEmpty {
            let linked = Set(causal.flatMap { link in link.from == k ? [link.to] : link.to == k ? [link.from] : [] })
            // a mention with a generic agent ("the attackers … attacking it") joins an incident of its own type only
            let sameTypeOnly = !events[k].agent.isEmpty
            let hosts = events.indices.filter { e in
                e != k && !events[e].dropped && !linked.contains(e) && Document.family(events[e].type) == Document.family(events[k].type)
                    && (!sameTypeOnly || events[e].type == events[k].type)
                    && (events[e].agent.contains { !entities[$0].generic } || !events[e].target.isEmpty) && compatible(events[k], events[e])
            }
            guard hosts.count == 1, let host = hosts.first else { continue }
            if events[host].type == .attack, events[k].type == .bombing { events[host].type = .bombing; events[host].cameo = events[k].cameo; events[host].acled = events[k].acled }
            mergeEvent(k, into: host)
        }
    }

    /// Whether two events can be one incident: places equal, nested or unknown; dates equal or unknown.
    func compatible(_ a: DocEvent, _ b: DocEvent) -> Bool {
        if let da = a.date, let db = b.date, da != db { return false }
        guard let pa = a.place, let pb = b.place else { return true }
        return pa == pb || contained(pa, in: pb) || contained(pb, in: pa)
    }
}
