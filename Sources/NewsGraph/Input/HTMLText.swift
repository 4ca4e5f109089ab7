/// The text of an HTML page, for articles saved from the web: tags dropped, `script`, `style`, `noscript`,
/// `template`, `svg` and `iframe` content dropped, the `title` kept apart, character references decoded, block elements
/// (`p`, `div`, `h1`…`h6`, `li`, `tr`, `br`, …) turned into paragraph breaks, other white space collapsed.
///
/// A page is recognised by its file extension (`.html`, `.htm`) or by its content starting (after a byte-order
/// mark and white space) with `<!DOCTYPE html` or `<html`, case-insensitively: `looksLikeHTML(_:)`.
public struct HTMLText: Sendable, Equatable {
    /// The text: paragraphs separated by a blank line.
    public var text: String
    /// The page's `<title>`, if any.
    public var title: String?

    /// Reads `html`.
    public init(html: String) {
        var reader = HTMLScanner(Array(html.unicodeScalars))
        reader.run()
        text = reader.paragraphs.joined(separator: "\n\n")
        title = reader.title.flatMap { t in
            let collapsed = HTMLScanner.collapse(t)
            return collapsed.isEmpty ? nil : collapsed
        }
    }

    /// Whether the bytes start like an HTML document (`<!DOCTYPE html` or `<html`, after a BOM and white space).
    public static func looksLikeHTML(_ bytes: some Collection<UInt8>) -> Bool {
        var head = Array(bytes.prefix(1024))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let start = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let lower = String(decoding: start.prefix(14), as: UTF8.self).lowercased()
        return lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html")
    }

    /// Whether a file name has an HTML extension.
    public static func isHTMLFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }
}

/// One pass over the characters of a page.
struct HTMLScanner {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var current = String.UnicodeScalarView()
    private(set) var paragraphs: [String] = []
    private(set) var title: String?

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    /// Elements whose content is not text.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "object"]
    /// Elements that end a paragraph.
    static let blocks: Set<String> = [
        "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
        "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre", "figure", "figcaption",
        "form", "fieldset", "address", "details", "summary", "body", "html", "td", "th", "caption",
    ]

    mutating func run() {
        while i < s.count {
            if s[i] == "<" {
                tag()
            } else if s[i] == "&" {
                current.append(contentsOf: reference().unicodeScalars)
            } else {
                current.append(s[i])
                i += 1
            }
        }
        flush()
    }

    private mutating func flush() {
        let p = Self.collapse(String(current))
        if !p.isEmpty { paragraphs.append(p) }
        current = String.UnicodeScalarView()
    }

    /// White space runs as one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private func starts(with word: String, at k: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        guard k + w.count <= s.count else { return false }
        for (j, c) in w.enumerated() where Character(s[k + j]).lowercased() != String(c) { return false }
        return true
    }

    /// Index just past `end` from `k` (case-insensitive), or the end of the text.
    private func after(_ end: String, from k: Int) -> Int {
        var j = k
        while j < s.count {
            if starts(with: end, at: j) { return j + end.unicodeScalars.count }
            j += 1
        }
        return s.count
    }

    private mutating func tag() {
        if starts(with: "<!--", at: i) { i = after("-->", from: i + 4); return }
        var j = i + 1
        let closing = j < s.count && s[j] == "/"
        if closing { j += 1 }
        var name = ""
        while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) {
            name.unicodeScalars.append(s[j])
            j += 1
        }
        guard !name.isEmpty || (j < s.count && (s[j] == "!" || s[j] == "?")) else {
            current.append("<")  // a lone "<" in text
            i += 1
            return
        }
        // Skip the attributes, respecting quotes.
        var quote: Unicode.Scalar?
        while j < s.count {
            let c = s[j]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { break }
            j += 1
        }
        i = min(j + 1, s.count)
        name = name.lowercased()
        if !closing && name == "title" {
            let end = after("</title", from: i)
            let stop = max(i, end - "</title".unicodeScalars.count)
            var inner = HTMLScanner(Array(s[i ..< stop]))
            inner.run()
            if title == nil { title = inner.paragraphs.joined(separator: " ") }
            i = after(">", from: end)
        } else if !closing && Self.skipped.contains(name) {
            i = after(">", from: after("</" + name, from: i))
        } else if Self.blocks.contains(name) {
            flush()
        }
    }

    /// A character reference at `i` (`&amp;`, `&#233;`, `&#xE9;`), decoded; an unknown one is kept as written.
    private mutating func reference() -> String {
        var j = i + 1
        var body = ""
        while j < s.count, j - i <= 32, s[j] != ";", s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#" {
            body.unicodeScalars.append(s[j])
            j += 1
        }
        let terminated = j < s.count && s[j] == ";"
        var decoded: String?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else if body.hasPrefix("#") {
            decoded = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else {
            decoded = HTMLEntities.named[body]
        }
        guard let decoded else {
            i += 1
            return "&"
        }
        i = terminated ? j + 1 : j
        return decoded
    }
}

/// The named character references that news pages use (HTML's full table has 2,231; the others are kept as written).
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”",
        "bdquo": "„", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "shy": "", "zwj": "", "zwnj": "",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "times": "×", "euro": "€", "pound": "£", "cent": "¢",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú", "agrave": "à", "egrave": "è",
        "ograve": "ò", "acirc": "â", "ecirc": "ê", "ocirc": "ô", "auml": "ä", "euml": "ë", "iuml": "ï", "ouml": "ö",
        "uuml": "ü", "ntilde": "ñ", "ccedil": "ç", "atilde": "ã", "otilde": "õ", "szlig": "ß",
        "Aacute": "Á", "Eacute": "É", "Oacute": "Ó", "Uacute": "Ú", "Ntilde": "Ñ", "Ccedil": "Ç",
    ]
}
