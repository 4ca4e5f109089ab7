import NewsGraphCore

/// Cues read on the tree: "after", "following" or "in retaliation for" orders or answers the act of the word its
/// phrase hangs on.
extension Document {
    /// "The raid comes days after the blockade, as the council swore in a governor following a vote": a sequence
    /// cue (`followed`) whose phrase hangs on a word whose subtree does not hold the event told before the cue (the
    /// council's swearing-in) orders that word's act, not the event; "jets bombed a depot in response to the Front's
    /// targeting of Varnok with hundreds of rockets in retaliation for the raid": a response or cause cue hanging
    /// on a noun that does not hold that event (the rockets) answers that noun's act. True when the link would be
    /// read across the tree so (a cue hanging on "come", on "be", or — for a response or cause — on a verb is read as
    /// before).
    func cueHangsOnAnotherAct(_ cue: Range<Int>, effect: EventMention, sequence: Bool) -> Bool {
        // the cue's phrase hangs where its outermost word does ("in" of "in response to")
        let words = cue.compactMap { cueParseToken($0) }
        guard let first = words.first, let last = words.last,
              let p = words.first(where: { label($0) == "mark" }) ?? words.first(where: { w in treeHead(w).map { !(first...last).contains($0) } ?? false }),
              var h = treeHead(p), h != p, let syntax, let e = parseHead(of: effect.tokens) else { return false }
        // "in apparent retaliation for": the preposition outside the cue hangs on the word it orders
        if label(h) == "prep", let up = treeHead(h), up != h { h = up }
        // "after the Front bombed a camp": the mark of a clause orders the word that clause hangs on
        if label(p) == "mark" {
            guard let up = treeHead(h), up != h else { return false }
            h = up
        }
        if ew.sequenceVerbs.contains(wordKey(h)) || ew.beAux.contains(wordKey(h)) { return false }
        // a response or a cause hanging on a verb is that verb's incident, told before or not
        if !sequence, isVerb(h) { return false }
        guard !syntax.subtree(of: h).contains(e) else { return false }
        explain("cue '\(span(cue))': hangs on '\(lowerWord(h))', not on \(span(effect.tokens))")
        return true
    }

    /// "The raid led the council to impose a curfew": an infinitive governed by the verb of a cause-effect cue
    /// ("led", "prompted", "forced" as `cue` records) tells what the cause brought about, an event that took place,
    /// not a plan.
    func isCausedInfinitive(_ tr: Range<Int>) -> Bool {
        guard let h = parseHead(of: tr), isVerb(h), ["xcomp", "ccomp", "advcl"].contains(label(h)), let v = treeHead(h), v != h,
              let d = documentToken(ofParse: v), let cue = lexicon.cues.match(tokens, at: d, limit: sentenceRange.upperBound)
        else { return false }
        return cue.value.order == .causeEffect && cue.value.relation == .caused
    }

    /// "The raid led the Kessa council to impose a curfew": the actors the cue verb's object names act in the
    /// caused infinitive (see `isCausedInfinitive`); empty otherwise.
    func causedInfinitiveActors(_ tr: Range<Int>) -> [Int] {
        guard isCausedInfinitive(tr), let h = parseHead(of: tr), let v = treeHead(h) else { return [] }
        return treeChildren(v, ["dobj"]).flatMap { entities(ofPhrase: $0) }
    }
}
