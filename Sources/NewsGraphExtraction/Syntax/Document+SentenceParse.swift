import NewsGraphSyntax

/// The dependency parse of the current sentence as the rules see it: which entity mention each parse token
/// belongs to, and the tree helpers the argument and relation rules are written with. Parse tokens are
/// indexes into `Document.syntax.tokens`.
struct SentenceParse {
    /// The parse tokens of the sentence.
    var tokens: Range<Int>
    /// For each parse token of `tokens`, the index in `Document.mentions` of the mention covering it, or -1.
    var mentionOf: [Int]
    /// `mentions.count` when `mentionOf` was filled (mentions found later are mapped on demand).
    var mentionCount: Int
    /// Each parse token's text in lower case (the rules compare words many times per sentence).
    var lower: [String]
    /// Each parse token's document token (the one starting at the same character), or -1.
    var documentTokenOf: [Int]
}

extension Document {
    /// The longest sentence (in parse tokens) the tree rules read: longer "sentences" are tables, lists or run-on
    /// text whose parse says little, and some repairs look at every token (bounded time on hostile input).
    static let maxParsedSentenceTokens = 300

    /// The parse of the current sentence with its mentions mapped, built on first use in each sentence and
    /// rebuilt when mentions were added since; nil for a sentence longer than `maxParsedSentenceTokens`.
    func sentenceParse() -> SentenceParse? {
        guard let syntax, !sentenceRange.isEmpty else { return nil }
        if var cached = currentParse {
            if cached.mentionCount == mentions.count { return cached }
            cached.mentionOf = mentionMap(cached.tokens)
            cached.mentionCount = mentions.count
            currentParse = cached
            return cached
        }
        let r = sentenceRange
        let span = scalarOffset(Int(tokens[r.lowerBound].start))..<scalarOffset(Int(tokens[r.upperBound - 1].end))
        let ps = syntax.tokens(in: span)
        guard ps.count <= Document.maxParsedSentenceTokens else { return nil }
        // document tokens and parse tokens both in text order: one merge pass pairs those that start together
        var documentTokenOf = [Int](repeating: -1, count: ps.count)
        var d = r.lowerBound
        for p in ps {
            let start = syntax.tokens[p].start
            while d < r.upperBound, scalarOffset(Int(tokens[d].start)) < start { d += 1 }
            if d < r.upperBound, scalarOffset(Int(tokens[d].start)) == start { documentTokenOf[p - ps.lowerBound] = d }
        }
        let parse = SentenceParse(tokens: ps, mentionOf: mentionMap(ps), mentionCount: mentions.count,
                                  lower: ps.map { syntax.tokens[$0].text.lowercased() }, documentTokenOf: documentTokenOf)
        currentParse = parse
        return parse
    }

    /// For each parse token of `ps`, the index of the mention covering it, or -1.
    func mentionMap(_ ps: Range<Int>) -> [Int] {
        guard let syntax else { return [] }
        var mentionOf = [Int](repeating: -1, count: ps.count)
        for (mi, m) in mentions.enumerated() {
            let ms = scalarOffset(m.bytes.lowerBound)..<scalarOffset(m.bytes.upperBound)
            for p in syntax.tokens(in: ms) where ps.contains(p) && mentionOf[p - ps.lowerBound] < 0 {
                mentionOf[p - ps.lowerBound] = mi
            }
        }
        return mentionOf
    }

    /// The document token at the start of parse token `p` in the current sentence.
    func documentToken(ofParse p: Int) -> Int? {
        guard let sp = sentenceParse(), sp.tokens.contains(p) else { return nil }
        let d = sp.documentTokenOf[p - sp.tokens.lowerBound]
        return d >= 0 ? d : nil
    }

    /// The mention covering parse token `p` in the current sentence.
    func mention(atParse p: Int) -> Mention? {
        guard let sp = sentenceParse(), sp.tokens.contains(p) else { return nil }
        let mi = sp.mentionOf[p - sp.tokens.lowerBound]
        return mi >= 0 ? mentions[mi] : nil
    }

    /// The place mention at parse token `p`, also when a longer mention holds it ("Tarvek" in "a mosque in Tarvek").
    func placeMention(atParse p: Int) -> Mention? {
        if let m = mention(atParse: p), entities[m.entity].type == .place { return m }
        guard let t = documentToken(ofParse: p) else { return nil }
        return mentions.filter { $0.tokens.contains(t) && entities[$0.entity].type == .place }.min { $0.tokens.count < $1.tokens.count }
    }

    /// The syntactic head of document tokens `r`: the parse token in their span whose head lies outside it
    /// ("suicide attack" → attack, "opened fire on" → opened).
    func parseHead(of r: Range<Int>) -> Int? {
        guard let syntax, let sp = sentenceParse(), !r.isEmpty else { return nil }
        let span = scalarOffset(Int(tokens[r.lowerBound].start))..<scalarOffset(Int(tokens[r.upperBound - 1].end))
        let ps = syntax.tokens(in: span).clamped(to: sp.tokens)
        let heads = ps.filter { p in syntax.head(of: p).map { !ps.contains($0) } ?? true }
        // "drone and missile barrage": of several tokens attached outside, the one that is not a modifier
        return heads.first { !["compound", "nmod", "amod", "conj", "det", "punct", "cc"].contains(label($0)) } ?? heads.last
    }

    // MARK: tree helpers

    func label(_ p: Int) -> String { syntax?.tokens[p].label ?? "" }

    func lowerWord(_ p: Int) -> String {
        if let sp = currentParse, sp.tokens.contains(p) { return sp.lower[p - sp.tokens.lowerBound] }
        return syntax?.tokens[p].text.lowercased() ?? ""
    }

    /// The trigger a parse token's word is, by itself ("attack", "condemned"), read on the document tokens.
    func triggerWord(_ p: Int) -> TriggerInfo? {
        guard let d = documentToken(ofParse: p), let m = lexicon.triggers.match(tokens, at: d, limit: d + 1), m.length == 1 else { return nil }
        return m.value
    }

    func parseTag(_ p: Int) -> String { syntax?.tokens[p].tag ?? "" }

    func treeHead(_ p: Int) -> Int? { syntax?.head(of: p) }

    func treeChildren(_ p: Int, _ labels: Set<String>) -> [Int] { syntax?.children(of: p, labeled: labels) ?? [] }

    /// Whether document token `i` is a verb in the parse (nil when the sentence has no parse).
    func isVerb(atToken i: Int) -> Bool? {
        parseTokens(ofToken: i).map { isVerb($0.lowerBound) }
    }

    /// Whether document token `i` is an adjective in the parse ("deplorable", "unacceptable").
    func isAdjective(atToken i: Int) -> Bool {
        parseTokens(ofToken: i).map { parseTag($0.lowerBound).hasPrefix("JJ") } ?? false
    }

    /// Whether parse token `p` heads a verb phrase (a verb, or an auxiliary used as one).
    func isVerb(_ p: Int) -> Bool {
        guard let t = syntax?.tokens[p] else { return false }
        return t.pos == "VERB" || (t.pos == "AUX" && treeChildren(p, ["nsubj", "dobj"]).count > 0)
    }

    /// Whether verb `v` is passive: a passive subject or auxiliary, or a past participle modifying a noun
    /// ("soldiers killed in the ambush", "a statement issued by the ISPR").
    func isPassive(_ v: Int) -> Bool {
        // (a participle with a direct object is active whatever its tag: "the group, …, killed 40 villagers")
        !treeChildren(v, ["nsubjpass", "auxpass", "csubjpass"]).isEmpty || (label(v) == "acl" && parseTag(v) == "VBN" && treeChildren(v, ["dobj"]).isEmpty)
    }

    /// The objects of the "of" phrases attached to `p`: "the port city of Varnok" → [Varnok].
    func ofObjects(of p: Int) -> [Int] {
        treeChildren(p, ["prep"]).filter { wordKey($0) == w.ofKey }.flatMap { treeChildren($0, ["pobj"]) }
    }

    /// The words of prepositions attached to `p` that belong to `role`, each with its object:
    /// "an attack on the camp" → [camp] for `.targetPreposition`.
    func prepositionObjects(of p: Int, _ role: ArgumentWords.Role) -> [Int] {
        var out: [Int] = []
        for prep in treeChildren(p, ["prep", "agent"]) where lexicon.argumentWords.contains(lowerWord(prep), as: role) {
            out += treeChildren(prep, ["pobj", "pcomp"])
        }
        return out
    }

    /// "the arrest in Varnok", "a commander in Varnok": the named places of `p`'s place phrases, where the parser
    /// often hangs what belongs to `p` itself (an "of" phrase, an apposition).
    func namedPlaces(after p: Int) -> [Int] {
        prepositionObjects(of: p, .placePreposition).filter { o in mention(atParse: o).map { entities[$0.entity].type == .place } ?? false }
    }

    /// The subject that carries out verb `v`: its `nsubj`; through a coordination or an open clause, the
    /// subject of the verb it depends on ("militants stormed the post and killed two guards"); for a relative
    /// clause, the noun the clause modifies ("the group, which attacked the post").
    ///
    /// "Gunmen stormed the village and abducted 20 people" → Gunmen (for "abducted").
    func actingSubject(of v: Int, depth: Int = 0) -> Int? {
        guard depth < 4 else { return nil }
        // (the subject nearest the verb: a dateline or a heading the parser took for a subject comes first)
        if let s = treeChildren(v, ["nsubj"]).last {
            if lexicon.argumentWords.contains(lowerWord(s), as: .relativePronoun), ["relcl", "acl"].contains(label(v)) { return treeHead(v) }
            return s
        }
        guard let h = treeHead(v) else { return nil }
        // "The KIA said the strike was carried out … and accused the military of …": a statement verb the
        // parser coordinated inside the reported clause shares the reporting verb's subject
        if label(v) == "conj", triggerWord(v)?.type == .statement,
           label(h) == "ccomp", let say = treeHead(h), lexicon.argumentWords.contains(lowerWord(say), as: .speechVerb) {
            return actingSubject(of: say, depth: depth + 1)
        }
        switch label(v) {
        case "conj" where isVerb(h) && !isPassive(h): return actingSubject(of: h, depth: depth + 1)
        case "xcomp": return actingSubject(of: h, depth: depth + 1)
        case "relcl": return h
        case "acl" where parseTag(v) == "VBG" || !isPassive(v): return h // "militants attacking the post"
        case "advcl" where parseTag(v) == "VBG" && !isPassive(h): return absoluteSubject(of: v, under: h) ?? actingSubject(of: h, depth: depth + 1)
        case "conj" where isPassive(h): return strandedActor(of: v)
        default: return nil
        }
    }

    /// "The attack drew condemnation, with the Olem and Kessa presidents both denouncing the violence": in a
    /// with-absolute, the parser hangs the participle on the main verb and its subject on "with"; the object of
    /// that "with", told between the main verb and the participle, acts.
    func absoluteSubject(of v: Int, under h: Int) -> Int? {
        treeChildren(h, ["prep"]).filter { $0 < v && lexicon.argumentWords.contains(lowerWord($0), as: .absolutePreposition) }
            .flatMap { treeChildren($0, ["pobj"]) }.last { $0 < v }
    }

    /// The subject of an active verb the parser coordinated with a passive one, its real subject left on a
    /// participle before it: "eighteen people were killed when militiamen of the group armed with rifles
    /// attacked the site" parses "militiamen" as the subject of "armed" and "attacked" as a conjunct of
    /// "killed". The subject is that of the nearest participle between, when the participle has no object.
    func strandedActor(of v: Int) -> Int? {
        guard let syntax, let sp = sentenceParse() else { return nil }
        for s in stride(from: v - 1, through: sp.tokens.lowerBound, by: -1) where label(s) == "nsubj" {
            guard let h = treeHead(s), h > s, h < v, ["VBN", "VBG"].contains(syntax.tokens[h].tag), treeChildren(h, ["dobj"]).isEmpty else { return nil }
            return s
        }
        return nil
    }

    /// The one acted on by a passive verb `v`: its passive subject, or the noun a participle modifies
    /// ("three soldiers were killed", "soldiers killed in the ambush").
    func passiveSubject(of v: Int) -> Int? {
        if let s = treeChildren(v, ["nsubjpass"]).first {
            if lexicon.argumentWords.contains(lowerWord(s), as: .relativePronoun), label(v) == "relcl" { return treeHead(v) }
            return s
        }
        if label(v) == "acl" || label(v) == "relcl", let h = treeHead(v) { return h }
        if label(v) == "conj", let h = treeHead(v), isPassive(h) { return passiveSubject(of: h) }
        return strandedSubject(of: v)
    }

    /// The subject of a passive clause the parser split off: "Tension gripped the town after a farmer, identified
    /// as X, was shot dead" parses "was shot" as a clause of its own, its subject left inside the phrase before
    /// it. That phrase is the noun phrase ending right before the clause (a comma between them).
    func strandedSubject(of v: Int) -> Int? {
        guard let syntax, !treeChildren(v, ["auxpass"]).isEmpty, ["conj", "ROOT", "ccomp"].contains(label(v)) else { return nil }
        var start = syntax.subtree(of: v).lowerBound
        while start > 0, syntax.tokens[start - 1].pos == "PUNCT" { start -= 1 }
        guard start > 0, let sp = sentenceParse(), sp.tokens.contains(start - 1) else { return nil }
        // the highest noun whose phrase ends there, that is no verb's subject already
        var candidate: Int? = nil
        for n in sp.tokens where n < start && ["NOUN", "PROPN"].contains(syntax.tokens[n].pos) && ["pobj", "dobj", "appos"].contains(label(n)) {
            var end = syntax.subtree(of: n).upperBound
            while end > n, syntax.tokens[end].pos == "PUNCT" { end -= 1 }
            if end == start - 1 || (end < start && (end + 1..<start).allSatisfy { syntax.tokens[$0].pos == "PUNCT" }) {
                if candidate == nil || syntax.subtree(of: n).lowerBound < syntax.subtree(of: candidate!).lowerBound { candidate = n }
            }
        }
        return candidate
    }

    /// The `by` phrase of a passive verb or of a noun: "was carried out by the BLA", "a raid by the army".
    /// For a passive verb, also a `by` phrase the parser hung on a noun of the verb's own prepositional
    /// phrases: "was gunned down along with other militants by security forces".
    func byPhraseObjects(of p: Int) -> [Int] {
        var out: [Int] = []
        for a in treeChildren(p, ["agent"]) { out += treeChildren(a, ["pobj"]) }
        out += prepositionObjects(of: p, .agentPreposition)
        if out.isEmpty, isVerb(p), isPassive(p) {
            // down the verb's prepositional phrases (prep → pobj → prep …), nearest first
            var frontier = treeChildren(p, ["prep"])
            for _ in 0..<6 where out.isEmpty && !frontier.isEmpty {
                // (not into another event's phrase: "carried out in response to the attacks by the AA")
                frontier = frontier.flatMap { treeChildren($0, ["pobj", "prep", "pcomp"]) }.filter { triggerWord($0) == nil }
                for n in frontier { out += prepositionObjects(of: n, .agentPreposition) }
            }
        }
        return out
    }
}
