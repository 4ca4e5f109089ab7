// Reading a knowledge graph's edges: by id, by node (CSR out/in lists), between two nodes, degrees.

extension KnowledgeGraph {
    public func edge(_ id: EdgeID) -> Edge {
        let e = d.edges[id.index]
        return Edge(id: id, source: NodeID(rawValue: e.source), target: NodeID(rawValue: e.target),
                    relation: Relation(code: e.relation) ?? .triple(.attacked), confidence: Double(e.confidence),
                    factuality: e.factuality, isDisputed: e.disputed, cue: e.cue >= 0 ? d.cues[Int(e.cue)] : nil)
    }

    /// The source, relation and target of an edge without building an `Edge`.
    public func endpoints(of id: EdgeID) -> (source: NodeID, relation: Relation, target: NodeID) {
        let e = d.edges[id.index]
        return (NodeID(rawValue: e.source), Relation(code: e.relation) ?? .triple(.attacked), NodeID(rawValue: e.target))
    }

    /// Every edge, sorted by (source, relation, target).
    public var edges: [Edge] { edgeIDs.map(edge) }

    /// The IDs of a node's edges, optionally of one relation. Outgoing edges come sorted by (relation, target),
    /// incoming ones by (relation, source); `both` gives outgoing then incoming.
    public func edgeIDs(of node: NodeID, relation: Relation? = nil, direction: EdgeDirection = .both) -> [EdgeID] {
        guard node.index >= 0 && node.index < nodeCount else { return [] }
        var out: [EdgeID] = []
        let code = relation?.code
        if direction != .incoming {
            for i in Int(d.outOffsets[node.index]) ..< Int(d.outOffsets[node.index + 1]) where code == nil || d.edges[i].relation == code {
                out.append(EdgeID(i))
            }
        }
        if direction != .outgoing {
            for k in Int(d.inOffsets[node.index]) ..< Int(d.inOffsets[node.index + 1]) {
                let i = Int(d.inEdges[k])
                if code == nil || d.edges[i].relation == code { out.append(EdgeID(i)) }
            }
        }
        return out
    }

    /// A node's edges (see `edgeIDs(of:relation:direction:)`).
    public func edges(of node: NodeID, relation: Relation? = nil, direction: EdgeDirection = .both) -> [Edge] {
        edgeIDs(of: node, relation: relation, direction: direction).map(edge)
    }

    /// The nodes at the other end of a node's edges, without duplicates, in edge order.
    public func neighbours(of node: NodeID, relation: Relation? = nil, direction: EdgeDirection = .both) -> [NodeID] {
        var seen = Set<Int32>()
        var out: [NodeID] = []
        for id in edgeIDs(of: node, relation: relation, direction: direction) {
            let e = d.edges[id.index]
            let other = e.source == node.rawValue ? e.target : e.source
            if seen.insert(other).inserted { out.append(NodeID(rawValue: other)) }
        }
        return out
    }

    /// The edges from `source` to `target`.
    public func edges(from source: NodeID, to target: NodeID) -> [Edge] {
        guard source.index >= 0 && source.index < nodeCount else { return [] }
        return (Int(d.outOffsets[source.index]) ..< Int(d.outOffsets[source.index + 1]))
            .filter { d.edges[$0].target == target.rawValue }.map { edge(EdgeID($0)) }
    }

    /// The edges between two nodes in either direction.
    public func edges(between a: NodeID, and b: NodeID) -> [Edge] {
        a == b ? edges(from: a, to: a) : edges(from: a, to: b) + edges(from: b, to: a)
    }

    /// The number of edges at a node.
    public func degree(of node: NodeID, direction: EdgeDirection = .both) -> Int {
        guard node.index >= 0 && node.index < nodeCount else { return 0 }
        let o = Int(d.outOffsets[node.index + 1] - d.outOffsets[node.index])
        let i = Int(d.inOffsets[node.index + 1] - d.inOffsets[node.index])
        switch direction {
        case .outgoing: return o
        case .incoming: return i
        case .both: return o + i
        }
    }
}
