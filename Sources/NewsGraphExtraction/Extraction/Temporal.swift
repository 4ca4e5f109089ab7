import NewsGraphCore

/// Dates and numbers in a sentence, resolved against the dateline.
extension Document {
    static let weekdays: KeyMap<Int> = KeyMap(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated().map { (k($1), $0) })
    static let monthNames: KeyMap<Int> = KeyMap(MonthNames.numbers.map { (k($0.key), $0.value) })
    static let lastWords: KeySet = KeySet(["last", "previous", "past"].map(k))
    static let vagueTime: KeySet = KeySet(["week", "month", "year", "weeks", "months", "years", "fortnight"].map(k))

    /// A date expression in tokens `r`: the resolved date (nil when vague) and its token position.
    struct DateMention {
        var token: Int
        var date: String?
        /// Taken from outside the trigger's clause (the sentence, another event, a live-blog timestamp):
        /// good enough to date a new event, too weak to keep two mentions apart.
        var inferred = false
        /// A weekday's night ("on Saturday night"): the start of an incident reported on the next day.
        var night = false
    }

    /// The date expressions of the current sentence.
    func findDates() -> [DateMention] {
        var out: [DateMention] = []
        let r = sentenceRange
        // the word lists, read once (each static access checks its lazy initialisation)
        let weekdays = Document.weekdays, monthNames = Document.monthNames, lastWords = Document.lastWords, vagueTime = Document.vagueTime
        var i = r.lowerBound
        while i < r.upperBound {
            let kk = key(i)
            if let wd = weekdays[kk], tokens[i].capitalized {
                out.append(DateMention(token: i, date: resolveWeekday(wd, at: i), night: namesNight(i)))
            } else if let month = monthNames[kk], tokens[i].capitalized {
                // "March 3", "3 March", "March 3, 2025"; "in March" alone is vague
                if i + 1 < r.upperBound, tokens[i + 1].kind == .number, let d = Int(tokenText(i + 1)), (1...31).contains(d) {
                    out.append(DateMention(token: i, date: resolveMonthDay(month, d, yearAfter: i + 2)))
                    i += 2; continue
                } else if i > r.lowerBound, tokens[i - 1].kind == .number, let d = Int(tokenText(i - 1)), (1...31).contains(d) {
                    // "on 12 and 13 April", "12-14 April": a span of days starts on its first day
                    var day = d
                    if i - 3 >= r.lowerBound, Document.rangeJoiners.contains(key(i - 2)), tokens[i - 3].kind == .number, let d0 = Int(tokenText(i - 3)), (1...31).contains(d0), d0 < d { day = d0 }
                    out.append(DateMention(token: i, date: resolveMonthDay(month, day, yearAfter: i + 1)))
                } else if month != 5 || tokens[i].capitalized {
                    if !(month == 5 && isSentenceInitial(i)) { out.append(DateMention(token: i, date: nil)) }
                }
            } else if tokens[i].kind == .number, let d = numericDate(tokenText(i)) {
                out.append(DateMention(token: i, date: d))
            } else if kk == w.yesterday {
                out.append(DateMention(token: i, date: date?.adding(days: -1).description))
            } else if kk == w.today || (kk == w.w_this && i + 1 < r.upperBound && key(i + 1) == w.morning) {
                out.append(DateMention(token: i, date: date?.description))
            } else if lastWords.contains(kk), i + 1 < r.upperBound, vagueTime.contains(key(i + 1)) {
                out.append(DateMention(token: i, date: nil))
            } else if kk == w.earlier || kk == w.later, i + 2 < r.upperBound, key(i + 1) == w.w_this, vagueTime.contains(key(i + 2)) {
                out.append(DateMention(token: i, date: nil))
            }
            i += 1
        }
        return out
    }

    /// "on Saturday" → the most recent Saturday on or before the dateline; "last Monday", "Monday last week" → the one before.
    func resolveWeekday(_ wd: Int, at i: Int) -> String? {
        guard let date else { return nil }
        var back = (date.weekday - wd + 7) % 7
        let prevLast = i > sentenceRange.lowerBound && Document.lastWords.contains(key(i - 1))
        let nextLastWeek = i + 2 < sentenceRange.upperBound && key(i + 1) == w.w_last && key(i + 2) == w.week
        if prevLast && back == 0 { back = 7 }
        if nextLastWeek {
            // "Thursday last week": that weekday in the previous calendar week (weeks start on Monday)
            let mondayThisWeek = date.adding(days: -date.weekday)
            return mondayThisWeek.adding(days: -7 + wd).description
        }
        return date.adding(days: -back).description
    }

    /// Whether token `i` is a year ("2006"): four digits from 1900 to 2100.
    func isYear(_ i: Int) -> Bool {
        let digits = text[Int(tokens[i].start)..<Int(tokens[i].end)]
        guard tokens[i].kind == .number, digits.count == 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let v = digits.reduce(0) { $0 * 10 + Int($1) - 0x30 }
        return (1900...2100).contains(v)
    }

    func resolveMonthDay(_ month: Int, _ day: Int, yearAfter j: Int) -> String? {
        if j + 1 < sentenceRange.upperBound, key(j) == w.comma, isYear(j + 1), let y = Int(tokenText(j + 1)) {
            return CalendarDate(year: y, month: month, day: day)?.description
        }
        if j < sentenceRange.upperBound, isYear(j), let y = Int(tokenText(j)) {
            return CalendarDate(year: y, month: month, day: day)?.description
        }
        guard let date else { return yearOfEarlierFullDate(month, day, at: j).map { $0.description } }
        // the most recent such day on or before the dateline (news reports the past)
        var y = date.year
        if month > date.month || (month == date.month && day > date.day + 1) { y -= 1 }
        return CalendarDate(year: y, month: month, day: day)?.description
    }

    /// "05.10.2025" (day.month.year, as South Asian police notes write), "2025-03-04".
    func numericDate(_ s: String) -> String? {
        guard s.utf8.contains(0x2E) else { return nil } // no "." : one part
        let parts = s.split(separator: ".")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
            return CalendarDate(year: y, month: m, day: d)?.description
        }
        return nil
    }

    // MARK: numbers

    static let approx: KeySet = KeySet(["at", "least", "about", "around", "nearly", "almost", "some", "over", "more", "than", "up", "to", "roughly", "approximately", "an", "estimated", "as", "many", "a"].map(k))

    /// A count at token `i`: digits ("15", "1,200"), words ("seven", "twenty-five", "a dozen", "two dozen").
    func number(at i: Int, limit: Int) -> (value: Int, length: Int)? {
        guard i < limit else { return nil }
        let t = tokens[i]
        if t.kind == .number {
            // digits with optional thousands separators; anything else (decimals, times, dates) is not a count
            var v = 0
            var digits = 0
            for b in text[Int(t.start)..<Int(t.end)] {
                if b >= 0x30 && b <= 0x39 { v = v * 10 + Int(b - 0x30); digits += 1; if v >= 1_000_000 { return nil } } else if b != 0x2C { return nil }
            }
            if (1900...2100).contains(v), digits == 4 { return nil } // a year
            if i + 1 < limit, Document.monthNames[key(i + 1)] != nil { return nil } // "16 November"
            if i > sentenceRange.lowerBound, Document.monthNames[key(i - 1)] != nil { return nil }
            return (v, 1)
        }
        guard t.kind == .word else { return nil }
        if key(i) == w.w_a || key(i) == w.about, i + 1 < limit, key(i + 1) == w.dozen { return (12, 2) }
        if let v = lexicon.numbers[t.key] {
            if key(i) == w.dozen || key(i) == w.score || key(i) == w.single || key(i) == w.both || key(i) == w.couple { return nil }
            if i + 1 < limit, key(i + 1) == w.dozen { return (v * 12, 2) }
            if i + 1 < limit, key(i + 1) == w.hundred { return (v * 100, 2) }
            return (v, 1)
        }
        // "twenty-five" (most words are too short, or have no hyphen: look before slicing the text)
        guard lexicon.shortestNumberWord < 1_000, Int(t.end) - Int(t.start) >= 2 * lexicon.shortestNumberWord + 1 else { return nil }
        var dash = Int(t.start) + 1
        while dash < Int(t.end) - 1, text[dash] != 0x2D { dash += 1 }
        guard dash < Int(t.end) - 1 else { return nil }
        let bytes = text[Int(t.start)..<Int(t.end)]
        if let a = lexicon.numbers[Tokenizer.hash(bytes[bytes.startIndex..<dash])], let b = lexicon.numbers[Tokenizer.hash(bytes[(dash + 1)...])], a >= 20, b < 10 {
            return (a + b, 1)
        }
        return nil
    }
}

// MARK: the date of an event mention

extension Document {
    static let speechActWords: KeySet = KeySet(["said", "says", "say", "told", "stated", "announced", "added", "statement", "reported", "confirmed", "published", "posted", "communique", "release", "interview", "briefing"].map(k))
    static let hourUnits: KeySet = KeySet(["hours", "hour", "minutes", "moments", "shortly", "soon", "just", "immediately"].map(k))
    static let dayUnits: KeyMap<Int> = KeyMap([("day", 1), ("days", 1), ("week", 7), ("weeks", 7)].map { (k($0.0), $0.1) })
    static let rangeJoiners: KeySet = KeySet(["and", "to", "-", "–", "until"].map(k))
    static let nextKeys: KeySet = KeySet(["next", "following"].map(k))

    /// The date of the event whose trigger is at `tr`, in order of evidence:
    /// 1. a date expression of the trigger's own clause ("attacked … on Monday", "Saturday's attack");
    /// 2. a date counted from another event ("Hours after the attack, …", "a day after the offensive started",
    ///    "Two days later", "the next day");
    /// 3. the sentence's opening adverbial or nearest other date that is not the date of a speech act
    ///    ("On 14 April, at about 9 am, terrorists detonated …", "… on Monday, where X clashed with Y");
    /// 4. in a live blog, the entry's timestamp stands for the article's date ("14:40 - The district imposed a curfew").
    /// Statements and claims take only (1): their day must be stated.
    /// Before these, the parse's own reading (`Temporal+Anchors.swift`): an overnight incident before the day it is
    /// reported, the day a "when" clause describes, a day counted back ("a day earlier", "comes two days after");
    /// a day hung on a speech verb told after the trigger dates no incident.
    func dateFor(trigger tr: Range<Int>, type: EventType, dates: [DateMention]) -> DateMention? {
        let r = sentenceRange
        if let night = overnightBeforeReport(trigger: tr, dates: dates) { return night }
        let dates = dates.filter { !datesOtherSpeech($0, trigger: tr) }
        let first = tr.lowerBound
        if let counted = parseDate(trigger: tr, dates: dates) { return counted }
        var owned: Set<Int> = []
        let own = dates.filter { d in
            // "Saturday's attack", "the March 8 attack": a date before a noun belongs to that noun
            if d.token + 2 < r.upperBound, key(d.token + 1) == w.possessive {
                if d.token + 2 != first && d.token + 3 != first { owned.insert(d.token) }
                return d.token + 2 == first || d.token + 3 == first
            }
            let after = d.token + (Document.monthNames[key(d.token)] != nil && d.token + 1 < r.upperBound && tokens[d.token + 1].kind == .number ? 2 : 1)
            if let next = [after].first(where: { $0 < r.upperBound && tokens[$0].kind == .word && lexicon.triggers.contains(tokens, at: $0, limit: r.upperBound) }),
               tokens[d.token].kind != .number || Document.monthNames[key(d.token)] != nil || (d.token > r.lowerBound && Document.monthNames[key(d.token - 1)] != nil) {
                if next != first { owned.insert(d.token) }
                return next == first
            }
            if d.token < first {
                // a date before the trigger counts only in the same clause
                return first - d.token <= 10 && !(d.token..<first).contains { key($0) == w.comma || ew.clauseBreak.contains(key($0)) }
            }
            // a date after a causal cue belongs to the effect the cue introduces ("the attack sparked a protest on Saturday")
            return d.token - first <= 30 && !(first + 1..<d.token).contains { tokens[$0].kind == .word && lexicon.cues.contains(tokens, at: $0, limit: r.upperBound) }
        }.min(by: { dateDistance($0.token, first) < dateDistance($1.token, first) })
        if let own { return own }
        if type == .statement || type == .claim {
            return liveBlogEntry ? date.map { DateMention(token: first, date: $0.description) } : nil
        }
        // the cause named after a cue ("in response to the repeated attacks") is not dated by the sentence's effect
        let afterCue = (max(r.lowerBound, first - 4)..<first).contains { prevIsCueEnd($0) }
        // the sentence's other dates, unless they date a speech act ("the army said on Monday") or another noun
        let others = dates.filter { d in
            guard !owned.contains(d.token), !quoted(d.token) || quoted(first) else { return false }
            let near = max(r.lowerBound, d.token - 3)..<min(r.upperBound, d.token + 4)
            return !near.contains { Document.speechActWords.contains(key($0)) }
        }
        // "on Thursday, three days after the military launched an offensive": counted back from the sentence's date
        if let back = daysBefore(trigger: first), let anchor = others.first(where: { $0.token < first - 2 }), let a = anchor.date, let d = CalendarDate(iso: a) {
            return DateMention(token: first, date: d.adding(days: -back).description, inferred: true)
        }
        if !afterCue, var d = others.min(by: { dateDistance($0.token, first) < dateDistance($1.token, first) }) { d.inferred = true; return d }
        if let rel = relativeEventDate(before: first) { return DateMention(token: first, date: rel, inferred: true) }
        if !afterCue, liveBlogEntry, let d = date { return DateMention(token: first, date: d.description, inferred: true) }
        return nil
    }

    /// "three days after the military launched a large-scale offensive": the trigger is the event counted from;
    /// the number of days it lies before the sentence's own date.
    func daysBefore(trigger first: Int) -> Int? {
        let r = sentenceRange
        guard let a = (max(r.lowerBound, first - 8)..<first).last(where: { key($0) == w.afterKey }), a - 2 >= r.lowerBound,
              let unit = Document.dayUnits[key(a - 1)] else { return nil }
        if let n = number(at: a - 2, limit: a - 1) { return n.value * unit }
        if key(a - 2) == w.w_a || key(a - 2) == w.oneKey { return unit }
        return nil
    }

    /// Whether the current sentence opens with a live-blog timestamp ("08:15 - …").
    var liveBlogEntry: Bool {
        let r = sentenceRange
        guard r.count >= 3, tokens[r.lowerBound].kind == .number else { return false }
        var i = r.lowerBound + 1
        // "08:15" is one token or three
        if tokenText(r.lowerBound).contains(":") == false {
            guard r.count >= 5, key(i) == w.colon, tokens[i + 1].kind == .number else { return false }
            i += 2
        }
        let dash = tokenText(i)
        return dash == "-" || dash == "–" || dash == "—"
    }

    /// A date counted from another event: "Hours after the attack", "a day after the offensive started",
    /// "Two days later", "the next day". The counted-from event must already have a date.
    func relativeEventDate(before first: Int) -> String? {
        let r = sentenceRange
        var j = r.lowerBound
        while j < first {
            let kk = key(j)
            guard kk == w.afterKey || kk == w.later || Document.dayUnits[kk] != nil && j > r.lowerBound && Document.nextKeys.contains(key(j - 1)) else { j += 1; continue }
            // the expression must open the sentence or share the trigger's clause
            let sameClause = !(j..<first).contains { key($0) == w.comma || ew.clauseBreak.contains(key($0)) }
            guard j - r.lowerBound <= 6 || sameClause else { j += 1; continue }
            var days: Int? = nil
            var anchorAfter = j + 1
            if Document.dayUnits[kk] != nil {
                days = Document.dayUnits[kk]  // "the next day", "the following week"
                anchorAfter = -1
            } else if j > r.lowerBound {
                let u = key(j - 1)
                if Document.hourUnits.contains(u) || key(j - 1) == w.w_and { days = 0 }
                if let unit = Document.dayUnits[u] {
                    if j - 2 >= r.lowerBound, let n = number(at: j - 2, limit: j - 1) { days = n.value * unit } else if j - 2 >= r.lowerBound, key(j - 2) == w.w_a || key(j - 2) == w.oneKey { days = unit }
                }
            }
            guard let offset = days else { j += 1; continue }
            var anchor: String? = nil
            if kk == w.afterKey {
                // the event named just after "after": a mention of this sentence, or a date possessive ("Monday's bombing")
                if let em = eventMentions.first(where: { $0.tokens.lowerBound > j && $0.tokens.lowerBound <= anchorAfter + 4 }) { anchor = events[em.event].date }
            } else {
                // "later" / "the next day": the latest dated event reported before this sentence
                let start = Int(tokens[r.lowerBound].start)
                anchor = events.last(where: { !$0.dropped && $0.date != nil && $0.firstByte < start && $0.type != .statement && $0.type != .claim })?.date
            }
            if let a = anchor, let d = CalendarDate(iso: a) { return d.adding(days: offset).description }
            j += 1
        }
        return nil
    }
}
