import Foundation
import NewsGraphCore

/// Casualty figures: "three soldiers were killed", "the toll rose to eight", "no one was hurt", given to the
/// event each figure is told of.
extension Document {
    /// Casualty figures in the current sentence, given to the event mentioned nearest to each figure.
    func findCasualties() {
        let r = sentenceRange
        // a sentence counting over years holds statistics, never an incident's toll
        guard !events.isEmpty, !countsOverYears() else { return }
        // a figure told by an armed group or its spokesperson is a partisan claim
        let speakerIsGroup = sentenceParse().map { sp in
            sp.tokens.contains { say in
                lexicon.argumentWords.contains(lowerWord(say), as: .speechVerb)
                    && agentFromSubject(say).contains { self.entities[$0].type == .group || self.bodyOf($0).map { self.entities[$0].type == .group } ?? false }
            }
        } ?? false
        let claims = claimClauses()
        // the counts the parse reads; the window below reads the rest
        let read = speakerIsGroup ? [] : findCasualtiesInTree(outside: claims)
        var i = r.lowerBound
        while i < r.upperBound {
            // "No one was killed", "nobody was hurt"
            if ew.noneWords.contains(key(i)) {
                var j = i + 1
                while j < min(r.upperBound, i + 5) {
                    if ew.killWords.contains(key(j)) { assign(killed: 0, near: i, strength: 3); break }
                    if ew.injureWords.contains(key(j)) { assign(injured: 0, near: i, strength: 3); break }
                    j += 1
                }
            }
            guard let n = number(at: i, limit: r.upperBound) else { i += 1; continue }
            if read.contains(i) { i += n.length; continue }
            let quotedFigure = quoted(i)
            var strength = quotedFigure ? 1 : 3
            if sentenceHedge < 1 { strength = 2 }
            if speakerIsGroup || inClaimClause(token: i, claims) { i += n.length; continue }
            // "25 kilometres", "900 pesos": a measure, not a count of people
            if i + n.length < r.upperBound, lexicon.measures.contains(key(i + n.length)) { i += n.length; continue }
            // "the death toll … rose to three": an update
            var tollUpdate = false
            if i >= r.lowerBound + 2, key(i - 1) == w.w_to {
                for j in max(r.lowerBound, i - 8)..<i where ew.tollWords.contains(key(j)) { tollUpdate = true }
                // "The death toll from Saturday's massacre in …, has risen to 27"
                if ew.riseVerbs.contains(key(i - 2)), (r.lowerBound..<i).contains(where: { ew.tollWords.contains(key($0)) }) { tollUpdate = true }
            }
            // "nine people, including four soldiers, were killed": the part is not the total
            if i > r.lowerBound, ew.partWords.contains(key(i - 1)) { i += n.length; continue }
            if tollUpdate { assign(killed: n.value, near: i, strength: 4); i += n.length; continue }
            // NUM … killed / injured within a short window (no other number in between)
            var j = i + n.length
            var found = false
            var window = 8
            while j < min(r.upperBound, i + n.length + window) {
                // skip a parenthetical part: ", including four soldiers,"
                if ew.partWords.contains(key(j)), let p = number(at: j + 1, limit: r.upperBound) {
                    var k2 = j + 1 + p.length
                    while k2 < min(r.upperBound, j + 8), key(k2) != w.comma { k2 += 1 }
                    window += k2 - j + 1
                    j = k2 + 1
                    continue
                }
                if j > i + n.length, number(at: j, limit: r.upperBound) != nil { break }
                if ew.clauseBreak.contains(key(j)) { break }
                // "attacked four military bases, killing soldiers": the participle clause counts its own victims
                if key(j) == w.comma, j + 1 < r.upperBound, ew.killWords.contains(key(j + 1)) || ew.injureWords.contains(key(j + 1)),
                   lower(j + 1).hasSuffix("ing") { break }
                if (ew.killWords.contains(key(j)) || ew.injureWords.contains(key(j))), let e = nearestEvent(i), [.attack, .bombing].contains(events[e].type), !quotedFigure {
                    for m in mentions where m.tokens.lowerBound > i && m.tokens.upperBound <= j && [.unit, .group].contains(entities[m.entity].type) && !events[e].agent.contains(m.entity) && !events[e].target.contains(m.entity) {
                        events[e].target.append(m.entity)
                    }
                }
                if ew.killWords.contains(key(j)) || (key(j) == w.shot && j + 1 < r.upperBound && key(j + 1) == w.dead) || (key(j) == w.embraced && j + 1 < r.upperBound && key(j + 1) == w.martyrdom) || (key(j) == w.lost && j + 2 < r.upperBound && key(j + 2) == w.lives) {
                    assign(killed: n.value, near: i, strength: strength); found = true; break
                }
                if ew.injureWords.contains(key(j)) { assign(injured: n.value, near: i, strength: strength); found = true; break }
                j += 1
            }
            if !found, i > r.lowerBound {
                // killing NUM / injuring NUM / killed at least NUM
                var b = i - 1
                while b > r.lowerBound, Document.approx.contains(key(b)) { b -= 1 }
                if ew.killWords.contains(key(b)) { assign(killed: n.value, near: i, strength: strength) } else if ew.injureWords.contains(key(b)) { assign(injured: n.value, near: i, strength: strength) }
            }
            i += n.length
        }
    }

    /// The parse spans of the sentence's claims of responsibility: a figure inside one is the claimant's, never
    /// used ("The Front claimed the attack, saying it killed 12 soldiers"); a narrator's figure beside a claim told
    /// in a clause of its own is ("An officer was shot dead, the responsibility of which was claimed by the group").
    /// Without a parse, a claim covers its whole sentence.
    func claimClauses() -> [ClosedRange<Int>] {
        eventMentions.filter { events[$0.event].type == .claim }.map { m in
            guard let syntax, let p = parseHead(of: m.tokens) else { return 0...Int.max }
            return syntax.subtree(of: p)
        }
    }

    /// Whether document token `i` lies in one of the claim spans `claims`.
    func inClaimClause(token i: Int, _ claims: [ClosedRange<Int>]) -> Bool {
        guard !claims.isEmpty else { return false }
        guard let p = parseTokens(ofToken: i)?.lowerBound else { return true }
        return claims.contains { $0.contains(p) }
    }

    func nearestEvent(_ i: Int) -> Int? {
        if let m = eventMentions.filter({ Document.violentTypes.contains(events[$0.event].type) && !isPointOfReference($0) })
            .min(by: { abs($0.tokens.lowerBound - i) < abs($1.tokens.lowerBound - i) }) { return m.event }
        return nil
    }

    /// "In the deadliest attack since the 2019 Kessa bombing, 28 people were killed": an event inside a "since"
    /// phrase is the point the sentence measures from, not the event whose toll it gives.
    func isPointOfReference(_ m: EventMention) -> Bool {
        guard let syntax, let p = parseHead(of: m.tokens) else { return false }
        return syntax.ancestors(of: p).contains { label($0) == "prep" && lexicon.argumentWords.contains(lowerWord($0), as: .earlierIncidentPreposition) }
    }

    func assign(killed v: Int, near i: Int, strength: Int) {
        if let e = nearestEvent(i) { give(killed: v, to: e, strength: strength) }
    }

    func assign(injured v: Int, near i: Int, strength: Int) {
        if let e = nearestEvent(i) { give(injured: v, to: e, strength: strength) }
    }
}
