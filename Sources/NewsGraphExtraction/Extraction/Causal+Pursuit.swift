import NewsGraphCore

/// Responses stated as a purpose of pursuit: an operation mounted to hunt down those behind an incident answers it.
extension Document {
    /// "The house of a commander in Kessa was raided by security forces. Witnesses say the forces were on a mission
    /// to hunt down persons connected with the attack in Tarvek": an infinitive of pursuit (`pursuit-verb`, with
    /// "to") whose object's phrase holds an event says that the pursuers' operation or arrest answers that event —
    /// [act, responded_to, event]. The act is an operation or arrest of the sentence outside the pursuit phrase,
    /// else the last one told before it by the pursuers (the subject of the clause the phrase hangs in).
    func findPursuits() {
        guard let sp = sentenceParse(), let syntax else { return }
        let acts: EventTypes = [.operation, .arrest]
        for v in sp.tokens where isVerb(v) && ew.pursuitVerbs.contains(wordKey(v)) {
            guard treeChildren(v, ["aux"]).contains(where: { lowerWord($0) == "to" }), treeChildren(v, ["neg"]).isEmpty,
                  !treeChildren(v, ["dobj"]).isEmpty else { continue }
            // (the phrase naming the event may hang on the object or, as the parser often has it, on the verb:
            // "to track down the gunmen behind the ambush")
            let pursuit = syntax.subtree(of: v)
            guard let cause = eventMentions.first(where: { m in
                Document.violentTypes.contains(events[m.event].type) && (parseHead(of: m.tokens).map { $0 != v && pursuit.contains($0) } ?? false)
            })?.event else { continue }
            var effect = eventMentions.first { m in
                acts.contains(events[m.event].type) && !(parseHead(of: m.tokens).map { pursuit.contains($0) } ?? true)
            }?.event
            if effect == nil {
                // the pursuers: the subject of the nearest clause above the pursuit phrase
                let subject = syntax.ancestors(of: v).lazy.compactMap { self.treeChildren($0, ["nsubj", "nsubjpass"]).first }.first
                let pursuers = subject.map { entities(ofPhrase: $0) } ?? []
                effect = pursuers.isEmpty ? nil : events.indices.last { i in
                    i != cause && !events[i].dropped && acts.contains(events[i].type)
                        && (events[i].mentions.last.map { $0.sentence < sentenceIndex } ?? false) && sameSpeaker(pursuers, events[i].agent)
                }
            }
            guard let e = effect, e != cause, let at = documentToken(ofParse: v) else { continue }
            explain("'\(tokenText(at))': \(eventLabel(e)) pursues those behind \(eventLabel(cause))")
            addLink(e, .respondedTo, cause, cue: tokenText(at), prov: provenance(tokens: at..<(at + 1)), confidence: 0.6 * sentenceHedge)
        }
    }
}
