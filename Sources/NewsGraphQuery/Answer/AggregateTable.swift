import NewsGraphCore

/// The answer of a `count` or `sum` query: one group per combination of group-key values, with its count (and sum).
public struct AggregateTable: Sendable, Hashable, Codable {
    /// `count`, `killed` or `injured` (the figure summed).
    public var measure: String
    /// `events` or `entities`.
    public var subject: String
    /// The group keys, in query order (`agent`, `month`, …); empty for one total.
    public var groupBy: [String]
    /// The groups, in the answer's order (at most the limit).
    public var groups: [AggregateGroup]
    /// How many groups there are in all (more than `groups.count` when the limit cut them).
    public var groupCount: Int
    /// How many nodes matched the filter (each counted once, whatever its groups).
    public var total: Int
    /// For sums: the sum over all matching events, each counted once.
    public var totalSum: Int?

    public init(measure: String, subject: String, groupBy: [String], groups: [AggregateGroup], groupCount: Int,
                total: Int, totalSum: Int? = nil) {
        self.measure = measure
        self.subject = subject
        self.groupBy = groupBy
        self.groups = groups
        self.groupCount = groupCount
        self.total = total
        self.totalSum = totalSum
    }
}

/// One group of an aggregation: its key values, how many nodes fall in it, and the sum of the figure.
public struct AggregateGroup: Sendable, Hashable, Codable {
    /// One value per group key, in `groupBy` order.
    public var keys: [GroupValue]
    /// How many nodes are in the group.
    public var count: Int
    /// For sums: the sum of the figure over the group's events that give one.
    public var sum: Int?
    /// For sums: how many of the group's events give no figure (they add nothing to `sum`).
    public var missing: Int?

    public init(keys: [GroupValue], count: Int, sum: Int? = nil, missing: Int? = nil) {
        self.keys = keys
        self.count = count
        self.sum = sum
        self.missing = missing
    }
}

/// The value of one group key: a text (`TTP`, `2025-03`, `attack`), and for nodes their id and key, so that a
/// follow-up query can name the node exactly. `value` is absent for the group of nodes without one ("(none)").
public struct GroupValue: Sendable, Hashable, Codable {
    /// The group key (`agent`, `month`, …).
    public var by: String
    public var value: String?
    /// For agents, targets, places and claimants: the node id (`n3`) and key (`entity:group:ttp`).
    public var id: String?
    public var key: String?

    public init(by: String, value: String?, id: String? = nil, key: String? = nil) {
        self.by = by
        self.value = value
        self.id = id
        self.key = key
    }

    /// How the value prints: the text, or `(none)`.
    public var display: String { value ?? "(none)" }
}
