import NewsGraphCore

/// Person evidence inside and around a capitalised name: a title within the span, a role noun in apposition.
extension Document {
    /// "Vestrian Defence Minister Aldo Brenn", "Army Corps General Tomas Ruel": a title inside a capitalised span
    /// ends what comes before it (a demonym, a force, a ministry); the capitalised words after the last title are
    /// the person's name. Nil when no title is followed by one to three plain capitalised words. `titleStart` is
    /// where the run of titles begins ("Defence Minister" is one title).
    func titledName(_ r: Range<Int>) -> (name: Range<Int>, titleStart: Int)? {
        var nameStart: Int? = nil
        var titleStart = r.lowerBound
        var k = r.lowerBound
        while k < r.upperBound - 1 {
            if let t = lexicon.titles.match(tokens, at: k, limit: r.upperBound - 1), tokens[k].capitalized {
                if nameStart != k { titleStart = k }
                k += t.length
                nameStart = k
            } else {
                k += 1
            }
        }
        guard let n = nameStart, n > r.lowerBound, (1...3).contains(r.upperBound - n) else { return nil }
        // the words before the last title must hold a title not at the span's start ("General X" is the
        // existing title rule's), or a demonym or force before it
        for j in n..<r.upperBound {
            guard tokens[j].capitalized, !tokens[j].allCaps, !lexicon.weak.contains(key(j)), !lexicon.stops.contains(key(j)),
                  lexicon.heads.match(tokens, at: j, limit: r.upperBound) == nil, lexicon.demonyms[key(j)] == nil,
                  lexicon.titles.match(tokens, at: j, limit: j + 1) == nil else { return nil }
        }
        if let m = lexiconMatch(n, r.upperBound), lexicon.entities[m.value.entity].type != .person { return nil }
        return (n..<r.upperBound, titleStart)
    }

    /// "Tomas Ruel, a spokesman for the front, said …": the parse puts a role noun or a person cue in apposition
    /// to the name.
    func hasRoleApposition(_ r: Range<Int>) -> Bool {
        guard syntax != nil, let h = parseHead(of: r) else { return false }
        for a in treeChildren(h, ["appos"]) {
            let toks = Tokenizer.tokenize(Array(lowerWord(a).utf8))
            if lexicon.roles.contains(toks, at: 0, limit: toks.count) || lexicon.personCues.contains(toks, at: 0, limit: toks.count) { return true }
        }
        return false
    }
}
