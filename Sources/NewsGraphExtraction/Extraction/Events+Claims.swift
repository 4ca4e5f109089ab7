import Foundation
import NewsGraphCore

/// Claims of responsibility tied to the events they claim.
extension Document {
    /// The body a person speaks for or belongs to, from the article's role triples.
    func bodyOf(_ person: Int) -> Int? {
        firstTriple(subject: person) { $0.predicate == .spokespersonOf || $0.predicate == .memberOf || $0.predicate == .leaderOf }?.object
    }

    /// Links each claim of the sentence to the event it claims ("claimed responsibility for the strike").
    func linkClaims() {
        findSpeechClaims()
        findPassiveClaims()
        for (n, cm) in eventMentions.enumerated() where events[cm.event].type == .claim {
            if claimsBackground(cm) {
                explain("\(events[cm.event].trigger): claims background or habitual events — not an incident's claim")
                events[cm.event].dropped = true
                continue
            }
            var claim = cm.event
            let claimable: EventTypes = [.attack, .bombing, .clash, .killing, .abduction, .operation]
            let named = eventMentions.first { $0.tokens.lowerBound > cm.tokens.lowerBound && claimable.contains(events[$0.event].type) }?.event
            let target = named
                ?? events.indices.last { events[$0].type != .claim && events[$0].type != .statement && [.attack, .bombing, .clash, .killing, .abduction].contains(events[$0].type) && events[$0].firstByte < Int(tokens[cm.tokens.lowerBound].start) }
            // "ISMP claimed responsibility for the raid … ISMP also claimed the beheading": a claim naming another
            // event than the claim it was merged with is a claim of its own
            if let t = named, let earlier = events[claim].claimed, earlier != t, events[claim].mentions.count > 1 {
                claim = splitClaim(claim, mention: cm)
                eventMentions[n].event = claim
            }
            if let t = target, events[claim].claimed == nil { events[claim].claimed = t }
            if events[claim].agent.isEmpty, let t = events[claim].claimed, let g = events[t].agent.first(where: { entities[$0].type == .group }) {
                events[claim].agent = [g]
            }
            // a group claiming an attack is its agent when the text names no other
            if let t = events[claim].claimed, !hasNamedAgent(t) {
                events[t].agent = events[claim].agent.filter { entities[$0].type == .group }
            }
            // "claimed responsibility for a raid": an armed group's raid is an attack
            if let t = events[claim].claimed, events[t].type == .operation, !events[t].agent.isEmpty,
               events[t].agent.allSatisfy({ entities[$0].type == .group }), let attack = lexicon.trigger(named: "attack") {
                events[t].type = .attack
                events[t].cameo = attack.cameo
                events[t].acled = attack.acled
            }
        }
    }

    /// "The Front has claimed responsibility for many attacks in the region": a claim, told once, whose for-phrase
    /// names event words the sentence reads as background or habitual (no incident mention there), and names no
    /// incident elsewhere in its clause, claims no incident.
    func claimsBackground(_ cm: EventMention) -> Bool {
        guard events[cm.event].mentions.count == 1, let head = parseHead(of: cm.tokens) else { return false }
        let phrases = prepositionObjects(of: head, .claimedPreposition)
            + treeChildren(head, ["dobj"]).flatMap { prepositionObjects(of: $0, .claimedPreposition) }
        guard let o = phrases.first, triggerWord(o) != nil, let d = documentToken(ofParse: o), let syntax else { return false }
        // ("claimed several assaults, including the beheading of two farmers": the one incident it names is claimed)
        let clause = syntax.subtree(of: head)
        return !eventMentions.contains { m in
            m.event != cm.event && (m.tokens.contains(d) || parseHead(of: m.tokens).map { clause.contains($0) } ?? false)
        }
    }

    /// Moves the claim mention `cm` out of `claim` into a new claim with the same claimants.
    func splitClaim(_ claim: Int, mention cm: EventMention) -> Int {
        let prov = provenance(tokens: cm.tokens)
        var c = events[claim]
        c.claimed = nil
        c.mentions = [prov]
        c.firstByte = Int(tokens[cm.tokens.lowerBound].start)
        c.lastSeen = c.firstByte
        c.trigger = span(cm.tokens)
        events[claim].mentions.removeAll { $0 == prov }
        events.append(c)
        return events.count - 1
    }
}
