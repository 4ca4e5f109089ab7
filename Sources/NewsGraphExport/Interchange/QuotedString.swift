/// The double-quoted string literals of the interchange writers: JSON (RFC 8259, for Cytoscape) and Turtle
/// (`STRING_LITERAL_QUOTE`), written by one escaping that is valid in both grammars.
///
/// - `"` and `\`, and the controls that have a short form (`\b` `\f` `\n` `\r` `\t`), are escaped as such;
/// - the other C0 controls (U+0000–U+001F), DEL (U+007F) and the line and paragraph separators
///   (U+2028, U+2029: raw, they end a JavaScript string literal before ES2019) as `\u` and four
///   upper-case hex digits;
/// - every other scalar is written as it is (both grammars allow it raw).
///
/// Each escape is a JSON escape and a Turtle `ECHAR` or `UCHAR`, so a literal reads back the same in both,
/// and the JSON is also safe to embed in JavaScript.
enum QuotedString {
    /// Whether `u` is written escaped.
    @inline(__always)
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || u.value == 0x7F || u == "\"" || u == "\\" || u.value == 0x2028 || u.value == 0x2029
    }

    /// Appends `s` in double quotes, escaped, to `out`.
    static func append(_ s: String, to out: inout String) {
        out += "\""
        // Fast path: nothing to escape.
        guard s.unicodeScalars.contains(where: needsEscape) else {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if needsEscape(u) {
                    let h = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    /// `s` in double quotes, escaped.
    static func quoted(_ s: String) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }
}
