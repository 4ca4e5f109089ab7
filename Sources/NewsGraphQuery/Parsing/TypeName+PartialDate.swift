import NewsGraphCore

/// A type name in a `type = …` condition: an entity type, an event type, or `event`/`entity`.
public enum TypeName: Sendable, Hashable {
    case entity(EntityType)
    case event(EventType)
    case anyEntity
    case anyEvent

    /// Reads `group`, `groups`, `attack`, `attacks`, `event`, `entities` (case-insensitive).
    public init?(_ text: String) {
        let t = text.lowercased()
        let candidates = [t, t.hasSuffix("es") ? String(t.dropLast(2)) : t, t.hasSuffix("s") ? String(t.dropLast()) : t,
                          t.hasSuffix("ies") ? String(t.dropLast(3)) + "y" : t]
        for c in candidates {
            if c == "event" { self = .anyEvent; return }
            if c == "entity" { self = .anyEntity; return }
            if let e = EntityType(rawValue: c) { self = .entity(e); return }
            if let e = EventType(rawValue: c) { self = .event(e); return }
        }
        return nil
    }
}

/// A date of year, month or day precision (`2024`, `2024-11`, `2024-11-16`), compared on its own precision:
/// `date = 2024-11` is any day of November 2024, `date > 2024-11` is December or later.
public struct PartialDate: Sendable, Hashable {
    /// The normalised text, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var text: String
    /// The days it covers (days since 1970-01-01).
    public var days: ClosedRange<Int>

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2]) : nil
        if parts.count > 1 { guard parts[1].count <= 2, let m = month, (1...12).contains(m) else { return nil } }
        if parts.count > 2 { guard parts[2].count <= 2 else { return nil } }
        guard let first = CalendarDate(year: year, month: month ?? 1, day: day ?? 1) else { return nil }
        let last: CalendarDate?
        if day != nil {
            last = first
        } else if let month {
            last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        } else {
            last = CalendarDate(year: year, month: 12, day: 31)
        }
        guard let last else { return nil }
        self.days = first.dayNumber ... last.dayNumber
        self.text = ([String(parts[0])] + parts.dropFirst().map { $0.count == 1 ? "0" + $0 : String($0) }).joined(separator: "-")
    }

    /// Whether an event day satisfies `day OP self`.
    func test(_ day: Int, _ op: ComparisonOperator) -> Bool {
        switch op {
        case .equal, .in: days.contains(day)
        case .notEqual: !days.contains(day)
        case .less: day < days.lowerBound
        case .lessOrEqual: day <= days.upperBound
        case .greater: day > days.upperBound
        case .greaterOrEqual: day >= days.lowerBound
        }
    }

    /// The days that satisfy `day OP self`, as one range (nil for `!=`).
    func range(_ op: ComparisonOperator) -> ClosedRange<Int>? {
        switch op {
        case .equal, .in: days
        case .notEqual: nil
        case .less: Int(Int32.min) + 1 ... days.lowerBound - 1
        case .lessOrEqual: Int(Int32.min) + 1 ... days.upperBound
        case .greater: days.upperBound + 1 ... Int(Int32.max)
        case .greaterOrEqual: days.lowerBound ... Int(Int32.max)
        }
    }
}
