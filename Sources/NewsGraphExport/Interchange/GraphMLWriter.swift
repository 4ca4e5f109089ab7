import NewsGraphCore

/// Writes a `KnowledgeGraph` as GraphML (http://graphml.graphdrawing.org/), for yEd, Gephi, networkx,
/// igraph and Cytoscape.
///
/// - One `<key>` per attribute, typed (`string`, `int`, `double`, `boolean`), declared before the graph in
///   a fixed order; node keys have ids `n_<name>`, edge keys `e_<name>`, and `attr.name` is the plain name.
/// - Nodes `n<NodeID>` (entities, then events), edges `e<EdgeID>` from source to target as stored (roles
///   event → entity, `responded_to` later → earlier event). Absent values are absent `<data>` elements.
/// - Lists (aliases, articles, per-source figures) are one string, items joined by `|` (a `|` or `\`
///   inside an item is escaped with `\`).
/// - Text is XML-escaped (see `XMLText`); the output is byte-identical for the same graph.
/// - `yEdGraphics` adds yFiles node and edge graphics (a shape and colour per type, the label, the evidence
///   sentence as the tooltip), so yEd shows labelled, coloured nodes at once; the attributes are the same.
public struct GraphMLWriter: Sendable {
    /// Add yEd's yFiles graphics (`y:ShapeNode`, `y:PolyLineEdge`) to every node and edge.
    public var yEdGraphics: Bool

    public init(yEdGraphics: Bool = false) {
        self.yEdGraphics = yEdGraphics
    }

    /// A GraphML attribute declaration.
    struct Key {
        var name: String
        var type: String
        var isEdge: Bool
        var id: String { (isEdge ? "e_" : "n_") + name }
    }

    /// The node attributes, in declaration order.
    static let nodeKeys: [Key] = [
        ("kind", "string"), ("label", "string"), ("name", "string"), ("type", "string"), ("key", "string"),
        ("aliases", "string"), ("date", "string"), ("trigger", "string"), ("place", "string"), ("factuality", "string"),
        ("killed", "int"), ("injured", "int"), ("killed_sources", "string"), ("injured_sources", "string"),
        ("cameo", "string"), ("acled", "string"), ("confidence", "double"), ("article_count", "int"), ("articles", "string"),
        ("evidence", "string"), ("article", "string"), ("sentence", "int"), ("span_start", "int"), ("span_end", "int"),
    ].map { Key(name: $0.0, type: $0.1, isEdge: false) }

    /// The edge attributes, in declaration order.
    static let edgeKeys: [Key] = [
        ("relation", "string"), ("relation_kind", "string"), ("label", "string"), ("confidence", "double"),
        ("factuality", "string"), ("disputed", "boolean"), ("cue", "string"), ("article_count", "int"), ("articles", "string"),
        ("evidence", "string"), ("article", "string"), ("sentence", "int"), ("span_start", "int"), ("span_end", "int"),
    ].map { Key(name: $0.0, type: $0.1, isEdge: true) }

    /// The GraphML text.
    public func write(_ graph: KnowledgeGraph) -> String {
        let view = InterchangeView(graph)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        if yEdGraphics { out += " xmlns:y=\"http://www.yworks.com/xml/graphml\"" }
        out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for k in Self.nodeKeys + Self.edgeKeys {
            out += "  <key id=\"\(k.id)\" for=\"\(k.isEdge ? "edge" : "node")\" attr.name=\"\(k.name)\" attr.type=\"\(k.type)\"/>\n"
        }
        if yEdGraphics {
            out += "  <key id=\"n_description\" for=\"node\" attr.name=\"description\" attr.type=\"string\"/>\n"
            out += "  <key id=\"y_node\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
            out += "  <key id=\"y_edge\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n"
        }
        out += "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n"
        let columns = max(1, Int(Double(view.nodes.count).squareRoot().rounded(.up)))
        for (i, n) in view.nodes.enumerated() {
            out += "    <node id=\"\(n.id)\">\n"
            for (key, value) in Self.values(n) { Self.data(key, value, into: &out) }
            if yEdGraphics {
                if let e = n.evidence, let s = e.sentence {
                    Self.data("n_description", s + " (" + e.article + ")", into: &out)
                }
                out += yEdNode(n, x: Double(i % columns) * 220, y: Double(i / columns) * 110)
            }
            out += "    </node>\n"
        }
        for e in view.edges {
            out += "    <edge id=\"\(e.id)\" source=\"\(e.source)\" target=\"\(e.target)\">\n"
            for (key, value) in Self.values(e) { Self.data(key, value, into: &out) }
            if yEdGraphics { out += yEdEdge(e) }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private static func data(_ key: String, _ value: String, into out: inout String) {
        out += "      <data key=\"\(key)\">\(XMLText.content(value))</data>\n"
    }

    /// A node's `(key id, text)` pairs, in key order, absent values left out.
    static func values(_ n: InterchangeNode) -> [(String, String)] {
        var v: [(String, String)] = [
            ("n_kind", n.kind.rawValue), ("n_label", n.label), ("n_name", n.name), ("n_type", n.type), ("n_key", n.key),
        ]
        if !n.aliases.isEmpty { v.append(("n_aliases", InterchangeList.join(n.aliases))) }
        if let x = n.date { v.append(("n_date", x)) }
        if let x = n.trigger { v.append(("n_trigger", x)) }
        if let x = n.place { v.append(("n_place", x)) }
        if let x = n.factuality { v.append(("n_factuality", x.rawValue)) }
        if let x = n.killed { v.append(("n_killed", String(x))) }
        if let x = n.injured { v.append(("n_injured", String(x))) }
        if !n.killedSources.isEmpty { v.append(("n_killed_sources", InterchangeList.join(InterchangeNames.figures(n.killedSources)))) }
        if !n.injuredSources.isEmpty { v.append(("n_injured_sources", InterchangeList.join(InterchangeNames.figures(n.injuredSources)))) }
        if let x = n.cameo { v.append(("n_cameo", x)) }
        if let x = n.acled { v.append(("n_acled", x)) }
        v.append(("n_confidence", InterchangeNames.decimal(n.confidence)))
        v.append(("n_article_count", String(n.articles.count)))
        if !n.articles.isEmpty { v.append(("n_articles", InterchangeList.join(n.articles))) }
        v += evidenceValues(n.evidence, prefix: "n_")
        return v
    }

    /// An edge's `(key id, text)` pairs, in key order, absent values left out.
    static func values(_ e: InterchangeEdge) -> [(String, String)] {
        var v: [(String, String)] = [
            ("e_relation", e.relation), ("e_relation_kind", e.relationKind), ("e_label", e.relation),
            ("e_confidence", InterchangeNames.decimal(e.edge.confidence)), ("e_factuality", e.edge.factuality.rawValue),
            ("e_disputed", e.edge.isDisputed ? "true" : "false"),
        ]
        if let c = e.edge.cue { v.append(("e_cue", c)) }
        v.append(("e_article_count", String(e.articles.count)))
        if !e.articles.isEmpty { v.append(("e_articles", InterchangeList.join(e.articles))) }
        v += evidenceValues(e.evidence, prefix: "e_")
        return v
    }

    private static func evidenceValues(_ e: EvidenceSummary?, prefix: String) -> [(String, String)] {
        guard let e else { return [] }
        var v: [(String, String)] = []
        if let s = e.sentence { v.append((prefix + "evidence", s)) }
        v.append((prefix + "article", e.article))
        if let s = e.sentenceIndex { v.append((prefix + "sentence", String(s))) }
        if let s = e.start { v.append((prefix + "span_start", String(s))) }
        if let s = e.end { v.append((prefix + "span_end", String(s))) }
        return v
    }

    // MARK: - yEd graphics

    private func yEdNode(_ n: InterchangeNode, x: Double, y: Double) -> String {
        let fill: String
        let shape: String
        let text: String
        if let t = EntityType(rawValue: n.type), n.kind == .entity {
            fill = Palette.mix(Palette.color(t), "#FFFFFF", 0.35)
            text = "#000000"
            shape = switch t {
            case .person: "ellipse"
            case .group: "hexagon"
            case .unit: "octagon"
            case .organization: "roundrectangle"
            case .place: "trapezoid"
            case .facility: "rectangle3d"
            }
        } else {
            let c = EventType(rawValue: n.type).map(EventCategory.init) ?? .violence
            fill = Palette.color(c, theme: .paper)
            text = Palette.textColor(c, theme: .paper)
            shape = "rectangle"
        }
        let longest = n.label.split(separator: "\n").map(\.count).max() ?? 0
        let width = max(60, min(320, 7 * longest + 24))
        var s = "      <data key=\"y_node\">\n"
        s += "        <y:ShapeNode>\n"
        s += "          <y:Geometry height=\"36.0\" width=\"\(width).0\" x=\"\(InterchangeNames.decimal(x))\" y=\"\(InterchangeNames.decimal(y))\"/>\n"
        s += "          <y:Fill color=\"\(fill)\" transparent=\"false\"/>\n"
        s += "          <y:BorderStyle color=\"#000000\" type=\"line\" width=\"1.0\"/>\n"
        s += "          <y:NodeLabel alignment=\"center\" fontFamily=\"Dialog\" fontSize=\"12\" textColor=\"\(text)\">\(XMLText.content(n.label))</y:NodeLabel>\n"
        s += "          <y:Shape type=\"\(shape)\"/>\n"
        s += "        </y:ShapeNode>\n"
        s += "      </data>\n"
        return s
    }

    private func yEdEdge(_ e: InterchangeEdge) -> String {
        let causal = e.relationKind == "causal"
        let color = causal ? "#000000" : e.relationKind == "role" ? "#4D4D4D" : "#7A7A7A"
        let style = e.edge.factuality == .denied ? "dashed" : e.edge.factuality == .reported ? "dotted" : "line"
        var s = "      <data key=\"y_edge\">\n"
        s += "        <y:PolyLineEdge>\n"
        s += "          <y:LineStyle color=\"\(color)\" type=\"\(style)\" width=\"\(causal ? "2.5" : "1.0")\"/>\n"
        s += "          <y:Arrows source=\"none\" target=\"standard\"/>\n"
        s += "          <y:EdgeLabel fontFamily=\"Dialog\" fontSize=\"10\" textColor=\"#333333\">\(XMLText.content(e.relation))</y:EdgeLabel>\n"
        s += "        </y:PolyLineEdge>\n"
        s += "      </data>\n"
        return s
    }
}
