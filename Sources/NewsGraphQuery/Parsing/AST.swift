import NewsGraphCore

/// A parsed query: one of the natural forms (issue 2) or structured forms (issue 4).
public enum Query: Sendable, Hashable {
    /// `response to X`: events that responded to (or were caused by) the event X names, followed forward.
    case responses(to: NameReference)
    /// `cause of X`, `what caused X`: the events X responded to or was caused by, followed backward.
    case causes(of: NameReference)
    /// `who attacked X`: agents of violent events (and `attacked` facts) whose target is X.
    case attackers(of: NameReference)
    /// `attacks by X`: violent events whose agent is X; `attacks by X in P where … order by … limit N` narrows
    /// them like an `events` query (the refinement's filter is combined with "agent is X").
    case attacks(by: NameReference, refinement: EventsQuery? = nil)
    /// `timeline of X`: the events X takes part in, by date.
    case timeline(of: NameReference)
    /// `chain from X via responded_to,caused depth 4`.
    case chain(ChainQuery)
    /// `path from X to Y`.
    case path(PathQuery)
    /// `neighbours of X depth 2 where type = group`.
    case neighbours(NeighbourQuery)
    /// `events where place in Balochistan and date >= 2024-11-01 by date limit 10`.
    case events(EventsQuery)
    /// `entities where type = group`, `groups in Balochistan`, `places order by name`.
    case entities(EntitiesQuery)
    /// `count events by agent where type = attack`, `sum killed by agent, month where type in (attack, bombing)`.
    case aggregate(AggregateQuery)

    /// The short name of the form, as used in JSON output (`"responses"`, `"path"`, …).
    public var form: String {
        switch self {
        case .responses: "responses"
        case .causes: "causes"
        case .attackers: "attackers"
        case .attacks: "attacks"
        case .timeline: "timeline"
        case .chain: "chain"
        case .path: "path"
        case .neighbours: "neighbours"
        case .events: "events"
        case .entities: "entities"
        case .aggregate(let a): a.measure == .count ? "count" : "sum"
        }
    }
}

/// A name in a query that must be resolved to an entity or event ("BLA", "Baru killing", `"killing of Sana Baru"`).
public struct NameReference: Sendable, Hashable {
    /// The text as written (quotes removed).
    public var text: String
    /// Whether the name was quoted.
    public var quoted: Bool
    /// Where it is in the query.
    public var range: SourceRange

    public init(text: String, quoted: Bool = false, range: SourceRange) {
        self.text = text
        self.quoted = quoted
        self.range = range
    }
}

/// Which way a causal chain is followed, in time.
public enum ChainDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Towards later events: what responded to X, what X caused, what followed X.
    case forward
    /// Towards earlier events: what X responded to, what caused X, what X followed.
    case backward
    /// Both ways.
    case both
}

/// `chain from X [via REL{,REL}] [depth N] [forward|backward|both]`.
public struct ChainQuery: Sendable, Hashable {
    public var from: NameReference
    /// The causal relations to follow (default: all three).
    public var relations: [CausalRelation]
    /// Maximum number of links from X (default 10).
    public var depth: Int
    public var direction: ChainDirection

    public init(from: NameReference, relations: [CausalRelation] = CausalRelation.allCases, depth: Int = 10, direction: ChainDirection = .forward) {
        self.from = from
        self.relations = relations
        self.depth = depth
        self.direction = direction
    }
}

extension Relation {
    /// The relation with this name, read tolerantly: case-insensitive, `-` and space read as `_`
    /// (`located-in`, `Responded_To`).
    init?(queryName: String) {
        self.init(name: queryName.lowercased().replacingAll(["-", " "], with: "_"))
    }
}

/// `path from X to Y [directed] [via KIND{,KIND}] [depth N]`.
public struct PathQuery: Sendable, Hashable {
    public var from: NameReference
    public var to: NameReference
    /// Follow edges only from subject to object (agent → event, event → target, later → earlier for causal links).
    public var directed: Bool
    /// Edge kinds to use; empty means all.
    public var via: [Relation]
    /// Longest path searched, in edges (default 12).
    public var maxDepth: Int

    public init(from: NameReference, to: NameReference, directed: Bool = false, via: [Relation] = [], maxDepth: Int = 12) {
        self.from = from
        self.to = to
        self.directed = directed
        self.via = via
        self.maxDepth = maxDepth
    }
}

/// `neighbours of X [depth N] [via KIND{,KIND}] [where CONDITION] [limit N]`.
public struct NeighbourQuery: Sendable, Hashable {
    public var of: NameReference
    /// How many edges away (default 1).
    public var depth: Int
    /// Edge kinds to follow; empty means all.
    public var via: [Relation]
    /// Keeps only the neighbours that satisfy it (the walk still passes through the others).
    public var filter: Condition?
    public var limit: Int?

    public init(of: NameReference, depth: Int = 1, via: [Relation] = [], filter: Condition? = nil, limit: Int? = nil) {
        self.of = of
        self.depth = depth
        self.via = via
        self.filter = filter
        self.limit = limit
    }
}

/// An ordering key of `events … by KEY`.
public enum OrderKey: String, Sendable, Hashable, Codable, CaseIterable {
    case date, killed, injured, type, place
    /// The entity's name (the event's id): for `entities … order by name`.
    case name
    /// The node's confidence, highest first by default.
    case confidence
}

/// One `by KEY [asc|desc]` term.
public struct Ordering: Sendable, Hashable {
    public var key: OrderKey
    public var descending: Bool

    public init(key: OrderKey, descending: Bool) {
        self.key = key
        self.descending = descending
    }
}

/// `events [where CONDITION] [by KEY [asc|desc] {, KEY [asc|desc]}] [limit N]`.
public struct EventsQuery: Sendable, Hashable {
    public var filter: Condition?
    /// Default: by date ascending (undated last), then by id.
    public var order: [Ordering]
    public var limit: Int?

    public init(filter: Condition? = nil, order: [Ordering] = [], limit: Int? = nil) {
        self.filter = filter
        self.order = order
        self.limit = limit
    }
}

/// A field that a `where` condition tests.
public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
    /// Event type or entity type; also `event` / `entity`.
    case type
    /// Event date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (compared on the given precision).
    case date
    /// Event place; `in` also matches places located in it, transitively.
    case place
    /// An agent of the event.
    case agent
    /// A target of the event.
    case target
    /// Killed count.
    case killed
    /// Injured count.
    case injured
    /// Any participant (agent, target or place) of an event, or the node itself for an entity.
    case participant
    /// The node's name (or an alias) — for `neighbours` filters.
    case name
    /// The event's factuality: `asserted`, `reported` or `denied`.
    case factuality
    /// The node's confidence, 0 to 1.
    case confidence
    /// An article that states the node (its id, as `newsgraph ingest` stored it).
    case article
    /// An actor with a `claimed_responsibility` link to the event.
    case claimant
}

/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Hashable, Codable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// `in (a, b)`: equal to one of; for `place`, located in one of, transitively.
    case `in`
}

/// A value on the right of a comparison, as written.
public struct Value: Sendable, Hashable {
    public var text: String
    public var quoted: Bool
    public var range: SourceRange

    public init(text: String, quoted: Bool = false, range: SourceRange) {
        self.text = text
        self.quoted = quoted
        self.range = range
    }

    /// The value as a name to resolve.
    public var reference: NameReference { NameReference(text: text, quoted: quoted, range: range) }
}

/// `FIELD OP VALUE`, or `FIELD in VALUE`, `FIELD in (VALUE, …)`.
public struct Comparison: Sendable, Hashable {
    public var field: Field
    public var op: ComparisonOperator
    /// One value, or several for `in (…)`.
    public var values: [Value]
    public var range: SourceRange

    public init(field: Field, op: ComparisonOperator, values: [Value], range: SourceRange) {
        self.field = field
        self.op = op
        self.values = values
        self.range = range
    }
}

/// A boolean condition of a `where` clause.
public indirect enum Condition: Sendable, Hashable {
    case comparison(Comparison)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
}

extension String {
    func replacingAll(_ targets: [Character], with replacement: Character) -> String {
        String(map { targets.contains($0) ? replacement : $0 })
    }
}
