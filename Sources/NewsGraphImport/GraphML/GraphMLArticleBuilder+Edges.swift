import NewsGraphCore
import NewsGraphExport

extension GraphMLArticleBuilder {
    /// An edge of the document with its ends (node indexes), its relation and its values by attribute name.
    struct Edge {
        var source: Int
        var relation: Relation
        var target: Int
        var values: [String: String]
        var element: GraphMLDocument.Element
    }

    /// Each node's index by its id; a node id declared twice is an error.
    func indexNodes() throws(InterchangeError) -> [String: Int] {
        var nodeIndex: [String: Int] = [:]
        for (i, n) in doc.nodes.enumerated() {
            if nodeIndex[n.id] != nil { throw InterchangeError("line \(n.line): node id '\(n.id)' is declared twice; node ids must be unique") }
            nodeIndex[n.id] = i
        }
        return nodeIndex
    }

    /// The edges with their ends and relations: an end the file does not declare, or a missing or unknown
    /// relation, is an error.
    func readEdges(nodeIndex: [String: Int]) throws(InterchangeError) -> [Edge] {
        var edges: [Edge] = []
        for e in doc.edges {
            let v = values(e, domain: "edge")
            let describe = "edge\(e.id.isEmpty ? "" : " '\(e.id)'") \(e.source) → \(e.target)"
            guard let s = nodeIndex[e.source], let t = nodeIndex[e.target] else {
                let missing = nodeIndex[e.source] == nil ? e.source : e.target
                throw InterchangeError("line \(e.line): \(describe) names node '\(missing)', which the file does not declare; add the <node> or remove the edge")
            }
            let raw = v["relation"] ?? v["label"] ?? v["predicate"] ?? v["type"] ?? v["relationship"] ?? e.graphicsLabel
            guard let raw, !raw.trimmedWhitespace.isEmpty else {
                throw InterchangeError("line \(e.line): \(describe) has no relation; give it a 'relation' or 'label' attribute with one of: \(Relation.allCases.map(\.name).joined(separator: ", "))")
            }
            guard let r = Relation(name: Self.normalise(raw)) else {
                throw InterchangeError("line \(e.line): \(describe) has the unknown relation '\(raw)'; use one of: \(Relation.allCases.map(\.name).joined(separator: ", "))")
            }
            edges.append(Edge(source: s, relation: r, target: t, values: v, element: e))
        }
        return edges
    }

    /// Checks each edge's ends against its relation; a role edge written from the entity to the event is
    /// turned round (with a note), any other mismatch is an error.
    mutating func orient(_ edges: inout [Edge], kind: [NodeKind]) throws(InterchangeError) {
        for i in edges.indices {
            let e = edges[i]
            let describe = "line \(e.element.line): edge\(e.element.id.isEmpty ? "" : " '\(e.element.id)'") \(doc.nodes[e.source].id) → \(doc.nodes[e.target].id) '\(e.relation.name)'"
            switch e.relation {
            case .role:
                if kind[e.source] == .entity && kind[e.target] == .event {
                    edges[i].source = e.target
                    edges[i].target = e.source
                    notes.append("\(describe): a role edge goes from the event to the entity; read it reversed")
                } else if kind[e.source] != .event || kind[e.target] != .entity {
                    throw InterchangeError("\(describe): a role edge goes from an event to an entity, but it joins \(kind[e.source] == .event ? "an event" : "an entity") to \(kind[e.target] == .event ? "an event" : "an entity"); fix the nodes' kind or the relation")
                }
            case .causal:
                guard kind[e.source] == .event && kind[e.target] == .event else {
                    throw InterchangeError("\(describe): a causal edge joins two events, but \(kind[e.source] == .entity ? doc.nodes[e.source].id : doc.nodes[e.target].id) is an entity; fix its kind or the relation")
                }
            case .triple(let p):
                guard kind[e.source] == .entity else {
                    throw InterchangeError("\(describe): the subject of '\(p.rawValue)' must be an entity, but it is an event; fix its kind or the relation")
                }
                if kind[e.target] == .event && p != .claimedResponsibility {
                    throw InterchangeError("\(describe): the object of '\(p.rawValue)' must be an entity (only claimed_responsibility takes an event); fix its kind or the relation")
                }
            }
        }
    }
}
