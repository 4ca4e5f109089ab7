import NewsGraphCore

/// Containment (located_in) read over the token sequence: places chained by "of"/"in", locative lists,
/// capitals, possessive containers ("Nigeria's northeastern Borno state"), anaphoric containers ("in the
/// district"), facilities named after or placed in a place, and "X-based" bodies.
extension Document {
    static let placeAdjectives: KeySet = KeySet(["central", "restive", "remote", "neighbouring", "neighboring", "volatile", "troubled",
        "mountainous", "rural", "far", "deep", "upper", "lower", "coastal", "southernmost", "northernmost", "easternmost", "westernmost",
        "conflict-hit", "war-torn", "oil-rich", "insurgency-hit"].map(k))
    static let outsideKeys: KeySet = KeySet(["outside", "near"].map(k))
    static let outskirts: [UInt64] = ["on", "the", "outskirts", "of"].map(k)
    static let placeNouns: KeySet = KeySet(["department", "province", "state", "region", "district", "county", "municipality", "governorate",
        "territory", "town", "city", "village", "area", "commune", "prefecture", "oblast", "township", "block", "tehsil", "emirate"].map(k))
    static let capitalKeys: KeySet = KeySet(["capital", "seat"].map(k))
    static let hubKeys: KeySet = KeySet(["hub", "facility", "installation", "complex", "depot"].map(k))
    static let sameKeys: KeySet = KeySet(["same"].map(k))
    static let datelineClosers: KeySet = KeySet(["-", "–", "—", ":"].map(k))
    static let closers: KeySet = KeySet([",", ".", ";", ":", "on", "in", "at", "last", "this", "early", "late", "earlier", "and", "\"", "”", ")"].map(k))

    /// A lower-case word that can qualify a place name: "northeastern", "eastern", "restive".
    func isPlaceAdjective(_ i: Int) -> Bool {
        guard tokens[i].kind == .word, !tokens[i].capitalized, !tokens[i].allCaps else { return false }
        if Document.placeAdjectives.contains(key(i)) { return true }
        // "-ern" adjectives of six to sixteen letters ("northeastern"); ASCII words are read as bytes
        let b = tokens[i].range
        if text[b].allSatisfy({ $0 < 0x80 }) {
            return b.count >= 6 && b.count <= 16 && text[b.upperBound - 3] | 0x20 == 0x65 && text[b.upperBound - 2] | 0x20 == 0x72 && text[b.upperBound - 1] | 0x20 == 0x6E
        }
        let word = lower(i)
        return word.hasSuffix("ern") && word.count >= 6 && word.count <= 16
    }

    /// Length of a lower-case place noun at `i` ("department", "district"), by the place heads or the list below.
    func placeNoun(at i: Int) -> Int? {
        guard tokens[i].kind == .word, !tokens[i].capitalized else { return nil }
        if let h = lexicon.heads.match(tokens, at: i, limit: sentenceRange.upperBound), h.value.type == .place { return h.length }
        return Document.placeNouns.contains(key(i)) ? 1 : nil
    }

    /// The place an anaphoric "the district", "the state", "the city" refers to: the last place of the article
    /// (before byte `before`, other than `excluding`) whose name or form ends in that noun, else the last place
    /// mentioned when `anyPlace`.
    func anaphoricPlace(noun: String, before: Int, excluding: Int, anyPlace: Bool) -> Int? {
        var best: (Int, Int)? = nil
        var bestAny: (Int, Int)? = nil
        let suffix = " " + noun
        for i in entities.indices where entities[i].type == .place && i != excluding && !entities[i].generic {
            // seen before the anaphor: in an earlier sentence, or earlier in this one (lastSeen may be a later mention)
            let lastSeen = entities[i].lastSeen
            guard lastSeen < before || mentions.contains(where: { $0.entity == i && $0.bytes.lowerBound < before }) else { continue }
            let seen = min(lastSeen, before - 1)
            if entities[i].forms.contains(where: { Names.lowercasedHasSuffix($0, suffix) }), best == nil || seen > best!.1 { best = (i, seen) }
            if bestAny == nil || seen > bestAny!.1 { bestAny = (i, seen) }
        }
        return best?.0 ?? (anyPlace ? bestAny?.0 : nil)
    }

    /// The place a phrase starting at `j` names as a container: "Arauca", "the northeastern department of Arauca",
    /// "eastern Mali", "Nigeria's northeastern Borno state" (→ Borno), "the town of X". Returns the place and its end.
    func containerPlace(at j0: Int) -> Mention? {
        let r = sentenceRange
        var j = j0
        if j < r.upperBound, key(j) == w.theKey { j += 1 }
        var adj = 0
        while j < r.upperBound, adj < 2, isPlaceAdjective(j), mention(at: j) == nil { j += 1; adj += 1 }
        // "the turbulent Olem department of Kessa": other qualifiers (lower-case words, a demonym) before a place noun and "of"
        var q = j
        while q < min(r.upperBound, j + 3), tokens[q].kind == .word, placeNoun(at: q) == nil, mention(at: q) == nil,
              !tokens[q].capitalized || lexicon.demonyms[key(q)] != nil { q += 1 }
        if q > j, q + 1 < r.upperBound, let len = placeNoun(at: q), q + len < r.upperBound, key(q + len) == w.ofKey { j = q }
        // "the department of Arauca", "the town of Shebekino"
        if j + 1 < r.upperBound, !tokens[j].capitalized, let len = placeNoun(at: j), j + len < r.upperBound, key(j + len) == w.ofKey {
            j += len + 1
            if j < r.upperBound, key(j) == w.theKey { j += 1 }
        }
        guard j < r.upperBound, let p = mention(at: j), type(p) == .place else { return nil }
        // "Nigeria's (northeastern) Borno state": the inner place is the container
        var k2 = p.tokens.upperBound
        if k2 < r.upperBound, key(k2) == w.possessive {
            k2 += 1
            var a2 = 0
            while k2 < r.upperBound, a2 < 2, isPlaceAdjective(k2) { k2 += 1; a2 += 1 }
            if k2 < r.upperBound, let p2 = mention(at: k2), type(p2) == .place { return p2 }
            return nil
        }
        return p
    }

    /// "X district of Y", "X in Y", "the camp at X"; "in Malam Fatori, Abadam": places chained by of/in and locative lists.
    func placeChain(_ idx: Int, _ m: Mention) {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        let next = idx + 1 < ms.count ? ms[idx + 1] : nil
        let after = m.tokens.upperBound
        if let n = next, type(n) == .place, type(m) == .place || type(m) == .facility {
            var j = after
            if j < r.upperBound, key(j) == w.comma { j += 1 }
            if j < r.upperBound, key(j) == w.ofKey || key(j) == w.inKey || (type(m) == .facility && key(j) == w.w_at) {
                j += 1
                if j < r.upperBound, key(j) == w.theKey { j += 1 }
                let possessiveNext = n.tokens.upperBound < r.upperBound && key(n.tokens.upperBound) == w.possessive
                if n.tokens.lowerBound == j, !possessiveNext, !(type(m) == .place && key(after) == w.ofKey && entities[n.entity].lexiconIndex == nil && entities[m.entity].lexiconIndex != nil) {
                    addTriple(m.entity, .locatedIn, n.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
                }
            } else if type(m) == .facility, j < r.upperBound {
                // "the main camp of Pakistan military in Shah Mardan": skip an "of X" complement
                var k2 = j
                if key(k2) == w.ofKey, let o = ms.first(where: { $0.tokens.lowerBound > k2 && $0.tokens.lowerBound <= k2 + 2 }) {
                    k2 = o.tokens.upperBound
                    if k2 < r.upperBound, key(k2) == w.inKey, let p = ms.first(where: { $0.tokens.lowerBound == k2 + 1 || $0.tokens.lowerBound == k2 + 2 }), type(p) == .place {
                        addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
                    }
                }
            }
        }
        // "in Malam Fatori, Abadam", "Suárez and Buenos Aires, Cauca": a locative list closed by its region
        if type(m) == .place, let n = next, type(n) == .place, after < r.upperBound, key(after) == w.comma, n.tokens.lowerBound == after + 1 {
            var start = m.tokens.lowerBound
            var members = [m]
            if let prevIdx = idx > 0 ? idx - 1 : nil, type(ms[prevIdx]) == .place, ms[prevIdx].tokens.upperBound + 1 == start, key(start - 1) == w.w_and {
                members.insert(ms[prevIdx], at: 0)
                start = ms[prevIdx].tokens.lowerBound
            }
            let introduced = start > r.lowerBound && ew.placePreps.contains(key(start - 1))
            let closes = n.tokens.upperBound >= r.upperBound || [w.comma, w.period, w.w_on, w.w_in, w.w_last, w.w_this, w.early, w.late].contains(key(n.tokens.upperBound))
                || Document.relativeKeys.contains(key(n.tokens.upperBound)) || key(n.tokens.upperBound) == w.ofKey
            // ("in Kessa, Tavro, and Olem" is a list, not a town and its region)
            let e = n.tokens.upperBound
            let notList = e >= r.upperBound || key(e) != w.w_and && !(key(e) == w.comma && e + 1 < r.upperBound && key(e + 1) == w.w_and) && !listGoesOn(after: n)
            if introduced && closes && notList {
                for x in members { addTriple(x.entity, .locatedIn, n.entity, bytes: x.bytes.lowerBound..<n.bytes.upperBound, confidence: conf * 0.85) }
            }
            if start == r.lowerBound, isWireDatelinePlace(m, then: n) {
                addTriple(m.entity, .locatedIn, n.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf * 0.85)
            }
        }
    }

    /// "in Kessa, Tavro, Olem and Varnok": places after the comma that end in "and" and a place go on with a list
    /// (not "in Kessa, Tavro district, Olem region", a place and the divisions holding it).
    func listGoesOn(after n: Mention) -> Bool {
        var e = n.tokens.upperBound
        let r = sentenceRange
        while e + 1 < r.upperBound, key(e) == w.comma, let next = mention(at: e + 1), type(next) == .place { e = next.tokens.upperBound }
        guard e > n.tokens.upperBound, e + 1 < r.upperBound else { return false }
        let a = key(e) == w.comma ? e + 1 : e
        return a + 1 < r.upperBound && key(a) == w.w_and && mention(at: a + 1).map { type($0) == .place } ?? false
    }

    /// "TARVEK, Olem - Gunmen attacked …": a wire dateline names the town in capitals and then the country or
    /// region that holds it, closed by a dash or a colon.
    func isWireDatelinePlace(_ m: Mention, then n: Mention) -> Bool {
        let e = n.tokens.upperBound
        guard e < sentenceRange.upperBound, tokens[e].kind == .punct, Document.datelineClosers.contains(key(e)),
              m.tokens.allSatisfy({ tokens[$0].kind != .word || tokens[$0].allCaps }) else { return false }
        return true
    }

    /// "El Obeid, the capital of North Kordofan", "X township in Myanmar's Y Region", a facility named with its place, "the country's X province".
    func placeApposition(_ idx: Int, _ m: Mention) {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        let next = idx + 1 < ms.count ? ms[idx + 1] : nil
        let after = m.tokens.upperBound
        if type(m) == .place || type(m) == .facility, after + 2 < r.upperBound, key(after) == w.comma, Document.aKeys.contains(key(after + 1)),
           let ofAt = (after + 2..<min(r.upperBound, after + 7)).first(where: { key($0) == w.ofKey }),
           (after + 2..<ofAt).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].capitalized }),
           let p = ms.first(where: { $0.tokens.lowerBound == ofAt + 1 || ($0.tokens.lowerBound == ofAt + 2 && key(ofAt + 1) == w.theKey) }), type(p) == .place,
           (after + 2..<ofAt).contains(where: { lexicon.heads.match(tokens, at: $0, limit: ofAt).map { $0.value.type == .place } ?? false || key($0) == w.capital }) {
            addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.9)
        }
        // "in Banmauk township in Myanmar's Sagaing Region": the region, not the country, contains the town
        if type(m) == .place, let n = next, type(n) == .place, after < r.upperBound, key(after) == w.inKey, n.tokens.lowerBound == after + 1,
           n.tokens.upperBound + 1 < r.upperBound, key(n.tokens.upperBound) == w.possessive,
           let n2 = ms.first(where: { $0.tokens.lowerBound == n.tokens.upperBound + 1 }), type(n2) == .place {
            addTriple(m.entity, .locatedIn, n2.entity, bytes: m.bytes.lowerBound..<n2.bytes.upperBound, confidence: conf)
        }
        // a facility named with its place ("military camp in Kalat", "the Olem Embassy in Varnok")
        if type(m) == .facility, !entities[m.entity].generic || entities[m.entity].namedApartFromPlace || isCapitalizedFacility(m), let p = ms.first(where: { type($0) == .place && $0.tokens.lowerBound > m.tokens.lowerBound && $0.tokens.upperBound <= m.tokens.upperBound }) {
            if !hasTriple(subject: m.entity, where: { $0.predicate == .locatedIn }) {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes, confidence: conf)
            }
        }
        // "the country's Balochistan province": the country is the lexicon's parent of the place
        if type(m) == .place, m.tokens.lowerBound >= r.lowerBound + 2, key(m.tokens.lowerBound - 1) == w.possessive,
           Document.countryWord.contains(key(m.tokens.lowerBound - 2)), let li = entities[m.entity].lexiconIndex, let parent = lexicon.entities[li].parent,
           let pl = lexicon.entity(named: parent), pl.type == .place {
            let pe = entity(surface: parent, type: .place, strength: 3, lexiconIndex: lexicon.entityIndex(named: parent), bytes: m.bytes)
            if entities[pe].forms.contains(where: { $0.lowercased() == parent.lowercased() }) {
                addTriple(m.entity, .locatedIn, pe, bytes: m.bytes, confidence: conf * 0.9)
            }
        }
    }

    /// "A statement from the Olem Embassy in Varnok": a facility whose head word is written with a capital inside the
    /// sentence is a proper name, though the words of its name are common ones; the place after its "in" holds it.
    func isCapitalizedFacility(_ m: Mention) -> Bool {
        // (two capitalised words, so that a sentence's first word is not taken for a name)
        guard let inAt = m.tokens.first(where: { key($0) == w.inKey }), inAt - 2 >= m.tokens.lowerBound, inAt - 2 >= sentenceRange.lowerBound else { return false }
        return tokens[inAt - 1].capitalized && tokens[inAt - 2].capitalized
    }

    /// "X, in the department of Y", "X district of Y's Z province", "outside Y", "on the outskirts of Y", "X in the district", "the state capital X", "the city's X district".
    func containerPhrase(_ idx: Int, _ m: Mention) {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        let after = m.tokens.upperBound
        let tm = type(m)
        if tm == .place || tm == .facility {
            // "Saravena, in the northeastern department of Arauca", "near Ménaka, in eastern Mali"; not for a generic
            // facility phrase ("a market in Varnok, in …": the place it names takes the container)
            if tm == .place || !entities[m.entity].generic, after + 1 < r.upperBound, key(after) == w.comma, key(after + 1) == w.inKey,
               let p = containerPlace(at: after + 2) {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.85)
            }
            // "Barmal district of Afghanistan's Paktika province", "Marte in Nigeria's northeastern Borno state"
            if after + 1 < r.upperBound, key(after) == w.ofKey || key(after) == w.inKey,
               let p = containerPlace(at: after + 1),
               !(p.tokens.lowerBound == after + 1 || (p.tokens.lowerBound == after + 2 && key(after + 1) == w.theKey)) {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
            }
            // "the displacement camp outside El Fasher", "a base on the outskirts of Y"
            var j: Int? = nil
            if after < r.upperBound, Document.outsideKeys.contains(key(after)), key(after) != w.nearKey || (tm == .facility && !entities[m.entity].generic) { j = after + 1 }
            if after + 4 <= r.upperBound, (0..<4).allSatisfy({ key(after + $0) == Document.outskirts[$0] }) { j = after + 4 }
            if let j, let p = containerPlace(at: j) {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.85)
            }
        }
        // ("in the same district": the same anaphor)
        let noun = after + 2 < r.upperBound && Document.sameKeys.contains(key(after + 2)) ? after + 3 : after + 2
        if tm == .place || tm == .facility, noun < r.upperBound, key(after) == w.inKey, key(after + 1) == w.theKey,
           let len = placeNoun(at: noun), mention(at: noun) == nil,
           noun + len >= r.upperBound || Document.closers.contains(key(noun + len)) || tokens[noun + len].kind != .word,
           let p = anaphoricPlace(noun: lower(noun + len - 1), before: m.bytes.lowerBound, excluding: m.entity, anyPlace: false) {
            // "Borobekra in the district", "Tavro village in the same district": the district named before
            addTriple(m.entity, .locatedIn, p, bytes: m.bytes.lowerBound..<Int(tokens[noun + len - 1].end), confidence: conf * 0.75)
        }
        // (", " between: "the state capital, Sittwe")
        let cap = m.tokens.lowerBound > r.lowerBound && key(m.tokens.lowerBound - 1) == w.comma ? m.tokens.lowerBound - 2 : m.tokens.lowerBound - 1
        if tm == .place, cap >= r.lowerBound + 2, Document.capitalKeys.contains(key(cap)),
           let len = placeNoun(at: cap - 1), len == 1, key(cap - 2) == w.theKey,
           let p = anaphoricPlace(noun: lower(cap - 1), before: Int(tokens[cap - 2].start), excluding: m.entity, anyPlace: false) {
            // "the state capital Sittwe"
            addTriple(m.entity, .locatedIn, p, bytes: Int(tokens[cap - 2].start)..<m.bytes.upperBound, confidence: conf * 0.75)
        }
        if tm == .place || tm == .facility, m.tokens.lowerBound >= r.lowerBound + 3, key(m.tokens.lowerBound - 1) == w.possessive,
           key(m.tokens.lowerBound - 3) == w.theKey, let len = placeNoun(at: m.tokens.lowerBound - 2), len == 1, !Document.countryWord.contains(key(m.tokens.lowerBound - 2)),
           let p = anaphoricPlace(noun: lower(m.tokens.lowerBound - 2), before: Int(tokens[m.tokens.lowerBound - 3].start), excluding: m.entity, anyPlace: false)
               ?? ms[..<idx].last(where: { type($0) == .place && $0.entity != m.entity })?.entity {
            // "the city's Kyivskyi district": the place of that kind named last, or the sentence's last place
            addTriple(m.entity, .locatedIn, p, bytes: Int(tokens[m.tokens.lowerBound - 3].start)..<m.bytes.upperBound, confidence: conf * 0.7)
        }
    }

    /// "Nigeria's northeastern Borno state", "the Foreign Office in Islamabad", a facility "of" its owner "in" a place, a hub "in" a place, facilities named after places.
    func possessiveContainer(_ m: Mention) {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        let after = m.tokens.upperBound
        let tm = type(m)
        if tm == .place, after + 1 < r.upperBound, key(after) == w.possessive, isPlaceAdjective(after + 1) {
            var j = after + 1
            while j < min(r.upperBound, after + 3), isPlaceAdjective(j) { j += 1 }
            if let p = mention(at: j), type(p) == .place {
                addTriple(p.entity, .locatedIn, m.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
            }
        }
        // "the Foreign Office in Islamabad declined to comment": an office is where its capital is named
        if tm == .organization, after + 1 < r.upperBound, key(after) == w.inKey, let p = mention(at: after + 1), type(p) == .place,
           p.tokens.upperBound >= r.upperBound || key(p.tokens.upperBound) != w.possessive,
           m.tokens.lowerBound > r.lowerBound, Document.determinersDefinite.contains(key(m.tokens.lowerBound - 1)) || tokens[m.tokens.lowerBound - 1].kind != .word {
            addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.8)
        }
        if tm == .facility {
            // "the Chitkan camp of the Frontier Corps (FC) in Panjgur district": skip the owner
            if after + 2 < r.upperBound, key(after) == w.ofKey,
               let o = ms.first(where: { $0.tokens.lowerBound == after + 1 || ($0.tokens.lowerBound == after + 2 && key(after + 1) == w.theKey) }),
               type(o) != .place, o.tokens.upperBound + 1 < r.upperBound, key(o.tokens.upperBound) == w.inKey,
               let p = containerPlace(at: o.tokens.upperBound + 1) {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
            }
            // "Nyala airport, the main RSF supply hub in South Darfur,"
            if after + 3 < r.upperBound, key(after) == w.comma, Document.aKeys.contains(key(after + 1)),
               let inAt = ((after + 2)..<min(r.upperBound, after + 9)).first(where: { key($0) == w.inKey }),
               ((after + 2)..<inAt).allSatisfy({ tokens[$0].kind == .word && !Document.speechVerbs.contains(key($0)) && !Document.auxiliaries.contains(key($0)) && !Document.relativeKeys.contains(key($0)) }),
               ((after + 2)..<inAt).contains(where: { !tokens[$0].capitalized && !tokens[$0].allCaps && lexicon.facilityHeadKeys.contains(key($0)) || Document.hubKeys.contains(key($0)) }),
               let p = containerPlace(at: inAt + 1), p.tokens.upperBound >= r.upperBound || Document.closers.contains(key(p.tokens.upperBound)) {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.85)
            }
            // "Tajori police station", "Kyaukpyu Deep Sea Port": a named facility whose name starts with a place of the article
            if !entities[m.entity].generic, let p = placePrefix(ofFacility: m.entity) {
                addTriple(m.entity, .locatedIn, p, bytes: m.bytes, confidence: conf * 0.8)
            }
        }
        // once per place: later facilities check their own prefix (above)
        if tm == .place, placesMatchedToFacilities.insert(m.entity).inserted {
            // the place is named after a facility seen earlier: "the Chitkan camp" … "the Chitkan area"
            for f in entities.indices where entities[f].type == .facility && !entities[f].generic && placePrefix(ofFacility: f) == m.entity {
                addTriple(f, .locatedIn, m.entity, bytes: m.bytes, confidence: conf * 0.8)
            }
        }
    }
    /// The place a named facility's name begins with, when that place is an entity of the article.
    func placePrefix(ofFacility f: Int) -> Int? {
        for norm in facilityPrefixes(f) {
            if let e = entityByForm[norm], entities[e].type == .place, e != f { return e }
        }
        return nil
    }

    /// The normalised proper prefixes of a facility's name, longest first ("tajori police station" → "tajori police",
    /// "tajori"), computed once per facility: names do not change, and every place mention asks again.
    func facilityPrefixes(_ f: Int) -> [String] {
        if let known = facilityPrefixNorms[f] { return known }
        let words = entities[f].name.split(separator: " ")
        var norms: [String] = []
        if words.count >= 2 {
            // "Tehran's consulate", "Ulang's headquarters": a place that owns the facility is not where it is
            for n in stride(from: words.count - 1, through: 1, by: -1) where !Document.endsPossessive(words[n - 1]) {
                norms.append(Names.normalize(words[0..<n].joined(separator: " ")))
            }
            // "the Tarvek-Olem airport": the town its hyphened first word begins with
            if let hyphen = words[0].firstIndex(of: "-"), hyphen > words[0].startIndex, !Document.endsPossessive(words[0]) {
                norms.append(Names.normalize(String(words[0][..<hyphen])))
            }
        }
        facilityPrefixNorms[f] = norms
        return norms
    }

    /// Whether a written word ends in a possessive ("Tehran's", "Iran’s", "rebels'").
    static func endsPossessive(_ word: Substring) -> Bool {
        word.hasSuffix("'s") || word.hasSuffix("’s") || word.hasSuffix("'") || word.hasSuffix("’")
    }

    /// "the Islamabad-based Centre for …", "SCO, a Dakar-based monitoring group": the body is located in the place.
    func findBasedOrgs() {
        let r = sentenceRange
        for i in r where tokens[i].kind == .word && tokens[i].capitalized && isBasedAdjective(i) {
            let word = tokenText(i)
            let placeName = String(word.dropLast(6))
            var subject: Mention? = mention(at: i + 1) ?? mentions.first(where: { $0.tokens.lowerBound == i && $0.tokens.count > 1 })
            if subject == nil || !Document.orgTypes.contains(type(subject!)), i >= r.lowerBound + 2, Document.aKeys.contains(key(i - 1)), key(i - 2) == w.comma {
                subject = mentions.last(where: { $0.tokens.upperBound == i - 2 })
            }
            guard let s = subject, Document.orgTypes.contains(type(s)) else { continue }
            var li = lexicon.entityIndex(named: placeName)
            if let l = li, lexicon.entities[l].type != .place { continue }
            if li == nil, lexicon.demonyms[Document.k(placeName.lowercased())] != nil { li = nil }
            let b0 = Int(tokens[i].start)
            let pb = b0..<(b0 + placeName.utf8.count)
            let p = entity(surface: placeName, type: .place, strength: li == nil ? 1 : 3, lexiconIndex: li, bytes: pb, confidence: 0.7)
            guard entities[p].type == .place else { continue }
            addTriple(s.entity, .locatedIn, p, bytes: min(pb.lowerBound, s.bytes.lowerBound)..<max(pb.upperBound, s.bytes.upperBound), confidence: 0.8 * sentenceHedge * 0.9)
        }
    }
}
