import NewsGraphCore

/// Pronoun subjects that open a sentence about a body told before: "The Tarsk Front attacked a post on Friday. It
/// accused the army of killing civilians." The words are `argument` records (body-pronoun).
extension Document {
    /// The body a sentence's pronoun subject ("it", "they") stands for: the group, unit or organisation named
    /// last in the two sentences before, when no person was named after it (a person would be "he" or "she", and
    /// "they" after people is those people).
    func bodyReferredTo(byPronoun s: Int) -> Int? {
        guard lexicon.argumentWords.contains(lowerWord(s), as: .bodyPronoun), ["it", "they"].contains(lowerWord(s)) else { return nil }
        var best: (entity: Int, sentence: Int, start: Int)? = nil
        for i in entities.indices where Document.orgTypes.contains(entities[i].type) && !entities[i].generic {
            guard let m = entities[i].mentions.last(where: { $0.sentence < sentenceIndex }) else { continue }
            if best == nil || (m.sentence, m.start) > (best!.sentence, best!.start) { best = (i, m.sentence, m.start) }
        }
        guard let b = best, sentenceIndex - b.sentence <= 2 else { return nil }
        return b.entity
    }
}
