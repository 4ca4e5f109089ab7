extension SyntaxTokenizer {
    /// spaCy's final special-case pass (`_apply_special_cases`) over the whole token list.
    ///
    /// A PhraseMatcher finds token sequences that the affix rules cut out of a special case containing an
    /// affix (":)" in "x:)", "'s"…): it compares token texts only, so it also matches across whitespace.
    /// `_filter_special_spans` keeps the longest, then leftmost, spans whose first and last tokens no earlier
    /// span covered (every span covers its tokens, kept or not). A kept span whose text is the special case
    /// (no whitespace inside) is replaced by the special case's tokens, with their NORMs.
    ///
    /// `candidates` are the indices of the tokens whose text starts some matcher pattern, in order.
    func applySpecialMatcher(_ tokens: inout [SyntaxToken], candidates: [Int]) {
        guard !candidates.isEmpty else { return }
        var matches: [(start: Int, end: Int, key: String)] = []
        for i in candidates {
            guard let rules = rules.matcherByFirstToken[tokens[i].text] else { continue }
            for rule in rules where i + rule.tokens.count <= tokens.count {
                var k = 1
                while k < rule.tokens.count && tokens[i + k].text == rule.tokens[k] { k += 1 }
                if k == rule.tokens.count { matches.append((i, i + k, rule.key)) }
            }
        }
        guard !matches.isEmpty else { return }
        matches.sort { a, b in
            let la = a.end - a.start
            let lb = b.end - b.start
            return la != lb ? la > lb : a.start < b.start
        }
        var seen = Set<Int>()
        var kept: [(start: Int, end: Int, key: String)] = []
        for m in matches {
            if !seen.contains(m.start) && !seen.contains(m.end - 1) { kept.append(m) }
            for t in m.start..<m.end { seen.insert(t) }
        }
        kept.sort { $0.start < $1.start }
        // Replace from the right so that earlier indices stay valid.
        for m in kept.reversed() {
            guard (m.start..<(m.end - 1)).allSatisfy({ !tokens[$0].spaceAfter }),
                let rule = rules.specials[m.key]
            else { continue }
            var at = tokens[m.start].start
            var replacement: [SyntaxToken] = []
            for piece in rule {
                replacement.append(specialToken(piece, at: at, spaceAfter: false))
                at += piece.length
            }
            replacement[replacement.count - 1].spaceAfter = tokens[m.end - 1].spaceAfter
            tokens.replaceSubrange(m.start..<m.end, with: replacement)
        }
    }

    /// The token of one piece of a special case.
    @inline(__always)
    func specialToken(_ piece: SpecialPiece, at start: Int, spaceAfter: Bool) -> SyntaxToken {
        SyntaxToken(
            text: piece.orth, start: start, end: start + piece.length, spaceAfter: spaceAfter,
            isSpace: piece.isSpace, norm: piece.norm ?? rules.lexemeNorm(piece.orth))
    }
}
