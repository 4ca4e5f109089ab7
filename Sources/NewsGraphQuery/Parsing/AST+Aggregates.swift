import NewsGraphCore

/// `entities [in PLACE] [where CONDITION] [order by KEY …] [limit N]`, and the typed plurals
/// (`groups`, `people`, `places`, …) that preset `type = …`.
public struct EntitiesQuery: Sendable, Hashable {
    public var filter: Condition?
    /// Default: by name.
    public var order: [Ordering]
    public var limit: Int?

    public init(filter: Condition? = nil, order: [Ordering] = [], limit: Int? = nil) {
        self.filter = filter
        self.order = order
        self.limit = limit
    }
}

/// What an aggregation counts or sums over.
public enum AggregateSubject: String, Sendable, Hashable, Codable {
    case events, entities
}

/// The value of each group: how many nodes, or the sum of a casualty figure.
public enum AggregateMeasure: Sendable, Hashable {
    /// `count events …`: the number of nodes in the group.
    case count
    /// `sum killed …`, `sum injured …`: the sum of the figure over the group's events (events without one add nothing).
    case sum(Field)
}

/// A key that `count … by KEY` groups by.
public enum GroupKey: String, Sendable, Hashable, Codable, CaseIterable {
    /// Events: each agent (an event with two agents counts in both groups).
    case agent
    /// Events: each target.
    case target
    /// Events: the place.
    case place
    /// Events or entities: the type.
    case type
    /// Events: each actor that claimed responsibility.
    case claimant
    /// Events: the factuality.
    case factuality
    /// Events or entities: each article that states the node.
    case article
    /// Events: the calendar year, month (`YYYY-MM`) or day of the event.
    case year, month, day

    /// Whether the key groups by time (rows then read chronologically when ordered by it).
    public var isTime: Bool { self == .year || self == .month || self == .day }

    /// Whether the key applies to entities.
    public var appliesToEntities: Bool { self == .type || self == .article }
}

/// An ordering of aggregate rows: by the measure or by one of the group keys.
public struct AggregateOrdering: Sendable, Hashable {
    /// nil: the measure (the count or the sum).
    public var key: GroupKey?
    public var descending: Bool

    public init(key: GroupKey?, descending: Bool) {
        self.key = key
        self.descending = descending
    }
}

/// `count SUBJECT [in PLACE] [where CONDITION] [by KEY {, KEY}] [order by …] [limit N]`,
/// `sum killed|injured [of events] …`.
public struct AggregateQuery: Sendable, Hashable {
    public var measure: AggregateMeasure
    public var subject: AggregateSubject
    public var filter: Condition?
    /// Empty: one total.
    public var groupBy: [GroupKey]
    /// Default: the measure, largest first; then the keys.
    public var order: [AggregateOrdering]
    public var limit: Int?

    public init(measure: AggregateMeasure, subject: AggregateSubject = .events, filter: Condition? = nil,
                groupBy: [GroupKey] = [], order: [AggregateOrdering] = [], limit: Int? = nil) {
        self.measure = measure
        self.subject = subject
        self.filter = filter
        self.groupBy = groupBy
        self.order = order
        self.limit = limit
    }
}
