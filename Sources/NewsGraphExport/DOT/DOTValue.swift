// The three kinds of DOT attribute value, kept apart by type so that user text can never be
// written with the wrong escaping (../shared/notes/graphviz.md §4, items 6–10).

/// A raw DOT value: a node, graph, subgraph or port name, or an attribute value that Graphviz does
/// not treat as an escString (`shape`, `color`, `URL`, `id`, `class`, numbers).
///
/// The writer emits it bare when it is a plain identifier or numeral and not a keyword, and quoted
/// otherwise. Inside quotes the only DOT-layer escape is `\"`, so the value Graphviz reads back is the
/// string itself, with one limit of Graphviz 2.42.2's lexer: a backslash that comes right before a `"`,
/// a line break or the end of the value cannot be represented, and is written doubled (`\\`).
/// The views never put backslashes in IDs.
public struct DOTID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name as Graphviz should read it back.
    public var value: String

    public init(_ value: String) { self.value = value }
    public init(stringLiteral value: String) { self.value = value }

    public var description: String { value }

    public static func < (lhs: DOTID, rhs: DOTID) -> Bool { lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8) }
}

/// An escString value (`label`, `xlabel`, `headlabel`, `taillabel`, `tooltip`…): text that Graphviz
/// scans for `\n`, `\l`, `\r`, `\N`, `\G`, `\E`, `\T`, `\H`, `\L` and in which it decodes HTML entities.
///
/// `EscString(literal)` (or `.text`) keeps user text literal: `\` becomes `\\`, `&` becomes `&amp;`,
/// a line break (LF, CRLF or CR) becomes the centred line break `\n`, and control characters other than
/// tab and U+FFFE/U+FFFF (which Graphviz would pass into SVG/XML, where they are invalid) become U+FFFD.
/// Line breaks with other justification and name expansions are added as explicit pieces.
public struct EscString: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The value in Graphviz's escString syntax (what `agget` returns after parsing the DOT).
    public private(set) var encoded: String

    /// Literal user text.
    public init(_ text: String) { encoded = EscString.encodeLiteral(text) }
    public init(stringLiteral value: String) { self.init(value) }

    /// A value already in escString syntax, used as is (for example `"\\N"`). Prefer `init(_:)`.
    public init(escaped: String) { encoded = escaped }

    /// Literal user text.
    public static func text(_ text: String) -> EscString { EscString(text) }

    /// Justification of a line break.
    public enum Justification: Sendable { case center, left, right }

    /// A line break ending the preceding line with the given justification (`\n`, `\l`, `\r`).
    public static func lineBreak(_ j: Justification = .center) -> EscString {
        switch j {
        case .center: EscString(escaped: "\\n")
        case .left: EscString(escaped: "\\l")
        case .right: EscString(escaped: "\\r")
        }
    }

    /// `\N`: the node's name.
    public static let nodeName = EscString(escaped: "\\N")
    /// `\G`: the graph's name.
    public static let graphName = EscString(escaped: "\\G")

    public static func + (lhs: EscString, rhs: EscString) -> EscString { EscString(escaped: lhs.encoded + rhs.encoded) }
    public static func += (lhs: inout EscString, rhs: EscString) { lhs.encoded += rhs.encoded }

    /// Lines of literal text joined by line breaks of one justification (a trailing `\l` for left).
    public static func lines(_ lines: [String], justification: Justification = .center) -> EscString {
        var out = EscString(escaped: "")
        for (i, line) in lines.enumerated() {
            out += EscString(line)
            if justification != .center || i < lines.count - 1 { out += .lineBreak(justification) }
        }
        return out
    }

    public var description: String { encoded }

    /// The text Graphviz displays for an escString that contains no name expansions: the inverse of
    /// `init(_:)` up to line-break normalisation (tests and round trips use it).
    public static func decode(_ encoded: String) -> String {
        var out = ""
        var it = encoded.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\\" {
                guard let n = it.next() else { out.unicodeScalars.append(c); break }
                switch n {
                case "n", "l", "r": out += "\n"
                case "\\": out += "\\"
                default: out.unicodeScalars.append(n)
                }
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return decodeEntities(out)
    }

    /// The normal form of literal text that `decode(EscString(text).encoded)` gives back.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            if s == "\r" { out.append("\n"); previousCR = true; continue }
            if s == "\n" { if !previousCR { out.append("\n") }; previousCR = false; continue }
            previousCR = false
            out.append(isReplaced(s) ? "\u{FFFD}" : s)
        }
        return String(out)
    }

    /// Control characters (except tab) and the noncharacters U+FFFE/U+FFFF, which XML (SVG) forbids.
    static func isReplaced(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t") || s.value == 0x7F || s.value == 0xFFFE || s.value == 0xFFFF
    }

    static func encodeLiteral(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        var previousCR = false
        for s in text.unicodeScalars {
            switch s {
            case "\r":
                out.append(contentsOf: "\\n".unicodeScalars); previousCR = true; continue
            case "\n":
                if !previousCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            default: out.append(isReplaced(s) ? "\u{FFFD}" : s)
            }
            previousCR = false
        }
        return String(out)
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric entities, the way Graphviz does
    /// for plain labels (enough for the round trips of `init(_:)`, which only produces `&amp;`).
    static func decodeEntities(_ s: String) -> String {
        guard s.unicodeScalars.contains("&") else { return s }
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            if u[i] == "&", let semi = u[(i + 1)..<min(u.count, i + 12)].firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(u[(i + 1)..<semi]))
                var replacement: Unicode.Scalar?
                switch name {
                case "amp": replacement = "&"
                case "lt": replacement = "<"
                case "gt": replacement = ">"
                case "quot": replacement = "\""
                case "apos": replacement = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                        replacement = Unicode.Scalar(v)
                    } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                        replacement = Unicode.Scalar(v)
                    }
                }
                if let replacement {
                    out.append(replacement)
                    i = semi + 1
                    continue
                }
            }
            out.append(u[i])
            i += 1
        }
        return String(out)
    }
}

/// An HTML-like label (`label=<…>`): balanced markup whose text is XML-escaped.
///
/// Build it from escaped pieces (`HTMLLabel.text`, the table helpers) or validate hand-written
/// markup with `init(markup:)`. It is never split with `+` and never holds a backslash-newline.
public struct HTMLLabel: Hashable, Sendable, CustomStringConvertible {
    /// The markup between the outer `<` and `>`.
    public private(set) var markup: String

    /// Hand-written markup; `nil` unless its `<` and `>` are balanced and it has no backslash-newline.
    public init?(markup: String) {
        guard HTMLLabel.isBalanced(markup) else { return nil }
        self.markup = markup
    }

    init(trusted markup: String) { self.markup = markup }

    /// Text, XML-escaped (also `\`, which the DOT lexer would otherwise see, and control characters).
    public static func text(_ s: String) -> HTMLLabel { HTMLLabel(trusted: escape(s)) }

    public static func + (lhs: HTMLLabel, rhs: HTMLLabel) -> HTMLLabel { HTMLLabel(trusted: lhs.markup + rhs.markup) }

    /// An element `<tag a="v">content</tag>` with escaped attribute values.
    public static func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: HTMLLabel? = nil) -> HTMLLabel {
        var s = "<" + tag
        for (k, v) in attributes.sorted(by: { $0.key < $1.key }) { s += " \(k)=\"\(escape(v))\"" }
        if let content { s += ">" + content.markup + "</\(tag)>" } else { s += "/>" }
        return HTMLLabel(trusted: s)
    }

    public var description: String { markup }

    /// XML-escapes text for an HTML-like label.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in EscString.normalize(s).unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\\": out += "&#92;"
            case "\n": out += "<BR/>"
            case "\t": out += " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func isBalanced(_ s: String) -> Bool {
        var depth = 0
        var previous: Unicode.Scalar = " "
        for u in s.unicodeScalars {
            if u == "<" { depth += 1 } else if u == ">" { depth -= 1; if depth < 0 { return false } }
            if u == "\n" && previous == "\\" { return false }
            previous = u
        }
        return depth == 0
    }
}

/// An attribute value: raw, escString or HTML.
public enum DOTValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// A raw value (quoted when needed; see `DOTID`).
    case raw(String)
    /// An escString (labels, tooltips).
    case esc(EscString)
    /// An HTML-like label.
    case html(HTMLLabel)

    public init(stringLiteral value: String) { self = .raw(value) }
    public init(integerLiteral value: Int) { self = .raw(String(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }

    /// Literal user text as an escString.
    public static func text(_ s: String) -> DOTValue { .esc(EscString(s)) }

    /// A number, written without exponent and with at most 4 decimals (deterministic across platforms);
    /// magnitudes are clamped to 10^14, far beyond any Graphviz size or coordinate.
    public static func number(_ d: Double) -> DOTValue { .raw(formatNumber(d)) }

    /// A boolean (`true`/`false`).
    public static func bool(_ b: Bool) -> DOTValue { .raw(b ? "true" : "false") }

    static func formatNumber(_ d: Double) -> String {
        guard d.isFinite else { return "0" }
        let d = Swift.min(Swift.max(d, -1e14), 1e14)
        let scaled = (d * 10_000).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / 10_000
        var frac = String(magnitude % 10_000)
        frac = String(repeating: "0", count: 4 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        let body = frac.isEmpty ? String(whole) : "\(whole).\(frac)"
        return negative && magnitude != 0 ? "-" + body : body
    }
}
