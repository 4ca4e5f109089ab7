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

    /// `query:LINE:COLUMN: message` (or `query: message` when there is no position).
    public var description: String {
        if let range { return "query:\(range.start.line):\(range.start.column): \(message)" }
        return "query: \(message)"
    }

    /// The one-line message, then the query line and a caret line under the offending text.
    public var diagnostic: String {
        guard let range else { return description }
        let lines = query.split(separator: "\n", omittingEmptySubsequences: false)
        let index = range.start.line - 1
        guard lines.indices.contains(index) else { return description }
        let line = String(lines[index])
        // Keep tabs in the padding so the caret lines up under tab-indented text.
        let padding = String(line.prefix(range.start.column - 1).map { $0 == "\t" ? "\t" : " " })
        let carets = String(repeating: "^", count: max(1, min(range.length, max(1, line.count - range.start.column + 1))))
        return "\(description)\n  \(line)\n  \(padding)\(carets)"
    }
}
