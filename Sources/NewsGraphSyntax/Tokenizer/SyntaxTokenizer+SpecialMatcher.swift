extension SyntaxTokenizer {
    /// spaCy's final special-case pass (`_apply_special_cases`): a PhraseMatcher finds token sequences that the
    /// affix rules cut out of a special case containing an affix (":)" after "x:)", "'s"…), keeps the longest,
    /// leftmost, non-overlapping ones, and puts the special case's tokens (with their NORMs) in their place.
    ///
    /// Done per chunk: a special case holds no whitespace (save " ", which is unchanged by the pass), so a
    /// replaced span never crosses a chunk's edge, and inside a chunk the tokens' texts join without gaps.
    func applySpecialMatcher(_ s: [Unicode.Scalar], _ pieces: [ChunkPiece]) -> [ChunkPiece] {
        let matcher = rules.matcherByFirstToken
        var texts: [String]?
        var matches: [(start: Int, end: Int, key: String)] = []
        for i in pieces.indices {
            let first = text(s, pieces[i])
            guard let candidates = matcher[first] else { continue }
            let all = texts ?? pieces.map { text(s, $0) }
            texts = all
            for rule in candidates where i + rule.tokens.count <= pieces.count {
                if zip(rule.tokens, all[i..<(i + rule.tokens.count)]).allSatisfy({ $0 == $1 }) {
                    matches.append((i, i + rule.tokens.count, rule.key))
                }
            }
        }
        guard !matches.isEmpty else { return pieces }
        // _filter_special_spans: longest first, then leftmost; a span is kept when neither its first nor its
        // last token was seen; every span's tokens are marked seen, kept or not.
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
        var out: [ChunkPiece] = []
        var i = 0
        var next = 0
        while i < pieces.count {
            guard next < kept.count, kept[next].start == i else {
                out.append(pieces[i])
                i += 1
                continue
            }
            let m = kept[next]
            next += 1
            guard let rule = rules.specials[m.key] else {
                out.append(contentsOf: pieces[m.start..<m.end])
                i = m.end
                continue
            }
            var at = pieces[m.start].start
            for piece in rule {
                out.append(ChunkPiece(start: at, end: at + piece.length, norm: piece.norm))
                at += piece.length
            }
            i = m.end
        }
        return out
    }

    @inline(__always)
    private func text(_ s: [Unicode.Scalar], _ piece: ChunkPiece) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[piece.start..<piece.end])
        return String(view)
    }
}
