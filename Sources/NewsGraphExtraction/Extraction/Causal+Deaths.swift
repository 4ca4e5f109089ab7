import NewsGraphCore

/// A response waiting for the incident its described cause names by place (`Document.pendingCauses`); `deaths` is
/// the participle of killing the cause holds ("the fighters martyred in Kessa"), if any.
typealias PendingCause = (effect: Int, place: Int, cue: String, provenance: Provenance, confidence: Double,
                          deaths: (text: String, provenance: Provenance)?)

/// A response whose described cause is deaths in a place where the article tells no incident: "This attack is
/// revenge for the three fighters martyred in Kessa" — the deaths there are the incident answered.
extension Document {
    /// "revenge for the three fighters martyred in Kessa", "in retaliation for the villagers killed near Tarvek":
    /// the participle of killing (`kill-word`) modifying the object of the cue, with its provenance; nil when the
    /// described cause tells no deaths.
    func deathsDescribed(after cue: Range<Int>) -> (text: String, provenance: Provenance)? {
        guard let last = cueParseToken(cue.upperBound - 1) else { return nil }
        let objects = treeChildren(last, ["pobj", "dobj"])
        guard let participle = objects.flatMap({ treeChildren($0, ["acl"]) })
                .first(where: { parseTag($0) == "VBN" && ew.killWords.contains(wordKey($0)) }),
              let d = documentToken(ofParse: participle) else { return nil }
        return (tokenText(d), provenance(tokens: d..<(d + 1)))
    }

    /// The killing in its place that a pending response's described cause tells, as a new event, when the
    /// article told no incident there (see `deathsDescribed(after:)`). Nil when the cause told no deaths.
    func killingDescribed(by pending: PendingCause) -> Int? {
        guard let deaths = pending.deaths, let info = lexicon.contextTrigger(.describedDeaths, form: deaths.text) else { return nil }
        var e = DocEvent(type: info.type, trigger: deaths.text, cameo: info.cameo, acled: info.acled,
                         confidence: pending.confidence, firstByte: deaths.provenance.start, lastSeen: deaths.provenance.start)
        e.place = pending.place
        e.mentions = [deaths.provenance]
        events.append(e)
        explain("cue '\(pending.cue)': the deaths in \(entities[pending.place].name) are the incident answered")
        return events.count - 1
    }
}
