/// The tree helpers extraction rules are written with: children by label, subtrees, paths, governing
/// verbs, conjuncts, and the token at a character offset. Indexes are into `tokens`.
extension ParsedText {
    /// The children of token `i`, in text order.
    public func children(of i: Int) -> ArraySlice<Int> {
        guard tokens.indices.contains(i) else { return [] }
        return childList[childStart[i]..<childStart[i + 1]]
    }

    /// The children of token `i` whose label is one of `labels` ("nsubj", "dobj", …), in text order.
    public func children(of i: Int, labeled labels: Set<String>) -> [Int] {
        children(of: i).filter { labels.contains(tokens[$0].label) }
    }

    /// The first child of `i` with one of `labels`, if any.
    public func child(of i: Int, labeled labels: Set<String>) -> Int? {
        children(of: i).first { labels.contains(tokens[$0].label) }
    }

    /// The head of `i`, or nil for a root.
    public func head(of i: Int) -> Int? {
        guard tokens.indices.contains(i) else { return nil }
        let h = tokens[i].head
        return h == i ? nil : h
    }

    /// The nearest of `i`'s head and its ancestors that is not whitespace, or nil if the chain ends in a
    /// whitespace root (or `i` is a root). Output formats, which leave whitespace tokens out, attach to it.
    public func nonSpaceHead(of i: Int) -> Int? {
        var h = head(of: i)
        var steps = 0
        while let cur = h, tokens[cur].token.isSpace, steps < tokens.count {
            h = head(of: cur)
            steps += 1
        }
        return h.flatMap { tokens[$0].token.isSpace ? nil : $0 }
    }

    /// The ancestors of `i`, nearest first (its head, the head's head, …, the root).
    public func ancestors(of i: Int) -> [Int] {
        var out: [Int] = []
        var cur = i
        while let h = head(of: cur), out.count < tokens.count {
            out.append(h)
            cur = h
        }
        return out
    }

    /// The first and last token index of the subtree of `i` (its descendants and itself).
    public func subtree(of i: Int) -> ClosedRange<Int> {
        var lo = i, hi = i
        var stack = [i]
        var seen = 0
        while let n = stack.popLast(), seen <= tokens.count {
            seen += 1
            lo = min(lo, n)
            hi = max(hi, n)
            stack.append(contentsOf: children(of: n))
        }
        return lo...hi
    }

    /// The character span (scalar offsets, end exclusive) of the subtree of `i`.
    public func span(ofSubtree i: Int) -> Range<Int> {
        let r = subtree(of: i)
        return tokens[r.lowerBound].start..<tokens[r.upperBound].end
    }

    /// The tokens on the tree path from `a` to `b`, both included: up from `a` to their lowest common
    /// ancestor, then down to `b`. Nil when they are in different sentences.
    public func path(from a: Int, to b: Int) -> [Int]? {
        let upA = [a] + ancestors(of: a)
        let upB = [b] + ancestors(of: b)
        let inB = Dictionary(upB.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (ia, n) in upA.enumerated() {
            if let ib = inB[n] {
                return Array(upA[0...ia]) + upB[0..<ib].reversed()
            }
        }
        return nil
    }

    /// The nearest verb governing `i` (itself if it is one): the first of it and its ancestors tagged
    /// VERB or AUX.
    public func governingVerb(of i: Int) -> Int? {
        ([i] + ancestors(of: i)).first { tokens[$0].pos == "VERB" || tokens[$0].pos == "AUX" }
    }

    /// The members of the coordination `i` belongs to, in text order, `i` included: the first conjunct
    /// and every `conj` below it ("the army, the police and militias" → army, police, militias).
    public func conjuncts(of i: Int) -> [Int] {
        var first = i
        while tokens[first].label == "conj", let h = head(of: first) { first = h }
        var out = [first]
        var stack = [first]
        while let n = stack.popLast(), out.count <= tokens.count {
            for c in children(of: n) where tokens[c].label == "conj" {
                out.append(c)
                stack.append(c)
            }
        }
        return out.sorted()
    }

    /// The index of the token covering the character (scalar) offset, or nil between tokens.
    public func token(at offset: Int) -> Int? {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < tokens.count && tokens[lo].start <= offset ? lo : nil
    }

    /// The indexes of the tokens overlapping the character span.
    public func tokens(in span: Range<Int>) -> Range<Int> {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].end <= span.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < tokens.count && tokens[end].start < span.upperBound { end += 1 }
        return lo..<end
    }
}
