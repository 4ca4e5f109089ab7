/// A position in the query text: 1-based line and column (in characters), plus the character offset.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in characters (extended grapheme clusters) from the start of the line.
    public var column: Int
    /// 0-based character offset from the start of the query.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}

/// A span of the query text: where it starts and how many characters it covers.
public struct SourceRange: Sendable, Hashable, Codable {
    public var start: SourceLocation
    /// Length in characters (at least 1 when a caret line is drawn).
    public var length: Int

    public init(start: SourceLocation, length: Int) {
        self.start = start
        self.length = length
    }
}

/// An error in a query: a syntax error, an unknown name, or a query that cannot be answered.
///
/// `description` is the one-line message (`query:1:17: expected 'to' after path source, found 'Pakistan'`);
/// `diagnostic` adds the offending line of the query and a caret under the position.
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The text does not follow the grammar.
        case syntax
        /// A name matches no entity or event.
        case noMatch
        /// A value is out of range or of the wrong kind (an unknown event type, a bad date).
        case invalidValue
    }

    public var kind: Kind
    /// The message without location, e.g. "expected 'to' after path source, found 'Pakistan'".
    public var message: String
    /// Where in the query the problem is, when it can be pointed at.
    public var range: SourceRange?
    /// The query text (for the caret line).
    public var query: String
    /// Closest names, for `noMatch`.
    public var suggestions: [String]

    public init(_ kind: Kind, _ message: String, at range: SourceRange?, in query: String, suggestions: [String] = []) {
        self.kind = kind
        self.message = message
        self.range = range
        self.query = query
        self.suggestions = suggestions
    }

    /// The longest message `description` prints (characters); longer ones are cut with "…".
    public static let maxMessageLength = 300
    /// The widest excerpt of the query line `diagnostic` prints (characters) around the position.
    public static let maxExcerptLength = 100

    /// `query:LINE:COLUMN: message` (or `query: message` when there is no position): always one line, with
    /// control characters escaped (`\u{1B}`) and the message cut to `maxMessageLength` characters.
    public var description: String {
        let text = Self.escaped(Self.shortened(message, to: Self.maxMessageLength))
        if let range { return "query:\(range.start.line):\(range.start.column): \(text)" }
        return "query: \(text)"
    }

    /// The one-line message, then an excerpt of the query line (at most `maxExcerptLength` characters around
    /// the position, control characters shown as their Unicode pictures, e.g. ␛) and a caret line under the
    /// offending text.
    public var diagnostic: String {
        guard let range else { return description }
        let lines = query.split(separator: "\n", omittingEmptySubsequences: false)
        let index = range.start.line - 1
        guard lines.indices.contains(index) else { return description }
        let full = Array(lines[index])
        let column = max(0, min(range.start.column - 1, full.count))
        // A window of the line around the position.
        let width = Self.maxExcerptLength
        let from = full.count <= width ? 0 : max(0, min(column - width / 3, full.count - width))
        let to = min(full.count, from + width)
        let prefix = from > 0 ? "…" : "", suffix = to < full.count ? "…" : ""
        let line = full[from ..< to].map(Self.picture)
        // Keep tabs in the padding so the caret lines up under tab-indented text.
        let padding = String(repeating: " ", count: prefix.count) + String(full[from ..< max(from, column)].map { $0 == "\t" ? "\t" : " " })
        let carets = String(repeating: "^", count: max(1, min(range.length, max(1, to - column))))
        return "\(description)\n  \(prefix)\(String(line))\(suffix)\n  \(padding)\(carets)"
    }

    /// `text` cut to `limit` characters, with "…" when cut (names echoed in messages).
    static func shortened(_ text: String, to limit: Int = 60) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex {
            if count == limit { return String(text[..<end]) + "…" }
            end = text.index(after: end)
            count += 1
        }
        return text
    }

    /// Control characters (C0, DEL, C1, line and paragraph separators) as `\u{…}` escapes, tabs and line
    /// breaks as `\t`, `\n`, `\r`: the text then prints as one line and sends no terminal escape.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where isControl(u): out += "\\u{\(String(u.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F ... 0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    /// One character of the query line as printed under the message: a control character as its Unicode
    /// picture (␀…␟, ␡), other controls as "�", so that the caret still lines up.
    static func picture(_ c: Character) -> Character {
        guard c != "\t", c.unicodeScalars.contains(where: isControl) else { return c }
        if c.unicodeScalars.count == 1, let u = c.unicodeScalars.first {
            if u.value < 0x20, let p = Unicode.Scalar(0x2400 + u.value) { return Character(p) }
            if u.value == 0x7F { return "\u{2421}" }
        }
        return "\u{FFFD}"
    }
}
