import NewsGraphCore

/// Turns graph nodes and edges into answer values (summaries, links, evidence) and collects the subgraph.
struct AnswerBuilder {
    let graph: KnowledgeGraph
    private(set) var nodes: Set<NodeID> = []
    private(set) var edges: Set<EdgeID> = []

    init(graph: KnowledgeGraph) {
        self.graph = graph
    }

    // MARK: Nodes

    /// The names of the entities an event's role edges point to.
    func participants(_ event: NodeID, _ role: EventRole) -> [NodeID] {
        graph.edgeIDs(of: event, relation: .role(role), direction: .outgoing).map { graph.endpoints(of: $0).target }
    }

    /// The event's place: the place role edge, else the event's `place`.
    func place(of event: NodeID) -> NodeID? {
        participants(event, .place).first
    }

    /// "operation by Pakistan Army against Sana Baru in Kech", "claim by BLA", "Sana Baru" for entities.
    func label(_ node: NodeID) -> String {
        guard let type = graph.eventType(of: node) else { return graph.name(of: node) }
        let agents = participants(node, .agent).map { graph.name(of: $0) }
        let targets = participants(node, .target).map { graph.name(of: $0) }
        let place = self.place(of: node).map { graph.name(of: $0) }
        var s = type.rawValue
        func list(_ names: [String]) -> String {
            names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
        }
        switch type {
        case .killing, .arrest, .abduction:
            if !targets.isEmpty { s += " of \(list(targets))" }
            if !agents.isEmpty { s += " by \(list(agents))" }
        case .operation:
            if !agents.isEmpty { s += " by \(list(agents))" }
            if !targets.isEmpty { s += " against \(list(targets))" }
        case .statement, .protest, .claim:
            if !agents.isEmpty { s += " by \(list(agents))" }
            if !targets.isEmpty { s += " about \(list(targets))" }
        case .attack, .bombing, .clash:
            if !agents.isEmpty { s += " by \(list(agents))" }
            if !targets.isEmpty { s += " on \(list(targets))" }
        }
        if let place { s += " at \(place)" }
        return s
    }

    func summary(_ node: NodeID) -> NodeSummary {
        if let type = graph.entityType(of: node) {
            return NodeSummary(id: node.description, key: graph.key(of: node), kind: .entity, type: type.rawValue,
                               name: graph.name(of: node), label: graph.name(of: node))
        }
        let event = graph.event(node)
        return NodeSummary(
            id: node.description, key: graph.key(of: node), kind: .event, type: event?.type.rawValue ?? "event",
            name: graph.name(of: node), label: label(node), date: event?.date,
            place: place(of: node).map { graph.name(of: $0) },
            agents: participants(node, .agent).map { graph.name(of: $0) },
            targets: participants(node, .target).map { graph.name(of: $0) },
            killed: event?.killedConsensus, injured: event?.injuredConsensus)
    }

    // MARK: Evidence

    /// Evidence as sentences: one entry per distinct (article, sentence), in article then sentence order.
    func evidence(_ items: [Evidence]) -> [AnswerEvidence] {
        var out: [AnswerEvidence] = []
        var seen: Set<AnswerEvidence> = []
        for e in items {
            let a = AnswerEvidence(article: graph.articleID(of: e), sentence: e.sentenceIndex, text: graph.sentence(of: e))
            if seen.insert(a).inserted { out.append(a) }
        }
        return out.sorted()
    }

    func evidence(of node: NodeID) -> [AnswerEvidence] { evidence(graph.evidence(of: node)) }

    // MARK: Recording

    /// A link for an edge (and the edge and its ends join the subgraph).
    mutating func link(_ id: EdgeID) -> AnswerLink {
        let (s, r, t) = graph.endpoints(of: id)
        edges.insert(id)
        nodes.insert(s)
        nodes.insert(t)
        let all = evidence(graph.evidence(of: id))
        return AnswerLink(id: id.description, from: s.description, relation: r.name, to: t.description,
                          fromLabel: label(s), toLabel: label(t), evidence: Array(all.prefix(Self.evidenceLimit)),
                          evidenceCount: all.count)
    }

    /// A row for a node (which joins the subgraph). Events carry the sentences that state them; entities carry
    /// none (the links that reach them carry the evidence).
    mutating func row(_ node: NodeID, depth: Int? = nil, via: EdgeID? = nil, related: [EdgeID] = []) -> AnswerRow {
        nodes.insert(node)
        let all = graph.isEvent(node) ? evidence(of: node) : []
        return AnswerRow(node: summary(node), depth: depth, via: via.map { link($0) }, related: related.map { link($0) },
                         evidence: Array(all.prefix(Self.evidenceLimit)), evidenceCount: all.count)
    }

    /// Evidence sentences kept per row or link; `evidenceCount` tells how many there are in all.
    static let evidenceLimit = 10

    mutating func include(_ node: NodeID) { nodes.insert(node) }

    /// The `claimed_responsibility` edges into an event.
    func claims(of event: NodeID) -> [EdgeID] {
        graph.edgeIDs(of: event, relation: .triple(.claimedResponsibility), direction: .incoming)
    }

    var subgraph: AnswerSubgraph {
        let sortedEdges = edges.sorted()
        return AnswerSubgraph(nodeIDs: nodes.sorted(), edgeIDs: sortedEdges, edges: sortedEdges.map { id in
            let (s, r, t) = graph.endpoints(of: id)
            return AnswerSubgraph.Edge(id: id.description, from: s.description, relation: r.name, to: t.description)
        })
    }
}
