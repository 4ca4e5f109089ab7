/// CoNLL-U, the Universal Dependencies interchange format (https://universaldependencies.org/format.html),
/// so that a parse can be read by other tools and checked by anyone debugging a rule.
///
/// One block per sentence: `# sent_id`, `# text`, then a line per token with ID, FORM, LEMMA (`_`), UPOS,
/// XPOS (the Penn tag), FEATS (`_`), HEAD (0 for the root), DEPREL (`root` for the root, else spaCy's
/// label), DEPS (`_`) and MISC (`TokenRange=start:end` in Unicode scalars of the input, `SpaceAfter=No`
/// where no space follows). Whitespace tokens are left out; a token whose head is one is attached to the
/// nearest non-space ancestor.
extension ParsedText {
    /// The CoNLL-U text of the parse; `documentID` names the sentences (`doc-1`, `doc-2`, …).
    public func conllu(documentID: String? = nil, firstSentenceNumber: Int = 1) -> String {
        var out = ""
        if let documentID, firstSentenceNumber == 1 { out += "# newdoc id = \(Self.comment(documentID))\n" }
        var number = firstSentenceNumber
        for sentence in sentences {
            let kept = sentence.tokens.filter { !tokens[$0].token.isSpace }
            guard !kept.isEmpty else { continue }
            var id = [Int: Int]()
            for (k, i) in kept.enumerated() { id[i] = k + 1 }
            let root = effectiveRoot(of: sentence, kept: kept)
            let sid = documentID.map { "\($0)-\(number)" } ?? "\(number)"
            out += "# sent_id = \(Self.comment(sid))\n"
            out += "# text = \(Self.comment(sentenceText(kept)))\n"
            for (k, i) in kept.enumerated() {
                let t = tokens[i]
                var headID = 0
                var label = t.label
                if i == root {
                    label = "root"
                } else {
                    if let h = nonSpaceHead(of: i), let hid = id[h] { headID = hid } else { headID = id[root] ?? 0; label = "dep" }
                    if label == "ROOT" { label = "dep" }
                }
                var misc = "TokenRange=\(t.start):\(t.end)"
                if !hasSpaceAfter(i, within: sentence.tokens) { misc += "|SpaceAfter=No" }
                out += "\(k + 1)\t\(Self.field(t.text))\t_\t\(t.pos)\t\(Self.field(t.tag))\t_\t\(headID)\t\(label)\t_\t\(misc)\n"
            }
            out += "\n"
            number += 1
        }
        return out
    }

    /// The root of a sentence without whitespace tokens: its root, or if that is whitespace, the first
    /// kept token whose head chain ends there.
    private func effectiveRoot(of sentence: ParsedSentence, kept: [Int]) -> Int {
        if !tokens[sentence.root].token.isSpace { return sentence.root }
        return kept.first { nonSpaceHead(of: $0) == nil } ?? kept[0]
    }

    private func hasSpaceAfter(_ i: Int, within range: Range<Int>) -> Bool {
        if tokens[i].token.spaceAfter { return true }
        return i + 1 < tokens.count && tokens[i + 1].token.isSpace
    }

    private func sentenceText(_ kept: [Int]) -> String {
        var s = ""
        for (k, i) in kept.enumerated() {
            s += tokens[i].text
            if k + 1 < kept.count && tokens[kept[k + 1]].start > tokens[i].end { s += " " }
        }
        return s
    }

    /// A FORM or XPOS field: tabs and line breaks would break the format, so they become spaces.
    static func field(_ s: String) -> String {
        String(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }

    static func comment(_ s: String) -> String {
        field(s)
    }
}
