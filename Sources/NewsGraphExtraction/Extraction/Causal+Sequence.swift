import NewsGraphCore

/// Sequence cues read on the tree: "after" or "following" orders the act of the word its phrase hangs on.
extension Document {
    /// "The raid comes days after the blockade, as the council met in Varnok following a vote": a sequence cue
    /// (`followed`) whose phrase hangs on a word whose subtree does not hold the event told before the cue (the
    /// council's meeting, "tensions high after …") orders that word's act, not the event: true when the link
    /// would be read across the tree so.
    func sequenceCueOrdersAnotherAct(_ cue: Range<Int>, effect: EventMention) -> Bool {
        guard let p = cueParseToken(cue.upperBound - 1), var h = treeHead(p), h != p, let syntax,
              let e = parseHead(of: effect.tokens) else { return false }
        // "after the Front bombed a camp": the mark of a clause orders the word that clause hangs on
        if label(p) == "mark" {
            guard let up = treeHead(h), up != h else { return false }
            h = up
        }
        if ew.sequenceVerbs.contains(wordKey(h)) || ew.beAux.contains(wordKey(h)) { return false }
        guard !syntax.subtree(of: h).contains(e) else { return false }
        explain("cue '\(span(cue))': hangs on '\(lowerWord(h))', not on \(span(effect.tokens))")
        return true
    }
}
