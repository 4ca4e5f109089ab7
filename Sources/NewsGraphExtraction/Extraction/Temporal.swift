import NewsGraphCore

/// Dates and numbers in a sentence, resolved against the dateline.
extension Document {
    static let weekdays: KeyMap<Int> = KeyMap(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated().map { (k($1), $0) })
    static let monthNames: KeyMap<Int> = {
        var m = KeyMap<Int>()
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, n) in full.enumerated() { m[k(n)] = i + 1; m[k(String(n.prefix(3)))] = i + 1 }
        m[k("sept")] = 9
        return m
    }()
    static let lastWords: KeySet = KeySet(["last", "previous", "past"].map(k))
    static let vagueTime: KeySet = KeySet(["week", "month", "year", "weeks", "months", "years", "fortnight"].map(k))

    /// A date expression in tokens `r`: the resolved date (nil when vague) and its token position.
    struct DateMention {
        var token: Int
        var date: String?
    }

    /// The date expressions of the current sentence.
    func findDates() -> [DateMention] {
        var out: [DateMention] = []
        let r = sentenceRange
        var i = r.lowerBound
        while i < r.upperBound {
            let kk = key(i)
            if let wd = Document.weekdays[kk], tokens[i].capitalized {
                out.append(DateMention(token: i, date: resolveWeekday(wd, at: i)))
            } else if let month = Document.monthNames[kk], tokens[i].capitalized {
                // "March 3", "3 March", "March 3, 2025"; "in March" alone is vague
                if i + 1 < r.upperBound, tokens[i + 1].kind == .number, let d = Int(tokenText(i + 1)), (1...31).contains(d) {
                    out.append(DateMention(token: i, date: resolveMonthDay(month, d, yearAfter: i + 2)))
                    i += 2; continue
                } else if i > r.lowerBound, tokens[i - 1].kind == .number, let d = Int(tokenText(i - 1)), (1...31).contains(d) {
                    out.append(DateMention(token: i, date: resolveMonthDay(month, d, yearAfter: i + 1)))
                } else if month != 5 || tokens[i].capitalized {
                    if !(month == 5 && isSentenceInitial(i)) { out.append(DateMention(token: i, date: nil)) }
                }
            } else if tokens[i].kind == .number, let d = numericDate(tokenText(i)) {
                out.append(DateMention(token: i, date: d))
            } else if kk == W.yesterday {
                out.append(DateMention(token: i, date: date?.adding(days: -1).description))
            } else if kk == W.today || (kk == W.w_this && i + 1 < r.upperBound && key(i + 1) == W.morning) {
                out.append(DateMention(token: i, date: date?.description))
            } else if Document.lastWords.contains(kk), i + 1 < r.upperBound, Document.vagueTime.contains(key(i + 1)) {
                out.append(DateMention(token: i, date: nil))
            } else if kk == W.earlier || kk == W.later, i + 2 < r.upperBound, key(i + 1) == W.w_this, Document.vagueTime.contains(key(i + 2)) {
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
        let nextLastWeek = i + 2 < sentenceRange.upperBound && key(i + 1) == W.w_last && key(i + 2) == W.week
        if prevLast && back == 0 { back = 7 }
        if nextLastWeek {
            // "Thursday last week": that weekday in the previous calendar week (weeks start on Monday)
            let mondayThisWeek = date.adding(days: -date.weekday)
            return mondayThisWeek.adding(days: -7 + wd).description
        }
        return date.adding(days: -back).description
    }

    func resolveMonthDay(_ month: Int, _ day: Int, yearAfter j: Int) -> String? {
        if j + 1 < sentenceRange.upperBound, key(j) == W.comma, tokens[j + 1].kind == .number, let y = Int(tokenText(j + 1)), (1900...2100).contains(y) {
            return CalendarDate(year: y, month: month, day: day)?.description
        }
        if j < sentenceRange.upperBound, tokens[j].kind == .number, let y = Int(tokenText(j)), (1900...2100).contains(y) {
            return CalendarDate(year: y, month: month, day: day)?.description
        }
        guard let date else { return nil }
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
        if key(i) == W.w_a || key(i) == W.about, i + 1 < limit, key(i + 1) == W.dozen { return (12, 2) }
        if let v = lexicon.numbers[t.key] {
            if key(i) == W.dozen || key(i) == W.score || key(i) == W.single || key(i) == W.both || key(i) == W.couple { return nil }
            if i + 1 < limit, key(i + 1) == W.dozen { return (v * 12, 2) }
            if i + 1 < limit, key(i + 1) == W.hundred { return (v * 100, 2) }
            return (v, 1)
        }
        // "twenty-five"
        let bytes = text[Int(t.start)..<Int(t.end)]
        if let dash = bytes.firstIndex(of: 0x2D), dash > bytes.startIndex, dash + 1 < bytes.endIndex,
           let a = lexicon.numbers[Tokenizer.hash(bytes[bytes.startIndex..<dash])], let b = lexicon.numbers[Tokenizer.hash(bytes[(dash + 1)...])], a >= 20, b < 10 {
            return (a + b, 1)
        }
        return nil
    }
}
