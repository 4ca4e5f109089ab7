/// How GraphML, which has no list type, holds a list in one attribute value: `GraphMLWriter` joins with it
/// and the GraphML reader (`NewsGraphImport`) splits with it, so both sides use one encoding.
public enum InterchangeList {
    /// A list as one string: items joined by `|`, with `\` and `|` inside items escaped by a backslash
    /// (`split(_:)` reverses it). Used where a format has no list type (GraphML, GEXF).
    public static func join(_ items: [String]) -> String {
        var out = String.UnicodeScalarView()
        for (i, item) in items.enumerated() {
            if i > 0 { out.append("|") }
            for u in item.unicodeScalars {
                if u == "\\" || u == "|" { out.append("\\") }
                out.append(u)
            }
        }
        return String(out)
    }

    /// The items of a `join` string.
    public static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var escaped = false
        for u in text.unicodeScalars {
            if escaped { current.append(u); escaped = false }
            else if u == "\\" { escaped = true }
            else if u == "|" { items.append(String(current)); current = String.UnicodeScalarView() }
            else { current.append(u) }
        }
        if escaped { current.append("\\") }
        items.append(String(current))
        return items
    }
}
