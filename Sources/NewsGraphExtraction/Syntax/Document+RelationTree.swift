import NewsGraphCore

/// Tree helpers of the entity–entity relation rules: relation words, role nouns read over their compound
/// premodifiers, the entities a phrase designates for a relation, and the evidence span of a triple.
/// Parse tokens are indexes into `Document.syntax.tokens`.
extension Document {
    /// Whether parse token `p`'s lower-case word has the relation-word role.
    func isRelationWord(_ p: Int, _ role: RelationWords.Role) -> Bool {
        lexicon.relationWords.contains(lowerWord(p), as: role)
    }

    /// Whether document token `i` is a word of `role` among the relation words.
    func isRelationWord(atToken i: Int, _ role: RelationWords.Role) -> Bool {
        tokens[i].kind == .word && lexicon.relationWords.contains(lower(i), as: role)
    }

    /// Whether parse token `p` is whitespace (kept in the parse, left out of its printed forms).
    func isSpace(_ p: Int) -> Bool { syntax?.tokens[p].token.isSpace ?? false }

    /// The parse tokens of the current sentence.
    func sentenceParseTokens() -> Range<Int> { sentenceParse()?.tokens ?? 0..<0 }

    /// The role a noun states (the `role` records of the lexicons), read with its lower-case or title-case
    /// premodifiers: "Chief Minister" → leader_of, "senior commander" → member_of, "deputy spokesman" →
    /// spokesperson_of. A place-head word outside the role records ("governor") is a leader.
    func roleNoun(_ p: Int) -> TriplePredicate? {
        // (a noun, or a word the tagger took for an adjective in a noun's place: "director-general" as an apposition)
        guard let syntax, ["NOUN", "PROPN"].contains(syntax.tokens[p].pos) || ["appos", "attr", "pobj", "nsubj"].contains(label(p)) else { return nil }
        // (a word of an organisation's name is no role: "Joint Operations Command"; a title inside a person's mention is)
        guard mention(atParse: p).map({ entities[$0.entity].type == .person }) ?? true else { return nil }
        var start = p
        let sentence = sentenceParseTokens()
        // (hyphens included: "director-general")
        while start > sentence.lowerBound, p - start < 4, ["compound", "amod"].contains(label(start - 1)) || parseTag(start - 1) == "HYPH",
              treeHead(start - 1).map({ $0 > start - 1 && $0 <= p }) ?? false, mention(atParse: start - 1) == nil { start -= 1 }
        var phrase = ""
        for q in start...p {
            if q > start, parseTag(q) != "HYPH", parseTag(q - 1) != "HYPH" { phrase += " " }
            phrase += syntax.tokens[q].text
        }
        let toks = Tokenizer.tokenize(Array(phrase.utf8))
        var role: TriplePredicate? = isRelationWord(p, .placeHead) ? .leaderOf : nil
        for s in 0..<toks.count {
            if let m = lexicon.roles.match(toks, at: s, limit: toks.count), s + m.length == toks.count { role = m.value; break }
        }
        // "deputy governor", "vice president": a subordinate of the leader is a member
        if role == .leaderOf, (start..<p).contains(where: { isRelationWord($0, .subordinateModifier) }) { return .memberOf }
        return role
    }

    /// The named entities a phrase headed by `p` designates for a relation (generic designations left out):
    /// `entities(ofPhrase:)`, or, for a descriptive apposition ("the BLA, an insurgent group battling …"),
    /// the entities of the phrase it describes.
    func relationEntities(ofPhrase p: Int, generic: Bool = false) -> [Int] {
        let named = namedEntities(ofPhrase: p, generic: generic)
        if !named.isEmpty || mention(atParse: p) != nil { return named }
        if label(p) == "appos", let h = treeHead(p) { return namedEntities(ofPhrase: h, generic: generic) }
        // "the Front is a network that is closely linked to …": the complement of a copula describes its subject
        if label(p) == "attr", let v = treeHead(p), let s = treeChildren(v, ["nsubj"]).last, !lexicon.argumentWords.contains(lowerWord(s), as: .relativePronoun) {
            return namedEntities(ofPhrase: s, generic: generic)
        }
        // "the Front, an alliance of armed groups which fought …": a member phrase of a descriptive apposition
        if label(p) == "pobj", let prep = treeHead(p), lowerWord(prep) == "of", let n = treeHead(prep), label(n) == "appos", mention(atParse: n) == nil,
           let h = treeHead(n) {
            return namedEntities(ofPhrase: h, generic: generic)
        }
        return []
    }

    /// The entities of a phrase and its conjuncts (`entity(ofPhrase:depth:)`), leaving out generic designations
    /// (unless `generic`: "Police spokesperson X" speaks for the police) and a conjunct that holds a role of its
    /// own ("US President Trump and Russian President Putin").
    func namedEntities(ofPhrase p: Int, generic: Bool = false) -> [Int] {
        guard let syntax else { return [] }
        var out: [Int] = []
        for c in syntax.conjuncts(of: p) where c == p || syntax.tokens[c].label == "conj" {
            if c != p, roleNoun(c) != nil || treeChildren(c, ["compound"]).contains(where: { roleNoun($0) != nil }) { continue }
            if let e = entity(ofPhrase: c, depth: 0), generic || !entities[e].generic, !out.contains(e) { out.append(e) }
        }
        return out
    }

    /// The last mention of the sentence that ends before parse token `p` and satisfies `accept`.
    func mention(beforeParse p: Int, where accept: (Mention) -> Bool) -> Mention? {
        guard let syntax else { return nil }
        let start = syntax.tokens[p].start
        return mentions.last { scalarOffset($0.bytes.upperBound) <= start && sentenceRange.contains($0.tokens.lowerBound) && accept($0) }
    }

    /// The objects of the prepositions of `p` whose word has `role`.
    func relationPrepositionObjects(of p: Int, _ role: RelationWords.Role) -> [Int] {
        var out: [Int] = []
        for prep in treeChildren(p, ["prep", "agent"]) where isRelationWord(prep, role) {
            out += treeChildren(prep, ["pobj", "pcomp"])
        }
        return out
    }

    /// Whether the verb or adjective `v` is negated ("did not accuse", "never threatened").
    func isNegated(_ v: Int) -> Bool {
        !treeChildren(v, ["neg"]).isEmpty || treeHead(v).map { label(v) == "xcomp" && !treeChildren($0, ["neg"]).isEmpty } ?? false
    }

    /// The bytes of a triple's evidence: from the first to the last mention covering one of the parse tokens,
    /// else the sentence.
    func relationBytes(_ ps: [Int]) -> Range<Int> {
        let spans = ps.compactMap { mention(atParse: $0)?.bytes }
        if let lo = spans.map(\.lowerBound).min(), let hi = spans.map(\.upperBound).max() { return lo..<hi }
        let r = sentenceRange
        return Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end)
    }

    /// Adds `s p o` for every subject and object of a rule, with the rule's evidence tokens.
    func addRelation(_ subjects: [Int], _ p: TriplePredicate, _ objects: [Int], evidence: [Int], factor: Double = 1, negated: Bool = false) {
        let conf = 0.8 * sentenceHedge * factor
        let bytes = relationBytes(evidence)
        for s in subjects {
            for o in objects where s != o {
                addTriple(s, relationPredicate(p, s, o), o, factuality: negated ? .denied : .asserted, bytes: bytes, confidence: conf)
            }
        }
    }
}
