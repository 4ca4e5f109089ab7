/// The article annotation format shared by gold files and extraction output (the corpus `SCHEMA.md`):
/// one JSON object per article with entities, triples, events and causal links.
///
/// Fields beyond the schema (`confidence`, `factuality`, `cameo`, `acled`, `mentions`) are optional:
/// gold files omit them and scorers ignore them.
public struct Annotation: Codable, Sendable, Hashable {
    public struct Entity: Codable, Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var type: EntityType
        public var confidence: Double?
        public var mentions: [Provenance]?

        public init(name: String, aliases: [String] = [], type: EntityType, confidence: Double? = nil, mentions: [Provenance]? = nil) {
            self.name = name
            self.aliases = aliases
            self.type = type
            self.confidence = confidence
            self.mentions = mentions
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            type = try c.decode(EntityType.self, forKey: .type)
            confidence = try c.decodeIfPresent(Double.self, forKey: .confidence)
            mentions = try c.decodeIfPresent([Provenance].self, forKey: .mentions)
        }
    }

    public struct Event: Codable, Sendable, Hashable {
        public var id: String
        public var type: EventType
        public var trigger: String
        public var agent: [String]
        public var target: [String]
        public var place: String?
        public var date: String?
        public var killed: Int?
        public var injured: Int?
        public var factuality: Factuality?
        public var cameo: String?
        public var acled: String?
        public var confidence: Double?
        public var mentions: [Provenance]?

        enum CodingKeys: String, CodingKey {
            case id, type, trigger, agent, target, place, date, killed, injured, factuality, cameo, acled, confidence, mentions
        }

        public init(id: String, type: EventType, trigger: String, agent: [String] = [], target: [String] = [],
                    place: String? = nil, date: String? = nil, killed: Int? = nil, injured: Int? = nil,
                    factuality: Factuality? = nil, cameo: String? = nil, acled: String? = nil,
                    confidence: Double? = nil, mentions: [Provenance]? = nil) {
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
            self.cameo = cameo
            self.acled = acled
            self.confidence = confidence
            self.mentions = mentions
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            type = try c.decode(EventType.self, forKey: .type)
            trigger = try c.decodeIfPresent(String.self, forKey: .trigger) ?? ""
            agent = try c.decodeIfPresent([String].self, forKey: .agent) ?? []
            target = try c.decodeIfPresent([String].self, forKey: .target) ?? []
            place = try c.decodeIfPresent(String.self, forKey: .place)
            date = try c.decodeIfPresent(String.self, forKey: .date)
            killed = try c.decodeIfPresent(Int.self, forKey: .killed)
            injured = try c.decodeIfPresent(Int.self, forKey: .injured)
            factuality = try c.decodeIfPresent(Factuality.self, forKey: .factuality)
            cameo = try c.decodeIfPresent(String.self, forKey: .cameo)
            acled = try c.decodeIfPresent(String.self, forKey: .acled)
            confidence = try c.decodeIfPresent(Double.self, forKey: .confidence)
            mentions = try c.decodeIfPresent([Provenance].self, forKey: .mentions)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(type, forKey: .type)
            try c.encode(trigger, forKey: .trigger)
            try c.encode(agent, forKey: .agent)
            try c.encode(target, forKey: .target)
            // The schema writes absent values as null, so place/date/killed/injured are always present.
            try c.encode(place, forKey: .place)
            try c.encode(date, forKey: .date)
            try c.encode(killed, forKey: .killed)
            try c.encode(injured, forKey: .injured)
            try c.encodeIfPresent(factuality, forKey: .factuality)
            try c.encodeIfPresent(cameo, forKey: .cameo)
            try c.encodeIfPresent(acled, forKey: .acled)
            try c.encodeIfPresent(confidence, forKey: .confidence)
            try c.encodeIfPresent(mentions, forKey: .mentions)
        }
    }

    /// `[subject, predicate, object]`.
    public struct Triple: Codable, Sendable, Hashable {
        public var subject: String
        public var predicate: String
        public var object: String

        public init(_ subject: String, _ predicate: String, _ object: String) {
            self.subject = subject
            self.predicate = predicate
            self.object = object
        }

        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            subject = try c.decode(String.self)
            predicate = try c.decode(String.self)
            object = try c.decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(subject)
            try c.encode(predicate)
            try c.encode(object)
        }
    }

    public var id: String
    public var source: String?
    public var retrieval: String?
    public var date: String?
    public var entities: [Entity]
    /// Entity–entity triples; `claimed_responsibility` may take an event id as object.
    public var triples: [Triple]
    public var events: [Event]
    /// Event–event links by event id, `[from, relation, to]`.
    public var causal: [Triple]

    public init(id: String, source: String? = nil, retrieval: String? = nil, date: String? = nil,
                entities: [Entity] = [], triples: [Triple] = [], events: [Event] = [], causal: [Triple] = []) {
        self.id = id
        self.source = source
        self.retrieval = retrieval
        self.date = date
        self.entities = entities
        self.triples = triples
        self.events = events
        self.causal = causal
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        retrieval = try c.decodeIfPresent(String.self, forKey: .retrieval)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        triples = try c.decodeIfPresent([Triple].self, forKey: .triples) ?? []
        events = try c.decodeIfPresent([Event].self, forKey: .events) ?? []
        causal = try c.decodeIfPresent([Triple].self, forKey: .causal) ?? []
    }
}

extension Annotation {
    /// The annotation of an extraction result (the schema's view of it).
    public init(_ graph: ArticleGraph) {
        self.init(
            id: graph.article.id,
            source: graph.article.source,
            retrieval: nil,
            date: graph.article.date,
            entities: graph.entities.map {
                Entity(name: $0.name, aliases: $0.aliases, type: $0.type, confidence: $0.confidence, mentions: $0.mentions)
            },
            triples: graph.triples.filter { $0.factuality != .denied }.map {
                Triple($0.subject, $0.predicate.rawValue, $0.object)
            },
            events: graph.events.map {
                Event(id: $0.id, type: $0.type, trigger: $0.trigger, agent: $0.agent, target: $0.target,
                      place: $0.place, date: $0.date, killed: $0.killed, injured: $0.injured,
                      factuality: $0.factuality, cameo: $0.attributes["cameo"], acled: $0.attributes["acled"],
                      confidence: $0.confidence, mentions: $0.mentions)
            },
            causal: graph.causal.map { Triple($0.from, $0.relation.rawValue, $0.to) }
        )
    }
}

/// A problem in an annotation file that makes it unusable, with what to do about it.
public struct AnnotationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension ArticleGraph {
    /// An article graph from an annotation (gold file, another extractor's or a language model's output),
    /// so that its facts can join the graph. Unknown predicates and dangling references are errors.
    ///
    /// - Parameter contentHash: identifies the input for idempotent re-ingest; pass a hash of the file bytes.
    public init(annotation a: Annotation, contentHash: String) throws {
        let info = ArticleInfo(id: a.id, date: a.date, source: a.source, contentHash: contentHash)
        let names = Set(a.entities.flatMap { [$0.name] + $0.aliases })
        let eventIDs = Set(a.events.map(\.id))
        var triples: [ExtractedTriple] = []
        for t in a.triples {
            guard let p = TriplePredicate(rawValue: t.predicate) else {
                throw AnnotationError("\(a.id): unknown predicate '\(t.predicate)' in triple [\(t.subject), \(t.predicate), \(t.object)]; use one of \(TriplePredicate.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard names.contains(t.subject) else {
                throw AnnotationError("\(a.id): triple subject '\(t.subject)' is not an entity name or alias; add it to \"entities\"")
            }
            guard names.contains(t.object) || (p == .claimedResponsibility && eventIDs.contains(t.object)) else {
                throw AnnotationError("\(a.id): triple object '\(t.object)' is not an entity name or alias (nor an event id); add it to \"entities\"")
            }
            triples.append(ExtractedTriple(subject: t.subject, predicate: p, object: t.object))
        }
        var causal: [ExtractedCausalLink] = []
        for c in a.causal {
            guard let r = CausalRelation(rawValue: c.predicate) else {
                throw AnnotationError("\(a.id): unknown causal relation '\(c.predicate)'; use responded_to, caused or followed")
            }
            guard eventIDs.contains(c.subject), eventIDs.contains(c.object) else {
                throw AnnotationError("\(a.id): causal link [\(c.subject), \(c.predicate), \(c.object)] names an event id that is not in \"events\"")
            }
            causal.append(ExtractedCausalLink(from: c.subject, relation: r, to: c.object))
        }
        for e in a.events {
            for n in e.agent + e.target + (e.place.map { [$0] } ?? []) where !names.contains(n) {
                throw AnnotationError("\(a.id): event '\(e.id)' names '\(n)', which is not an entity name or alias; add it to \"entities\"")
            }
        }
        self.init(
            article: info,
            entities: a.entities.map {
                ExtractedEntity(name: $0.name, aliases: $0.aliases, type: $0.type, mentions: $0.mentions ?? [], confidence: $0.confidence ?? 1)
            },
            events: a.events.map {
                var attributes: [String: String] = [:]
                attributes["cameo"] = $0.cameo
                attributes["acled"] = $0.acled
                return ExtractedEvent(id: $0.id, type: $0.type, trigger: $0.trigger, agent: $0.agent, target: $0.target,
                                      place: $0.place, date: $0.date, killed: $0.killed, injured: $0.injured,
                                      factuality: $0.factuality ?? .asserted, attributes: attributes,
                                      mentions: $0.mentions ?? [], confidence: $0.confidence ?? 1)
            },
            triples: triples,
            causal: causal,
            lexiconVersion: "annotation"
        )
    }
}
