import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NewsGraphCore
import NewsGraphExport

/// Turns GraphML bytes into a `GraphMLDocument` with Foundation's XMLParser (libxml2; external entities off).
final class GraphMLParser: NSObject, XMLParserDelegate {
    private var doc = GraphMLDocument()
    private var error: InterchangeError?
    private var stack: [String] = []
    private var sawRoot = false
    private var sawGraph = false
    /// The element being filled: ("node"|"edge", index).
    private var owners: [(String, Int)] = []
    private var currentKey: GraphMLDocument.Key?
    private var dataKey: String?
    private var dataHasChildren = false
    private var text = ""
    private var collecting = false
    private var labelText: String?
    private weak var parser: XMLParser?

    static func parse(_ data: Data) throws(InterchangeError) -> GraphMLDocument {
        // Through a stream, not XMLParser(data:): on Linux the latter hands libxml2 the whole buffer at once,
        // and past 10 MB libxml2 stops with an internal error ("huge input lookup"); a stream is fed in chunks.
        let p = XMLParser(stream: InputStream(data: data))
        p.shouldProcessNamespaces = true
        p.shouldResolveExternalEntities = false
        let delegate = GraphMLParser()
        delegate.parser = p
        p.delegate = delegate
        let ok = p.parse()
        if let e = delegate.error { throw e }
        // libxml2 recovers from some errors (a mismatched or missing end tag) and parse() still returns true:
        // the first error reported to the delegate counts.
        if let failure = delegate.xmlError ?? (!ok ? ((p.parserError as NSError?)?.code ?? 0, p.lineNumber, p.columnNumber) : nil) {
            let (code, line, column) = failure
            throw InterchangeError("malformed XML at line \(line), column \(column): \(describe(code)); check the file is complete, well-formed GraphML")
        }
        guard delegate.sawRoot else { throw InterchangeError("the file is empty or not XML; expected a GraphML document (<graphml>)") }
        return delegate.doc
    }

    private var line: Int { parser?.lineNumber ?? 0 }
    /// The first XML error libxml2 reported: code, line, column.
    private var xmlError: (Int, Int, Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if xmlError == nil { xmlError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
    }

    /// Words for the XML errors people meet (codes of `XMLParser.ErrorCode`).
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty or does not start with an element"
        case 5: "the document ends before every element is closed (truncated file?)"
        case 9: "a character that XML does not allow"
        case 23, 25: "an entity reference without its ';' (write & as &amp;)"
        case 26: "an undeclared entity (write & as &amp;)"
        case 38: "a '<' inside an attribute value (write &lt;)"
        case 39, 40, 41: "a broken attribute (attributes need name=\"value\")"
        case 42: "the same attribute twice on one element"
        case 64: "the XML declaration is not at the very start"
        case 68: "an element or attribute without a name (a stray '<' or '&'?)"
        case 73: "an unclosed tag ('>' expected)"
        case 76: "an end tag that does not match its start tag"
        case 77: "an unfinished tag"
        case 85, 86: "content after the root element"
        default:
            if let c = XMLParser.ErrorCode(rawValue: code) { "\(c) (libxml2 error \(code))" } else { "libxml2 error \(code)" }
        }
    }

    private func fail(_ message: String) {
        guard error == nil else { return }
        error = InterchangeError("line \(line): \(message)")
        parser?.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes a: [String: String] = [:]) {
        // once the file is refused, libxml2 may still report elements: nothing more is read
        guard error == nil else { return }
        defer { stack.append(name) }
        if !sawRoot {
            sawRoot = true
            guard name == "graphml" else {
                fail("the root element is <\(qualifiedName ?? name)>, not <graphml>; this is not a GraphML file\(name == "gexf" ? " (it is GEXF: open it in Gephi, or export GraphML)" : "")")
                return
            }
            return
        }
        if dataKey != nil {
            // Inside <data>: yFiles graphics (or other markup). Keep only node and edge label text.
            dataHasChildren = true
            if name == "NodeLabel" || name == "EdgeLabel" { collecting = true; text = "" }
            return
        }
        switch name {
        case "key":
            guard let id = a["id"] else { fail("a <key> has no id attribute"); return }
            currentKey = GraphMLDocument.Key(id: id, domain: a["for"] ?? "all", name: a["yfiles.type"] != nil ? nil : (a["attr.name"] ?? id))
        case "default":
            if currentKey != nil { collecting = true; text = "" }
        case "graph":
            if !sawGraph { sawGraph = true; doc.directed = (a["edgedefault"] ?? "directed") != "undirected" }
        case "node":
            guard let id = a["id"] else { fail("a <node> has no id attribute"); return }
            doc.nodes.append(GraphMLDocument.Element(id: id, line: line))
            owners.append(("node", doc.nodes.count - 1))
        case "edge":
            guard let s = a["source"], let t = a["target"] else { fail("an <edge> needs both source and target attributes"); return }
            var e = GraphMLDocument.Element(id: a["id"] ?? "", line: line)
            e.source = s
            e.target = t
            doc.edges.append(e)
            owners.append(("edge", doc.edges.count - 1))
        case "hyperedge":
            fail("hyperedges are not supported; replace each <hyperedge> with ordinary <edge>s")
        case "data":
            guard let key = a["key"] else { fail("a <data> element has no key attribute"); return }
            guard doc.keys[key] != nil else { fail("<data key=\"\(key)\"> uses a key that no <key> element declares; declare it before the graph"); return }
            dataKey = key
            dataHasChildren = false
            collecting = true
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard error == nil else { return }
        _ = stack.popLast()
        if let key = dataKey {
            if name == "NodeLabel" || name == "EdgeLabel" {
                if labelText == nil { labelText = text.trimmedWhitespace }
                collecting = false
                return
            }
            guard name == "data" else { return }
            dataKey = nil
            collecting = false
            guard let owner = owners.last, stack.last == owner.0 else { return } // graph-level data: ignored
            if owner.0 == "node" {
                if !dataHasChildren { doc.nodes[owner.1].data[key] = text }
                if let l = labelText, doc.nodes[owner.1].graphicsLabel == nil { doc.nodes[owner.1].graphicsLabel = l }
            } else {
                if !dataHasChildren { doc.edges[owner.1].data[key] = text }
                if let l = labelText, doc.edges[owner.1].graphicsLabel == nil { doc.edges[owner.1].graphicsLabel = l }
            }
            labelText = nil
            return
        }
        switch name {
        case "default":
            if currentKey != nil { currentKey?.defaultValue = text; collecting = false }
        case "key":
            if let k = currentKey { doc.keys[k.id] = k }
            currentKey = nil
        case "node", "edge":
            _ = owners.popLast()
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collecting { text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
