/// The wire dateline that opens a paragraph of news copy: "ADDIS ABABA, March 22 – …", "QUETTA: …",
/// "CAGAYAN DE ORO (MindaNews / 10 August) — …", "ALBAWABA- …". The parser reads it apart from the sentence after
/// it: run together, the place's capitals become the sentence's subject ("ABABA … announced").
enum WireDateline {
    /// The length in scalars of the dateline (its separator and the space after it included) at the start of
    /// `line`, or nil when the line does not open with one.
    /// No dateline is longer than this (in scalars).
    static let longest = 120

    static func length(_ line: String.UnicodeScalarView) -> Int? {
        let s = Array(line.prefix(longest))
        var i = 0
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        // the place: capitals, spaces and name punctuation, at least three capitals, no lower-case letter
        var capitals = 0
        let placeStart = i
        var wordStart = i
        var capitalsBeforeWord = 0
        while i < s.count {
            let c = s[i]
            if c.properties.isUppercase { capitals += 1; i += 1; continue }
            if c.properties.isLowercase {
                // "ALBAWABA- Israel …": a capitalised word after the place is the sentence's
                guard wordStart > placeStart else { return nil }
                i = wordStart
                capitals = capitalsBeforeWord
                break
            }
            if c == " " { i += 1; wordStart = i; capitalsBeforeWord = capitals; continue }
            if c == "." || c == "'" || c == "’" || c == "-" { i += 1; continue }
            break
        }
        guard capitals >= 3, i > placeStart else { return nil }
        // "ALBAWABA- Israel …": the hyphen after the place is the separator
        if i >= 2, s[i - 1] == " ", s[i - 2] == "-" { return i }
        // ", March 22", ", Kurdistan Region": a date or region after a comma
        if i < s.count, s[i] == "," {
            var j = i + 1
            while j < s.count, j - i < 32, s[j] != "–", s[j] != "—", s[j] != "-", s[j] != ":", s[j] != "(", s[j] != "," { j += 1 }
            i = j
        }
        // "(MindaNews / 10 August)", "(Reuters)": the agency
        while i < s.count, s[i] == " " { i += 1 }
        if i < s.count, s[i] == "(", let close = s[i...].prefix(60).firstIndex(of: ")") { i = close + 1 }
        while i < s.count, s[i] == " " { i += 1 }
        guard i + 1 < s.count, ["–", "—", "-", ":"].contains(s[i]), s[i + 1] == " " else { return nil }
        return i + 2
    }
}
