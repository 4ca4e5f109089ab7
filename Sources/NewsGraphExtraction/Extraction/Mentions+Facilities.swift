import NewsGraphCore

/// Lower-case facility noun phrases ("a military camp in Kalat") and the facilities they refer back to.
extension Document {
    /// A lower-case facility noun phrase with up to three premodifiers: "a military camp in Kalat".
    func facilityPhrase(_ i: Int, _ end: Int) -> (mention: Mention, next: Int)? {
        // cheap test first: a facility head must start within the next five tokens
        guard nextFacilityHead(from: i, end) < min(end, i + 5) else { return nil }
        // i points at a determiner or a premodifier; find a facility head within 4 tokens
        var j = i
        var definite = false
        if Document.determinersDefinite.contains(key(j)) { definite = true; j += 1 } else if Document.determinersIndefinite.contains(key(j)) { j += 1 }
        let modStart = j
        while j < end, j - modStart <= 3 {
            if let h = lexicon.heads.match(tokens, at: j, limit: end), h.value.type == .facility, h.value.position == .suffix,
               !tokens[j].capitalized || j > modStart {
                let headEnd = j + h.length
                guard tokens[j].kind == .word else { return nil }
                let mods = modStart..<j
                // "gunmen storm hotel in …": an event verb (a headline's) is no modifier of the hotel
                if mods.contains(where: { tokens[$0].kind != .word || lexicon.stops.contains(key($0)) || Document.connectors.contains(key($0))
                    || lexicon.triggers.contains(tokens, at: $0, limit: $0 + 1) }) { return nil }
                var nameRange = modStart..<headEnd
                // "… camp in Kalat": the place joins the name
                var placeTail: String? = nil
                if headEnd + 1 < end, key(headEnd) == w.w_in || key(headEnd) == w.w_at {
                    var tailEnd: Int? = nil
                    if let lm = lexiconMatch(headEnd + 1, end), lexicon.entities[lm.value.entity].type == .place {
                        tailEnd = headEnd + 1 + lm.length
                    } else if let c = capitalSpan(headEnd + 1, end), suffixHead(headEnd + 1..<c) == nil, !tokens[headEnd + 1].allCaps {
                        tailEnd = c
                    }
                    if let t = tailEnd, t >= end || tokens[t].key != w.possessive {
                        placeTail = " " + span(headEnd..<t)
                        nameRange = modStart..<t
                    }
                }
                let headText = span(modStart..<headEnd).lowercased()
                let r = (definite ? i : modStart)..<headEnd
                let b = bytes(r)
                if definite, let tail = placeTail, let e = recentFacility(headWord: lower(headEnd - 1), before: b.lowerBound),
                   entities[e].forms.contains(where: { $0.lowercased().hasSuffix(tail.lowercased()) }) {
                    // "the Pakistani army camp in Kalat" after "a military camp in Kalat"
                    let form = span(modStart..<nameRange.upperBound)
                    addForm(e, form, Names.normalize(form))
                    return (Mention(tokens: nameRange, bytes: bytes(nameRange), entity: e), headEnd)
                }
                if definite, placeTail == nil, let e = recentFacility(headWord: lower(headEnd - 1), before: b.lowerBound) {
                    let form = span(modStart..<headEnd)
                    if mods.count > 0 { addForm(e, form, Names.normalize(form)) }
                    return (Mention(tokens: r, bytes: b, entity: e, anaphoric: mods.isEmpty), headEnd)
                }
                if mods.isEmpty && placeTail == nil && !definite { return nil } // "a camp": too vague to name
                if mods.isEmpty && placeTail == nil { return nil }
                let name = placeTail.map { headText + $0 } ?? headText
                let e = entity(surface: name, type: .facility, strength: 2, generic: true, bytes: bytes(nameRange), confidence: 0.75)
                if mods.isEmpty, h.length == 1, placeTail != nil { nameBareFacility(e, headText) }
                return (Mention(tokens: nameRange, bytes: bytes(nameRange), entity: e), headEnd)
            }
            guard tokens[j].kind == .word, !tokens[j].capitalized || lexicon.demonyms[key(j)] != nil else { return nil }
            j += 1
        }
        return nil
    }

    /// "Gunmen attacked a mosque in Tarvek": a bare facility noun is named by the noun ("mosque"); its place, which
    /// tells it apart, stays a form of the entity and becomes a located_in triple (`placeApposition`). A qualified
    /// one keeps its place in the name ("military camp in Kalat").
    func nameBareFacility(_ e: Int, _ noun: String) {
        guard !entities[e].namedApartFromPlace, entities[e].forms.count == 1 else { return }
        entities[e].namedApartFromPlace = true
        entities[e].forms.insert(noun, at: 0)
    }

    /// The first token at or after `i` (before `end`) whose key is a facility head word, else `end`. The scan
    /// position is remembered (`facilityHeadScan`), so a sentence's tokens are looked up once, not once per
    /// word that asks.
    @inline(__always)
    func nextFacilityHead(from i: Int, _ end: Int) -> Int {
        if facilityHeadScan.from <= i, facilityHeadScan.at >= i, facilityHeadScan.end == end { return facilityHeadScan.at }
        return scanFacilityHead(from: i, end)
    }

    func scanFacilityHead(from i: Int, _ end: Int) -> Int {
        var j = i
        while j < end, !lexicon.facilityHeadKeys.contains(tokens[j].key) { j += 1 }
        facilityHeadScan = (i, j, end)
        return j
    }

    func recentFacility(headWord: String, before: Int) -> Int? {
        var best: (Int, Int)? = nil
        let anyFacility = headWord == "installation" || headWord == "facility"
        for i in entities.indices where entities[i].type == .facility && entities[i].lastSeen < before {
            let seen = entities[i].lastSeen
            guard best == nil || seen > best!.1 else { continue }
            if anyFacility || entities[i].forms.contains(where: { Names.lowercasedHasWord($0, headWord) }) { best = (i, seen) }
        }
        return best?.0
    }
}
