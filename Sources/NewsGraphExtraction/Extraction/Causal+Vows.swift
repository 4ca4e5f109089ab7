import NewsGraphCore

/// A vow or warning to punish someone "for" an act answers that act: "The governor vowed to punish the Front for
/// the attack on the post" → [vow, responded_to, attack]. Read from the parse (vow-verb, threat-verb and
/// hostile-verb are `relation-word` records).
extension Document {
    /// Links each vow of the sentence to the event its hostile clause gives as the reason ("for the attack").
    func findVowResponses() {
        for m in eventMentions where events[m.event].type == .statement {
            guard let v = parseHead(of: m.tokens), isRelationWord(v, .vowVerb) || isRelationWord(v, .threatVerb) else { continue }
            let hostile = treeChildren(v, ["xcomp"]).filter { isRelationWord($0, .hostileVerb) }
            let reasons = hostile.flatMap { treeChildren($0, ["prep"]) }.filter { lowerWord($0) == "for" }.flatMap { treeChildren($0, ["pobj"]) }
            for r in reasons {
                guard let cause = eventMentions.first(where: { em in
                    em.event != m.event && Document.violentTypes.contains(events[em.event].type) && parseHead(of: em.tokens) == r
                }) else { continue }
                addLink(m.event, .respondedTo, cause.event, cue: "for", prov: provenance(tokens: m.tokens), confidence: 0.75 * sentenceHedge)
            }
        }
    }
}
