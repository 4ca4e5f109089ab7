import NewsGraphCore

/// Writes a `KnowledgeGraph` as GEXF 1.3 (https://gexf.net/), Gephi's format, with time intervals so that
/// Gephi's timeline can play the graph day by day.
///
/// - `<graph mode="dynamic" timeformat="date">`: an event lives on its date (`start` = `end` = the date);
///   an entity appears with its first dated event (`start`, open end); an event's role edges and
///   `claimed_responsibility` edges live on the event's date; a causal edge spans from the earlier event's
///   date to the later one's. Undated events and entity–entity triples have no interval (always visible).
/// - Node and edge attributes are static, typed GEXF attributes (the same names as GraphML's; no attribute is
///   called `label`, `weight` or `id`, which GEXF readers reserve). Edges carry `label` and `kind` = the
///   relation and `weight` = the confidence; nodes a `viz:color` by type (the figures' Okabe–Ito palette).
/// - Lists are one string, items joined by `|` as in GraphML. Text is XML-escaped; output is deterministic.
public struct GEXFWriter: Sendable {
    public init() {}

    static let nodeAttributes: [(String, String)] = [
        ("kind", "string"), ("name", "string"), ("type", "string"), ("key", "string"), ("aliases", "string"),
        ("date", "string"), ("trigger", "string"), ("place", "string"), ("factuality", "string"), ("killed", "integer"),
        ("injured", "integer"), ("killed_sources", "string"), ("injured_sources", "string"), ("cameo", "string"),
        ("acled", "string"), ("confidence", "double"), ("article_count", "integer"), ("articles", "string"),
        ("evidence", "string"), ("article", "string"), ("sentence", "integer"), ("span_start", "integer"), ("span_end", "integer"),
    ]

    static let edgeAttributes: [(String, String)] = [
        ("relation", "string"), ("relation_kind", "string"), ("confidence", "double"), ("factuality", "string"),
        ("disputed", "boolean"), ("cue", "string"), ("article_count", "integer"), ("articles", "string"),
        ("evidence", "string"), ("article", "string"), ("sentence", "integer"), ("span_start", "integer"), ("span_end", "integer"),
    ]

    /// The GEXF text.
    public func write(_ graph: KnowledgeGraph) -> String {
        let view = InterchangeView(graph)
        let (nodeTimes, edgeTimes) = Self.intervals(graph, view)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>newsgraph</creator>\n"
        out += "    <description>\(XMLText.content("Knowledge graph of \(graph.articleCount) article(s): \(graph.entityCount) entities, \(graph.eventCount) events, \(graph.edgeCount) edges"))</description>\n"
        out += "  </meta>\n"
        out += "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" timerepresentation=\"interval\">\n"
        out += "    <attributes class=\"node\" mode=\"static\">\n"
        for (name, type) in Self.nodeAttributes {
            out += "      <attribute id=\"\(name)\" title=\"\(name)\" type=\"\(type)\"/>\n"
        }
        out += "    </attributes>\n"
        out += "    <attributes class=\"edge\" mode=\"static\">\n"
        for (name, type) in Self.edgeAttributes {
            out += "      <attribute id=\"\(name)\" title=\"\(name)\" type=\"\(type)\"/>\n"
        }
        out += "    </attributes>\n"
        out += "    <nodes>\n"
        for n in view.nodes {
            out += "      <node id=\"\(n.id)\" label=\"\(XMLText.attribute(n.label))\""
            if let t = nodeTimes[n.node.index] {
                out += " start=\"\(t.start)\""
                if let end = t.end { out += " end=\"\(end)\"" }
            }
            out += ">\n        <attvalues>\n"
            for (key, value) in GraphMLWriter.values(n) {
                let name = String(key.dropFirst(2))
                guard name != "label" else { continue }
                out += "          <attvalue for=\"\(name)\" value=\"\(XMLText.attribute(value))\"/>\n"
            }
            out += "        </attvalues>\n"
            let (r, g, b) = Self.rgb(Self.color(n))
            out += "        <viz:color r=\"\(r)\" g=\"\(g)\" b=\"\(b)\" a=\"1.0\"/>\n"
            out += "      </node>\n"
        }
        out += "    </nodes>\n"
        out += "    <edges>\n"
        for (i, e) in view.edges.enumerated() {
            out += "      <edge id=\"\(e.id)\" source=\"\(e.source)\" target=\"\(e.target)\" label=\"\(XMLText.attribute(e.relation))\""
            out += " kind=\"\(XMLText.attribute(e.relation))\" weight=\"\(InterchangeNames.decimal(e.edge.confidence))\""
            if let t = edgeTimes[i] { out += " start=\"\(t.start)\" end=\"\(t.end ?? t.start)\"" }
            out += ">\n        <attvalues>\n"
            for (key, value) in GraphMLWriter.values(e) {
                let name = String(key.dropFirst(2))
                guard name != "label" else { continue }
                out += "          <attvalue for=\"\(name)\" value=\"\(XMLText.attribute(value))\"/>\n"
            }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    /// A closed interval of `YYYY-MM-DD` dates; `end` nil is open.
    struct Interval: Equatable {
        var start: String
        var end: String?
    }

    /// The interval of every node (by index) and edge (by index), nil when untimed.
    static func intervals(_ graph: KnowledgeGraph, _ view: InterchangeView) -> ([Interval?], [Interval?]) {
        var nodeTimes = [Interval?](repeating: nil, count: view.nodes.count)
        var firstSeen = [String?](repeating: nil, count: view.nodes.count)
        for n in view.nodes where n.kind == .event {
            guard let d = n.date else { continue }
            nodeTimes[n.node.index] = Interval(start: d, end: d)
        }
        var edgeTimes = [Interval?](repeating: nil, count: view.edges.count)
        for (i, e) in view.edges.enumerated() {
            let s = e.edge.source.index, t = e.edge.target.index
            switch e.edge.relation {
            case .role:
                if let d = view.nodes[s].date {
                    edgeTimes[i] = Interval(start: d, end: d)
                    if firstSeen[t].map({ d < $0 }) ?? true { firstSeen[t] = d }
                }
            case .triple(.claimedResponsibility):
                if graph.isEvent(e.edge.target), let d = view.nodes[t].date {
                    edgeTimes[i] = Interval(start: d, end: d)
                    if firstSeen[s].map({ d < $0 }) ?? true { firstSeen[s] = d }
                }
            case .causal:
                let dates = [view.nodes[s].date, view.nodes[t].date].compactMap { $0 }.sorted()
                if let lo = dates.first, let hi = dates.last { edgeTimes[i] = Interval(start: lo, end: hi) }
            case .triple:
                break
            }
        }
        for n in view.nodes where n.kind == .entity {
            if let d = firstSeen[n.node.index] { nodeTimes[n.node.index] = Interval(start: d, end: nil) }
        }
        return (nodeTimes, edgeTimes)
    }

    static func color(_ n: InterchangeNode) -> String {
        if n.kind == .entity, let t = EntityType(rawValue: n.type) { return Palette.color(t) }
        return Palette.color(EventType(rawValue: n.type).map(EventCategory.init) ?? .violence, theme: .paper)
    }

    static func rgb(_ hex: String) -> (Int, Int, Int) {
        let h = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let v = Int(h, radix: 16) ?? 0
        return ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF)
    }
}
