import NewsGraphCore

/// What a figure shows, before styling: nodes and edges taken from a `KnowledgeGraph` by a view,
/// with the text (labels, evidence) they carry. `FigureStyle` turns it into DOT.
public struct Figure: Sendable, Hashable {
    /// What a node stands for.
    public enum NodeKind: Sendable, Hashable {
        case entity(EntityType)
        case event(EventType)
    }

    /// One node.
    public struct Node: Sendable, Hashable {
        /// The DOT name (`n12`, the `NodeID` in the source graph).
        public var name: String
        public var kind: NodeKind
        /// The main line: entity name, or event type.
        public var title: String
        /// Further lines: for events the date and place, the casualties.
        public var details: [String]
        /// Evidence: the sentences and articles that support the node.
        public var tooltip: String
        /// A link to the first source article, when it is a web address.
        public var url: String?
        /// A stable SVG id built from the node's key (survives re-ingest).
        public var svgID: String
        /// Factuality of an event (reported and denied events are drawn differently).
        public var factuality: Factuality
        /// The cluster the node belongs to (a key of `Figure.clusters`).
        public var cluster: String?
        /// `YYYY-MM-DD` for dated events (timeline ranks).
        public var date: String?
        /// Links in the figure (for sizing and the node budget).
        public var degree: Int

        public var isEvent: Bool { if case .event = kind { true } else { false } }
    }

    /// What an edge stands for.
    public enum EdgeKind: Sendable, Hashable {
        /// Entity → entity (or group → event for claimed responsibility).
        case triple(TriplePredicate)
        /// Between an event and a participant; drawn entity → event for agents, event → entity otherwise.
        case role(EventRole)
        /// Between events, drawn from the earlier event (or the cause) to the later one.
        case causal(CausalRelation)
        /// Actor network: events or relations between two actors folded into one edge (label: what, weight: how often).
        case folded(String)
        /// Invisible ordering edge (timeline axis).
        case order
    }

    /// One edge.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var kind: EdgeKind
        /// The text on the edge (nil: none).
        public var label: String?
        /// How many facts the edge stands for (folded edges), 1 otherwise.
        public var weight: Int
        public var tooltip: String
        public var url: String?
        public var factuality: Factuality
        public var isDisputed: Bool
    }

    /// A box of nodes: key, label.
    public struct Cluster: Sendable, Hashable {
        public var key: String
        public var label: String
    }

    public var view: FigureView
    public var title: String
    public var subtitle: String
    public var nodes: [Node]
    public var edges: [Edge]
    /// Clusters in the order of their first node.
    public var clusters: [Cluster]
    /// For a timeline: the dates in order, each with the names of its events.
    public var timeline: [(date: String, events: [String])] {
        var order: [String] = []
        var byDate: [String: [String]] = [:]
        for n in nodes where n.isEvent {
            let d = n.date ?? "undated"
            if byDate[d] == nil { order.append(d) }
            byDate[d, default: []].append(n.name)
        }
        return order.sorted { a, b in a == "undated" ? false : b == "undated" ? true : a < b }.map { ($0, byDate[$0] ?? []) }
    }
    /// What the view left out and why (the node budget, an empty selection), one line each.
    public var notes: [String]

    public static func == (a: Figure, b: Figure) -> Bool {
        a.view == b.view && a.title == b.title && a.subtitle == b.subtitle && a.nodes == b.nodes && a.edges == b.edges
            && a.clusters == b.clusters && a.notes == b.notes
    }

    public func hash(into h: inout Hasher) {
        h.combine(view); h.combine(title); h.combine(nodes); h.combine(edges)
    }
}
