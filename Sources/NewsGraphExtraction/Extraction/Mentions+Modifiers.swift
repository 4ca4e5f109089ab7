import NewsGraphCore

/// Words written inside or before a name that are not part of it: hyphenated participle modifiers and
/// all-caps datelines.
extension Document {
    /// "the Kurdish-held town of Tal Dara", "Vestrian-backed militias", "the Nord-led coalition": a (partly) capitalised word
    /// joined by a hyphen to a lower-case participle is an adjective, neither a name nor part of the name after it.
    /// The parse tags the participle (VBN/VBD, "held", "led", "run"); without a parse, an "-ed" ending decides.
    func isParticipleModifier(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, !t.allCaps else { return false }
        let bytes = text[Int(t.start)..<Int(t.end)]
        guard let dash = bytes.lastIndex(of: 0x2D), dash > bytes.startIndex, dash + 1 < bytes.endIndex,
              bytes[..<dash].contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        let tail = bytes[(dash + 1)...]
        guard tail.count >= 3, tail.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        if let ps = parseTokens(ofToken: i), ps.count >= 3 {
            let tag = parseTag(ps.upperBound - 1)
            return tag == "VBN" || tag == "VBD"
        }
        return tail.count > 3 && tail.suffix(2).elementsEqual("ed".utf8)
    }

    /// "NORTHPORT — Gunmen attacked …", "OSTRAVA: The army said …": an all-caps place at a sentence's start before a
    /// dash, colon or parenthesis is the article's dateline, not a participant; the gold leaves it out unless the
    /// place is named again in the text (then the later mention finds it).
    func isDatelineSpan(_ r: Range<Int>) -> Bool {
        guard r.lowerBound == sentenceRange.lowerBound, r.upperBound < sentenceRange.upperBound,
              r.allSatisfy({ tokens[$0].allCaps }) else { return false }
        let next = tokenText(r.upperBound)
        guard tokens[r.upperBound].kind == .punct, ["—", "–", ":", "("].contains(next) else { return false }
        // an acronym standing alone ("NATO: …") is a name, not a dateline; a place or a long word is
        if r.count >= 2 { return true }
        if let m = lexiconMatch(r.lowerBound, r.upperBound), lexicon.entities[m.value.entity].type == .place { return true }
        return tokens[r.lowerBound].end - tokens[r.lowerBound].start >= 5 && lexiconMatch(r.lowerBound, r.upperBound) == nil
    }
}

extension Document {
    /// "Rohan forces attacked the camp", "the Anorien police said": a known place that is not a country (a region,
    /// a province, a state) before a lower-case generic force word is that place's force, a unit named as written.
    /// Countries and demonyms take the rule for national forces ("Pakistani troops" → the country's army).
    func placeForce(_ i: Int, _ end: Int, _ lex: (length: Int, value: Lexicon.EntityMatch)?) -> Range<Int>? {
        guard let lex, tokens[i].capitalized || tokens[i].allCaps else { return nil }
        let place = lexicon.entities[lex.value.entity]
        guard place.type == .place, place.parent != nil else { return nil }
        let g0 = i + lex.length
        guard g0 < end, tokens[g0].kind == .word, !tokens[g0].capitalized,
              let g = lexicon.generics.match(tokens, at: g0, limit: end), g.value == .unit else { return nil }
        // "the Rohan police station" is a facility, left to the facility rules
        if g0 + g.length < end, lexicon.heads.match(tokens, at: g0 + g.length, limit: end)?.value.type == .facility { return nil }
        return i..<(g0 + g.length)
    }
}

extension Document {
    /// "the Vestria-backed militia", "an al-Qaeda-affiliated group": the name before a participle modifier's hyphen
    /// is a mention of that entity when the lexicon or the article already knows it. A demonym ("Kurdish-held")
    /// names no entity (SCHEMA: demonyms are not aliases).
    func participlePrefixMention(_ i: Int) -> Mention? {
        let t = tokens[i]
        let start = Int(t.start)
        guard let dash = text[start..<Int(t.end)].lastIndex(of: 0x2D), dash > start else { return nil }
        let prefix = Array(text[start..<dash])
        let toks = Tokenizer.tokenize(prefix)
        guard !toks.isEmpty, lexicon.demonyms[toks[0].key] == nil || toks.count > 1 else { return nil }
        let surface = String(decoding: prefix, as: UTF8.self)
        let b = start..<dash
        if let m = lexicon.entityPhrases.match(toks, at: 0, limit: toks.count), m.length == toks.count {
            let li = m.value.entity
            let e = entity(surface: surface, type: lexicon.entities[li].type, strength: 3, lexiconIndex: li, bytes: b, confidence: 0.9)
            return Mention(tokens: i..<(i + 1), bytes: b, entity: e)
        }
        if let e = entityByForm[Names.normalize(surface)], !entities[e].generic {
            _ = entity(surface: surface, type: entities[e].type, strength: 1, bytes: b)
            return Mention(tokens: i..<(i + 1), bytes: b, entity: e)
        }
        return nil
    }
}

extension Document {
    /// "Kamal al-Rashid", "Omar el-Tayeb": a lower-case particle of one to three letters joined by a hyphen to a
    /// capitalised word continues a name (it never starts one: the lexicon names "al-Qaeda" itself).
    func isParticleName(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, !t.capitalized, i > sentenceRange.lowerBound, isCap(i - 1) else { return false }
        let b = text[Int(t.start)..<Int(t.end)]
        guard let dash = b.firstIndex(of: 0x2D), (1...3).contains(dash - b.startIndex), dash + 1 < b.endIndex else { return false }
        return b[b.startIndex..<dash].allSatisfy { $0 >= 0x61 && $0 <= 0x7A } && b[dash + 1] >= 0x41 && b[dash + 1] <= 0x5A
    }
}

extension Document {
    /// "at 2:30 PM", "at 1:44 AM GMT": short all-caps words right after a number are a clock time, not a name.
    func isClockWord(_ r: Range<Int>) -> Bool {
        guard r.lowerBound > sentenceRange.lowerBound, tokens[r.lowerBound - 1].kind == .number else { return false }
        return r.allSatisfy { tokens[$0].allCaps && tokens[$0].end - tokens[$0].start <= 3 }
    }
}
