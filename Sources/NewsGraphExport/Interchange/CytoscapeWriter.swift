import NewsGraphCore

/// Writes a `KnowledgeGraph` as Cytoscape.js JSON (https://js.cytoscape.org/#notation/elements-json), which
/// `cytoscape({ elements: json.elements })` loads and Cytoscape desktop imports (File → Import → Network
/// from File, `.cyjs`).
///
/// ```json
/// {"format_version": "1.0", "generated_by": "newsgraph", "target_cytoscapejs_version": "~3",
///  "data": {"name": "newsgraph", …},
///  "elements": {"nodes": [{"data": {"id": "n0", "label": …}, "classes": "entity group"}],
///               "edges": [{"data": {"id": "e0", "source": "n3", "target": "n0", "relation": "agent", …},
///                          "classes": "role agent"}]}}
/// ```
///
/// Node and edge `data` carry the same attributes as GraphML, with real JSON types: lists are arrays, numbers
/// numbers, `disputed` a boolean; per-source figures are arrays of `"article=value"` strings (Cytoscape
/// desktop takes lists of primitives only). `classes` (kind and type, relation kind and relation) are for
/// style selectors such as `node.group` or `edge.causal`. Keys come in a fixed order; output is deterministic.
///
/// The document is also what `networkx.cytoscape_graph` reads (networkx's `cytoscape_data` layout): top-level
/// `directed` and `multigraph` are true, each node's `data` has `value` (its id), and each edge's `data` has
/// `key` (its id, which tells parallel edges apart in a `MultiDiGraph`).
public struct CytoscapeWriter: Sendable {
    public init() {}

    /// The JSON text (UTF-8, pretty-printed with one element per block).
    public func write(_ graph: KnowledgeGraph) -> String {
        let view = InterchangeView(graph)
        let nodes: [JSONValue] = view.nodes.map { n in
            var d: [(String, JSONValue)] = [
                ("id", .string(n.id)), ("value", .string(n.id)), ("label", .string(n.label)), ("kind", .string(n.kind.rawValue)), ("name", .string(n.name)),
                ("type", .string(n.type)), ("key", .string(n.key)),
            ]
            if n.kind == .entity { d.append(("aliases", .array(n.aliases.map(JSONValue.string)))) }
            if let x = n.date { d.append(("date", .string(x))) }
            if let x = n.trigger { d.append(("trigger", .string(x))) }
            if let x = n.place { d.append(("place", .string(x))) }
            if let x = n.placeNode { d.append(("place_id", .string(x.description))) }
            if let x = n.factuality { d.append(("factuality", .string(x.rawValue))) }
            if let x = n.killed { d.append(("killed", .int(x))) }
            if let x = n.injured { d.append(("injured", .int(x))) }
            if !n.killedSources.isEmpty { d.append(("killed_sources", .array(InterchangeNames.figures(n.killedSources).map(JSONValue.string)))) }
            if !n.injuredSources.isEmpty { d.append(("injured_sources", .array(InterchangeNames.figures(n.injuredSources).map(JSONValue.string)))) }
            if let x = n.cameo { d.append(("cameo", .string(x))) }
            if let x = n.acled { d.append(("acled", .string(x))) }
            d.append(("confidence", .number(n.confidence)))
            d.append(("article_count", .int(n.articles.count)))
            d.append(("articles", .array(n.articles.map(JSONValue.string))))
            d += Self.evidence(n.evidence)
            return .object([("data", .object(d)), ("classes", .string("\(n.kind.rawValue) \(n.type)"))])
        }
        let edges: [JSONValue] = view.edges.map { e in
            var d: [(String, JSONValue)] = [
                ("id", .string(e.id)), ("key", .string(e.id)), ("source", .string(e.source)), ("target", .string(e.target)),
                ("relation", .string(e.relation)), ("relation_kind", .string(e.relationKind)), ("label", .string(e.relation)),
                ("confidence", .number(e.edge.confidence)), ("factuality", .string(e.edge.factuality.rawValue)),
                ("disputed", .bool(e.edge.isDisputed)),
            ]
            if let c = e.edge.cue { d.append(("cue", .string(c))) }
            d.append(("article_count", .int(e.articles.count)))
            d.append(("articles", .array(e.articles.map(JSONValue.string))))
            d += Self.evidence(e.evidence)
            return .object([("data", .object(d)), ("classes", .string("\(e.relationKind) \(e.relation)"))])
        }
        let root: JSONValue = .object([
            ("format_version", .string("1.0")),
            ("generated_by", .string("newsgraph")),
            ("target_cytoscapejs_version", .string("~3")),
            // networkx.cytoscape_graph reads these two, `value` (the node) and `key` (the parallel edge).
            ("directed", .bool(true)),
            ("multigraph", .bool(true)),
            ("data", .object([
                ("name", .string("newsgraph")),
                ("articles", .array(graph.articles.map { .string($0.id) })),
                ("entities", .int(graph.entityCount)), ("events", .int(graph.eventCount)), ("edges", .int(graph.edgeCount)),
            ])),
            ("elements", .object([("nodes", .array(nodes)), ("edges", .array(edges))])),
        ])
        var out = ""
        root.write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private static func evidence(_ e: EvidenceSummary?) -> [(String, JSONValue)] {
        guard let e else { return [] }
        var d: [(String, JSONValue)] = []
        if let s = e.sentence { d.append(("evidence", .string(s))) }
        d.append(("article", .string(e.article)))
        if let s = e.sentenceIndex { d.append(("sentence", .int(s))) }
        if let s = e.start { d.append(("span_start", .int(s))) }
        if let s = e.end { d.append(("span_end", .int(s))) }
        return d
    }
}

/// A JSON value with ordered object keys, written deterministically (RFC 8259; strings quoted by
/// `QuotedString`, so the text is also a valid JavaScript literal).
enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Writes the value; objects and arrays of objects go one member per line, arrays of scalars on one line.
    func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): JSONValue.quote(s, into: &out)
        case .int(let i): out += String(i)
        case .number(let x): out += InterchangeNames.decimal(x)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let nested = items.contains { if case .object = $0 { true } else if case .array = $0 { true } else { false } }
            if !nested {
                out += "["
                for (i, v) in items.enumerated() {
                    if i > 0 { out += ", " }
                    v.write(into: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                v.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            // Small flat objects (element data) stay on one line; containers break.
            let flat = indent >= 2 && !members.contains { if case .object = $0.1 { true } else { false } }
            if flat {
                out += "{"
                for (i, (k, v)) in members.enumerated() {
                    if i > 0 { out += ", " }
                    JSONValue.quote(k, into: &out)
                    out += ": "
                    v.write(into: &out, indent: indent)
                }
                out += "}"
                return
            }
            out += "{\n"
            for (i, (k, v)) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                JSONValue.quote(k, into: &out)
                out += ": "
                v.write(into: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A JSON string (see `QuotedString`: RFC 8259, also a valid JavaScript literal).
    static func quote(_ s: String, into out: inout String) {
        QuotedString.append(s, to: &out)
    }
}
