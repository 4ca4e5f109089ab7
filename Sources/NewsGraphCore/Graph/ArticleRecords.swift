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
