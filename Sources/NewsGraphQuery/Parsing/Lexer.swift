/// A token of the query language.
public struct Token: Sendable, Hashable {
    /// The kinds of token.
    public enum Kind: Sendable, Hashable {
        /// A bare word: letters, digits and the joiners `-`, `_`, `'`, `’`, `.`, `&`, `/`, `:` inside it
        /// ("BLA", "al-Shabaab", "Baru's", "2024-11-01", "kalat_attack", "event:kalat_attack:2024-11-16").
        case word
        /// A quoted name, `"…"`, `'…'` or `“…”`; `text` is the content without the quotes.
        case string
        /// `,`
        case comma
        /// `(`
        case leftParen
        /// `)`
        case rightParen
        /// `=`, `!=`, `<`, `<=`, `>`, `>=` (`==` and `<>` are accepted as `=` and `!=`).
        case comparison
        /// `?`, or `.` at the end of a sentence: ignored at the end of a query.
        case terminator
        /// The end of the query.
        case end
    }

    public var kind: Kind
    /// The token text (for strings, the unquoted content).
    public var text: String
    /// Where the token is in the query, quotes included.
    public var range: SourceRange

    public init(kind: Kind, text: String, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    /// The text lowercased, for keyword comparison.
    var lower: String { text.lowercased() }

    /// How the token reads in an error message: `'Pakistan'`, `"Sana Baru"`, `end of query`.
    var display: String {
        switch kind {
        case .end: return "end of query"
        case .string: return "\"\(QueryError.shortened(text))\""
        default: return "'\(QueryError.shortened(text))'"
        }
    }
}

/// Splits a query into tokens, keeping line and column of each.
public struct Lexer: Sendable {
    public let source: String

    public init(_ source: String) {
        self.source = source
    }

    /// All tokens, ending with one `.end` token.
    public func tokens() throws(QueryError) -> [Token] {
        let chars = Array(source)
        var tokens: [Token] = []
        var i = 0
        var line = 1
        var lineStart = 0

        func location(_ offset: Int) -> SourceLocation {
            SourceLocation(line: line, column: offset - lineStart + 1, offset: offset)
        }

        while i < chars.count {
            let c = chars[i]
            if c == "\n" {
                i += 1
                line += 1
                lineStart = i
                continue
            }
            if c.isWhitespace { i += 1; continue }
            let start = location(i)
            let token: Token
            switch c {
            case "\"", "'", "“", "‘":
                token = try quotedName(chars, i, start)
            case ",":
                token = Token(kind: .comma, text: ",", range: SourceRange(start: start, length: 1))
            case "(":
                token = Token(kind: .leftParen, text: "(", range: SourceRange(start: start, length: 1))
            case ")":
                token = Token(kind: .rightParen, text: ")", range: SourceRange(start: start, length: 1))
            case "?":
                token = Token(kind: .terminator, text: "?", range: SourceRange(start: start, length: 1))
            case "!" where !(i + 1 < chars.count && chars[i + 1] == "="):
                token = Token(kind: .terminator, text: String(c), range: SourceRange(start: start, length: 1))
            case ".":
                token = Token(kind: .terminator, text: ".", range: SourceRange(start: start, length: 1))
            case "=", "<", ">", "!":
                token = Self.comparison(chars, i, start)
            default:
                token = try word(chars, i, start)
            }
            tokens.append(token)
            i += token.range.length
        }
        tokens.append(Token(kind: .end, text: "", range: SourceRange(start: location(i), length: 1)))
        return tokens
    }

    private static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
    private static func isJoiner(_ c: Character) -> Bool { c == "-" || c == "'" || c == "’" || c == "." || c == "&" || c == "/" || c == ":" }

    /// The quoted name opened by `chars[i]`; its range covers both quotes.
    private func quotedName(_ chars: [Character], _ i: Int, _ start: SourceLocation) throws(QueryError) -> Token {
        let c = chars[i]
        let close: Character = c == "“" ? "”" : c == "‘" ? "’" : c
        var j = i + 1
        var text = ""
        while j < chars.count, chars[j] != close, !(c == "\"" && chars[j] == "”") {
            if chars[j] == "\n" { break }
            text.append(chars[j])
            j += 1
        }
        guard j < chars.count, chars[j] != "\n" else {
            throw QueryError(.syntax, "unterminated quoted name; close it with \(close)",
                             at: SourceRange(start: start, length: j - i), in: source)
        }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else {
            throw QueryError(.syntax, "empty quoted name", at: SourceRange(start: start, length: j - i + 1), in: source)
        }
        return Token(kind: .string, text: trimmed, range: SourceRange(start: start, length: j - i + 1))
    }

    /// A comparison operator at `chars[i]` (`=`, `<`, `>`, `!`, with a following `=`, or `<>`); `==` reads as `=`
    /// and `<>` as `!=`.
    private static func comparison(_ chars: [Character], _ i: Int, _ start: SourceLocation) -> Token {
        let c = chars[i]
        var op = String(c)
        if i + 1 < chars.count, chars[i + 1] == "=" || (c == "<" && chars[i + 1] == ">") {
            op.append(chars[i + 1])
        }
        let length = op.count
        switch op {
        case "==": op = "="
        case "<>": op = "!="
        default: break
        }
        return Token(kind: .comparison, text: op, range: SourceRange(start: start, length: length))
    }

    /// The word starting at `chars[i]`: word characters joined by hyphens, apostrophes, dots and the like.
    private func word(_ chars: [Character], _ i: Int, _ start: SourceLocation) throws(QueryError) -> Token {
        let c = chars[i]
        guard Self.isWordChar(c) else {
            throw QueryError(.syntax, "unexpected character '\(c)'; quote names that contain it",
                             at: SourceRange(start: start, length: 1), in: source)
        }
        var j = i
        var text = ""
        while j < chars.count {
            if Self.isWordChar(chars[j]) {
                text.append(chars[j]); j += 1
            } else if Self.isJoiner(chars[j]), j + 1 < chars.count, Self.isWordChar(chars[j + 1]) {
                text.append(chars[j]); j += 1
            } else if chars[j] == ".", text.contains("."), j + 1 == chars.count || !Self.isWordChar(chars[j + 1]) {
                // An abbreviation's last dot ("U.S.").
                text.append(chars[j]); j += 1
                break
            } else if (chars[j] == "'" || chars[j] == "’"), j + 1 == chars.count || !Self.isWordChar(chars[j + 1]),
                      text.last == "s" || text.last == "S" {
                // A plural possessive ("militants'"): keep the apostrophe out of the name.
                j += 1
                break
            } else {
                break
            }
        }
        return Token(kind: .word, text: text, range: SourceRange(start: start, length: j - i))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
