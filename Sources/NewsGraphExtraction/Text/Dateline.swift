import NewsGraphCore

/// The dateline some agency feeds put before the text: ` date 2024-11-16 Quetta, Nov 16 `.
public struct Dateline: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// The place named in the dateline, if any.
    public var place: String?
    /// Byte offset of the first byte of the body after the dateline.
    public var bodyStart: Int

    /// Parses a dateline at the start of `text`, or returns nil when there is none.
    /// Accepts ` date YYYY-MM-DD` optionally followed by `Place, Mon DD` (the place may have several words).
    public static func parse(_ text: [UInt8]) -> Dateline? {
        var i = 0
        let n = min(text.count, 400)
        func skipSpaces() { while i < n, text[i] == 0x20 || text[i] == 0x09 || text[i] == 0xEF || text[i] == 0xBB || text[i] == 0xBF { i += 1 } }
        skipSpaces()
        let keyword: [UInt8] = Array("date".utf8)
        guard i + 5 <= n, Array(text[i..<i + 4]).map({ $0 | 0x20 }) == keyword else { return nil }
        i += 4
        guard i < n, text[i] == 0x20 else { return nil }
        skipSpaces()
        // YYYY-MM-DD
        guard i + 10 <= n else { return nil }
        let d = Array(text[i..<i + 10])
        let digitsAt = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digitsAt.allSatisfy({ d[$0] >= 0x30 && d[$0] <= 0x39 }), d[4] == 0x2D, d[7] == 0x2D else { return nil }
        let date = String(decoding: d, as: UTF8.self)
        guard CalendarDate(iso: date) != nil else { return nil }
        i += 10
        let afterDate = i
        skipSpaces()
        // Optional "Place, Mon DD"
        if let comma = text[i..<n].firstIndex(of: 0x2C), comma - i <= 60, comma > i {
            let placeBytes = text[i..<comma]
            var j = comma + 1
            while j < n, text[j] == 0x20 { j += 1 }
            let monStart = j
            while j < n, (text[j] | 0x20) >= 0x61, (text[j] | 0x20) <= 0x7A { j += 1 }
            let mon = String(decoding: text[monStart..<j], as: UTF8.self).lowercased()
            if MonthNames.number(of: mon.hasSuffix(".") ? String(mon.dropLast()) : mon) != nil {
                if j < n, text[j] == 0x2E { j += 1 }
                while j < n, text[j] == 0x20 { j += 1 }
                let dayStart = j
                while j < n, text[j] >= 0x30, text[j] <= 0x39 { j += 1 }
                if j > dayStart, j - dayStart <= 2 {
                    let placeText = String(decoding: placeBytes, as: UTF8.self).trimmingSpaces()
                    var body = j
                    while body < text.count, text[body] == 0x20 || text[body] == 0x0A || text[body] == 0x0D { body += 1 }
                    return Dateline(date: date, place: placeText.isEmpty ? nil : placeText, bodyStart: body)
                }
            }
        }
        var body = afterDate
        while body < text.count, text[body] == 0x20 || text[body] == 0x0A || text[body] == 0x0D { body += 1 }
        return Dateline(date: date, place: nil, bodyStart: body)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
