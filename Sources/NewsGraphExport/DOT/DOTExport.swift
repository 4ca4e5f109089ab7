import NewsGraphCore

/// DOT text of a `KnowledgeGraph` or of a subgraph (a query answer): the entry point of
/// `newsgraph export --format dot`, of the query command's `--format dot`, and of `newsgraph render`.
///
/// Pure Swift, no Graphviz: the text always parses with Graphviz 2.42.2 (see `DOTWriter`) and is
/// byte-identical for the same graph and options.
public enum DOTExport {
    /// The styled figure of a view (default: the whole graph, paper theme, with legend).
    public static func dot(_ graph: KnowledgeGraph, options: FigureOptions = FigureOptions()) throws(FigureError) -> String {
        try figure(graph, options: options).dot.text
    }

    /// The figure and its DOT model, with the view's notes (what the node budget dropped, empty selections).
    public static func figure(_ graph: KnowledgeGraph, options: FigureOptions = FigureOptions()) throws(FigureError)
        -> (figure: Figure, dot: DOTGraph, notes: [String])
    {
        let f = try FigureBuilder.build(graph, options: options)
        return (f, FigureStyle.dot(f, options: options), f.notes)
    }

    /// Unstyled DOT for interchange: one node per entity and event (`label`, `kind`, `type`, and for events
    /// `date`, `place`, `killed`, `injured`), one edge per graph edge (`relation`, `confidence`, `factuality`).
    /// Node names are `n<NodeID>`; edges go from `source` to `target` as stored (agent roles event → entity,
    /// `responded_to` later → earlier).
    public static func plain(_ graph: KnowledgeGraph) -> String {
        var g = DOTGraph(kind: .digraph, id: "newsgraph")
        for n in graph.nodeIDs {
            var a: DOTAttributes = ["label": .text(graph.label(of: n)), "key": .raw(graph.key(of: n))]
            if let e = graph.entity(n) {
                a["kind"] = "entity"; a["type"] = .raw(e.type.rawValue); a["name"] = .raw(e.name)
                if !e.aliases.isEmpty { a["aliases"] = .raw(e.aliases.joined(separator: "|")) }
            } else if let v = graph.event(n) {
                a["kind"] = "event"; a["type"] = .raw(v.type.rawValue); a["trigger"] = .raw(v.trigger)
                a["factuality"] = .raw(v.factuality.rawValue)
                if let d = v.date { a["date"] = .raw(d) }
                if let p = v.place { a["place"] = .raw(graph.name(of: p)) }
                if let k = v.killedConsensus { a["killed"] = .raw(String(k)) }
                if let i = v.injuredConsensus { a["injured"] = .raw(String(i)) }
            }
            g.add(DOTNode(DOTID(n.description), a))
        }
        for e in graph.edges {
            var a: DOTAttributes = [
                "relation": .raw(e.relation.name), "label": .text(e.relation.name),
                "confidence": .number(e.confidence), "factuality": .raw(e.factuality.rawValue),
            ]
            if e.isDisputed { a["disputed"] = .bool(true) }
            if let cue = e.cue { a["cue"] = .raw(cue) }
            g.add(DOTEdge(DOTEndpoint(DOTID(e.source.description)), DOTEndpoint(DOTID(e.target.description)), a))
        }
        return g.text
    }
}
