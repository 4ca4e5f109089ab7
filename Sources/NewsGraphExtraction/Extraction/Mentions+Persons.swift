import NewsGraphCore

/// Person evidence inside and around a capitalised name: a title within the span, a role noun in apposition.
extension Document {
    /// "Vestrian Defence Minister Aldo Brenn", "Army Corps General Tomas Ruel": a title inside a capitalised span
    /// ends what comes before it (a demonym, a force, a ministry); the capitalised words after the last title are
    /// the person's name. Nil when no title is followed by one to three plain capitalised words. `titleStart` is
    /// where the run of titles begins ("Defence Minister" is one title).
    func titledName(_ r: Range<Int>) -> (name: Range<Int>, titleStart: Int)? {
        // titles may overlap ("Army Chief" and "Chief of Staff"): the name starts after the furthest title end
        var nameStart: Int? = nil
        var titleStart = r.lowerBound
        for k in r.lowerBound..<(r.upperBound - 1) where tokens[k].capitalized {
            guard let t = lexicon.titles.match(tokens, at: k, limit: r.upperBound - 1) else { continue }
            if nameStart.map({ k > $0 }) ?? true { titleStart = k }
            nameStart = max(nameStart ?? 0, k + t.length)
        }
        guard let n = nameStart, n > r.lowerBound, (1...3).contains(r.upperBound - n) else { return nil }
        for j in n..<r.upperBound {
            guard tokens[j].capitalized, !tokens[j].allCaps, !lexicon.weak.contains(key(j)), !lexicon.stops.contains(key(j)),
                  lexicon.heads.match(tokens, at: j, limit: r.upperBound) == nil, j > n || lexicon.demonyms[key(j)] == nil,
                  lexicon.titles.match(tokens, at: j, limit: j + 1) == nil else { return nil }
        }
        if let m = lexiconMatch(n, r.upperBound), lexicon.entities[m.value.entity].type != .person { return nil }
        return (n..<r.upperBound, titleStart)
    }

    /// "Tomas Ruel, a spokesman for the front, said …", "the governor of the region, Tomas Ruel, said …": the parse
    /// puts a role noun, a title or a person cue in apposition to the name, or the name in apposition to one.
    func hasRoleApposition(_ r: Range<Int>) -> Bool {
        guard syntax != nil, let h = parseHead(of: r) else { return false }
        for a in treeChildren(h, ["appos"]) where isPersonNoun(a) { return true }
        // "the governor of the northern region, Tomas Ruel": the apposition may hang on the governor's complement
        if label(h) == "appos", var g = treeHead(h) {
            for _ in 0..<4 {
                if isPersonNoun(g) { return true }
                guard ["pobj", "prep", "poss"].contains(label(g)), let up = treeHead(g) else { break }
                g = up
            }
        }
        return false
    }

    /// Whether parse token `p` is a singular role noun, title or person cue ("spokesman", "governor", "farmer";
    /// not "members": one person is not a plural).
    func isPersonNoun(_ p: Int) -> Bool {
        guard parseTag(p) != "NNS", parseTag(p) != "NNPS" else { return false }
        let toks = Tokenizer.tokenize(Array(lowerWord(p).utf8))
        guard !toks.isEmpty else { return false }
        return lexicon.roles.contains(toks, at: 0, limit: toks.count) || lexicon.personCues.contains(toks, at: 0, limit: toks.count)
            || lexicon.titles.contains(toks, at: 0, limit: toks.count)
    }
}
