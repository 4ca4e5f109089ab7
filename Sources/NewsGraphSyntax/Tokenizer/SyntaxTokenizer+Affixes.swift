import Foundation

/// A token of one whitespace-delimited chunk: scalar offsets relative to the chunk, and a special case's NORM.
struct ChunkPiece: Sendable {
    var start: Int
    var end: Int
    var norm: String?
}

extension SyntaxTokenizer {
    /// Prefix and suffix searches look at this many scalars at the chunk's edge, then at all of it only when
    /// the match reaches the window's inner edge (spaCy's affix patterns are short, save `..+` runs).
    static let affixWindow = 24
    /// Matches this close to a window's inner edge may depend on context outside it: searched again in full.
    static let affixMargin = 8

    /// spaCy's `_split_affixes` then `_attach_tokens` for one chunk that is not a special case.
    func splitChunk(_ s: [Unicode.Scalar]) -> [ChunkPiece] {
        var lo = 0
        var hi = s.count
        var prefixes: [ChunkPiece] = []
        var suffixes: [ChunkPiece] = []
        var lastSize = 0
        while hi > lo && hi - lo != lastSize {
            if let tokenMatch = rules.patterns.tokenMatch, ScalarText(s[lo..<hi]).firstMatch(tokenMatch, anchored: true) != nil {
                break
            }
            if special(s, lo, hi) != nil { break }
            lastSize = hi - lo
            let pre = prefixLength(s, lo, hi)
            if pre != 0 && lo + pre < hi && special(s, lo + pre, hi) != nil {
                prefixes.append(ChunkPiece(start: lo, end: lo + pre, norm: nil))
                lo += pre
                break
            }
            let suf = suffixLength(s, lo + pre, hi)
            if suf != 0 && hi - suf > lo && special(s, lo, hi - suf) != nil {
                suffixes.append(ChunkPiece(start: hi - suf, end: hi, norm: nil))
                hi -= suf
                break
            }
            if pre != 0 && suf != 0 && pre + suf <= hi - lo {
                prefixes.append(ChunkPiece(start: lo, end: lo + pre, norm: nil))
                suffixes.append(ChunkPiece(start: hi - suf, end: hi, norm: nil))
                lo += pre
                hi -= suf
            } else if pre != 0 {
                prefixes.append(ChunkPiece(start: lo, end: lo + pre, norm: nil))
                lo += pre
            } else if suf != 0 {
                suffixes.append(ChunkPiece(start: hi - suf, end: hi, norm: nil))
                hi -= suf
            }
        }
        var pieces = prefixes
        if hi > lo { attachMiddle(s, lo, hi, into: &pieces) }
        pieces.append(contentsOf: suffixes.reversed())
        return pieces
    }

    /// `_attach_tokens` for what the affixes leave: a special case, a token or URL match, or infix splits.
    private func attachMiddle(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int, into pieces: inout [ChunkPiece]) {
        if let rule = special(s, lo, hi) {
            var at = lo
            for piece in rule {
                pieces.append(ChunkPiece(start: at, end: at + piece.length, norm: piece.norm))
                at += piece.length
            }
            return
        }
        let needsURL = rules.patterns.urlMatch != nil && (rules.urlRequiredChar.map { s[lo..<hi].contains($0) } ?? true)
        let needsInfix = s[lo..<hi].contains(where: rules.infixFirstChars.contains)
        guard rules.patterns.tokenMatch != nil || needsURL || needsInfix else {
            pieces.append(ChunkPiece(start: lo, end: hi, norm: nil))
            return
        }
        let text = ScalarText(s[lo..<hi])
        if let tokenMatch = rules.patterns.tokenMatch, text.firstMatch(tokenMatch, anchored: true) != nil {
            pieces.append(ChunkPiece(start: lo, end: hi, norm: nil))
            return
        }
        if needsURL, let urlMatch = rules.patterns.urlMatch, text.firstMatch(urlMatch, anchored: true) != nil {
            pieces.append(ChunkPiece(start: lo, end: hi, norm: nil))
            return
        }
        guard needsInfix else {
            pieces.append(ChunkPiece(start: lo, end: hi, norm: nil))
            return
        }
        var start = 0
        for match in text.allMatches(rules.patterns.infix) {
            if match.lowerBound == 0 { continue }
            if match.lowerBound != start {
                pieces.append(ChunkPiece(start: lo + start, end: lo + match.lowerBound, norm: nil))
            }
            if !match.isEmpty {
                pieces.append(ChunkPiece(start: lo + match.lowerBound, end: lo + match.upperBound, norm: nil))
            }
            start = match.upperBound
        }
        if lo + start < hi {
            pieces.append(ChunkPiece(start: lo + start, end: hi, norm: nil))
        }
    }

    /// The special case for `s[lo..<hi]`, if any.
    @inline(__always)
    func special(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> [SpecialPiece]? {
        guard hi - lo <= rules.maxSpecialLength else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[lo..<hi])
        return rules.specials[String(view)]
    }

    /// `find_prefix`: the length of the prefix match at the start of `s[lo..<hi]`, 0 if none. Only the
    /// alternatives that can start with the first character are tried.
    func prefixLength(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Int {
        guard hi > lo, let regex = rules.prefixes.regex(for: s[lo]) else { return 0 }
        let window = Self.affixWindow
        if hi - lo > window {
            let match = ScalarText(s[lo..<(lo + window)]).firstMatch(regex, anchored: true)
            if let match, match.upperBound < window - Self.affixMargin { return match.count }
            if match == nil { return 0 }
        }
        return ScalarText(s[lo..<hi]).firstMatch(regex, anchored: true)?.count ?? 0
    }

    /// `find_suffix`: the length of the (leftmost) suffix match ending `s[lo..<hi]`, 0 if none. Only the
    /// alternatives that can end with the last character are tried.
    func suffixLength(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Int {
        guard hi > lo, let regex = rules.suffixes.regex(for: s[hi - 1]) else { return 0 }
        let window = Self.affixWindow
        if hi - lo > window {
            let match = ScalarText(s[(hi - window)..<hi]).firstMatch(regex, anchored: false)
            if let match, match.lowerBound >= Self.affixMargin { return match.count }
            if match == nil { return 0 }
        }
        return ScalarText(s[lo..<hi]).firstMatch(regex, anchored: false)?.count ?? 0
    }
}
