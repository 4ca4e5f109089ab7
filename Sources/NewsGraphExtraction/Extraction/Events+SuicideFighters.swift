import NewsGraphCore

/// An attack told by sending suicide attackers, a verb that is no trigger by itself: "the Front sent suicidal
/// fighters to a camp". The words are `argument` records (sending-verb, assault-fighter-modifier).
extension Document {
    /// "The Tarsk Liberation Front sent suicidal fighters to a security camp near Kessa": an active verb of sending
    /// whose object is fighters marked as suicide attackers, and whose subject is an armed actor (a group, a state
    /// force, a country), tells an attack ("The army sent troops to Kessa" is a deployment: no such mark). The
    /// document tokens of the verbs.
    func suicideFighterVerbs() -> [Int] {
        guard let sp = sentenceParse() else { return [] }
        let words = lexicon.argumentWords
        var out: [Int] = []
        for v in sp.tokens where isVerb(v) && !isPassive(v) && words.contains(lowerWord(v), as: .sendingVerb) {
            let sent = treeChildren(v, ["dobj"]).contains { o in
                treeChildren(o, ["amod", "compound"]).contains { words.contains(lowerWord($0), as: .assaultFighterModifier) }
            }
            guard sent, let d = documentToken(ofParse: v),
                  agentFromSubject(v).contains(where: { [.group, .unit].contains(entities[$0].type) || isCountry($0) }) else { continue }
            out.append(d)
        }
        return out
    }
}
