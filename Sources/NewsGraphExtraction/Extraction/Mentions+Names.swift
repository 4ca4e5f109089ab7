import NewsGraphCore

/// Emitting a chosen name: titles dropped from a person's name, a lower-case head after the name ("Kech district",
/// "Chitkan camp", "Balochistan government"), a prefix head ("district Kech") and an acronym definition.
extension Document {
    /// "the Olem city of Tavro": after "the" and a name, a settlement noun followed by "of" and a name introduces
    /// that name; it is not the head of the name before it (as in "Tavro town of Olem district").
    func introducesSettlement(at i: Int, after name: Int, _ end: Int) -> Bool {
        name > sentenceRange.lowerBound && key(name - 1) == w.theKey
            && i + 2 < end && isRelationWord(atToken: i, .settlementNoun) && key(i + 1) == w.ofKey && tokens[i + 2].capitalized
    }

    /// Appends the mention of `chosen` (with the words around it that belong to it) and returns the token after it.
    func emitName(_ chosen: ChosenName, _ end: Int) -> Int {
        var c = chosen
        if c.type == .person, c.lexIndex == nil {
            // "Lieutenant Colonel Ibrahim Dauda" → "Ibrahim Dauda"
            var s0 = c.range.lowerBound
            while s0 < c.range.upperBound - 1, let t = lexicon.titles.match(tokens, at: s0, limit: c.range.upperBound - 1) { s0 += t.length }
            if s0 > c.range.lowerBound { c.range = s0..<c.range.upperBound; c.strength = max(c.strength, 2) }
        }
        // lower-case head after the name: "Kech district", "Chitkan camp", "Balochistan government"
        var surfaceRange = c.range
        var aliasWithHead: String? = nil
        // "Abu Shouk displacement camp", "the Novokuibyshevsk oil refinery": a facility head after one modifier noun
        let modifier = c.range.upperBound
        if c.type == .place, modifier + 1 < end, tokens[modifier].kind == .word, !tokens[modifier].capitalized, !tokens[modifier + 1].capitalized,
           lexicon.heads.match(tokens, at: modifier, limit: end) == nil, !lexicon.stops.contains(key(modifier)), !lexicon.weak.contains(key(modifier)),
           !lexicon.triggers.contains(tokens, at: modifier, limit: end), !lexicon.generics.contains(tokens, at: modifier, limit: end),
           let f = lexicon.heads.match(tokens, at: modifier + 1, limit: end), f.value.type == .facility, f.value.position == .suffix {
            c = (c.range.lowerBound..<(modifier + 1 + f.length), .facility, 2, nil)
        }
        if c.range.upperBound < end, !tokens[c.range.upperBound].capitalized, !introducesSettlement(at: c.range.upperBound, after: c.range.lowerBound, end),
           var h = lexicon.heads.match(tokens, at: c.range.upperBound, limit: end), h.value.position == .suffix {
            if let f = lexicon.heads.match(tokens, at: c.range.upperBound + h.length, limit: end), f.value.type == .facility, !tokens[c.range.upperBound + h.length].capitalized {
                h = (h.length + f.length, f.value)
            }
            let ext = c.range.lowerBound..<(c.range.upperBound + h.length)
            switch h.value.type {
            case .place where c.type == .place || c.strength <= 1 || (c.strength == 2 && c.lexIndex == nil && suffixHead(c.range) == nil && prefixHead(c.range) == nil):
                aliasWithHead = span(ext)
                if c.type != .place { c.type = .place; c.strength = 2 }
                surfaceRange = ext
                // "the Bannu district administration", "the Kalat district police": a body named by its place
                if ext.upperBound < end, !tokens[ext.upperBound].capitalized, let b = lexicon.heads.match(tokens, at: ext.upperBound, limit: end),
                   b.value.position == .suffix, b.value.type == .organization || b.value.type == .unit {
                    let body = c.range.lowerBound..<(ext.upperBound + b.length)
                    c = (body, b.value.type, 2, nil)
                    surfaceRange = body
                    aliasWithHead = nil
                }
            case .facility, .organization, .unit:
                if c.type == .place || c.strength <= 1 {
                    c = (ext, h.value.type, 2, nil)
                    surfaceRange = ext
                }
            default: break
            }
        }
        // prefix head: "district Kech"
        if c.type == .place, c.range.lowerBound > sentenceRange.lowerBound, !tokens[c.range.lowerBound - 1].capitalized,
           let h = lexicon.heads.match(tokens, at: c.range.lowerBound - 1, limit: c.range.lowerBound), h.value.type == .place {
            surfaceRange = (c.range.lowerBound - 1)..<c.range.upperBound
        }
        if c.lexIndex == nil, let known = lexiconEntityDefined(by: surfaceRange.upperBound, name: c.range, end) {
            c = (c.range, lexicon.entities[known].type, 3, known)
        }
        let name = span(c.range)
        let e = entity(surface: name, type: c.type, strength: c.strength, lexiconIndex: c.lexIndex, bytes: bytes(surfaceRange),
                       confidence: c.strength >= 3 ? 0.95 : c.strength == 2 ? 0.85 : 0.6)
        if let a = aliasWithHead { addForm(e, a, Names.normalize(a)) }
        mentions.append(Mention(tokens: surfaceRange, bytes: bytes(surfaceRange), entity: e))
        var i = surfaceRange.upperBound
        // acronym definition: "Baloch Liberation Army (BLA)", "Frontier Corps (FC) Balochistan"
        if i + 2 < end, key(i) == w.openParen, key(i + 2) == w.closeParen, tokens[i + 1].kind == .word,
           tokens[i + 1].capitalized || tokens[i + 1].allCaps {
            let acr = tokenText(i + 1)
            addForm(e, acr, Names.normalize(acr))
            if entities[e].mentions.count < Document.maxMentionsPerEntity { entities[e].mentions.append(provenance(tokens: (i + 1)..<(i + 2))) }
            mentions[mentions.count - 1].tokens = surfaceRange.lowerBound..<(i + 3)
            i += 3
        }
        return i
    }

    /// "Jama’at Nusrat al-Islam wal Muslimeen (JNIM)": a name spelt otherwise than the lexicon's, defined by an
    /// acronym the lexicon knows, is that entity when the two names share at least two words.
    func lexiconEntityDefined(by i: Int, name r: Range<Int>, _ end: Int) -> Int? {
        guard i + 2 < end, key(i) == w.openParen, key(i + 2) == w.closeParen, tokens[i + 1].allCaps,
              let m = lexiconMatch(i + 1, i + 2), m.length == 1 else { return nil }
        let known = m.value.entity
        let words = Set(Names.normalize(span(r)).split(separator: " "))
        let entry = lexicon.entities[known]
        let shared = ([entry.name] + entry.aliases).map { Set(Names.normalize($0).split(separator: " ")).intersection(words).count }.max() ?? 0
        return shared >= 2 ? known : nil
    }
}
