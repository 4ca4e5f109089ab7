import NewsGraphCore

/// Event dates read from the parse: a day counted from another date of the sentence, from the subject's event
/// or from the day of publication ("a day earlier", "comes two days after"), the day a "when" clause hangs on,
/// the night before the day an incident was first dated or reported ("on Saturday night", "overnight"), the day
/// of the deaths a toll is read from, a speech verb's day kept off the incident told before it, and the year of a
/// day written without one. The words these rules test are `event-word` records (`earlier-adverb`, `after-word`,
/// `when-word`, `night-noun`, `overnight-word`).
extension Document {
    /// The date the parse gives the trigger at document tokens `tr`, before the dates near it are weighed: the day
    /// its "when" clause describes, or a day counted back from another date ("a day earlier", "comes two days after").
    func parseDate(trigger tr: Range<Int>, dates: [DateMention]) -> DateMention? {
        guard let t = parseHead(of: tr) else { return nil }
        if let d = whenClauseDate(trigger: t, among: dates) { return d }
        if let s = daysEarlierDate(trigger: t, among: dates) ?? daysBeforeSubjectOrToday(trigger: t, among: dates) {
            return DateMention(token: tr.lowerBound, date: s, inferred: true)
        }
        return nil
    }

    /// The verb whose clause the trigger at parse token `t` belongs to: the trigger itself when it is a verb, the
    /// verb it is the subject or object of ("an airstrike hit the camp" → hit), else the trigger.
    func clauseVerb(ofTrigger t: Int) -> Int {
        if isVerb(t) { return t }
        if ["nsubj", "nsubjpass", "dobj"].contains(label(t)), let h = treeHead(t), isVerb(h) { return h }
        return t
    }

    /// The number of days a unit noun counts ("a day", "two days", "three weeks"), read from its modifiers.
    func countedDays(unit u: Int) -> Int? {
        guard let d = documentToken(ofParse: u), let unit = Document.dayUnits[key(d)] else { return nil }
        for n in treeChildren(u, ["nummod"]) {
            if let nd = documentToken(ofParse: n), let v = number(at: nd, limit: nd + 1) { return v.value * unit }
        }
        if treeChildren(u, ["det"]).contains(where: { ["a", "one"].contains(lowerWord($0)) }) { return unit }
        return nil
    }

    /// The date of the sentence outside parse subtree `clause`: the nearest of `dates` whose parse token lies
    /// outside it (the date of the clause the counted one is measured from).
    func anchorDate(outside clause: ClosedRange<Int>, near p: Int, among dates: [DateMention]) -> CalendarDate? {
        let outside = dates.compactMap { d -> (Int, String)? in
            guard let ps = parseTokens(ofToken: d.token), let s = d.date, !clause.contains(ps.lowerBound) else { return nil }
            return (ps.lowerBound, s)
        }
        return outside.min(by: { abs($0.0 - p) < abs($1.0 - p) }).flatMap { CalendarDate(iso: $0.1) }
    }

    /// "… in response to a rocket attack by the Tarsk Liberation Front that struck near the Olem airport a day
    /// earlier": a clause counted back by "N days earlier" lies N days before the sentence's other date (here
    /// Monday's airstrikes), whether the count hangs on the trigger's verb or on a clause describing it.
    func daysEarlierDate(trigger t: Int, among dates: [DateMention]) -> String? {
        guard let syntax else { return nil }
        let phrase = syntax.subtree(of: t)
        let verb = clauseVerb(ofTrigger: t)
        for a in phrase.lazy.filter({ self.ew.earlierAdverbs.contains(self.wordKey($0)) && self.label($0) == "advmod" }) {
            guard let h = treeHead(a), h == verb || phrase.contains(h) else { continue }
            guard let u = treeChildren(a, ["npadvmod"]).first, let days = countedDays(unit: u) else { continue }
            let clause = syntax.subtree(of: verb).lowerBound < phrase.lowerBound ? syntax.subtree(of: verb) : phrase
            guard let anchor = anchorDate(outside: clause, near: t, among: dates) else { return nil }
            return anchor.adding(days: -days).description
        }
        return nil
    }

    /// "The move comes two days after the Kessa army launched a barrage of missiles", "Tuesday's strike came a day
    /// after an airstrike hit Olem": a clause counted back with "N days after" from the verb it modifies is counted
    /// from the day of the event that verb's subject names, else (an undated move, message or strike: the news the
    /// article reports) from the day of publication.
    func daysBeforeSubjectOrToday(trigger t: Int, among dates: [DateMention]) -> String? {
        let verb = clauseVerb(ofTrigger: t)
        var counted: (links: [Int], governor: Int)? = nil
        if label(verb) == "advcl", let g = treeHead(verb), let a = treeChildren(verb, ["mark"]).first(where: { ew.afterWords.contains(wordKey($0)) }) {
            counted = ([verb, a], g)  // "comes two days after X launched …" (the count on the verb or on "after")
        } else if label(t) == "pobj", let a = treeHead(t), ew.afterWords.contains(wordKey(a)), let g = treeHead(a) {
            counted = ([a], g)  // "comes two days after an attack on …"
        }
        guard let (links, governor) = counted,
              let u = links.lazy.flatMap({ self.treeChildren($0, ["npadvmod"]) }).first, let days = countedDays(unit: u) else { return nil }
        // counted from the day of the event the subject names, else from the news of the day of publication
        // (a sentence with a date of its own is counted from it: see daysBefore(trigger:))
        guard let anchor = subjectEventDate(of: governor) ?? (dates.contains { $0.date != nil } ? nil : date) else { return nil }
        return anchor.adding(days: -days).description
    }

    /// The date of the event the subject of verb `v` names, when it has one: "Tuesday's strike came two days after …".
    func subjectEventDate(of v: Int) -> CalendarDate? {
        guard let s = treeChildren(v, ["nsubj"]).last,
              let m = eventMentions.first(where: { parseHead(of: $0.tokens) == s }), let d = events[m.event].date else { return nil }
        return CalendarDate(iso: d)
    }

    /// "The escalation follows a development on Sunday, when the Tarsk Liberation Front claimed responsibility":
    /// a "when" clause that describes a day is dated by that day (a stated day, so statements and claims take it too).
    func whenClauseDate(trigger t: Int, among dates: [DateMention]) -> DateMention? {
        let verb = clauseVerb(ofTrigger: t)
        guard isVerb(verb), ["relcl", "advcl"].contains(label(verb)), let day = treeHead(verb),
              treeChildren(verb, ["advmod"]).contains(where: { ew.whenWords.contains(wordKey($0)) }) else { return nil }
        return dates.first { d in d.date != nil && parseTokens(ofToken: d.token)?.contains(day) == true }
    }

    /// The verb a date modifies in the parse: "On Sunday, the government condemned …" (on → condemned),
    /// "officials confirmed Monday" (confirmed), "on Saturday night" (through the night noun).
    func governingVerb(ofDate d: DateMention) -> Int? {
        dateHost(d).flatMap { isVerb($0) ? $0 : nil }
    }

    /// The word a date modifies in the parse, verb or noun: "attacks on Sunday" → attacks, "a statement on
    /// Monday" → statement, "confirmed Monday" → confirmed.
    func dateHost(_ d: DateMention) -> Int? {
        guard var p = parseTokens(ofToken: d.token)?.lowerBound else { return nil }
        if label(p) == "compound", let h = treeHead(p) { p = h }
        guard let h = treeHead(p) else { return nil }
        if label(p) == "pobj", label(h) == "prep" { return treeHead(h) }
        return ["npadvmod", "tmod"].contains(label(p)) ? h : nil
    }

    /// Whether date `d` dates a speech act told after the trigger: "… were killed in an overnight blast in Varnok,
    /// officials confirmed Monday" — Monday is the day of the confirmation, not of the blast. (A speech act opening
    /// the sentence, "On Monday, the army said troops killed …", reports the same day's news and may date it.)
    func datesOtherSpeech(_ d: DateMention, trigger tr: Range<Int>) -> Bool {
        guard let v = governingVerb(ofDate: d), let dv = documentToken(ofParse: v), dv >= tr.upperBound else { return false }
        return Document.speechActWords.contains(key(dv))
    }

    /// Whether date `d` dates a speech act whose report holds the trigger, a definite event noun: "Omar Dask stated
    /// on Monday that Olem would answer the Kessa attack" — Monday is the day of the statement; "the attack"
    /// refers to an incident told with its own day. (A verb or an indefinite noun — "the army said on Monday
    /// that troops killed …" — may tell the same day's news.)
    func datesSpeechAboutIncident(_ d: DateMention, definiteNoun t: Int) -> Bool {
        guard let v = governingVerb(ofDate: d), v != t, let dv = documentToken(ofParse: v), Document.speechActWords.contains(key(dv)) else { return false }
        return dominates(v, t)
    }

    /// "the Olem attack", "its assault": a noun (not a verb) with a definite determiner or a possessor.
    func isDefiniteNoun(_ t: Int) -> Bool {
        !isVerb(t) && (treeChildren(t, ["det"]).contains { Document.determinersDefinite.contains(wordKey($0)) } || !treeChildren(t, ["poss"]).isEmpty)
    }

    /// "Tarsk fighters seized control of Kessa in 2014", "the raid in May 2019": the trigger (or the verb whose
    /// subject or object it is) takes a prepositional phrase that names a year.
    func statesAYear(_ tr: Range<Int>) -> Bool {
        guard let t = parseHead(of: tr) else { return false }
        let objects = Set([t, clauseVerb(ofTrigger: t)]).flatMap { treeChildren($0, ["prep"]) }.flatMap { treeChildren($0, ["pobj"]) }
        return (objects + objects.flatMap { treeChildren($0, ["nummod"]) }).contains { o in documentToken(ofParse: o).map(isYear) ?? false }
    }

    /// How far back, in bytes, a day without a year looks for the last full date.
    static let fullDateLookBack = 20_000

    /// With no dateline nor publication date, "on January 4" after the article stated "since December 28, 2025"
    /// is the January 4 nearest that full date (2026-01-04): a day without a year follows the last full date
    /// written before it (document token `j` is just after the day).
    func yearOfEarlierFullDate(_ month: Int, _ day: Int, at j: Int) -> CalendarDate? {
        let end = Int(tokens[min(j, tokens.count) - 1].start)
        // (the last 20 kB before the day: bounded work on long inputs)
        let before = String(decoding: text[max(0, end - Document.fullDateLookBack)..<end], as: UTF8.self)
        guard let last = before.matches(of: PublicationDate.fullDate).last, let stated = PublicationDate.calendarDate(last.output) else { return nil }
        let candidates = (stated.year - 1...stated.year + 1).compactMap { CalendarDate(year: $0, month: month, day: day) }
        return candidates.min { abs($0.dayNumber - stated.dayNumber) < abs($1.dayNumber - stated.dayNumber) }
    }

    /// "Kessa forces killed seven villagers near Olem on Sunday, following a failed raid on the area": the day a
    /// death verb states is the day of the incident its toll is given to, when that incident has no date yet.
    func dateDeaths(verb v: Int, of e: Int) {
        guard events[e].date == nil, isVerb(v), let d = sentenceDates.first(where: { $0.date != nil && governingVerb(ofDate: $0) == v }) else { return }
        events[e].date = d.date
    }

    /// "The militants launched numerous attacks on Sunday night": a day stated on the trigger's noun or on its verb
    /// makes the incidents of that day, not a habit (the word "numerous" notwithstanding).
    func statesItsDay(_ tr: Range<Int>) -> Bool {
        guard let t = parseHead(of: tr) else { return false }
        let verb = clauseVerb(ofTrigger: t)
        return sentenceDates.contains { d in
            guard d.date != nil, var p = parseTokens(ofToken: d.token)?.lowerBound else { return false }
            if label(p) == "compound", let h = treeHead(p) { p = h }
            guard label(p) == "pobj", let prep = treeHead(p), label(prep) == "prep", let h = treeHead(prep) else { return governingVerb(ofDate: d) == verb }
            return h == t || h == verb
        }
    }

    /// "Two soldiers were killed in an overnight bomb blast in Varnok, officials confirmed Monday": an overnight
    /// incident reported on a day began on the evening before it (a night takes its start date).
    func overnightBeforeReport(trigger tr: Range<Int>, dates: [DateMention]) -> DateMention? {
        guard let t = parseHead(of: tr) else { return nil }
        let verb = clauseVerb(ofTrigger: t)
        let overnight = (treeChildren(t, ["amod", "advmod"]) + treeChildren(verb, ["advmod", "npadvmod"])).contains { ew.overnightWords.contains(wordKey($0)) }
        guard overnight, let report = dates.first(where: { datesOtherSpeech($0, trigger: tr) }), let s = report.date, let day = CalendarDate(iso: s) else { return nil }
        return DateMention(token: tr.lowerBound, date: day.adding(days: -1).description, inferred: true)
    }

    /// Whether the weekday at document token `i` names a night ("on Saturday night"): its head is a night noun.
    func namesNight(_ i: Int) -> Bool {
        guard let ps = parseTokens(ofToken: i), let h = treeHead(ps.lowerBound) else { return false }
        return ew.nightNouns.contains(wordKey(h))
    }

    /// The date of an incident once another mention of it is merged: the first date stands, except that a
    /// night on the day before is the incident's start. "On Sunday, two soldiers were killed in an attack …
    /// Police said another soldier was injured in the attack on Saturday night" → Saturday.
    func mergedDate(_ current: String?, _ incoming: DateMention?) -> String? {
        guard let current else { return incoming?.date }
        guard let incoming, incoming.night, !incoming.inferred, let new = incoming.date, let cur = CalendarDate(iso: current),
              cur.adding(days: -1).description == new else { return current }
        return new
    }
}
