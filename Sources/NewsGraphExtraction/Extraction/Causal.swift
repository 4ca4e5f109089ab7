import NewsGraphCore

/// Event–event links (responded_to, caused, followed) stated by a causal cue in the sentence.
extension Document {
    /// Event–event links stated by a cue in the current sentence.
    func findCausal() {
        let r = sentenceRange
        noteResponders()
        guard eventMentions.count >= 1 else { return }
        var i = r.lowerBound
        var lastCause: (event: Int, end: Int)? = nil
        while i < r.upperBound {
            guard let cue = lexicon.cues.match(tokens, at: i, limit: r.upperBound) else { i += 1; continue }
            let cueEnd = i + cue.length
            let c = cue.value
            // a cue word inside an event or entity name is not a cue ("Operation Response")
            if mentions.contains(where: { $0.tokens.contains(i) }) { explain("cue '\(c.phrase)' inside a name"); i = cueEnd; continue }
            // claims found from speech verbs are appended out of order: take mentions by position, claims aside
            let beforeMentions = eventMentions.filter { $0.tokens.upperBound <= i && events[$0.event].type != .claim }.sorted { $0.tokens.upperBound < $1.tokens.upperBound }
            let afterMentions = eventMentions.filter { $0.tokens.lowerBound >= cueEnd }
            // "comes a week after two volunteers were injured in an exchange of fire": a sequence cue reaches the
            // first event of its own clause
            let window = c.relation == .followed ? 12 : 10
            let statedCause = afterMentions.min(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }).flatMap({ m in
                m.tokens.lowerBound - cueEnd <= window && (c.relation != .followed || m.tokens.lowerBound - cueEnd <= 4 || !(cueEnd..<m.tokens.lowerBound).contains { key($0) == w.comma || ew.clauseBreak.contains(key($0)) }) ? m : nil
            })
            // "launched rockets on Israel in retaliation", "In response to the tragedy, the government declared …"
            if c.relation == .respondedTo, c.order == .effectCause, let link = unstatedCause(cue: i..<cueEnd, stated: statedCause, before: beforeMentions, after: afterMentions) {
                addLink(link.effect, .respondedTo, link.cause, cue: c.phrase, prov: provenance(tokens: i..<cueEnd), confidence: 0.7 * sentenceHedge)
                i = cueEnd; continue
            }
            guard let right = statedCause else { i = cueEnd; continue }
            var left = beforeMentions.last?.event
            // "The move comes two days after the Front launched a barrage …": the incident in focus, answering the
            // earlier one when it is told as a response
            var relation = c.relation
            let focus = beforeMentions.isEmpty && c.relation == .followed ? focusIncident(comingAfter: i..<cueEnd, cause: right.event) : nil
            if c.relation == .followed, c.order == .effectCause, let f = focus {
                left = f
                if isToldAsResponse(f) { relation = .respondedTo }
            }
            // "In response to the killing, the army launched …": the cue opens the sentence, the effect follows
            // "On Monday, a day after the attack, the police arrested …": a cue in the sentence's opening adverbial
            if focus == nil, c.order == .effectCause, i - r.lowerBound <= 2 || beforeMentions.isEmpty,
               let effect = afterMentions.first(where: { $0.tokens.lowerBound > right.tokens.upperBound && $0.event != right.event }) {
                left = effect.event
            }
            // "… that triggered protests and led the administration to …": coordinated cues share their cause
            if c.order == .causeEffect, let lc = lastCause, i >= 1, (lc.end..<i).count <= 12,
               (max(r.lowerBound, i - 2)..<i).contains(where: { key($0) == w.w_and }) {
                left = lc.event
            }
            let anaphoricSubject = (r.lowerBound..<i).count <= 4 && (r.lowerBound..<i).contains { [w.w_this, w.w_it, w.w_that, w.w_which].contains(key($0)) }
            if left == nil, c.order == .effectCause, c.relation != .followed, anaphoricSubject {
                left = events.indices.last { !events[$0].dropped && events[$0].type != .claim && events[$0].type != .statement && $0 != right.event }
            }
            // "The killings led to a demonstration in Tarvek": a definite subject that names no event is the incident in focus
            if left == nil, c.relation == .caused, c.order == .causeEffect, let f = focusIncident(causing: i..<cueEnd, effect: right.event) {
                left = f
            }
            guard let l = left, l != right.event else { i = cueEnd; continue }
            // "… as the council swore in a governor following a vote": the cue orders another act
            if c.order == .effectCause, let b = beforeMentions.last, l == b.event,
               cueHangsOnAnotherAct(i..<cueEnd, effect: b, sequence: relation == .followed) { i = cueEnd; continue }
            if events[l].type == .claim || events[right.event].type == .claim { i = cueEnd; continue }
            if c.relation == .followed && (events[l].type == .statement || events[right.event].type == .statement) { i = cueEnd; continue }
            let base: Double = c.relation == .respondedTo ? 0.85 : c.relation == .caused ? 0.8 : 0.6
            let prov = provenance(tokens: i..<cueEnd)
            // effect-cause: [later/effect] relation [earlier/cause]; cause-effect: "X triggered Y" → for caused, [X, caused, Y];
            // for followed ("X was followed by Y"), [Y, followed, X].
            let link: (Int, CausalRelation, Int)
            switch (relation, c.order) {
            case (.caused, .effectCause): link = (right.event, .caused, l)
            case (.caused, .causeEffect): link = (l, .caused, right.event)
            case (_, .causeEffect): link = (right.event, relation, l)
            default: link = (l, relation, right.event)
            }
            if c.order == .causeEffect { lastCause = (l, cueEnd) }
            addLink(link.0, link.1, link.2, cue: c.phrase, prov: prov, confidence: base * sentenceHedge)
            i = cueEnd
        }
    }

    /// Records a link, once per pair of events: a stated cause or response outranks a bare sequence ("Hours after
    /// …" then "in response to …").
    func addLink(_ from: Int, _ relation: CausalRelation, _ to: Int, cue: String, prov: Provenance, confidence: Double) {
        guard from != to else { return }
        if let existing = causal.firstIndex(where: { ($0.from == from && $0.to == to) || ($0.from == to && $0.to == from) }) {
            if causal[existing].relation == .followed && relation != .followed {
                causal[existing] = (from, relation, to, cue, prov, confidence)
            }
        } else {
            causal.append((from, relation, to, cue, prov, confidence))
        }
    }

    /// A response whose cause the cue does not name as an event: the cause is the incident already told.
    ///
    /// - "Hezbollah launched rockets on Israel in retaliation": a cue with no object; the response is the event
    ///   before it, the cause the violent incident told before that (in the sentence, else the one in focus).
    /// - "In response to the tragedy, the government declared a day of mourning": the cue's object is a description
    ///   ("the tragedy", "the killings of Friday"), not an event; the response is the event the sentence tells
    ///   after it, the cause the incident in focus.
    func unstatedCause(cue: Range<Int>, stated: EventMention?, before: [EventMention], after: [EventMention]) -> (effect: Int, cause: Int)? {
        let r = sentenceRange
        let bare = cue.upperBound >= r.upperBound || tokens[cue.upperBound].kind == .punct
        let describedCause = !bare && stated.map { m in
            (cue.upperBound..<m.tokens.lowerBound).contains { key($0) == w.comma } } ?? true
        guard bare || describedCause else { explain("cue '\(span(cue))': names its cause"); return nil }
        let effect: Int?
        if cue.lowerBound - r.lowerBound <= 1 {
            effect = after.first { m in (cue.upperBound..<m.tokens.lowerBound).contains { key($0) == w.comma } && events[m.event].type != .claim }?.event
        } else {
            effect = before.last?.event
        }
        guard let e = effect else { explain("cue '\(span(cue))': no response found"); return nil }
        let violent = Document.violentTypes
        let earlierHere = before.last { $0.event != e && violent.contains(events[$0.event].type) }?.event
        let earlier = events.indices.filter { i in
            i != e && !events[i].dropped && violent.contains(events[i].type) && events[i].firstByte < events[e].firstByte
        }
        // "in revenge for the martyrs of Kirkuk": a described cause that names a place is the incident there
        let place = placeNamed(after: cue)
        let named = place.flatMap { p in
            earlier.filter { i in events[i].place.map { placesCompatible($0, p) } ?? false }.max { events[$0].lastSeen < events[$1].lastSeen }
        }
        if named == nil, let p = place {
            // the incident there may be told later in the article
            pendingCauses.append((e, p, span(cue), provenance(tokens: cue), 0.7 * sentenceHedge, deathsDescribed(after: cue)))
            explain("cue '\(span(cue))': waiting for an incident in \(entities[p].name)")
            return nil
        }
        let cause = named ?? earlierHere ?? articleIncident(describedAfter: cue, among: earlier)
            ?? earlier.max { events[$0].lastSeen < events[$1].lastSeen }
        guard let c = cause, c != e else { explain("cue '\(span(cue))': no earlier incident"); return nil }
        return (e, c)
    }

    /// "In response to the incident, the district magistrate imposed a curfew": a described cause whose head is a
    /// noun naming the article's incident without saying what it was (`incident-noun`) is the incident the article
    /// leads with (the first violent one told), not the last one mentioned. Nil for other objects.
    func articleIncident(describedAfter cue: Range<Int>, among earlier: [Int]) -> Int? {
        guard let last = cueParseToken(cue.upperBound - 1),
              treeChildren(last, ["pobj", "dobj"]).contains(where: { ew.incidentNouns.contains(wordKey($0)) }) else { return nil }
        return earlier.min { events[$0].firstByte < events[$1].firstByte }
    }

    /// The place a cue's described object names ("in revenge for the martyrs of Kirkuk" → Kirkuk), within its clause.
    func placeNamed(after cue: Range<Int>) -> Int? {
        let end = min(sentenceRange.upperBound, cue.upperBound + 8)
        guard cue.upperBound < end else { return nil }
        let clauseEnd = (cue.upperBound..<end).first { key($0) == w.comma || ew.clauseBreak.contains(key($0)) } ?? end
        return mentions.first { m in
            m.tokens.lowerBound >= cue.upperBound && m.tokens.upperBound <= clauseEnd && entities[m.entity].type == .place
        }?.entity
    }

    /// "The operation was in revenge for the martyrs of Kirkuk. … An ambush in Kirkuk province killed …": a response
    /// whose described cause names a place answers the violent incident told there later in the article.
    func resolvePendingCauses() {
        for pending in pendingCauses where !events[pending.effect].dropped {
            let there = events.indices.filter { i in
                i != pending.effect && !events[i].dropped && Document.violentTypes.contains(events[i].type)
                    && (events[i].place.map { placesCompatible($0, pending.place) } ?? false)
            }
            // "revenge for the three fighters martyred in Kessa", no incident told there: those deaths
            guard let cause = there.min(by: { events[$0].firstByte < events[$1].firstByte }) ?? killingDescribed(by: pending) else { continue }
            explain("cue '\(pending.cue)': the incident in \(entities[pending.place].name) told later")
            addLink(pending.effect, .respondedTo, cause, cue: pending.cue, prov: pending.provenance, confidence: pending.confidence)
        }
    }
}
