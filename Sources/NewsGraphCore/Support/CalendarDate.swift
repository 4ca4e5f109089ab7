/// A calendar day (proleptic Gregorian), for resolving relative dates ("on Saturday", "last Tuesday")
/// against a dateline and comparing event dates (± 1 day). No time zone, no Foundation.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), year > 0, year < 10000, (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// Exactly as splitting at "-" (empty parts dropped) into three parts of 4, 2 and 2 characters
    /// that `Int` parses: so "+123-01-02" and "2024--11-16" are read too, as they always were.
    /// Read from the UTF-8 bytes (no split, no arrays): inlinable so that it is specialised for the caller's type.
    @inlinable
    public init?(iso: some StringProtocol) {
        let parsed = iso.utf8.withContiguousStorageIfAvailable { CalendarDate.parseISO($0) }
            ?? { var copy = String(iso); return copy.withUTF8 { CalendarDate.parseISO($0) } }()
        guard let parsed else { return nil }
        self = parsed
    }

    /// The date in `bytes` (see `init?(iso:)`), nil when they are not one.
    @usableFromInline
    static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        // Only ASCII can parse: `Int` reads ASCII digits, so a part with any other byte fails, and
        // on ASCII a "-" byte is a "-" character (only CR LF joins ASCII bytes into one character).
        var values = (0, 0, 0)
        var part = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x2D { i += 1; continue }  // separators; empty parts are dropped
            // one part: an optional "+", then digits; no more than 4 bytes
            let start = i
            while i < bytes.count, bytes[i] != 0x2D { i += 1 }
            let length = i - start
            guard part < 3, length == (part == 0 ? 4 : 2) else { return nil }
            var j = start
            if bytes[j] == 0x2B { j += 1 }  // Int("+5") == 5
            guard j < i else { return nil }
            var v = 0
            while j < i {
                let digit = Int(bytes[j]) &- 0x30
                guard digit >= 0, digit <= 9 else { return nil }
                v = v * 10 + digit
                j += 1
            }
            switch part {
            case 0: values.0 = v
            case 1: values.1 = v
            default: values.2 = v
            }
            part += 1
        }
        guard part == 3 else { return nil }
        return CalendarDate(year: values.0, month: values.1, day: values.2)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// `YYYY-MM-DD`.
    public var description: String {
        if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
            // the usual case, written as ten bytes (a small string: no allocation)
            return String(unsafeUninitializedCapacity: 10) { out in
                func put(_ v: Int, _ width: Int, at start: Int) {
                    var v = v
                    for k in stride(from: start + width - 1, through: start, by: -1) {
                        out[k] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                        v /= 10
                    }
                }
                put(year, 4, at: 0)
                out[4] = 0x2D
                put(month, 2, at: 5)
                out[7] = 0x2D
                put(day, 2, at: 8)
                return 10
            }
        }
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }
}
