import NewsGraphCore

/// What the store refuses in an article before writing it: text that SQLite would cut or that would break
/// the store's cell encoding (NUL, control characters), and dates that are not calendar days.
///
/// SQLite binds text up to its first NUL, so an id `"dup\u{0}one"` would be stored as `dup` and silently
/// merge with `"dup\u{0}two"`; lists inside a cell are joined with U+001F. So ids, names, types and dates
/// may hold no control character at all (C0, DEL, C1, U+2028/U+2029), and sentences and titles no NUL.
public enum ArticleValidation {
    /// The first problem of `a`, as the reason of `StoreError.invalidArticle`, or nil.
    public static func problem(_ a: ArticleGraph) -> String? {
        let info = a.article
        if let p = control(info.id, "the article id") { return p }
        if let p = control(info.contentHash, "the content hash") { return p }
        if let p = control(a.lexiconVersion, "the lexicon version") { return p }
        if let d = info.date, let p = date(d, "the article date") { return p }
        if let s = info.datelinePlace, let p = control(s, "the dateline place") { return p }
        if let s = info.source, let p = nul(s, "the source") { return p }
        if let s = info.title, let p = nul(s, "the title") { return p }
        for (i, s) in info.sentences.enumerated() {
            if let p = nul(s, "sentence \(i + 1)") { return p }
        }
        for e in a.entities {
            if let p = control(e.name, "the entity name") { return p }
            for alias in e.aliases {
                if let p = control(alias, "an alias of the entity '\(shown(e.name))'") { return p }
            }
        }
        for e in a.events {
            if let p = control(e.id, "the event id") { return p }
            if let p = control(e.trigger, "the trigger of event '\(shown(e.id))'") { return p }
            for n in e.agent + e.target {
                if let p = control(n, "a participant of event '\(shown(e.id))'") { return p }
            }
            if let s = e.place, let p = control(s, "the place of event '\(shown(e.id))'") { return p }
            if let d = e.date, let p = date(d, "the date of event '\(shown(e.id))'") { return p }
            for (k, v) in e.attributes {
                if let p = control(k, "an attribute name of event '\(shown(e.id))'") ?? nul(v, "the attribute '\(shown(k))' of event '\(shown(e.id))'") { return p }
            }
        }
        for t in a.triples {
            if let p = control(t.subject, "a triple subject") ?? control(t.object, "a triple object") { return p }
        }
        for c in a.causal {
            if let p = control(c.from, "a causal link's source") ?? control(c.to, "a causal link's target") { return p }
            if let p = nul(c.cue, "a causal cue") { return p }
        }
        return nil
    }

    /// Whether `u` is a control character: C0, DEL, C1, or the line and paragraph separators.
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F ... 0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    static func control(_ s: String, _ place: String) -> String? {
        guard let u = s.unicodeScalars.first(where: isControl) else { return nil }
        return "\(place) '\(shown(s))' contains the control character \(code(u)); remove it (ids and names may hold no control characters)"
    }

    static func nul(_ s: String, _ place: String) -> String? {
        guard s.unicodeScalars.contains("\u{0}") else { return nil }
        return "\(place) contains a NUL character (U+0000), which SQLite would cut the text at; remove it"
    }

    /// A date must be `YYYY-MM-DD` and a real calendar day.
    static func date(_ s: String, _ place: String) -> String? {
        let bytes = Array(s.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        let shaped = bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D && digits.allSatisfy { (0x30 ... 0x39).contains(bytes[$0]) }
        if shaped, CalendarDate(iso: s) != nil { return nil }
        return "\(place) '\(shown(s))' is not a calendar date; write it as YYYY-MM-DD (e.g. 2024-11-16), or leave it out"
    }

    static func code(_ u: Unicode.Scalar) -> String { "U+" + String(String(u.value, radix: 16, uppercase: true).leftPadded(4)) }

    /// A value as it can be printed in a one-line message: control characters as `\u{…}`, cut to 80 characters.
    public static func shown(_ s: String) -> String {
        var out = ""
        var n = 0
        for u in s.unicodeScalars {
            if n == 80 { out += "…"; break }
            if isControl(u) { out += "\\u{\(String(u.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(u) }
            n += 1
        }
        return out
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
