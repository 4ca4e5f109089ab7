import NewsGraphCore

/// "The move comes two days after the Front launched a barrage …": a sequence verb whose subject names no event
/// (an anaphoric "this", "the move", "this escalation") places the article's incident in focus after the event
/// its "after" clause tells.
extension Document {
    /// The forms of the sequence verb "come" ("comes days after", "came a day after", "with the assault coming …").
    static let sequenceVerbs: Set<String> = ["come", "comes", "came", "coming"]

    /// "Militants overran a post near Tarvek on Monday. … This escalation comes days after the Olem Defence Forces
    /// bombed a camp near Kessa": the "after" of the cue hangs (as the mark of its clause, or as a preposition) on a
    /// form of "come" whose subject holds no event mention; the later event is the article's incident in focus —
    /// the first violent incident it told, other than the cause. Nil when the cue is not read so.
    func focusIncident(comingAfter cue: Range<Int>, cause: Int) -> Int? {
        guard let after = syntaxToken(atByte: Int(tokens[cue.upperBound - 1].start)), let sp = sentenceParse(), sp.tokens.contains(after)
        else { return nil }
        var verb = treeHead(after)
        if label(after) == "mark", let clause = verb, label(clause) == "advcl" { verb = treeHead(clause) }
        guard let v = verb, v != after, Document.sequenceVerbs.contains(lowerWord(v)) else { return nil }
        let subjects = treeChildren(v, ["nsubj"])
        guard !subjects.isEmpty else { return nil }
        // a subject that is an event ("The attack comes days after …") is read by the cue rule itself
        let subjectTells = subjects.contains { s in
            let sub = syntax.map { $0.subtree(of: s) } ?? s...s
            return eventMentions.contains { m in parseHead(of: m.tokens).map { sub.contains($0) } ?? false }
        }
        guard !subjectTells else { return nil }
        // "His message came a day after …": a possessor makes the subject somebody's act, not the incident in focus
        guard !subjects.contains(where: { !treeChildren($0, ["poss"]).isEmpty }) else { return nil }
        let told = events.indices.filter { i in
            i != cause && !events[i].dropped && Document.violentTypes.contains(events[i].type) && events[i].firstByte < Int(tokens[cue.lowerBound].start)
        }
        // an operation is often the campaign the incident belongs to: an incident of another kind is preferred
        let incidents = told.filter { events[$0].type != .operation }
        guard let f = (incidents.isEmpty ? told : incidents).min(by: { events[$0].firstByte < events[$1].firstByte }) else { return nil }
        explain("cue '\(span(cue))': '\(lowerWord(v))' with a subject that names no event — the incident in focus, \(eventLabel(f))")
        return f
    }

    /// Whether an event is told as a response: its trigger holds a `response-word` ("a retaliatory strike", "the
    /// troops retaliated"), or it already answers another event.
    func isToldAsResponse(_ e: Int) -> Bool {
        events[e].trigger.split(separator: " ").contains { ew.responseWords.contains(Tokenizer.hash($0.utf8)) }
            || causal.contains { $0.from == e && $0.relation == .respondedTo }
    }
}
