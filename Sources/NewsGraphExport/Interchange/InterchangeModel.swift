import NewsGraphCore

// The graph flattened to named values, shared by every interchange writer so that the formats agree on
// what a node and an edge carry (and on the ids `n<index>` / `e<index>`).

/// The evidence of a node or edge as the flat formats show it: one article, one sentence, one span.
struct EvidenceSummary: Sendable, Hashable {
    var article: String
    var sentenceIndex: Int?
    var sentence: String?
    var start: Int?
    var end: Int?
    var confidence: Double
    var factuality: Factuality

    /// The first evidence whose sentence text is known (else the first evidence), or nil when there is none.
    init?(_ evidence: [Evidence], in graph: KnowledgeGraph) {
        guard let pick = evidence.first(where: { graph.sentence(of: $0) != nil }) ?? evidence.first else { return nil }
        article = graph.articleID(of: pick)
        sentenceIndex = pick.sentenceIndex
        sentence = graph.sentence(of: pick)
        start = pick.span?.lowerBound
        end = pick.span?.upperBound
        confidence = Double(pick.confidence)
        factuality = pick.factuality
    }
}

/// A node of the graph as a record of named values.
struct InterchangeNode: Sendable {
    var node: NodeID
    /// `n<index>`.
    var id: String
    var kind: NodeKind
    /// The display label: the entity name, or "attack · 2025-03-08 · Riverton".
    var label: String
    /// The entity name, or the event's article-local id.
    var name: String
    /// The entity or event type (ontology raw value).
    var type: String
    /// The reference that survives re-ingest (`KnowledgeGraph.key(of:)`).
    var key: String
    var aliases: [String] = []
    var confidence: Double
    var articles: [String]
    var evidence: EvidenceSummary?
    // Events only.
    var date: String?
    var trigger: String?
    var place: String?
    var placeNode: NodeID?
    var factuality: Factuality?
    var killed: Int?
    var injured: Int?
    var killedSources: [SourcedFigure] = []
    var injuredSources: [SourcedFigure] = []
    var cameo: String?
    var acled: String?

    /// Entity type or event type capitalised, for class names and labels ("Group", "Attack").
    var typeClass: String { InterchangeNames.className(type) }
}

/// An edge of the graph as a record of named values.
struct InterchangeEdge: Sendable {
    var edge: Edge
    /// `e<index>`.
    var id: String
    var source: String
    var target: String
    /// The ontology name: `agent`, `claimed_responsibility`, `responded_to`.
    var relation: String
    /// `triple`, `role` or `causal`.
    var relationKind: String
    var articles: [String]
    var evidence: EvidenceSummary?
}

/// Every node and edge of a graph, flattened once for a writer.
struct InterchangeView: Sendable {
    var nodes: [InterchangeNode]
    var edges: [InterchangeEdge]

    init(_ graph: KnowledgeGraph) {
        nodes = graph.nodeIDs.map { n in
            var r = InterchangeNode(
                node: n, id: n.description, kind: graph.kind(of: n), label: graph.label(of: n), name: graph.name(of: n),
                type: graph.entityType(of: n)?.rawValue ?? graph.eventType(of: n)?.rawValue ?? "",
                key: graph.key(of: n), confidence: 0, articles: graph.articles(of: n),
                evidence: EvidenceSummary(graph.evidence(of: n), in: graph))
            if let e = graph.entity(n) {
                r.aliases = e.aliases
                r.confidence = e.confidence
            } else if let v = graph.event(n) {
                r.confidence = v.confidence
                r.date = v.date
                r.trigger = v.trigger
                r.placeNode = v.place
                r.place = v.place.map { graph.name(of: $0) }
                r.factuality = v.factuality
                r.killed = v.killedConsensus
                r.injured = v.injuredConsensus
                r.killedSources = v.killed
                r.injuredSources = v.injured
                r.cameo = v.attributes["cameo"]
                r.acled = v.attributes["acled"]
            }
            return r
        }
        edges = graph.edgeIDs.map { id in
            let e = graph.edge(id)
            let kind: String = switch e.relation {
            case .triple: "triple"
            case .role: "role"
            case .causal: "causal"
            }
            var articles: [String] = []
            for ev in graph.evidence(of: id) {
                let a = graph.articleID(of: ev)
                if articles.last != a { articles.append(a) }
            }
            return InterchangeEdge(edge: e, id: id.description, source: e.source.description, target: e.target.description,
                                   relation: e.relation.name, relationKind: kind, articles: articles,
                                   evidence: EvidenceSummary(graph.evidence(of: id), in: graph))
        }
    }
}

/// Small formatting rules shared by the writers.
enum InterchangeNames {
    /// "group" → "Group", "responded_to" → "RespondedTo".
    static func className(_ raw: String) -> String {
        raw.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A number with at most three decimals and at least one ("1.0", "0.85"): deterministic, locale-free,
    /// valid in XML Schema, JSON, Turtle (an `xsd:decimal`) and Cypher.
    static func decimal(_ x: Double) -> String {
        guard x.isFinite else { return "0.0" }
        let scaled = (x * 1000).rounded()
        guard abs(scaled) < 1e15 else { return "0.0" }
        let i = Int(scaled)
        let negative = i < 0
        let whole = abs(i) / 1000
        var fraction = String(abs(i) % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + "\(whole).\(fraction)"
    }

    /// Per-source figures as `article=value` items.
    static func figures(_ f: [SourcedFigure]) -> [String] {
        f.map { "\($0.article)=\($0.value)" }
    }
}
