import NewsGraphCore

/// Article-level joins on evidence two mentions share: the same stated day and actor, or the same named facility
/// attacked. They run after the headline and bare-mention joins of `clusterIncidents`.
extension Document {
    /// Joins the incident mentions that share a day and an actor or a named facility, in the article's order.
    func joinIncidentsOnSharedEvidence() {
        let order = events.indices.filter { !events[$0].dropped && Document.incidentTypes.contains(events[$0].type) }
            .sorted { events[$0].firstByte < events[$1].firstByte }
        for (n, k) in order.enumerated() where !events[k].dropped && !events[k].distinct && !events[k].several {
            for e in order[..<n] where !events[e].dropped && !events[e].several && Document.family(events[e].type) == Document.family(events[k].type) {
                // an actor does not answer its own act of the same day: such a link joins two mentions of one incident
                if sameDaySameActor(e, k), sameDayPlacesMayNest(e, k) {
                    joinIncident(k, into: e, reason: "the same actor on the same stated day")
                    break
                }
                if sameFacilityAttacked(e, k), !linkedCausally(e, k) {
                    takeKindOfActor(k, into: e)
                    joinIncident(k, into: e, reason: "the same named facility attacked")
                    break
                }
            }
        }
    }

    /// "Israel struck Kessa on April 19 … the April 19 attack by Israel on Kessa": two mentions of one family that
    /// state the same day and name the same actor are one incident (`sameDayPlacesMayNest` checks their places).
    func sameDaySameActor(_ e: Int, _ k: Int) -> Bool {
        guard let d = events[e].date, d == events[k].date else { return false }
        let a = namedAgents(events[e]), b = namedAgents(events[k])
        return !a.isEmpty && !b.isEmpty && agentsRelated(a, b)
    }

    /// The places of two same-day mentions by one actor: nested or unknown, or a country and a place the article
    /// puts in no other country ("struck Niger … the strike on Kessa, a town in Niger"); no two different named facilities attacked.
    func sameDayPlacesMayNest(_ e: Int, _ k: Int) -> Bool {
        if namedFacilitiesDiffer(events[e], events[k]) { return false }
        guard let a = events[e].place, let b = events[k].place, !placesCompatible(a, b) else { return true }
        func inNoOtherCountry(_ p: Int, _ country: Int) -> Bool {
            !isCountry(p) && !entities.indices.contains { $0 != country && isCountry($0) && contained(p, in: $0) }
        }
        return (isCountry(a) && inNoOtherCountry(b, a)) || (isCountry(b) && inNoOtherCountry(a, b))
    }

    /// "Militants attacked a post in Kessa and the Tarvek Police Station … the assault on the Tarvek Police
    /// Station": a named facility is in one place, so two mentions of its attack on compatible days are one incident,
    /// whatever places the sentences name around it.
    func sameFacilityAttacked(_ e: Int, _ k: Int) -> Bool {
        if let a = events[e].date, let b = events[k].date, a != b { return false }
        if namedActorsDiffer(events[e], events[k]) { return false }
        return namedFacilityTargets(events[e]).contains { events[k].target.contains($0) }
    }

    /// "Clashes broke out at the airport … the Kestrel Front seized the airport": the mention that names the actor
    /// tells the incident's kind, when the host names none.
    func takeKindOfActor(_ k: Int, into host: Int) {
        guard events[host].agent.allSatisfy({ entities[$0].generic }), events[k].agent.contains(where: { !entities[$0].generic }) else { return }
        events[host].type = events[k].type; events[host].cameo = events[k].cameo; events[host].acled = events[k].acled
    }

    /// Whether a causal link joins events `a` and `b` (a response is never the incident it answers).
    func linkedCausally(_ a: Int, _ b: Int) -> Bool {
        causal.contains { ($0.from == a && $0.to == b) || ($0.from == b && $0.to == a) }
    }
}
