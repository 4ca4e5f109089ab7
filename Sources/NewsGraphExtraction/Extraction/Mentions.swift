import NewsGraphCore

/// Entity mentions of one sentence: lexicon names, capitalised spans typed by their head,
/// acronym definitions, generic force designations, facilities and definite descriptions.
extension Document {
    static let connectors: KeySet = KeySet(["of", "for", "and", "the", "al", "el", "de", "del", "la", "e", "i", "bin", "ibn", "ul", "ud", "ur", "y", "da", "du", "des", "le", "wal", "al-", "van", "von", "der", "den", "ter"].map(k))
    static let prepositionsOfPlace: KeySet = KeySet(["in", "at", "near", "from", "outside", "across", "into", "to", "around", "towards", "toward", "inside", "of", "between", "via", "through"].map(k))
    static let speechVerbs: KeySet = KeySet(["said", "says", "told", "added", "stated", "claimed", "denied", "confirmed", "condemned", "warned", "accused", "urged", "alleged", "insisted"].map(k))
    static let auxiliaries: KeySet = KeySet(["is", "was", "has", "had", "will", "would", "can", "could", "may", "might", "must", "should", "did", "does"].map(k))
    static let determinersDefinite: KeySet = KeySet(["the", "this", "that", "these", "those", "its", "their", "his", "her"].map(k))
    static let determinersIndefinite: KeySet = KeySet(["a", "an", "another", "one"].map(k))
    static let countryWord: KeySet = KeySet(["country", "nation"].map(k))

    func isWord(_ i: Int) -> Bool { tokens[i].kind == .word && tokens[i].key != w.possessive }

    func isCap(_ i: Int) -> Bool { tokens[i].kind == .word && (tokens[i].capitalized || tokens[i].allCaps) }

    /// Whether a capitalised token at sentence start is just a capitalised common word.
    func isSentenceInitial(_ i: Int) -> Bool {
        i == sentenceRange.lowerBound || (i > sentenceRange.lowerBound && tokens[i - 1].kind == .punct && (i - 1 == sentenceRange.lowerBound || !isWord(i - 2)))
    }

    /// End (exclusive) of the capitalised span starting at `i`, or nil.
    func capitalSpan(_ i: Int, _ end: Int) -> Int? {
        guard isCap(i), !lexicon.stops.contains(key(i)), !isBasedAdjective(i), !isParticipleModifier(i) else { return nil }
        var j = i + 1
        var lastCap = i + 1
        var sawAnd = -1
        while j < end, j - i < 10 {
            if isCap(j) && !lexicon.stops.contains(key(j)) && tokens[j].key != w.possessive && !isParticipleModifier(j) || isParticleName(j) {
                j += 1; lastCap = j; continue
            }
            if tokens[j].kind == .word, Document.connectors.contains(key(j)), !tokens[j].capitalized || key(j) == w.al {
                // connector must be followed by a capitalised word (allow "of the X")
                var n = j + 1
                if n < end, key(n) == w.w_the { n += 1 }
                // "Tomas de la Vega", "Anna van der Berg": a run of name particles
                while n < end, n - j < 3, key(j) != w.w_and, key(j) != w.ofKey, !tokens[n].capitalized, Document.connectors.contains(key(n)) { n += 1 }
                if n < end, isCap(n), !lexicon.stops.contains(key(n)) {
                    if key(j) == w.w_and {
                        // "the Frontier Corps and the Khyber Pakhtunkhwa Police": two names when the first stands alone
                        if suffixHead(i..<lastCap) != nil || lexiconMatch(i, lastCap).map({ i + $0.length == lastCap }) ?? false { break }
                        sawAnd = j
                    }
                    // "Laishram Tomba Singh of Borobekra": a name without a head does not swallow the place it is from
                    if key(j) == w.ofKey, suffixHead(i..<lastCap) == nil, prefixHead(i..<lastCap) == nil,
                       lexiconMatch(i, lastCap) == nil, lastCap - i >= 2 || (lexiconMatch(n, end).map { lexicon.entities[$0.value.entity].type == .place } ?? false) { break }
                    // "Majeed Brigade of the Baloch Liberation Army" is two names: a named unit does not extend through "of"
                    if key(j) == w.ofKey, lastCap - i >= 2, let h = suffixHead(i..<lastCap), h.type != .place, h.type != .facility,
                       !(lastCap - i == 2 && lexicon.demonyms[key(i)] != nil && opensPrefixHead(lastCap - 1, end)) { break }
                    // "the Tarvek District of Olem State": a named division does not extend through "of" into the place holding it
                    if key(j) == w.ofKey, lastCap - i >= 2, let h = suffixHead(i..<lastCap), h.type == .place, namesPlace(at: n, end) { break }
                    // a weak first word ("Fighters of the …") does not extend through "of"
                    if j == i + 1, lexicon.weak.contains(key(i)) { break }
                    // nor does a sentence's capitalised first word ("Flags of the Pashtun Tahaffuz Movement were …"),
                    // unless it opens a name of its own ("Ministry of Defence", a lexicon name)
                    if j == i + 1, key(j) == w.ofKey, isSentenceInitial(i), !opensPrefixHead(i, end), lexiconMatch(i, end) == nil { break }
                    j = n; continue
                }
            }
            break
        }
        var spanEnd = lastCap
        if sawAnd >= 0, sawAnd < spanEnd, suffixHead(i..<spanEnd) == nil, prefixHead(i..<spanEnd) == nil { spanEnd = sawAnd }
        return spanEnd > i ? spanEnd : nil
    }

    /// Whether a place name starts at `i`: a place of the lexicon, or capitalised words ending in a place head ("Olem State").
    func namesPlace(at i: Int, _ end: Int) -> Bool {
        if let m = lexiconMatch(i, end) { return lexicon.entities[m.value.entity].type == .place }
        var j = i
        while j < end, j - i < 6, isCap(j), !lexicon.stops.contains(key(j)) { j += 1 }
        return j > i + 1 && suffixHead(i..<j)?.type == .place
    }

    /// Whether the capitalised word at `i` opens a longer name ("Ministry" in "the Ministry of Defence").
    func opensName(at i: Int, _ end: Int) -> Bool {
        guard isCap(i), let cap = capitalSpan(i, end) else { return false }
        return cap > i + 1
    }

    /// "Islamabad-based", "Dakar-based": an adjective, not part of the name after it (Relations reads the place).
    func isBasedAdjective(_ i: Int) -> Bool {
        let e = Int(tokens[i].end)
        guard e - Int(tokens[i].start) > 7 else { return false }
        return text[e - 6] == 0x2D && text[e - 5] | 0x20 == 0x62 && text[e - 4] | 0x20 == 0x61 && text[e - 3] | 0x20 == 0x73 && text[e - 2] | 0x20 == 0x65 && text[e - 1] | 0x20 == 0x64
    }

    /// The head type of a span by its last words (longest head first).
    func suffixHead(_ r: Range<Int>) -> HeadInfo? {
        // the longest head ending exactly at the span's end, starting after its first word
        for start in r where start > r.lowerBound || r.count == 1 {
            if let m = lexicon.heads.firstMatch(tokens, at: start, limit: r.upperBound, where: { len, v in start + len == r.upperBound && v.position == .suffix }) {
                // a head alone ("Army") does not type anything; the name needs more than its head
                return m.length == r.count ? nil : m.value
            }
        }
        return nil
    }

    func prefixHead(_ r: Range<Int>) -> HeadInfo? {
        if let h = lexicon.heads.firstMatch(tokens, at: r.lowerBound, limit: r.upperBound, where: { len, v in v.position == .prefix && len < r.count })?.value { return h }
        // "Afghan Ministry of Defence": a demonym before a two-word prefix head ("Ministry of")
        guard r.count >= 4, lexicon.demonyms[key(r.lowerBound)] != nil, opensPrefixHead(r.lowerBound + 1, r.upperBound) else { return nil }
        return lexicon.heads.firstMatch(tokens, at: r.lowerBound + 1, limit: r.upperBound, where: { len, v in v.position == .prefix && len >= 2 && len < r.count - 1 })?.value
    }

    /// Whether a prefix head of two or more words ("Ministry of", "Office of") starts at `i`.
    func opensPrefixHead(_ i: Int, _ end: Int) -> Bool {
        lexicon.heads.firstMatch(tokens, at: i, limit: end, where: { len, v in v.position == .prefix && len >= 2 }) != nil
    }

    /// A valid lexicon entity match at `i` (respecting its case rule).
    func lexiconMatch(_ i: Int, _ end: Int) -> (length: Int, value: Lexicon.EntityMatch)? {
        let t = tokens[i]
        return lexicon.entityPhrases.firstMatch(tokens, at: i, limit: end) { _, v in
            switch v.caseRule {
            case .allCaps: t.allCaps
            case .capitalized: t.capitalized || t.allCaps
            case .any: true
            }
        }
    }

    /// The country's main state force in the lexicon ("Pakistan" → "Pakistan Army"), indexed at load.
    func countryForce(_ country: String) -> Int? {
        lexicon.countryForces[country.lowercased()]
    }

    func bytes(_ r: Range<Int>) -> Range<Int> { Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end) }

    /// Finds the entity mentions of the current sentence, in order, into `mentions`.
    func findMentions() {
        mentions.removeAll(keepingCapacity: true)
        facilityHeadScan = (0, -1, 0)
        let end = sentenceRange.upperBound
        var i = sentenceRange.lowerBound
        while i < end {
            let t = tokens[i]
            if t.kind != .punct, let next = numberedFormation(i, end) { i = next; continue }
            // no mention starts at a possessive ("Tehran’s consulate": not "’s consulate")
            guard t.kind == .word, t.key != w.possessive else { i += 1; continue }
            if !isBasedAdjective(i), isParticipleModifier(i) {
                if let m = participlePrefixMention(i) { mentions.append(m) }
                i += 1
                continue
            }

            // the lexicon name starting here, if any (asked once: the rules below all need it)
            let lex = lexiconMatch(i, end)
            if let next = forceDesignation(i, end, lex) { i = next; continue }
            let cap = capitalSpan(i, end)
            if let cap, isDatelineSpan(i..<cap) || isClockWord(i..<cap) { i = cap; continue }
            if let chosen = chooseName(i, end, lex, cap) { i = emitName(chosen, end); continue }

            // generic designation: "security forces"
            if let g = lexicon.generics.match(tokens, at: i, limit: end), !(i > sentenceRange.lowerBound && tokens[i - 1].capitalized && tokens[i - 1].kind == .word) {
                let r = i..<(i + g.length)
                // "police station" and the like are facilities, not forces
                if r.upperBound < end, let h = lexicon.heads.match(tokens, at: r.upperBound, limit: end),
                   h.value.type == .facility || lexicon.heads.match(tokens, at: i, limit: end)?.value.type == .facility {
                    // left to the facility phrase below
                } else if g.length >= 2 || key(i) == w.troops || key(i) == w.policemen {
                    let e = entity(surface: span(r).lowercased(), type: g.value, strength: 2, generic: true, bytes: bytes(r), confidence: 0.7)
                    mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e))
                    i = r.upperBound
                    continue
                }
            }

            // facility noun phrase: "a military camp in Kalat", "the police station"
            if nextFacilityHead(from: i, end) < min(end, i + 5), let f = facilityPhrase(i, end) {
                mentions.append(f.mention)
                i = f.next
                continue
            }

            // definite description: "the group", "the outfit" — not the start of a name ("the Ministry of Defence")
            if let d = lexicon.descriptors.match(tokens, at: i, limit: end), d.value != .facility, !opensName(at: i + d.length - 1, end) {
                let r = i..<(i + d.length)
                let types: EntityTypes = d.value == .group ? [.group] : d.value == .unit ? [.unit] : [d.value]
                if let e = recentEntity(types, headedBy: r, before: Int(tokens[i].start)) ?? recentEntity(types, before: Int(tokens[i].start)) {
                    mentions.append(Mention(tokens: r, bytes: bytes(r), entity: e, anaphoric: true))
                }
                i = r.upperBound
                continue
            }
            i += 1
        }
    }
}
