import NewsGraphCore

/// The counted dead of an operation who are named only as members of an armed group ("21 militants were killed in
/// the operation") belong to the armed group the article named last before them: that group is the operation's
/// target, as the corpus conventions want it. The nouns are `argument` records (armed-member-noun).
extension Document {
    /// "The Tarsk Liberation Front attacked a post in Kessa on Monday. … In a follow-up operation, security forces
    /// killed 21 militants": the counted militants killed in an operation are fighters of the Tarsk Liberation
    /// Front, the operation's target. Also "the elimination of 21 militants" and "21 militants were neutralised".
    func attachArmedMembersKilled() {
        for p in sentenceParseTokens() where ew.killWords.contains(wordKey(p)) || ew.deathNouns.contains(wordKey(p)) {
            let dead = isVerb(p) ? treeChildren(p, ["nsubjpass", "dobj"])
                                 : treeChildren(p, ["prep"]).filter { lowerWord($0) == "of" }.flatMap { treeChildren($0, ["pobj"]) }
            guard dead.contains(where: isCountedArmedMembers), let d = documentToken(ofParse: p),
                  let e = casualtyEvent(verb: p, near: d), events[e].type == .operation,
                  events[e].target.allSatisfy({ entities[$0].generic }),
                  let group = armedGroupNamedLast(before: d) else { continue }
            addVictims([group], to: e)
        }
    }

    /// "21 militants", "27 insurgents": a counted plural noun for members of an armed group, with no name
    /// of its own in its phrase ("21 Tarsk militants" is named).
    func isCountedArmedMembers(_ n: Int) -> Bool {
        lexicon.argumentWords.contains(lowerWord(n), as: .armedMemberNoun)
            && !treeChildren(n, ["nummod"]).isEmpty
            && namedEntities(ofPhrase: n, generic: false).isEmpty
    }

    /// The armed group named last before document token `d`, in its sentence or the ones before it.
    func armedGroupNamedLast(before d: Int) -> Int? {
        if let g = mentions.reversed().lazy.filter({ $0.tokens.lowerBound < d }).map(\.entity)
            .first(where: { self.entities[$0].type == .group && !self.entities[$0].generic }) {
            return g
        }
        return sentenceGroups.filter { $0.key < sentenceIndex }.max { $0.key < $1.key }?.value.last { !entities[$0].generic }
    }
}
