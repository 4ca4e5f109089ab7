import Foundation
import NewsGraphCore

/// Article-level incidents: once every sentence is read, the mentions that tell one incident — the headline, the
/// lead, a later "the assault on the base" — are joined into one event, and each join is recorded with its reason
/// (printed to standard error under `NEWSGRAPH_DEBUG`).
extension Document {
    /// The violent incident types the clustering joins.
    static let incidentTypes: EventTypes = [.attack, .bombing, .clash, .operation]
    /// The events that can have a toll and can be the incident a figure or a response refers to.
    static let violentTypes: EventTypes = [.attack, .bombing, .clash, .operation, .killing]

    /// The article-level joins, in the order the article tells its mentions: the headline (or lead) and the next
    /// sentence of the same kind; a group's repeated claim; a mention that names no participant into the one
    /// compatible incident of its family. (A wider join of any two mentions sharing a place and an actor was
    /// measured and left out: one group attacks many times in one place, and it merged distinct incidents.)
    func clusterIncidents() {
        let order = events.indices.filter { !events[$0].dropped && Document.incidentTypes.contains(events[$0].type) }
            .sorted { events[$0].firstByte < events[$1].firstByte }
        joinHeadlineToLead(order)
        joinRepeatedClaims()
        // a mention that names no participant joins the one incident of its family it is compatible with, told
        // before or after it ("a terror attack" in the headline, the named incident in the lead)
        for k in order where !events[k].dropped && !events[k].distinct && isBare(k) {
            let linked = Set(causal.flatMap { link in link.from == k ? [link.to] : link.to == k ? [link.from] : [] })
            // a mention with a generic agent ("the attackers … attacking it") joins an incident of its own type only
            let sameTypeOnly = !events[k].agent.isEmpty
            let hosts = order.filter { e in
                e != k && !events[e].dropped && !events[e].several && !linked.contains(e) && !isBare(e) && Document.family(events[e].type) == Document.family(events[k].type)
                    && (!sameTypeOnly || events[e].type == events[k].type) && compatible(events[k], events[e])
            }
            if hosts.count == 1, let host = hosts.first { joinIncident(k, into: host, reason: "names no participant; the one compatible incident of its kind") }
            // "… were killed on Monday when gunmen ambushed a patrol": of several, the one incident of its type told
            // on its day
            else if let day = events[k].date, case let sameDay = hosts.filter({ events[$0].date == day && events[$0].type == events[k].type }), sameDay.count == 1, let host = sameDay.first {
                joinIncident(k, into: host, reason: "names no participant; the one compatible incident of its kind on its day")
            }
            else if hosts.isEmpty, let host = onlyPlacedIncident(ofTypeOf: k, in: order, apartFrom: linked) {
                joinIncident(k, into: host, reason: "names no participant and no place; the one incident of its type, told with a place")
            }
        }
        joinActorOnlyMentions(order)
    }

    /// "Attack on police station leaves nine dead ⏎ Gunmen of the Eskar Cartel attacked a police station in Varnok
    /// on Friday …": the headline (or the lead) and the next sentence that tells an incident of the same family
    /// tell one incident, when each tells one and nothing keeps them apart (the inverted pyramid of news writing;
    /// a page that repeats its headline above the lead is read the same way).
    func joinHeadlineToLead(_ order: [Int]) {
        func firstSentence(_ e: Int) -> Int { events[e].mentions.map(\.sentence).min() ?? Int.max }
        for family in Set(order.map { Document.family(events[$0].type) }) {
            // the headline, a repeated headline and the lead: at most two joins
            for _ in 0..<2 {
                let live = order.filter { !events[$0].dropped && Document.family(events[$0].type) == family }
                let sentences = Set(live.map(firstSentence)).sorted()
                guard sentences.count >= 2, sentences[0] <= 2, sentences[1] - sentences[0] <= 2 else { break }
                let head = headlineIncidents(live.filter { firstSentence($0) == sentences[0] })
                let lead = live.filter { firstSentence($0) == sentences[1] }
                guard head.count == 1, lead.count == 1, let e = head.first, let k = lead.first, !events[k].distinct,
                      !causal.contains(where: { ($0.from == k && $0.to == e) || ($0.from == e && $0.to == k) }),
                      nothingKeepsApart(headlineReading(events[e], sentence: sentences[0]), events[k]) else { break }
                joinIncident(k, into: e, reason: "the headline or lead and the next sentence of this kind tell one incident")
            }
        }
    }

    /// "Kessa fires barrage of rockets in retaliation for Tarvek's raid on its embassy ⏎ Kessa launched waves of
    /// attacks on Tarvek overnight …": a headline that tells a response and the incident it answers reports the
    /// response; the incident answered is background. Of several incidents the headline tells, the one response to
    /// another of them is the headline's news (the others stay apart); a single incident is its own news.
    func headlineIncidents(_ told: [Int]) -> [Int] {
        guard told.count > 1 else { return told }
        let responses = told.filter { e in
            causal.contains { $0.from == e && $0.relation == .respondedTo && told.contains($0.to) && $0.to != e }
        }
        return responses.count == 1 ? responses : told
    }

    /// "Image: KESSA NEWS Gunmen ambushed a patrol near Tarvek ⏎ The Olem Front has claimed the attack on the
    /// patrol …": a headline's capitalised run is weak evidence of a name; an actor of the headline's incident that
    /// the article names in no other sentence and the lexicon does not know ("NEWS Gunmen") does not keep it apart
    /// from the lead's incident.
    func headlineReading(_ e: DocEvent, sentence: Int) -> DocEvent {
        var read = e
        read.agent = e.agent.filter { a in
            entities[a].generic || entities[a].lexiconIndex != nil || entities[a].mentions.contains { $0.sentence != sentence }
        }
        return read
    }

    /// "The Tarsk Liberation Front attacked a police post in Kessa on Tuesday … 'Our officers died in an attack by
    /// the Tarsk Liberation Front,' a police source told reporters": a later mention that names only its actor (no
    /// target, place, day or year) retells the article's first incident of its type by that actor, when nothing
    /// keeps them apart and no causal link joins them.
    func joinActorOnlyMentions(_ order: [Int]) {
        for k in order where !events[k].dropped && !events[k].distinct && !events[k].several && namesOnlyItsActor(k) {
            let actor = namedAgents(events[k])
            let host = order.first { e in
                events[e].firstByte < events[k].firstByte && !events[e].dropped && !events[e].several && events[e].type == events[k].type
                    && !linkedCausally(e, k) && !namedAgents(events[e]).isEmpty && agentsRelated(namedAgents(events[e]), actor)
                    && nothingKeepsApart(events[e], events[k])
            }
            if let h = host { joinIncident(k, into: h, reason: "names only its actor; the first incident of its kind by that actor") }
        }
    }

    /// A mention that names its actor and nothing else: no target, place, day or year.
    func namesOnlyItsActor(_ k: Int) -> Bool {
        !namedAgents(events[k]).isEmpty && events[k].target.isEmpty && events[k].place == nil && events[k].date == nil && !events[k].yearStated
    }

    /// "The TTP claimed responsibility for the attack. … In a statement, the group said it had carried out the
    /// raid": one claim told twice. A claim joins an earlier one by the same group (or one naming no group) that
    /// claims the same incident (or names none).
    func joinRepeatedClaims() {
        let claims = events.indices.filter { !events[$0].dropped && events[$0].type == .claim }.sorted { events[$0].firstByte < events[$1].firstByte }
        for (n, k) in claims.enumerated() where !events[k].dropped {
            for e in claims[..<n] where !events[e].dropped {
                let sameGroup = events[k].agent.isEmpty || events[e].agent.isEmpty || sameSpeaker(events[k].agent, events[e].agent)
                let sameIncident = events[k].claimed == nil || events[e].claimed == nil || events[k].claimed == events[e].claimed
                guard sameGroup, sameIncident else { continue }
                if events[e].claimed == nil { events[e].claimed = events[k].claimed }
                joinIncident(k, into: e, reason: "the same group's claim of the same incident")
                break
            }
        }
    }

    /// Whether two mentions can be one incident: places nested or unknown, days equal or unknown, named actors
    /// related, no two different named facilities attacked.
    func nothingKeepsApart(_ a: DocEvent, _ b: DocEvent) -> Bool {
        guard compatible(a, b), !a.several, !b.several else { return false }
        return !namedActorsDiffer(a, b) && !namedFacilitiesDiffer(a, b)
    }

    /// The named (not generic) agents of an event.
    func namedAgents(_ e: DocEvent) -> [Int] { e.agent.filter { !entities[$0].generic } }

    /// Whether both events name actors and no actor of one is related to one of the other.
    func namedActorsDiffer(_ a: DocEvent, _ b: DocEvent) -> Bool {
        let namedA = namedAgents(a), namedB = namedAgents(b)
        return !namedA.isEmpty && !namedB.isEmpty && !agentsRelated(namedA, namedB)
    }

    /// The named facilities an event attacks.
    func namedFacilityTargets(_ e: DocEvent) -> [Int] { e.target.filter { entities[$0].type == .facility && !entities[$0].generic } }

    /// Whether both events attack named facilities and none of them is the same.
    func namedFacilitiesDiffer(_ a: DocEvent, _ b: DocEvent) -> Bool {
        let facA = namedFacilityTargets(a), facB = namedFacilityTargets(b)
        return !facA.isEmpty && !facB.isEmpty && Set(facA).isDisjoint(with: facB)
    }

    /// A violent mention that names no participant (a generic designation — "the attackers" — names none either).
    /// "Drone strike kills seven following failed raid ⏎ … following a failed military raid on the area of Kessa":
    /// a mention that names neither participant nor place is the one other incident of its type the article tells,
    /// when that one names only its place.
    func onlyPlacedIncident(ofTypeOf k: Int, in order: [Int], apartFrom linked: Set<Int>) -> Int? {
        guard events[k].place == nil, events[k].agent.isEmpty else { return nil }
        let others = order.filter { e in e != k && !events[e].dropped && events[e].type == events[k].type }
        guard others.count == 1, let host = others.first, events[host].place != nil, !events[host].several,
              !linked.contains(host), compatible(events[k], events[host]) else { return nil }
        return host
    }

    func isBare(_ k: Int) -> Bool {
        events[k].agent.allSatisfy { entities[$0].generic } && events[k].target.isEmpty
    }

    /// Joins event `k` into `host`, keeping the more specific type (a bombing over an attack, when the bombing
    /// mention names a participant), and records why.
    func joinIncident(_ k: Int, into host: Int, reason: String) {
        // a mention that names no participant ("a blast was heard") is a detail of the incident, not its kind
        if events[host].type == .attack, events[k].type == .bombing, !isBare(k) {
            events[host].type = .bombing; events[host].cameo = events[k].cameo; events[host].acled = events[k].acled
        }
        explain("\(events[k].trigger) (\(eventLabel(k))) joined \(events[host].trigger) (\(eventLabel(host))): \(reason)")
        mergeEvent(k, into: host)
    }

    /// Writes one line of the extraction's reasoning to standard error under `NEWSGRAPH_DEBUG` (the argument is
    /// built only then).
    func explain(_ line: @autoclosure () -> String) {
        guard debugSink else { return }
        FileHandle.standardError.write(Data(("  explain: " + line() + "\n").utf8))
    }

    /// A short label of an event for traces: its type, sentence and participants.
    func eventLabel(_ e: Int) -> String {
        let s = events[e].mentions.first.map { "sentence \($0.sentence + 1)" } ?? "?"
        let who = (events[e].agent + events[e].target).map { entities[$0].name }.joined(separator: ", ")
        return "\(events[e].type.rawValue), \(s)" + (who.isEmpty ? "" : ", \(who)")
    }

    /// Whether two events can be one incident: places equal, nested or unknown; dates equal or unknown.
    func compatible(_ a: DocEvent, _ b: DocEvent) -> Bool {
        if let da = a.date, let db = b.date, da != db { return false }
        guard let pa = a.place, let pb = b.place else { return true }
        return pa == pb || contained(pa, in: pb) || contained(pb, in: pa)
    }
}
