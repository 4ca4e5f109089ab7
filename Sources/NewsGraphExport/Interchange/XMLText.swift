/// XML 1.0 escaping for the GraphML and GEXF writers.
///
/// - `&`, `<`, `>` become entity references everywhere; `"` too inside attribute values.
/// - Characters XML 1.0 forbids even as references (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) become
///   U+FFFD, so the document is always well-formed.
/// - Line breaks survive parsing: CR is written `&#13;` (parsers turn a raw CR into LF), and inside
///   attribute values LF and tab are written `&#10;` / `&#9;` (attribute-value normalisation would turn
///   them into spaces).
enum XMLText {
    /// Text for element content.
    static func content(_ s: String) -> String { escape(s, attribute: false) }

    /// Text for a double-quoted attribute value.
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    private static func escape(_ s: String, attribute: Bool) -> String {
        // Fast path: nothing to change.
        if !s.unicodeScalars.contains(where: { needsWork($0) }) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where attribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\n" where attribute: out.append(contentsOf: "&#10;".unicodeScalars)
            case "\t" where attribute: out.append(contentsOf: "&#9;".unicodeScalars)
            default:
                out.append(isAllowed(u) ? u : "\u{FFFD}")
            }
        }
        return String(out)
    }

    private static func needsWork(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "&", "<", ">", "\"", "\r", "\n", "\t": true
        default: !isAllowed(u)
        }
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
    }
}
