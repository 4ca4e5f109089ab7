import NewsGraphCore

/// Force designations: a country's, a region's or an unknown name's forces ("Pakistani troops", "Rohan forces",
/// "Vestria's military", "Osgiliath soldiers") and a bare force word before a role ("Army spokesman").
extension Document {
    /// Appends the force designation starting at token `i`, if any, and returns the token after it.
    func forceDesignation(_ i: Int, _ end: Int, _ lex: (length: Int, value: Lexicon.EntityMatch)?) -> Int? {
        nationalForce(i, end) ?? regionForce(i, end, lex) ?? unknownNameForce(i, end, lex) ?? bareForceWord(i, end) ?? definiteForceWord(i, end)
    }

    /// "Pakistani security personnel", "Pakistan military": a demonym or a country before a generic force word
    /// is the country's force (its lexicon force when known).
    func nationalForce(_ i: Int, _ end: Int) -> Int? {
        if let next = firstOfCoordinatedNationalForces(i, end) { return next }
        let t = tokens[i]
        // demonym or country + generic force: "Pakistani security personnel", "Pakistan military"
        if t.capitalized || t.allCaps, i + 1 < end, let g = lexicon.generics.match(tokens, at: i + 1, limit: end), g.value == .unit,
           let country = lexicon.demonyms[t.key] ?? lexiconMatch(i, i + 1).flatMap({ m in lexicon.entities[m.value.entity].type == .place && lexicon.entities[m.value.entity].parent == nil ? lexicon.entities[m.value.entity].name : nil }),
           !(i + 1 + g.length < end && lexicon.heads.match(tokens, at: i + 1 + g.length, limit: end)?.value.type == .facility) {
            let r = i..<(i + 1 + g.length)
            let surface = span(r)
            if let li = countryForce(country) {
                let e = entity(surface: surface, type: .unit, strength: 3, lexiconIndex: li, bytes: bytes(r))
                if entities[e].name == surface, !entities[e].forms.contains(lexicon.entities[li].name) {
                    // keep the text's form as the name until the lexicon name itself appears
                }
                mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e))
            } else {
                let e = entity(surface: surface, type: .unit, strength: 2, bytes: bytes(r), confidence: 0.8)
                mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e))
            }
            return r.upperBound
        }
        return nil
    }

    /// "clashes between Indian and Pakistani troops": the first of two demonyms coordinated before one force word
    /// names its own country's force (its lexicon force; the second demonym and the force word are read as usual).
    func firstOfCoordinatedNationalForces(_ i: Int, _ end: Int) -> Int? {
        guard i + 3 < end, let country = lexicon.demonyms[tokens[i].key], key(i + 1) == w.w_and,
              lexicon.demonyms[tokens[i + 2].key] != nil,
              let g = lexicon.generics.match(tokens, at: i + 3, limit: end), g.value == .unit,
              let li = countryForce(country) else { return nil }
        let r = i..<(i + 1)
        let e = entity(surface: lexicon.entities[li].name, type: .unit, strength: 3, lexiconIndex: li, bytes: bytes(r))
        mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e))
        return r.upperBound
    }

    /// "Rohan forces", "the Anorien police", "Vestria's military": a known region's force or a place's possessive force.
    func regionForce(_ i: Int, _ end: Int, _ lex: (length: Int, value: Lexicon.EntityMatch)?) -> Int? {
        // a known region or province before a generic force: "Rohan forces", "the Anorien police"; a place's
        // possessive before one: "Vestria's military"
        if let r = placeForce(i, end, lex) ?? possessiveForce(i, end, lex) {
            var force: Int? = nil
            if let lex, tokens[i + lex.length].key == w.possessive {
                // the place is named too: "Vestria" in "Vestria's military"; a country's is its main force
                let p = i..<(i + lex.length), li = lex.value.entity
                let pe = entity(surface: span(p), type: .place, strength: 3, lexiconIndex: li, bytes: bytes(p), confidence: 0.95)
                mentions.append(Mention(tokens: p, bytes: bytes(p), entity: pe))
                force = lexiconForce(place: li, force: span((p.upperBound + 1)..<r.upperBound))
            }
            let e = entity(surface: span(r), type: .unit, strength: force == nil ? 2 : 3, lexiconIndex: force, bytes: bytes(r), confidence: 0.75)
            mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e))
            return r.upperBound
        }
        return nil
    }

    /// "Osgiliath soldiers", "Kurdish forces": an unknown name before a generic force word, weakly a unit.
    func unknownNameForce(_ i: Int, _ end: Int, _ lex: (length: Int, value: Lexicon.EntityMatch)?) -> Int? {
        let t = tokens[i]
        // an unknown name before a generic force: "Osgiliath soldiers", "Kurdish forces"
        if (t.capitalized || t.allCaps), lex == nil, !lexicon.stops.contains(t.key), !lexicon.weak.contains(t.key), !isParticipleModifier(i),
           !isSentenceInitial(i) || lexicon.demonyms[t.key] != nil,
           i + 1 < end, let g = lexicon.generics.match(tokens, at: i + 1, limit: end), g.value == .unit, !tokens[i + 1].capitalized,
           !(i + 1 + g.length < end && lexicon.heads.match(tokens, at: i + 1 + g.length, limit: end)?.value.type == .facility) {
            let r = i..<(i + 1 + g.length)
            let e = entity(surface: span(r), type: .unit, strength: 1, bytes: bytes(r), confidence: 0.6)
            mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e))
            return r.upperBound
        }
        return nil
    }

    /// "Army spokesman …", "Police chief …": a bare force word names the force the article is about.
    func bareForceWord(_ i: Int, _ end: Int) -> Int? {
        let t = tokens[i]
        // "Army spokesman …", "Police chief …": a bare force word names the force the article is about
        if t.capitalized, lexicon.weak.contains(t.key), i + 1 < end, lexicon.roles.contains(tokens, at: i + 1, limit: end) || lexicon.titles.contains(tokens, at: i + 1, limit: end),
           case let word = lower(i),
           let e = entities.indices.last(where: { [.unit, .organization].contains(entities[$0].type) && !entities[$0].generic
               && Names.lowercasedWords(entities[$0].name).last.map({ $0 == word }) ?? false })
               // "Police spokesman …" after "the Yobe State Police Command"
               ?? entities.indices.last(where: { [.unit, .organization].contains(entities[$0].type) && !entities[$0].generic
                   && Names.lowercasedWords(entities[$0].name).dropLast().contains(word) }) {
            mentions.append(Mention(tokens: i..<(i + 1), bytes: bytes(i..<(i + 1)), entity: e, anaphoric: true))
            return i + 1
        }
        return nil
    }

    /// "… an operation that the Army was carrying out", "the Police said": a capitalised force word after "the",
    /// standing alone, is the force the article names so — a force named before with that last word ("the Vestrian
    /// Army"), else a unit called as written.
    func definiteForceWord(_ i: Int, _ end: Int) -> Int? {
        let j = i + 1
        guard key(i) == w.w_the, j < end, tokens[j].capitalized, !tokens[j].allCaps, lexicon.weak.contains(tokens[j].key),
              let g = lexicon.generics.match(tokens, at: j, limit: j + 1), g.value == .unit,
              j + 1 >= end || !(tokens[j + 1].kind == .word && (tokens[j + 1].capitalized || tokens[j + 1].allCaps)) else { return nil }
        let r = j..<(j + 1)
        let word = lower(j)
        if let e = entities.indices.last(where: { entities[$0].type == .unit && !entities[$0].generic
            && Names.lowercasedWords(entities[$0].name).last.map({ $0 == word }) ?? false }) {
            mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e, anaphoric: true))
        } else {
            let e = entity(surface: span(r), type: .unit, strength: 2, bytes: bytes(r), confidence: 0.75)
            mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e))
        }
        return j + 1
    }

    /// "the 103rd Infantry Brigade", "the 5th Battalion of the army", "Brigade 8", "153 Battalion": a military
    /// formation named by its number is a state unit, the number part of its name (a "Brigade" named by words
    /// alone is an armed group's: "the Majeed Brigade").
    func numberedFormation(_ i: Int, _ end: Int) -> Int? {
        let r: Range<Int>
        if tokens[i].kind == .number {
            var j = i + 1
            if j < end, tokens[j].start == tokens[i].end, isRelationWord(atToken: j, .ordinalSuffix) { j += 1 }
            // the name ends at its formation noun ("the 5th Battalion of the Nigerian Army": two names)
            guard j < end, isCap(j), let cap = capitalSpan(j, end),
                  let last = (j..<cap).first(where: { isRelationWord(atToken: $0, .formationNoun) }) else { return nil }
            r = i..<(last + 1)
        } else if isCap(i), (i + 1..<min(end, i + 6)).contains(where: { tokens[$0].kind == .number }),
                  let cap = capitalSpan(i, end), cap < end, tokens[cap].kind == .number, isRelationWord(atToken: cap - 1, .formationNoun),
                  cap + 1 >= end || tokens[cap + 1].start > tokens[cap].end {
            r = i..<(cap + 1)
        } else {
            return nil
        }
        let e = entity(surface: span(r), type: .unit, strength: 2, bytes: bytes(r), confidence: 0.85)
        mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e))
        return r.upperBound
    }
}
