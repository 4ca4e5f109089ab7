import NewsGraphCore

/// A way of looking at the knowledge graph.
public enum FigureView: String, CaseIterable, Sendable, Codable {
    /// Every entity and event (after filters) with every edge among them.
    case graph
    /// Actors only (people, groups, units, organisations): events folded into actor → actor edges
    /// labelled by event type or predicate and weighted by how often they occur.
    case actors
    /// One entity and its neighbourhood to a depth (`FigureOptions.focus`, `depth`).
    case ego
    /// Events linked by causal relations (caused, responded to, followed), earlier to later, with their agents,
    /// targets and claimants, and the `killed` relations among those actors.
    case chain
    /// Events ranked left to right by date, with their agents and targets and the causal links among them.
    case timeline
}

/// How to group nodes into boxes.
public enum ClusterMode: String, CaseIterable, Sendable, Codable {
    /// Events (and the place itself) in one box per place.
    case place
    /// Members (member of, part of, leader of, spokesperson of) and the events a group carried out, in one box per group.
    case group
}

/// Which events (and so which entities) a figure shows.
public struct FigureFilter: Sendable, Hashable, Codable {
    /// First day, `YYYY-MM-DD` (inclusive).
    public var from: String?
    /// Last day, `YYYY-MM-DD` (inclusive).
    public var to: String?
    /// A place name: events there or in a place located in it.
    public var place: String?
    /// An entity name: events it takes part in, and its direct relations.
    public var entity: String?
    /// Event types to keep (empty: all).
    public var eventTypes: Set<EventType>

    public init(from: String? = nil, to: String? = nil, place: String? = nil, entity: String? = nil, eventTypes: Set<EventType> = []) {
        self.from = from
        self.to = to
        self.place = place
        self.entity = entity
        self.eventTypes = eventTypes
    }

    /// Whether any filter restricts events.
    public var isActive: Bool { from != nil || to != nil || place != nil || entity != nil || !eventTypes.isEmpty }
}

/// Everything that decides what a figure shows and how it looks.
public struct FigureOptions: Sendable, Hashable, Codable {
    public var view: FigureView
    public var filter: FigureFilter
    /// The entity at the centre of an `ego` view (also seeds a `chain`).
    public var focus: String?
    /// The neighbourhood depth of an `ego` view (hops, any direction).
    public var depth: Int
    /// Keep at most this many nodes, the most connected ones; what is dropped is reported in `Figure.notes`.
    public var maxNodes: Int?
    public var cluster: ClusterMode?
    public var theme: Theme
    /// The title drawn above the figure; nil for one made from the view and filters, "" for none.
    public var title: String?
    /// Draw the legend box.
    public var legend: Bool
    /// Label edges with their relation (roles are told apart by line style in any case).
    public var edgeLabels: Bool
    /// A font family list (Pango and CSS syntax: `"Liberation Sans,Arial,sans-serif"`); nil for the theme's.
    public var font: String?
    /// The layout direction for the `dot` engine: nil for the view's default.
    public var rankdir: String?
    /// The largest the drawing may be: Graphviz scales it down to fit, keeping its proportions. nil for the
    /// view's page (`FigureSize.defaultSize(for:)`: the A4 text block, landscape for the timeline);
    /// `FigureSize.natural` for no limit.
    public var size: FigureSize?
    /// Lay out each connected part on its own and pack the parts into a block of about the page's shape,
    /// instead of one long column (every view but the timeline, whose date axis joins everything).
    public var pack: Bool

    public init(view: FigureView = .graph, filter: FigureFilter = FigureFilter(), focus: String? = nil, depth: Int = 1,
                maxNodes: Int? = nil, cluster: ClusterMode? = nil, theme: Theme = .paper, title: String? = nil,
                legend: Bool = true, edgeLabels: Bool = true, font: String? = nil, rankdir: String? = nil,
                size: FigureSize? = nil, pack: Bool = true) {
        self.view = view
        self.filter = filter
        self.focus = focus
        self.depth = depth
        self.maxNodes = maxNodes
        self.cluster = cluster
        self.theme = theme
        self.title = title
        self.legend = legend
        self.edgeLabels = edgeLabels
        self.font = font
        self.rankdir = rankdir
        self.size = size
        self.pack = pack
    }

    /// The page the figure is fitted to: `size`, or the view's default.
    public var page: FigureSize { size ?? FigureSize.defaultSize(for: view) }
}

/// A figure that cannot be made from the given graph and options, with what to do instead.
public struct FigureError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
