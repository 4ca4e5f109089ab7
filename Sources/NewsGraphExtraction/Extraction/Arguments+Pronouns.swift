import NewsGraphCore

/// Pronoun subjects that open a sentence about a body told before: "The Tarsk Front attacked a post on Friday. It
/// accused the army of killing civilians." The words are `argument` records (body-pronoun).
extension Document {
    /// The body a sentence's pronoun subject ("it", "they") stands for: the group, unit or organisation named
    /// last in the two sentences before, when no person was named after it (a person would be "he" or "she", and
    /// "they" after people is those people).
    func bodyReferredTo(byPronoun s: Int) -> Int? {
        guard lexicon.argumentWords.contains(lowerWord(s), as: .bodyPronoun), ["it", "they"].contains(lowerWord(s)) else { return nil }
        return lastNamed(within: 2) { Document.orgTypes.contains(entities[$0].type) && !entities[$0].generic }
    }
}
