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
        if let documentID, firstSentenceNumber == 1 { out += "# newdoc id = \(Self.field(documentID))\n" }
        var number = firstSentenceNumber
        for sentence in printedSentences() {
            let sid = documentID.map { "\($0)-\(number)" } ?? "\(number)"
            out += "# sent_id = \(Self.field(sid))\n"
            out += "# text = \(Self.field(sentenceText(sentence.tokens)))\n"
            for (k, i) in sentence.tokens.enumerated() {
                let t = tokens[i]
                let label = sentence.heads[k] == 0 ? "root" : sentence.labels[k]
                var misc = "TokenRange=\(t.start):\(t.end)"
                if !hasSpaceAfter(i) { misc += "|SpaceAfter=No" }
                out += "\(k + 1)\t\(Self.field(t.text))\t_\t\(t.pos)\t\(Self.field(t.tag))\t_\t\(sentence.heads[k])\t\(label)\t_\t\(misc)\n"
            }
            out += "\n"
            number += 1
        }
        return out
    }

    /// Whether a space follows token `i` (its own trailing space, or a whitespace token after it).
    private func hasSpaceAfter(_ i: Int) -> Bool {
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

    /// A field or comment value: tabs and line breaks would break the format, so they become spaces.
    static func field(_ s: String) -> String {
        String(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
