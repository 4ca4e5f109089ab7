import NewsGraphCore

/// Article-level joins on evidence two mentions share: the same stated day and actor, the same actor and death
/// toll, the same named facility attacked, or one facility told twice by its bare noun in nested places. They run
/// after the headline and bare-mention joins of `clusterIncidents`.
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
                if sameActorSameToll(e, k), sameDayPlacesMayNest(e, k), !linkedCausally(e, k) {
                    joinIncident(k, into: e, reason: "the same actor with the same death toll")
                    break
                }
                if sameFacilityAttacked(e, k), !linkedCausally(e, k) {
                    takeKindOfActor(k, into: e)
                    joinIncident(k, into: e, reason: "the same named facility attacked")
                    break
                }
                if sameBareFacilityAttacked(e, k), !linkedCausally(e, k) {
                    joinIncident(k, into: e, reason: "the same facility noun attacked, told in nested places")
                    break
                }
                if onlyUnclaimedIncidentThere(e, k, among: order), !linkedCausally(e, k) {
                    joinIncident(k, into: e, reason: "no actor named by either; the only incidents of their kind told in nested places")
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

    /// "The Olem Army killed a commander in a drone strike in southern Chad on Tuesday … Local media reported one
    /// dead in a drone strike by the Olem Army on a car in Kessa": two mentions of one family by the same actor that give the same death toll, on days equal or
    /// unknown, are one incident (`sameDayPlacesMayNest` checks their places).
    func sameActorSameToll(_ e: Int, _ k: Int) -> Bool {
        if let a = events[e].date, let b = events[k].date, a != b { return false }
        guard let toll = events[e].killed, toll > 0, toll == events[k].killed else { return false }
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

    /// "… in retaliation for a recent attack on its consulate in Tarvek. ⏎ The strikes come in retaliation for an
    /// airstrike on the consulate in Dorvan, Tarvek": two mentions of one family attacking a facility named by the
    /// same bare noun, placed in nested places (`oneBareFacility`), on compatible days and places and by actors
    /// that do not differ, are one incident.
    func sameBareFacilityAttacked(_ e: Int, _ k: Int) -> Bool {
        guard compatible(events[e], events[k]), !namedActorsDiffer(events[e], events[k]) else { return false }
        return events[e].target.contains { a in events[k].target.contains { b in oneBareFacility(a, b) } }
    }

    /// "Kessa vowed to punish Tarvek for the attack on its consulate in Dorvan … His message came a day after an
    /// airstrike in Dorvan's Olem district killed two officers": two mentions of one family that name no actor, told
    /// in nested places on compatible days, are one incident when no other incident of their family is told in a
    /// place nested with theirs (an attack is the general name of the airstrike).
    func onlyUnclaimedIncidentThere(_ e: Int, _ k: Int, among order: [Int]) -> Bool {
        guard namedAgents(events[e]).isEmpty, namedAgents(events[k]).isEmpty, events[e].type == events[k].type || events[e].type == .attack,
              let pe = events[e].place, let pk = events[k].place, placesCompatible(pe, pk),
              compatible(events[e], events[k]), !namedFacilitiesDiffer(events[e], events[k]) else { return false }
        let family = Document.family(events[e].type)
        return !order.contains { i in
            i != e && i != k && !events[i].dropped && Document.family(events[i].type) == family
                && (events[i].place.map { placesCompatible($0, pe) || placesCompatible($0, pk) } ?? false)
        }
    }

    /// Whether facilities `a` and `b` are one facility told twice as a bare noun with its place ("its consulate in
    /// Tarvek", "the consulate in Dorvan, Tarvek"): the same noun, in places one of which holds the other.
    func oneBareFacility(_ a: Int, _ b: Int) -> Bool {
        guard a != b, entities[a].namedApartFromPlace, entities[b].namedApartFromPlace, let na = entities[a].forms.first,
              let nb = entities[b].forms.first, Names.normalize(na) == Names.normalize(nb) else { return false }
        let placesB = locations(of: b)
        return locations(of: a).contains { p in placesB.contains { placesCompatible(p, $0) } }
    }

    /// The places the article puts entity `f` in (its located_in triples).
    func locations(of f: Int) -> [Int] {
        guard f < triplesBySubject.count else { return [] }
        return triplesBySubject[f].map { tripleOrder[$0] }.filter { $0.predicate == .locatedIn }.map(\.object)
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
