// Turning one `ArticleGraph` into its compact records: strings interned, provenance as spans, names looked up
// by exact surface then normalised key; facts that name something the article does not define are counted
// as skipped.

extension ArticleChunk {
    /// Builds the records; `keyCache` memoises name normalisation across articles of one batch.
    init(_ g: ArticleGraph, keyCache: inout [String: String]) {
        info = g.article
        lexicon = g.lexiconVersion
        var b = ArticleChunkBuilder()
        for e in g.entities {
            _ = b.addEntity(name: e.name, aliases: e.aliases, type: e.type, confidence: e.confidence, mentions: e.mentions,
                            implicit: false, keyCache: &keyCache)
        }
        var eventIndex: [String: Int32] = [:]
        for (i, e) in g.events.enumerated() where eventIndex[e.id] == nil { eventIndex[e.id] = Int32(i) }
        for e in g.events { b.addEvent(e, keyCache: &keyCache) }
        for t in g.triples { b.addTriple(t, eventIndex: eventIndex) }
        for c in g.causal { b.addCausal(c, eventIndex: eventIndex) }
        // Kept at their exact sizes: a graph holds one chunk per article for as long as it lives, and arrays
        // grown by appending carry up to twice the room they need.
        self.strings = b.strings.fitted()
        self.entities = b.entities.fitted()
        self.events = b.events.fitted()
        self.triples = b.triples.fitted()
        self.causal = b.causal.fitted()
        self.surfaces = b.surfaces.fitted()
        self.surfaceKeys = b.surfaceKeys.fitted()
        self.args = b.args.fitted()
        self.attrs = b.attrs.fitted()
        self.spans = b.spans.fitted()
        self.skipped = b.skipped
    }
}

/// The records of one article as they are built.
private struct ArticleChunkBuilder {
    var interned: [String: Int32] = [:]
    var strings: [String] = []
    var spans: [Span] = []
    /// Entity lookup by exact surface, then by normalised key.
    var bySurface: [String: Int32] = [:]
    var byKey: [String: Int32] = [:]
    var entities: [EntityRecord] = []
    var surfaces: [Int32] = []
    var surfaceKeys: [Int32] = []
    var events: [EventRecord] = []
    var args: [Int32] = []
    var attrs: [Int32] = []
    var triples: [TripleRecord] = []
    var causal: [CausalRecord] = []
    var skipped = 0

    mutating func intern(_ s: String) -> Int32 {
        if let i = interned[s] { return i }
        let i = Int32(strings.count)
        strings.append(s)
        interned[s] = i
        return i
    }

    /// Appends the spans of `ps`; returns (first span, count).
    mutating func addSpans(_ ps: [Provenance]) -> (Int32, Int32) {
        let start = Int32(spans.count)
        for p in ps { spans.append(Span(sentence: Int32(p.sentence), start: Int32(p.start), end: Int32(p.end))) }
        return (start, Int32(ps.count))
    }

    mutating func addEntity(name: String, aliases: [String], type: EntityType, confidence: Double, mentions: [Provenance], implicit: Bool,
                            keyCache: inout [String: String]) -> Int32 {
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

    /// An event with its agents and targets (those the article defines), its place (an implicit place entity
    /// when the article names none by that name) and its attributes.
    mutating func addEvent(_ e: ExtractedEvent, keyCache: inout [String: String]) {
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
            place = lookup(p) ?? addEntity(name: p, aliases: [], type: .place, confidence: e.confidence, mentions: [], implicit: true,
                                           keyCache: &keyCache)
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

    /// A triple between entities, or a claim of responsibility for one of the article's events.
    mutating func addTriple(_ t: ExtractedTriple, eventIndex: [String: Int32]) {
        guard let s = lookup(t.subject) else { skipped += 1; return }
        var object: Int32
        var isEvent = false
        if t.predicate == .claimedResponsibility, let ev = eventIndex[t.object] {
            object = ev
            isEvent = true
        } else if let o = lookup(t.object) {
            object = o
        } else { skipped += 1; return }
        let (ps, pc) = addSpans(t.provenance)
        triples.append(TripleRecord(subject: s, predicate: t.predicate, object: object, objectIsEvent: isEvent,
                                    factuality: t.factuality, confidence: Float(t.confidence), provStart: ps, provCount: pc))
    }

    mutating func addCausal(_ c: ExtractedCausalLink, eventIndex: [String: Int32]) {
        guard let f = eventIndex[c.from], let t = eventIndex[c.to] else { skipped += 1; return }
        let (ps, pc) = addSpans(c.provenance)
        causal.append(CausalRecord(from: f, relation: c.relation, to: t, cue: c.cue.isEmpty ? -1 : intern(c.cue),
                                   confidence: Float(c.confidence), provStart: ps, provCount: pc))
    }
}
