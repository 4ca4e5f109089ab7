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
        for cm in eventMentions where events[cm.event].type == .claim {
            let claim = cm.event
            let claimable: EventTypes = [.attack, .bombing, .clash, .killing, .abduction]
            let target = eventMentions.first { $0.tokens.lowerBound > cm.tokens.lowerBound && claimable.contains(events[$0.event].type) }?.event
                ?? events.indices.last { events[$0].type != .claim && events[$0].type != .statement && [.attack, .bombing, .clash, .killing, .abduction].contains(events[$0].type) && events[$0].firstByte < Int(tokens[cm.tokens.lowerBound].start) }
            if let t = target, events[claim].claimed == nil { events[claim].claimed = t }
            if events[claim].agent.isEmpty, let t = events[claim].claimed, let g = events[t].agent.first(where: { entities[$0].type == .group }) {
                events[claim].agent = [g]
            }
            // a group claiming an attack is its agent when the text names no other
            if let t = events[claim].claimed, !hasNamedAgent(t) {
                events[t].agent = events[claim].agent.filter { entities[$0].type == .group }
            }
        }
    }
}
