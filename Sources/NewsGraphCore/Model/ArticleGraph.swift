/// Metadata of one article.
public struct ArticleInfo: Codable, Sendable, Hashable {
    /// Identifier: the file stem, or the `id` of a JSON Lines record.
    public var id: String
    /// Publication date from the dateline or the record, `YYYY-MM-DD`.
    public var date: String?
    /// The dateline place ("Quetta"), when the article has one.
    public var datelinePlace: String?
    /// Where the text came from (a path or URL).
    public var source: String?
    /// Title, when the input gives one (JSON Lines `title`).
    public var title: String?
    /// SHA-256 of the article text, hex. Re-ingesting identical text is a no-op.
    public var contentHash: String
    /// The sentences of the article, in order; provenance `sentence` indexes into this.
    public var sentences: [String]

    public init(id: String, date: String? = nil, datelinePlace: String? = nil, source: String? = nil,
                title: String? = nil, contentHash: String, sentences: [String] = []) {
        self.id = id
        self.date = date
        self.datelinePlace = datelinePlace
        self.source = source
        self.title = title
        self.contentHash = contentHash
        self.sentences = sentences
    }
}

/// An entity found in one article.
public struct ExtractedEntity: Codable, Sendable, Hashable {
    /// Canonical name in this article (a form that appears in the text).
    public var name: String
    /// Other surface forms used in the article: acronyms, spelling variants, "X district".
    public var aliases: [String]
    public var type: EntityType
    /// Every mention that was resolved to this entity.
    public var mentions: [Provenance]
    /// Confidence of the typing and of the entity itself, 0…1.
    public var confidence: Double

    public init(name: String, aliases: [String] = [], type: EntityType, mentions: [Provenance] = [], confidence: Double = 1) {
        self.name = name
        self.aliases = aliases
        self.type = type
        self.mentions = mentions
        self.confidence = confidence
    }
}

/// An event found in one article. Arguments name entities by their `name` in the same article.
public struct ExtractedEvent: Codable, Sendable, Hashable {
    /// Article-local identifier, unique within the article ("kalat_attack").
    public var id: String
    public var type: EventType
    /// The trigger words as written ("attacked", "intelligence-based operation").
    public var trigger: String
    public var agent: [String]
    public var target: [String]
    /// The most specific named place.
    public var place: String?
    /// `YYYY-MM-DD`, resolved against the dateline.
    public var date: String?
    public var killed: Int?
    public var injured: Int?
    public var factuality: Factuality
    /// Extra attributes: `cameo` (root code), `acled` (event type), `lexicon` (version) and others.
    public var attributes: [String: String]
    /// The trigger mention and the coreferent mentions ("the attack", "Saturday's attack").
    public var mentions: [Provenance]
    public var confidence: Double

    public init(id: String, type: EventType, trigger: String, agent: [String] = [], target: [String] = [],
                place: String? = nil, date: String? = nil, killed: Int? = nil, injured: Int? = nil,
                factuality: Factuality = .asserted, attributes: [String: String] = [:],
                mentions: [Provenance] = [], confidence: Double = 1) {
        self.id = id
        self.type = type
        self.trigger = trigger
        self.agent = agent
        self.target = target
        self.place = place
        self.date = date
        self.killed = killed
        self.injured = injured
        self.factuality = factuality
        self.attributes = attributes
        self.mentions = mentions
        self.confidence = confidence
    }
}

/// An entity–entity triple (or group → event for `claimed_responsibility`).
public struct ExtractedTriple: Codable, Sendable, Hashable {
    /// Subject entity name.
    public var subject: String
    public var predicate: TriplePredicate
    /// Object entity name, or an event id for `claimed_responsibility`.
    public var object: String
    public var factuality: Factuality
    public var provenance: [Provenance]
    public var confidence: Double

    public init(subject: String, predicate: TriplePredicate, object: String, factuality: Factuality = .asserted,
                provenance: [Provenance] = [], confidence: Double = 1) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.factuality = factuality
        self.provenance = provenance
        self.confidence = confidence
    }
}

/// An event–event link: `from` (the later event or the cause) `relation` `to`.
public struct ExtractedCausalLink: Codable, Sendable, Hashable {
    public var from: String
    public var relation: CausalRelation
    public var to: String
    /// The cue that stated the link ("in response to", "triggered").
    public var cue: String
    public var provenance: [Provenance]
    public var confidence: Double

    public init(from: String, relation: CausalRelation, to: String, cue: String = "",
                provenance: [Provenance] = [], confidence: Double = 1) {
        self.from = from
        self.relation = relation
        self.to = to
        self.cue = cue
        self.provenance = provenance
        self.confidence = confidence
    }
}

/// Everything extracted from one article: the unit that is ingested into the graph in one transaction.
public struct ArticleGraph: Codable, Sendable, Hashable {
    public var article: ArticleInfo
    public var entities: [ExtractedEntity]
    public var events: [ExtractedEvent]
    public var triples: [ExtractedTriple]
    public var causal: [ExtractedCausalLink]
    /// Version of the lexicons that produced these facts ("builtin-1+user:abcd1234").
    public var lexiconVersion: String

    public init(article: ArticleInfo, entities: [ExtractedEntity] = [], events: [ExtractedEvent] = [],
                triples: [ExtractedTriple] = [], causal: [ExtractedCausalLink] = [], lexiconVersion: String = "") {
        self.article = article
        self.entities = entities
        self.events = events
        self.triples = triples
        self.causal = causal
        self.lexiconVersion = lexiconVersion
    }

    /// The facts whose confidence is at least `minimum`; events below it take their links and triples with them.
    public func filtered(minConfidence minimum: Double) -> ArticleGraph {
        guard minimum > 0 else { return self }
        var copy = self
        copy.entities = entities.filter { $0.confidence >= minimum }
        copy.events = events.filter { $0.confidence >= minimum }
        let kept = Set(copy.events.map(\.id))
        copy.triples = triples.filter {
            $0.confidence >= minimum && ($0.predicate != .claimedResponsibility || kept.contains($0.object))
        }
        copy.causal = causal.filter { $0.confidence >= minimum && kept.contains($0.from) && kept.contains($0.to) }
        return copy
    }
}
