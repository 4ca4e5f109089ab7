import NewsGraphCore

/// Habitual violence is no incident, but it states who attacks whom: "the group has repeatedly attacked the
/// Kessa camp" → (group, attacked, Kessa camp), as the corpus conventions count it.
extension Document {
    /// The attacked triples of a habitual attack mention ("has repeatedly attacked", "regularly shells").
    func recordHabitualAttacks(_ tr: Range<Int>, _ info: TriggerInfo, definite: Bool) {
        let first = tr.lowerBound
        guard [.attack, .bombing, .operation].contains(info.type), habituallyMarked(tr, definite: definite) else { return }
        let args = arguments(ofTrigger: tr, type: info.type)
        for a in args.agents where !entities[a].generic && entities[a].type != .person {
            for t in args.targets where !entities[t].generic && entities[t].type != .person {
                addTriple(a, .attacked, t, bytes: Int(tokens[first].start)..<Int(tokens[tr.upperBound - 1].end), confidence: 0.6 * sentenceHedge)
            }
        }
    }
}
