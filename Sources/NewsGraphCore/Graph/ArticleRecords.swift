// The compact per-article records the graph is built from (the source of truth of a `KnowledgeGraph`).
// One `ArticleChunk` per article; resolution and the derived node/edge arrays are rebuilt from the
// chunks, which are kept sorted by article id so that the result never depends on ingest order.

struct Span: Hashable, Sendable {
    var sentence: Int32
    var start: Int32
    var end: Int32
}

struct EntityRecord: Sendable {
    /// Range in `ArticleChunk.surfaces` / `surfaceKeys`: the name first, then the aliases.
    var surfaceStart: Int32
    var surfaceCount: Int32
    var type: EntityType
    var confidence: Float
    var mentionStart: Int32
    var mentionCount: Int32
    /// Created for an event place the article names but does not list as an entity.
    var implicit: Bool
}

struct EventRecord: Sendable {
    var localID: Int32
    var type: EventType
    var trigger: Int32
    /// Days since 1970-01-01, or `noDate`.
    var date: Int32
    /// Local entity index, or -1.
    var place: Int32
    var killed: Int32
    var injured: Int32
    var factuality: Factuality
    var confidence: Float
    /// Range in `ArticleChunk.args`: agents, then targets (local entity indices).
    var argStart: Int32
    var agentCount: Int32
    var targetCount: Int32
    /// Range in `ArticleChunk.attrs` (key, value string index pairs; count is the number of pairs).
    var attrStart: Int32
    var attrCount: Int32
    var mentionStart: Int32
    var mentionCount: Int32
}

struct TripleRecord: Sendable {
    var subject: Int32
    var predicate: TriplePredicate
    /// Local entity index, or local event index when `objectIsEvent`.
    var object: Int32
    var objectIsEvent: Bool
    var factuality: Factuality
    var confidence: Float
    var provStart: Int32
    var provCount: Int32
}

struct CausalRecord: Sendable {
    var from: Int32
    var relation: CausalRelation
    var to: Int32
    /// String index or -1.
    var cue: Int32
    var confidence: Float
    var provStart: Int32
    var provCount: Int32
}

let noDate = Int32.min

/// Days since 1970-01-01 for `YYYY-MM-DD`, or nil when the text is not a valid date.
func dayNumber(_ text: String) -> Int32? {
    CalendarDate(iso: text).map { Int32($0.dayNumber) }
}

/// `YYYY-MM-DD` for a day number.
func dateString(_ day: Int32) -> String {
    CalendarDate(dayNumber: Int(day)).description
}

/// The records of one article.
struct ArticleChunk: Sendable {
    var info: ArticleInfo
    var lexicon: String
    var strings: [String] = []
    var entities: [EntityRecord] = []
    var events: [EventRecord] = []
    var triples: [TripleRecord] = []
    var causal: [CausalRecord] = []
    /// Surface forms (string indices): per entity, name then aliases.
    var surfaces: [Int32] = []
    /// The normalised key (string index) of each surface, parallel to `surfaces`.
    var surfaceKeys: [Int32] = []
    var args: [Int32] = []
    var attrs: [Int32] = []
    var spans: [Span] = []
    /// Facts dropped because they name something the article does not define.
    var skipped = 0

    var id: String { info.id }

    func string(_ i: Int32) -> String { strings[Int(i)] }

    func entityName(_ local: Int) -> String { strings[Int(surfaces[Int(entities[local].surfaceStart)])] }

    /// An empty chunk (filled by a snapshot reader).
    init(info: ArticleInfo, lexicon: String) {
        self.info = info
        self.lexicon = lexicon
    }

    init(_ g: ArticleGraph) {
        var keys: [String: String] = [:]
        self.init(g, keyCache: &keys)
    }

    /// Builds the records; `keyCache` memoises name normalisation across articles of one batch.
    init(_ g: ArticleGraph, keyCache: inout [String: String]) {
        info = g.article
        lexicon = g.lexiconVersion
        var interned: [String: Int32] = [:]
        var strings: [String] = []
        func intern(_ s: String) -> Int32 {
            if let i = interned[s] { return i }
            let i = Int32(strings.count)
            strings.append(s)
            interned[s] = i
            return i
        }
        var spans: [Span] = []
        func addSpans(_ ps: [Provenance]) -> (Int32, Int32) {
            let start = Int32(spans.count)
            for p in ps { spans.append(Span(sentence: Int32(p.sentence), start: Int32(p.start), end: Int32(p.end))) }
            return (start, Int32(ps.count))
        }
        // Entities; lookup by exact surface, then by normalised key.
        var bySurface: [String: Int32] = [:]
        var byKey: [String: Int32] = [:]
        var entities: [EntityRecord] = []
        var surfaces: [Int32] = []
        var surfaceKeys: [Int32] = []
        func addEntity(name: String, aliases: [String], type: EntityType, confidence: Double, mentions: [Provenance], implicit: Bool) -> Int32 {
            let local = Int32(entities.count)
            let start = Int32(surfaces.count)
            var seen: Set<String> = []
            for s in [name] + aliases where !s.isEmpty && seen.insert(s).inserted {
                let key: String
                if let k = keyCache[s] { key = k } else { key = NameNormalizer.key(s); keyCache[s] = key }
                surfaces.append(intern(s))
                surfaceKeys.append(intern(key))
                if bySurface[s] == nil { bySurface[s] = local }
                if !key.isEmpty, byKey[key] == nil { byKey[key] = local }
            }
            if seen.isEmpty { // a nameless entity: keep it addressable by an empty name
                surfaces.append(intern(name))
                surfaceKeys.append(intern(""))
            }
            let (ms, mc) = addSpans(mentions)
            entities.append(EntityRecord(surfaceStart: start, surfaceCount: Int32(surfaces.count) - start, type: type,
                                         confidence: Float(confidence), mentionStart: ms, mentionCount: mc, implicit: implicit))
            return local
        }
        func lookup(_ name: String) -> Int32? {
            if let i = bySurface[name] { return i }
            let k = NameNormalizer.key(name)
            return k.isEmpty ? nil : byKey[k]
        }
        for e in g.entities {
            _ = addEntity(name: e.name, aliases: e.aliases, type: e.type, confidence: e.confidence, mentions: e.mentions, implicit: false)
        }
        var skipped = 0
        var eventIndex: [String: Int32] = [:]
        for (i, e) in g.events.enumerated() where eventIndex[e.id] == nil { eventIndex[e.id] = Int32(i) }
        var events: [EventRecord] = []
        var args: [Int32] = []
        var attrs: [Int32] = []
        for e in g.events {
            let argStart = Int32(args.count)
            var agents: Int32 = 0, targets: Int32 = 0
            for n in e.agent {
                if let l = lookup(n) { args.append(l); agents += 1 } else { skipped += 1 }
            }
            for n in e.target {
                if let l = lookup(n) { args.append(l); targets += 1 } else { skipped += 1 }
            }
            var place: Int32 = -1
            if let p = e.place, !p.isEmpty {
                place = lookup(p) ?? addEntity(name: p, aliases: [], type: .place, confidence: e.confidence, mentions: [], implicit: true)
            }
            let attrStart = Int32(attrs.count)
            for key in e.attributes.keys.sorted() {
                attrs.append(intern(key))
                attrs.append(intern(e.attributes[key] ?? ""))
            }
            let (ms, mc) = addSpans(e.mentions)
            events.append(EventRecord(
                localID: intern(e.id), type: e.type, trigger: intern(e.trigger),
                date: e.date.flatMap(dayNumber) ?? noDate, place: place,
                killed: e.killed.map { Int32(clamping: $0) } ?? -1, injured: e.injured.map { Int32(clamping: $0) } ?? -1,
                factuality: e.factuality, confidence: Float(e.confidence),
                argStart: argStart, agentCount: agents, targetCount: targets,
                attrStart: attrStart, attrCount: (Int32(attrs.count) - attrStart) / 2,
                mentionStart: ms, mentionCount: mc))
        }
        var triples: [TripleRecord] = []
        for t in g.triples {
            guard let s = lookup(t.subject) else { skipped += 1; continue }
            var object: Int32
            var isEvent = false
            if t.predicate == .claimedResponsibility, let ev = eventIndex[t.object] {
                object = ev
                isEvent = true
            } else if let o = lookup(t.object) {
                object = o
            } else { skipped += 1; continue }
            let (ps, pc) = addSpans(t.provenance)
            triples.append(TripleRecord(subject: s, predicate: t.predicate, object: object, objectIsEvent: isEvent,
                                        factuality: t.factuality, confidence: Float(t.confidence), provStart: ps, provCount: pc))
        }
        var causal: [CausalRecord] = []
        for c in g.causal {
            guard let f = eventIndex[c.from], let t = eventIndex[c.to] else { skipped += 1; continue }
            let (ps, pc) = addSpans(c.provenance)
            causal.append(CausalRecord(from: f, relation: c.relation, to: t, cue: c.cue.isEmpty ? -1 : intern(c.cue),
                                       confidence: Float(c.confidence), provStart: ps, provCount: pc))
        }
        // Kept at their exact sizes: a graph holds one chunk per article for as long as it lives, and arrays
        // grown by appending carry up to twice the room they need.
        self.strings = strings.fitted()
        self.entities = entities.fitted()
        self.events = events.fitted()
        self.triples = triples.fitted()
        self.causal = causal.fitted()
        self.surfaces = surfaces.fitted()
        self.surfaceKeys = surfaceKeys.fitted()
        self.args = args.fitted()
        self.attrs = attrs.fitted()
        self.spans = spans.fitted()
        self.skipped = skipped
    }

    /// The outcome counts of this article.
    func outcome(_ status: IngestStatus) -> IngestOutcome {
        IngestOutcome(article: info.id, status: status, entities: entities.count, events: events.count,
                      triples: triples.count, causal: causal.count, skipped: skipped)
    }
}

extension ArticleGraph {
    /// Triples, event arguments and causal links that name an entity or event the article does not define;
    /// the graph drops them (an unknown event place becomes an implicit place entity instead).
    public var unresolvedReferenceCount: Int { ArticleChunk(self).skipped }
}

extension Array {
    /// The same elements in storage of exactly their count (the array itself when it has no spare room).
    func fitted() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
