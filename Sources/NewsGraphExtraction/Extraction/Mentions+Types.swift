import NewsGraphCore

/// Typing of unknown capitalised names that carry no head word: person, place or organisation evidence.
/// A name chosen at a token: its tokens, type, evidence strength and lexicon entity.
typealias ChosenName = (range: Range<Int>, type: EntityType, strength: Int, lexIndex: Int?)

extension Document {
    /// A capitalised span that names an operation or event ("Intelligence Based Operations"), or a named operation
    /// ("Operation Silver Dawn": SCHEMA, named operations are triggers, not entities).
    func isEventName(_ r: Range<Int>) -> Bool {
        if r.count >= 2, tokens[r.lowerBound].capitalized, let m = lexicon.triggers.match(tokens, at: r.lowerBound, limit: r.lowerBound + 1),
           m.value.type == .operation, !tokens[r.lowerBound].allCaps { return true }
        return r.contains { s in lexicon.triggers.match(tokens, at: s, limit: r.upperBound).map { s + $0.length == r.upperBound } ?? false }
    }

    /// Whether a person cue ("named", "farmer", "spokesman") or a role noun ends at token `b`.
    func isPersonCue(endingAt b: Int) -> Bool {
        if lexicon.roles.contains(tokens, at: b, limit: b + 1) { return true }
        for s in max(sentenceRange.lowerBound, b - 2)...b {
            if let m = lexicon.personCues.match(tokens, at: s, limit: b + 1), s + m.length == b + 1 { return true }
        }
        return false
    }

    /// Type of an unknown capitalised span with no head word.
    func guessType(_ r: Range<Int>) -> (EntityType, Int)? {
        let before = r.lowerBound > sentenceRange.lowerBound ? r.lowerBound - 1 : nil
        let after = r.upperBound < sentenceRange.upperBound ? r.upperBound : nil
        let allWeak = r.allSatisfy { lexicon.weak.contains(key($0)) }
        if allWeak { return nil }
        // "Turkey’s Air Force", "the army's Special Forces": a head word alone, owned, names that body
        if let b = before, key(b) == w.possessive, let h = lexicon.heads.match(tokens, at: r.lowerBound, limit: r.upperBound),
           h.length == r.count, [.unit, .organization].contains(h.value.type) {
            return (h.value.type, 2)
        }
        // a span ending on a title ("Acting Minister", "the Interim Governor") is a role, not a name
        if r.count >= 2, lexicon.titles.match(tokens, at: r.upperBound - 1, limit: r.upperBound) != nil { return nil }
        // a single letter ("S." of an initial, "X" the network) is not a name alone
        if r.count == 1, tokens[r.lowerBound].end - tokens[r.lowerBound].start == 1 { return nil }
        // a title alone ("Lt" before "." in "Lt. Gen. …") is not a name
        if r.count == 1, lexicon.titles.match(tokens, at: r.lowerBound, limit: r.upperBound) != nil { return nil }
        // demonyms alone are not entities
        if r.count == 1, lexicon.demonyms[key(r.lowerBound)] != nil { return nil }
        let titled = (before.map { isPersonCue(endingAt: $0) || isAbbreviatedTitle(endingAt: $0) } ?? false) || hasRoleApposition(r)
        let speaks = after.map { Document.speechVerbs.contains(key($0)) } ?? false
        let acronym = r.count == 1 && tokens[r.lowerBound].allCaps
        if acronym {
            // an undefined acronym: an organisation, weakly
            if isSentenceInitial(r.lowerBound) && !speaks { return nil }
            return (.organization, 1)
        }
        // "the village of Buq Aqable", "the town of Kantchari": a place noun names what follows
        if let b = before, key(b) == w.ofKey, b > sentenceRange.lowerBound, !tokens[b - 1].capitalized,
           ew.anaphoricPlaceNouns.contains(key(b - 1)) || Document.placeNouns.contains(key(b - 1)) {
            return (.place, 2)
        }
        if !titled, !speaks, r.count >= 2 || entityByForm[Names.normalize(tokenText(r.lowerBound))] == nil,
           let s = parsePlaceEvidence(r) { return (.place, s) }
        if r.count >= 2 {
            if r.contains(where: { tokens[$0].allCaps }) && !titled { return (.organization, 1) }
            if !titled, !speaks, let t = unevidencedNameType(r, before: before) { return (t, 1) }
            return (.person, titled || speaks ? 2 : 1)
        }
        // one word
        let norm = Names.normalize(tokenText(r.lowerBound))
        if let e = entityByForm[norm] { return (entities[e].type, 1) }
        if let f = fuzzyMatch(norm, type: .person, strength: 2) { return (entities[f].type, 1) }
        // (a plural common noun opening the sentence is no name: "Eyewitnesses said", "Residents fled")
        if isSentenceInitial(r.lowerBound), parseTags(r)?.allSatisfy({ $0 == "NNS" }) ?? false { return nil }
        if isSentenceInitial(r.lowerBound) {
            // "Arnor is about to…", "Gondor condemned…": a country acting is a place (SCHEMA), named once as subject
            // (a trigger noun after a capitalised common word is a headline, not an actor: "Suicide bombing …",
            // "Drone strike kills five")
            if isCommonNounOfNoAct(r) { return nil }
            if let a = after, tokens[a].kind == .word, !tokens[a].capitalized,
               Document.speechVerbs.contains(key(a)) || Document.auxiliaries.contains(key(a))
                || lexicon.triggers.contains(tokens, at: a, limit: sentenceRange.upperBound) && (isVerb(atToken: a) ?? true) {
                return (.place, 1)
            }
            return nil
        }
        if titled { return (.person, 2) }
        if let b = before, Document.prepositionsOfPlace.contains(key(b)) { return (.place, 1) }
        if speaks { return (.person, 1) }
        return nil
    }

    /// The type of a name of two or more words with no person evidence (no title or person cue before it, no
    /// speech verb after it), when something else says it is not a person:
    /// - a place preposition before it: "a strike on a car in Vel Aran" (place);
    /// - a plural or an adjective among its words in the parse: "Polar Airlines", "National Guard Reserve"
    ///   (an organisation: person names are singular proper nouns).
    func unevidencedNameType(_ r: Range<Int>, before: Int?) -> EntityType? {
        if let b = before, Document.placeIntroducers.contains(key(b)) { return .place }
        guard let tags = parseTags(r) else { return nil }
        if tags.contains(where: { $0 == "NNPS" || $0 == "NNS" }) { return .organization }
        // an adjective that is not a demonym ("National", "Revolutionary"; not "Lebanese")
        if r.contains(where: { lexicon.demonyms[key($0)] == nil && (parseTags($0..<($0 + 1))?.allSatisfy { $0.hasPrefix("JJ") } ?? false) }) { return .organization }
        return nil
    }

    /// "Tension is rising in the state after …": a capitalised word opening the sentence that the parser reads as a
    /// common noun (`NN`, `NNS`) and whose verb is neither an event trigger nor a verb of speech is a word of the
    /// language capitalised by its position, not a country acting. (The parser reads an unknown name as a common
    /// noun too — "Olemia attacked Kessa" — so the verb decides.)
    func isCommonNounOfNoAct(_ r: Range<Int>) -> Bool {
        guard parseTags(r)?.allSatisfy({ $0 == "NN" || $0 == "NNS" }) ?? false,
              let h = parseHead(of: r), let v = treeHead(h), v != h, let d = documentToken(ofParse: v) else { return false }
        return !Document.speechVerbs.contains(key(d)) && !lexicon.triggers.contains(tokens, at: d, limit: sentenceRange.upperBound)
    }
    static let placeIntroducers: KeySet = KeySet(["in", "at", "near", "outside", "inside", "across", "into", "towards", "toward", "around"].map(k))

    /// "Lt. Gen. Orsin Dahl": an abbreviated title's period ends at `b`, the title word before it.
    func isAbbreviatedTitle(endingAt b: Int) -> Bool {
        guard b > sentenceRange.lowerBound, tokens[b].kind == .punct, tokenText(b) == "." else { return false }
        return lexicon.titles.match(tokens, at: b - 1, limit: b) != nil
    }

    /// The name starting at token `i` and its type: a titled person inside the capitalised span, a span typed by its
    /// head word, a lexicon name, or an unknown span typed by the evidence around it (`guessType`).
    func chooseName(_ i: Int, _ end: Int, _ lex: (length: Int, value: Lexicon.EntityMatch)?, _ cap: Int?) -> ChosenName? {
        var chosen: ChosenName? = nil
        if let cap, let r = possessiveOffice(i, cap, end) {
            chosen = (r, .organization, 2, nil)
        } else if let cap, lex == nil, let (n, t0) = titledName(i..<cap) {
            // "the Nord State Police Commissioner Tomas Ruel": the body before the title is named too
            if t0 - i >= 2, !lexicon.weak.contains(key(i)), let h = suffixHead(i..<t0), h.type != .place {
                let e = entity(surface: span(i..<t0), type: h.type, strength: 2, bytes: bytes(i..<t0), confidence: 0.85)
                mentions.append(Mention(tokens: i..<t0, bytes: bytes(i..<t0), entity: e))
            }
            chosen = (n, .person, 2, lexiconMatch(n.lowerBound, cap).flatMap { $0.length == n.count ? $0.value.entity : nil })
        } else if let cap, cap - i > (lex?.length ?? 0), let head = suffixHead(i..<cap) ?? prefixHead(i..<cap), !isEventName(i..<cap) {
            chosen = (i..<cap, head.type, 2, nil)
        } else if let lex {
            let li = lex.value.entity
            chosen = (i..<(i + lex.length), lexicon.entities[li].type, 3, li)
        } else if let cap, !isEventName(i..<cap) {
            if let guess = guessType(i..<cap) {
                chosen = (i..<cap, guess.0, guess.1, nil)
            } else if cap < end, !tokens[cap].capitalized, let h = lexicon.heads.match(tokens, at: cap, limit: end), h.value.position == .suffix,
                      !lexicon.weak.contains(key(i)), lexicon.demonyms[key(i)] == nil {
                // an unknown name typed by the lower-case word after it: "Chitkan camp", "Tajori town"
                chosen = (i..<cap, h.value.type == .place ? .place : .place, 1, nil)
            }
        }
        return chosen
    }

    /// "the Varnok Mayor's Office said", "the Public Prosecutor's Office": a capitalised name, its possessive and a
    /// capitalised organisation head word alone make one organisation's name.
    func possessiveOffice(_ i: Int, _ cap: Int, _ end: Int) -> Range<Int>? {
        guard cap + 1 < end, tokens[cap].key == w.possessive, tokens[cap + 1].capitalized,
              let h = lexicon.heads.match(tokens, at: cap + 1, limit: end), h.value.type == .organization, h.value.position == .suffix,
              lexiconMatch(i, cap).map({ $0.length < cap - i }) ?? true else { return nil }
        let e = cap + 1 + h.length
        guard e >= end || !(tokens[e].kind == .word && tokens[e].capitalized) else { return nil }
        return i..<e
    }
}
