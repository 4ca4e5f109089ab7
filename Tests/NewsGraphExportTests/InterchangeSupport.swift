import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element (namespaces processed: `name` is the local name).
final class XMLNode {
    let name: String
    let namespace: String?
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, namespace: String?, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    func all(_ name: String) -> [XMLNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
}

/// Parses XML with Foundation's XMLParser (libxml2), the well-formedness check of the tests.
final class XMLTree: NSObject, XMLParserDelegate {
    private var stack: [XMLNode] = []
    private(set) var root: XMLNode?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> XMLNode {
        let p = XMLParser(stream: InputStream(data: Data(text.utf8)))
        p.shouldProcessNamespaces = true
        let t = XMLTree()
        p.delegate = t
        // libxml2 recovers from some errors and parse() still returns true: parserError tells.
        guard p.parse(), p.parserError == nil, let root = t.root else {
            throw Failure(description: "not well-formed at line \(p.lineNumber), column \(p.columnNumber): \(String(describing: p.parserError))")
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let n = XMLNode(name: name, namespace: namespaceURI, attributes: attributes)
        if let parent = stack.last { parent.children.append(n) } else { root = n }
        stack.append(n)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}

/// RFC 4180 CSV parsing (quoted fields with `""`, line breaks inside quotes), strict: a quote inside an
/// unquoted field or text after a closing quote is an error.
enum CSV {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Rows of fields; each field with whether it was quoted.
    static func parse(_ text: String) throws -> [[(value: String, quoted: Bool)]] {
        var rows: [[(String, Bool)]] = []
        var row: [(String, Bool)] = []
        var field = String.UnicodeScalarView()
        var quoted = false, inQuotes = false, afterQuote = false
        let s = Array(text.unicodeScalars)
        var i = 0
        func endField() { row.append((String(field), quoted)); field = String.UnicodeScalarView(); quoted = false; afterQuote = false }
        while i < s.count {
            let c = s[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < s.count && s[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    inQuotes = false
                    afterQuote = true
                } else {
                    field.append(c)
                }
            } else if c == "," {
                endField()
            } else if c == "\n" {
                endField()
                rows.append(row)
                row = []
            } else if c == "\"" {
                guard field.isEmpty && !afterQuote else { throw Failure(description: "stray quote in row \(rows.count + 1)") }
                inQuotes = true
                quoted = true
            } else {
                guard !afterQuote else { throw Failure(description: "text after a closing quote in row \(rows.count + 1)") }
                field.append(c)
            }
            i += 1
        }
        guard !inQuotes else { throw Failure(description: "unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
        return rows
    }
}

/// A Turtle tokenizer for the structural check of the writer's output (the full parse is rdflib's, in
/// `scripts/check-interchange.py`): every token must be valid Turtle, literals decode, brackets balance.
enum TurtleTokens {
    enum Token: Equatable {
        case iri(String)
        case prefixed(prefix: String, local: String)
        case literal(String)
        case number(String)
        case keyword(String)
        case punct(Character)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func tokenize(_ text: String) throws -> [Token] {
        var out: [Token] = []
        let s = Array(text.unicodeScalars)
        var i = 0
        func isNameChar(_ u: Unicode.Scalar) -> Bool {
            u.properties.isAlphabetic || ("0" ... "9").contains(u) || u == "_" || u == "-" || u == "."
        }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\n" || c == "\t" || c == "\r" { i += 1; continue }
            if c == "#" { while i < s.count && s[i] != "\n" { i += 1 }; continue }
            if c == "<" {
                var j = i + 1
                var iri = String.UnicodeScalarView()
                while j < s.count && s[j] != ">" {
                    let u = s[j]
                    if u.value <= 0x20 || "<\"{}|^`\\".unicodeScalars.contains(u) {
                        throw Failure(description: "character U+\(String(u.value, radix: 16)) not allowed in an IRI")
                    }
                    iri.append(u)
                    j += 1
                }
                guard j < s.count else { throw Failure(description: "unterminated IRI") }
                out.append(.iri(String(iri)))
                i = j + 1
                continue
            }
            if c == "\"" {
                var j = i + 1
                var lit = String.UnicodeScalarView()
                while true {
                    guard j < s.count else { throw Failure(description: "unterminated literal") }
                    let u = s[j]
                    if u == "\"" { break }
                    if u == "\n" || u == "\r" { throw Failure(description: "raw line break in a literal") }
                    if u == "\\" {
                        guard j + 1 < s.count else { throw Failure(description: "dangling escape") }
                        let e = s[j + 1]
                        switch e {
                        case "n": lit.append("\n"); j += 2
                        case "r": lit.append("\r"); j += 2
                        case "t": lit.append("\t"); j += 2
                        case "b": lit.append("\u{08}"); j += 2
                        case "f": lit.append("\u{0C}"); j += 2
                        case "\"": lit.append("\""); j += 2
                        case "'": lit.append("'"); j += 2
                        case "\\": lit.append("\\"); j += 2
                        case "u":
                            guard j + 6 <= s.count, let v = UInt32(String(String.UnicodeScalarView(s[j + 2 ..< j + 6])), radix: 16),
                                  let u = Unicode.Scalar(v) else { throw Failure(description: "bad \\u escape") }
                            lit.append(u); j += 6
                        default: throw Failure(description: "bad escape \\\(e)")
                        }
                        continue
                    }
                    lit.append(u)
                    j += 1
                }
                out.append(.literal(String(lit)))
                i = j + 1
                continue
            }
            if c == "^" {
                guard i + 1 < s.count, s[i + 1] == "^" else { throw Failure(description: "lone ^") }
                out.append(.punct("^"))
                i += 2
                continue
            }
            if "[];,".unicodeScalars.contains(c) { out.append(.punct(Character(c))); i += 1; continue }
            if c == "." && (i + 1 >= s.count || !("0" ... "9").contains(s[i + 1])) { out.append(.punct(".")); i += 1; continue }
            if ("0" ... "9").contains(c) || c == "-" || c == "+" {
                var j = i
                var n = String.UnicodeScalarView()
                while j < s.count && (("0" ... "9").contains(s[j]) || s[j] == "." || s[j] == "-" || s[j] == "+" || s[j] == "e" || s[j] == "E") {
                    // A trailing '.' ends the statement.
                    if s[j] == ".", j + 1 >= s.count || !("0" ... "9").contains(s[j + 1]) { break }
                    n.append(s[j]); j += 1
                }
                out.append(.number(String(n)))
                i = j
                continue
            }
            if c == "@" {
                var j = i + 1
                var w = String.UnicodeScalarView()
                while j < s.count && s[j].properties.isAlphabetic { w.append(s[j]); j += 1 }
                out.append(.keyword("@" + String(w)))
                i = j
                continue
            }
            // Prefixed name or keyword (a, true, false).
            var j = i
            var w = String.UnicodeScalarView()
            while j < s.count && (isNameChar(s[j]) || s[j] == ":") { w.append(s[j]); j += 1 }
            guard !w.isEmpty else { throw Failure(description: "unexpected character '\(c)'") }
            var word = String(w)
            // A name never ends with '.'; that dot ends the statement.
            var trailingDots = 0
            while word.hasSuffix(".") { word.removeLast(); trailingDots += 1 }
            if let colon = word.firstIndex(of: ":") {
                out.append(.prefixed(prefix: String(word[..<colon]), local: String(word[word.index(after: colon)...])))
            } else if ["a", "true", "false"].contains(word) {
                out.append(.keyword(word))
            } else {
                throw Failure(description: "unexpected word '\(word)'")
            }
            i = j - trailingDots
        }
        return out
    }
}
