import NewsGraphCore

/// The answer to one query: what the names resolved to, the rows (steps of a chain or path, events of a
/// timeline, agents of attacks, neighbours), each with its evidence, and the subgraph they form.
///
/// Encoded as JSON by ``QueryAnswer/json()``; the shape is documented in `docs/query-language.md`
/// and only grows by new optional keys.
public struct QueryAnswer: Sendable, Hashable, Codable {
    /// The query text as given.
    public var query: String
    /// The form of the query: `responses`, `causes`, `attackers`, `attacks`, `timeline`, `chain`, `path`,
    /// `neighbours` or `events`.
    public var form: String
    /// One line describing what the rows are ("Responses to …").
    public var title: String
    /// How each name in the query was resolved, in query order.
    public var resolutions: [Resolution]
    /// The answer rows, in a deterministic order.
    public var rows: [AnswerRow]
    /// Remarks: truncation, an empty answer's reason.
    public var notes: [String]
    /// The nodes and edges of the answer, for drawing.
    public var subgraph: AnswerSubgraph
    /// The groups of a `count` or `sum` query (then `rows` is empty); absent for the other forms.
    public var aggregate: AggregateTable?

    public init(query: String, form: String, title: String, resolutions: [Resolution] = [], rows: [AnswerRow] = [],
                notes: [String] = [], subgraph: AnswerSubgraph = AnswerSubgraph(), aggregate: AggregateTable? = nil) {
        self.aggregate = aggregate
        self.query = query
        self.form = form
        self.title = title
        self.resolutions = resolutions
        self.rows = rows
        self.notes = notes
        self.subgraph = subgraph
    }
}

/// A node of the graph as shown in an answer.
public struct NodeSummary: Sendable, Hashable, Codable {
    /// `entity` or `event`.
    public enum Kind: String, Sendable, Hashable, Codable {
        case entity, event
    }

    /// The node's id in this graph (`n12`, as in DOT output). Changes when articles are added or removed.
    public var id: String
    /// A reference that survives re-ingest (`entity:group:balochliberationarmy`, `event:kalat_attack:2024-11-16`).
    public var key: String
    public var kind: Kind
    /// The entity type or event type (`group`, `attack`, …).
    public var type: String
    /// The entity's name, or the event's article-local id (`kalat_attack`).
    public var name: String
    /// The entity's name, or a description of the event ("attack by Baloch Liberation Army on Pakistan Army at Shah Mardan").
    public var label: String
    /// Event fields (absent for entities). `killed` and `injured` are the figures most sources give.
    public var date: String?
    public var place: String?
    public var agents: [String]?
    public var targets: [String]?
    public var killed: Int?
    public var injured: Int?

    public init(id: String, key: String, kind: Kind, type: String, name: String, label: String, date: String? = nil,
                place: String? = nil, agents: [String]? = nil, targets: [String]? = nil, killed: Int? = nil, injured: Int? = nil) {
        self.id = id
        self.key = key
        self.kind = kind
        self.type = type
        self.name = name
        self.label = label
        self.date = date
        self.place = place
        self.agents = agents
        self.targets = targets
        self.killed = killed
        self.injured = injured
    }
}

/// Where a fact was read: an article, a sentence in it, and the sentence's text when the graph has it.
public struct AnswerEvidence: Sendable, Hashable, Codable, Comparable {
    public var article: String
    /// Zero-based sentence index in the article; absent when the source gave no position (annotation files).
    public var sentence: Int?
    /// The sentence text; absent when the graph does not keep the article's sentences.
    public var text: String?

    public init(article: String, sentence: Int?, text: String? = nil) {
        self.article = article
        self.sentence = sentence
        self.text = text
    }

    public static func < (lhs: AnswerEvidence, rhs: AnswerEvidence) -> Bool {
        (lhs.article, lhs.sentence ?? -1) < (rhs.article, rhs.sentence ?? -1)
    }
}

/// An edge of the graph as shown in an answer: `from relation to`, read in the graph's direction
/// (an event's `agent`/`target`/`place` edge goes from the event to the entity; `responded_to` goes from the later
/// event to the earlier one).
public struct AnswerLink: Sendable, Hashable, Codable {
    /// The edge id in this graph (`e7`).
    public var id: String
    public var from: String
    /// A predicate, causal relation or event role: `attacked`, `responded_to`, `agent`, …
    public var relation: String
    public var to: String
    /// Labels of both ends, for reading without a lookup.
    public var fromLabel: String
    public var toLabel: String
    /// Where the link is stated: the first ten distinct sentences, in article then sentence order.
    public var evidence: [AnswerEvidence]
    /// How many distinct sentences state the link in all.
    public var evidenceCount: Int

    public init(id: String, from: String, relation: String, to: String, fromLabel: String, toLabel: String,
                evidence: [AnswerEvidence] = [], evidenceCount: Int? = nil) {
        self.evidenceCount = evidenceCount ?? evidence.count
        self.id = id
        self.from = from
        self.relation = relation
        self.to = to
        self.fromLabel = fromLabel
        self.toLabel = toLabel
        self.evidence = evidence
    }
}

/// One row of an answer: a node, how it was reached, and the evidence for it.
public struct AnswerRow: Sendable, Hashable, Codable {
    public var node: NodeSummary
    /// Number of links from the resolved name (chains, paths, neighbours); absent for flat lists.
    public var depth: Int?
    /// The link that reached this node (from the previous step), when there is one.
    public var via: AnswerLink?
    /// Other links that support the row: responsibility claims of an event, the events behind an attacker.
    public var related: [AnswerLink]
    /// Where an event is stated (trigger and coreferent mentions): the first ten distinct sentences.
    /// Empty for entities, whose links carry the evidence.
    public var evidence: [AnswerEvidence]
    /// How many distinct sentences state the event in all.
    public var evidenceCount: Int

    public init(node: NodeSummary, depth: Int? = nil, via: AnswerLink? = nil, related: [AnswerLink] = [],
                evidence: [AnswerEvidence] = [], evidenceCount: Int? = nil) {
        self.evidenceCount = evidenceCount ?? evidence.count
        self.node = node
        self.depth = depth
        self.via = via
        self.related = related
        self.evidence = evidence
    }
}

/// How a name of the query was resolved: the chosen node, its score, and the alternatives that scored lower or equal.
public struct Resolution: Sendable, Hashable, Codable {
    /// The name as written in the query.
    public var text: String
    public var chosen: NodeSummary
    /// 0–100; see "Name resolution" in `docs/query-language.md`.
    public var score: Int
    /// Why it matched: `name`, `alias`, `partial name`, `event type + participant`, …
    public var match: String
    /// Other candidates, best first (at most five).
    public var alternatives: [Candidate]
    /// Set when other candidates scored within 10 points of the chosen one: which node was chosen and the
    /// others, with their ids (the same text is one of the answer's notes).
    public var note: String?

    public init(text: String, chosen: NodeSummary, score: Int, match: String, alternatives: [Candidate] = []) {
        self.text = text
        self.chosen = chosen
        self.score = score
        self.match = match
        self.alternatives = alternatives
    }

    /// Whether another candidate scored as high as the chosen one.
    public var isAmbiguous: Bool { note != nil || alternatives.contains { $0.score >= score } }
}

/// A candidate of a name resolution.
public struct Candidate: Sendable, Hashable, Codable {
    public var node: NodeSummary
    public var score: Int
    public var match: String

    public init(node: NodeSummary, score: Int, match: String) {
        self.node = node
        self.score = score
        self.match = match
    }
}

/// The part of the graph an answer covers: the nodes and edges of its rows, links and resolved names, sorted.
///
/// `nodeIDs` selects the subset to draw: `graph.subgraph(nodes: answer.subgraph.nodeIDs)` gives a `KnowledgeGraph`
/// for DOT export. JSON carries `nodes` (`["n3", …]`) and `edges` (`[{"id", "from", "relation", "to"}]`).
public struct AnswerSubgraph: Sendable, Hashable, Codable {
    /// The nodes, sorted.
    public var nodeIDs: [NodeID]
    /// The edges of the answer's links, sorted.
    public var edgeIDs: [EdgeID]
    /// The same edges with their ends.
    public var edges: [Edge]

    /// An edge of the subgraph.
    public struct Edge: Sendable, Hashable, Codable {
        public var id: String
        public var from: String
        public var relation: String
        public var to: String

        public init(id: String, from: String, relation: String, to: String) {
            self.id = id
            self.from = from
            self.relation = relation
            self.to = to
        }
    }

    public init(nodeIDs: [NodeID] = [], edgeIDs: [EdgeID] = [], edges: [Edge] = []) {
        self.nodeIDs = nodeIDs
        self.edgeIDs = edgeIDs
        self.edges = edges
    }

    private enum CodingKeys: String, CodingKey {
        case nodes, edges
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let nodes = try c.decode([String].self, forKey: .nodes)
        edges = try c.decode([Edge].self, forKey: .edges)
        nodeIDs = nodes.compactMap { Int32($0.dropFirst()).map(NodeID.init(rawValue:)) }
        edgeIDs = edges.compactMap { Int32($0.id.dropFirst()).map(EdgeID.init(rawValue:)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(nodeIDs.map(\.description), forKey: .nodes)
        try c.encode(edges, forKey: .edges)
    }
}
