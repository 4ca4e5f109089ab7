// Public value types of the merged graph: node and edge identifiers, relations, evidence,
// node views, casualty figures, resolution explanations and analyst overrides.

/// Identifies a node (entity or event) of one `KnowledgeGraph`.
///
/// Entities are numbered first (`0 ..< entityCount`), then events (`entityCount ..< nodeCount`), so
/// an ID is a dense index usable in arrays. IDs are deterministic: the same set of articles and
/// overrides always gives the same IDs, whatever the ingest order. They change when articles are
/// added or removed; use `KnowledgeGraph.key(of:)` for a reference that survives re-ingest.
public struct NodeID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ index: Int) { self.rawValue = Int32(index) }
    /// The dense index of the node (`0 ..< nodeCount`).
    public var index: Int { Int(rawValue) }
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `n<index>`, a valid identifier in DOT and most interchange formats.
    public var description: String { "n\(rawValue)" }
}

/// Identifies an edge of one `KnowledgeGraph` (a dense index `0 ..< edgeCount`).
public struct EdgeID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ index: Int) { self.rawValue = Int32(index) }
    public var index: Int { Int(rawValue) }
    public static func < (lhs: EdgeID, rhs: EdgeID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "e\(rawValue)" }
}

/// Whether a node is an entity or an event.
public enum NodeKind: String, Codable, Sendable, CaseIterable {
    case entity, event
}

/// The direction of an edge relative to a node.
public enum EdgeDirection: String, Codable, Sendable, CaseIterable {
    /// Edges whose source is the node.
    case outgoing
    /// Edges whose target is the node.
    case incoming
    /// Both.
    case both
}

/// The label of an edge. Every relation has a distinct `name` (the ontology's raw value):
///
/// - `triple`: entity → entity (`claimed_responsibility`: group → event);
/// - `role`: event → entity (agent, target, place);
/// - `causal`: event → event (`responded_to`, `caused`, `followed`; the source is the later event or the cause).
public enum Relation: Hashable, Sendable, Codable, CustomStringConvertible {
    case triple(TriplePredicate)
    case role(EventRole)
    case causal(CausalRelation)

    /// Every relation, in a fixed order (predicates, roles, causal relations).
    public static let allCases: [Relation] =
        TriplePredicate.allCases.map { .triple($0) } + EventRole.allCases.map { .role($0) } + CausalRelation.allCases.map { .causal($0) }

    /// The ontology name: `attacked`, `claimed_responsibility`, `agent`, `place`, `responded_to`…
    public var name: String {
        switch self {
        case .triple(let p): p.rawValue
        case .role(let r): r.rawValue
        case .causal(let c): c.rawValue
        }
    }

    /// The relation with this ontology name, if any.
    public init?(name: String) {
        if let p = TriplePredicate(rawValue: name) { self = .triple(p) }
        else if let r = EventRole(rawValue: name) { self = .role(r) }
        else if let c = CausalRelation(rawValue: name) { self = .causal(c) }
        else { return nil }
    }

    /// A dense code (`0 ..< Relation.allCases.count`), the position in `allCases`.
    public var code: UInt8 {
        switch self {
        case .triple(let p): UInt8(p.ordinal)
        case .role(let r): UInt8(TriplePredicate.allCases.count + (EventRole.allCases.firstIndex(of: r) ?? 0))
        case .causal(let c): UInt8(TriplePredicate.allCases.count + EventRole.allCases.count + (CausalRelation.allCases.firstIndex(of: c) ?? 0))
        }
    }

    /// The relation with this dense code.
    public init?(code: UInt8) {
        guard Int(code) < Relation.allCases.count else { return nil }
        self = Relation.allCases[Int(code)]
    }

    public var description: String { name }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let r = Relation(name: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown relation '\(name)'"))
        }
        self = r
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}

/// One piece of evidence for a node or an edge: an article, a sentence and a span in it, with the
/// confidence and factuality the article gave the fact.
///
/// Resolve the article with `KnowledgeGraph.article(of:)`, the sentence text with
/// `KnowledgeGraph.sentence(of:)`, the lexicon version with `KnowledgeGraph.lexiconVersion(of:)`.
public struct Evidence: Hashable, Sendable {
    /// Index into `KnowledgeGraph.articles`.
    public var articleIndex: Int32
    /// Sentence index in the article, or -1 when the extractor gave no position (annotation files).
    public var sentence: Int32
    /// Span start in Unicode scalars from the start of the article, or -1.
    public var start: Int32
    /// Span end (exclusive), or -1.
    public var end: Int32
    public var confidence: Float
    public var factuality: Factuality

    public init(articleIndex: Int32, sentence: Int32 = -1, start: Int32 = -1, end: Int32 = -1,
                confidence: Float = 1, factuality: Factuality = .asserted) {
        self.articleIndex = articleIndex
        self.sentence = sentence
        self.start = start
        self.end = end
        self.confidence = confidence
        self.factuality = factuality
    }

    /// The sentence index, when known.
    public var sentenceIndex: Int? { sentence >= 0 ? Int(sentence) : nil }
    /// The character span (Unicode scalars, end exclusive), when known.
    public var span: Range<Int>? { start >= 0 && end >= start ? Int(start) ..< Int(end) : nil }
}

/// An edge of the graph, aggregated over every article that states it.
public struct Edge: Hashable, Sendable {
    public var id: EdgeID
    public var source: NodeID
    public var target: NodeID
    public var relation: Relation
    /// The highest confidence among the edge's evidence.
    public var confidence: Double
    /// `asserted` if any source asserts the fact, else `reported` if any reports it, else `denied`.
    public var factuality: Factuality
    /// True when some sources assert or report the fact and others deny it.
    public var isDisputed: Bool
    /// For causal edges: the cue that stated the link ("in response to"), when the extractor gave one.
    public var cue: String?
}

/// An entity node: the resolution of entity mentions from one or more articles.
public struct EntityNode: Hashable, Sendable {
    public var id: NodeID
    /// The display name: the most frequent name among the merged records (ties: the first in article-id order).
    public var name: String
    public var type: EntityType
    /// Every other surface form seen for the entity (names in other articles, acronyms, variants).
    public var aliases: [String]
    /// The highest confidence among the merged records.
    public var confidence: Double
    /// The number of articles that mention the entity.
    public var articleCount: Int
}

/// One source's value of a figure (killed, injured): which article said what.
public struct SourcedFigure: Hashable, Sendable, Codable {
    /// The article identifier.
    public var article: String
    /// The article's publication date, `YYYY-MM-DD`, when known.
    public var date: String?
    public var value: Int
    /// The factuality the article gave the event (a claimed figure is `reported`).
    public var factuality: Factuality

    public init(article: String, date: String?, value: Int, factuality: Factuality) {
        self.article = article
        self.date = date
        self.value = value
        self.factuality = factuality
    }
}

extension Array where Element == SourcedFigure {
    /// The smallest and largest value reported, or nil when no source gives a figure.
    public var range: ClosedRange<Int>? {
        guard let lo = map(\.value).min(), let hi = map(\.value).max() else { return nil }
        return lo ... hi
    }

    /// The value most sources give; ties go to the value of the most recent article (then the larger value).
    /// Nil when no source gives a figure. Conflicting values are never dropped: they stay in the array.
    public var consensus: Int? {
        guard !isEmpty else { return nil }
        var counts: [Int: (count: Int, latest: String)] = [:]
        for f in self {
            let d = f.date ?? ""
            let old = counts[f.value] ?? (0, "")
            counts[f.value] = (old.count + 1, Swift.max(old.latest, d))
        }
        return counts.max { a, b in
            (a.value.count, a.value.latest, a.key) < (b.value.count, b.value.latest, b.key)
        }?.key
    }

    /// True when sources disagree.
    public var isConflicting: Bool { Set(map(\.value)).count > 1 }
}

/// An event node: the resolution of event records from one or more articles.
public struct EventNode: Hashable, Sendable {
    public var id: NodeID
    public var type: EventType
    /// The trigger as written by the most confident (then earliest) source.
    public var trigger: String
    /// `YYYY-MM-DD`: the date most sources give (ties: the earliest), nil when no source dates it.
    public var date: String?
    /// The place entity most sources give.
    public var place: NodeID?
    /// `asserted` if any source asserts the event, else `reported` if any reports it, else `denied`.
    public var factuality: Factuality
    public var confidence: Double
    /// Killed, one entry per source article that gives a figure (never overwritten).
    public var killed: [SourcedFigure]
    /// Injured, one entry per source article that gives a figure.
    public var injured: [SourcedFigure]
    /// Extra attributes (`cameo`, `acled`, …): for each key, the value most sources give.
    public var attributes: [String: String]
    /// The article-local event ids merged into this node ("tajori_attack"), most frequent first.
    public var localIDs: [String]
    /// The number of articles that mention the event.
    public var articleCount: Int

    /// The range of killed figures across sources.
    public var killedRange: ClosedRange<Int>? { killed.range }
    /// The range of injured figures across sources.
    public var injuredRange: ClosedRange<Int>? { injured.range }
    /// The killed figure most sources give (see `Array<SourcedFigure>.consensus`).
    public var killedConsensus: Int? { killed.consensus }
    /// The injured figure most sources give.
    public var injuredConsensus: Int? { injured.consensus }
}

/// A stable reference to one article's record of an entity or event, used by overrides and explanations.
/// Survives rebuilds and re-ingest of other articles.
public struct RecordRef: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var kind: NodeKind
    /// The article identifier.
    public var article: String
    /// The entity's name in that article, or the event's article-local id.
    public var key: String

    public init(kind: NodeKind, article: String, key: String) {
        self.kind = kind
        self.article = article
        self.key = key
    }

    public static func < (lhs: RecordRef, rhs: RecordRef) -> Bool {
        (lhs.kind.rawValue, lhs.article, lhs.key) < (rhs.kind.rawValue, rhs.article, rhs.key)
    }

    /// `'name' in article-id`.
    public var description: String { "'\(key)' in \(article)" }
}

/// The rule that merged two records into one node.
public enum ResolutionRule: String, Codable, Sendable, CaseIterable {
    /// An analyst merge (`newsgraph merge`).
    case manual
    /// The same normalised name (case, diacritics, `'s`, hyphens and spaces, connectors like "-e-" or "al-" ignored).
    case name
    /// A name or alias of one record equals a name or alias of the other (after normalisation).
    case alias
    /// One form is the acronym of the other ("PAF" ~ "Pakistan Air Force").
    case acronym
    /// Same tokens but one, which differs by a small edit distance or only in vowels ("Mehsud" ~ "Mahsud").
    case fuzzy
    /// A person's short name is a unique part of a full name ("Qari Zar Wali" ~ "Qari Zarwali Mehsud").
    case partialName = "partial_name"
    /// Events: the same type, date (±1 day), place and at least one participant.
    case eventAttributes = "event_attributes"
    /// Events: the same article-local event id and type, agreeing date/place/participant and no conflict.
    case eventID = "event_id"
}

/// One merge performed by resolution: two records (or the groups they already belonged to) joined by a rule.
public struct MergeStep: Hashable, Sendable, Codable {
    public var rule: ResolutionRule
    public var left: RecordRef
    public var right: RecordRef
    /// Why, in words: "both are called 'TTP'", "'Mehsud' ~ 'Mahsud' (edit distance 1)".
    public var detail: String
}

/// Why a node is what it is: its records (one per article), surface forms and the merges that joined them.
public struct ResolutionExplanation: Hashable, Sendable, Codable {
    public var node: NodeID
    public var kind: NodeKind
    /// The node's display name (entity name, or event label).
    public var name: String
    /// Entity type or event type raw value.
    public var type: String
    /// Every record merged into the node.
    public var records: [RecordRef]
    /// Every surface form (entity names and aliases, event ids).
    public var names: [String]
    /// The articles, sorted.
    public var articles: [String]
    /// The merges, in the order resolution applied them.
    public var merges: [MergeStep]
    /// Analyst overrides that involve the node's records.
    public var overrides: [ResolutionOverride]
}

/// An analyst correction of resolution. Overrides name records (article + name), not node IDs, so they
/// are persisted and respected by later ingests; an override whose records are gone is kept but inert.
public enum ResolutionOverride: Hashable, Sendable, Codable {
    /// Force the two records into one node.
    case merge(RecordRef, RecordRef)
    /// Keep the `detach` records apart from the `keep` records (no automatic rule may join them).
    case split(keep: [RecordRef], detach: [RecordRef])

    /// Every record the override names.
    public var records: [RecordRef] {
        switch self {
        case .merge(let a, let b): [a, b]
        case .split(let keep, let detach): keep + detach
        }
    }
}

/// What ingesting one article did.
public enum IngestStatus: String, Codable, Sendable {
    /// The article was new.
    case added
    /// The same article id with the same content hash was already there: nothing changed.
    case unchanged
    /// The article id was there with another content hash: its facts were replaced.
    case updated
}

/// The outcome of ingesting one article.
public struct IngestOutcome: Hashable, Sendable, Codable {
    public var article: String
    public var status: IngestStatus
    public var entities: Int
    public var events: Int
    public var triples: Int
    public var causal: Int
    /// Triples, roles and causal links dropped because they name an entity or event the article does not define.
    public var skipped: Int

    public init(article: String, status: IngestStatus, entities: Int = 0, events: Int = 0, triples: Int = 0,
                causal: Int = 0, skipped: Int = 0) {
        self.article = article
        self.status = status
        self.entities = entities
        self.events = events
        self.triples = triples
        self.causal = causal
        self.skipped = skipped
    }
}

/// Graph sizes, for `stats` and benchmarks.
public struct GraphStatistics: Hashable, Sendable, Codable {
    public var articles: Int
    public var entities: Int
    public var events: Int
    public var edges: Int
    /// Records before resolution (one per article mention of an entity).
    public var entityRecords: Int
    public var eventRecords: Int
    public var entitiesByType: [String: Int]
    public var eventsByType: [String: Int]
    public var edgesByRelation: [String: Int]
    /// Merges by resolution rule (entities and events).
    public var mergesByRule: [String: Int]
    public var overrides: Int
}

/// A request the graph cannot carry out, with what to do instead.
public struct GraphError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
