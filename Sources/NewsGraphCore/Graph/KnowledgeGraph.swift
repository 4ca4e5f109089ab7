/// The merged knowledge graph of many articles: resolved entities and events as nodes, triples, event
/// roles and causal links as edges, every node and edge with its evidence (article, sentence, span,
/// confidence, factuality; the article's lexicon version).
///
/// ## Layout
/// Nodes are dense `NodeID`s: entities `0 ..< entityCount`, then events `entityCount ..< nodeCount`.
/// Node attributes, evidence, edges and indexes are arrays of structs and offset arrays (CSR): no
/// per-node dictionaries or objects, so a million facts fit in a few hundred megabytes and open fast.
///
/// ## Building
/// `ingest(_:)` adds `ArticleGraph`s (extractor output, or `ArticleGraph(annotation:contentHash:)`).
/// Resolution (see `ResolutionRule`) then merges entities and events across articles. The result is a
/// function of the *set* of articles and the analyst `overrides`: ingest order never matters, ingesting
/// the same article (same id, content hash and lexicon version) again changes nothing, and
/// `remove(article:)` retracts exactly what that article supported. Every mutation re-resolves the
/// graph, so batch ingests (`ingest([ArticleGraph])`) rather than adding one article at a time.
///
/// ## Reading
/// `entity(_:)`, `event(_:)`, `edges(of:relation:direction:)`, `neighbours(of:relation:direction:)`,
/// `edges(from:to:)`, `lookup(_:)`, `nodes(ofType:)`, `events(from:through:)`, `evidence(of:)`,
/// `sentence(of:)`, `explanation(of:)`, `subgraph(nodes:)`.
public struct KnowledgeGraph: Sendable {
    /// The source records, one chunk per article, sorted by article id.
    var chunks: [ArticleChunk] = []
    /// Analyst corrections, in the order they were made.
    public internal(set) var overrides: [ResolutionOverride] = []
    var res = ResolutionResult()
    var d = Derived()
    /// True for a `subgraph(nodes:)`: nodes are a subset, record numbering is the parent's.
    public internal(set) var isSubgraph = false

    /// Nothing built (a snapshot reader fills it).
    init(empty: Void) {}

    /// An empty graph.
    public init() {
        res = Resolver.resolve([], overrides: [])
        d = Derived.build([], res)
    }

    /// The graph of `articles` under `overrides`.
    public init(articles: [ArticleGraph], overrides: [ResolutionOverride] = []) {
        self.overrides = overrides
        var byID: [String: ArticleChunk] = [:]
        var keys: [String: String] = [:]
        for a in articles { byID[a.article.id] = ArticleChunk(a, keyCache: &keys) }
        chunks = byID.values.sorted { $0.info.id < $1.info.id }
        rebuild()
    }

    /// The graph of the articles `produce` hands over one at a time, under `overrides`: the same graph as
    /// `init(articles:overrides:)` with them, but each article is turned into the graph's compact records as
    /// it arrives, so that all of them are never held at once as `ArticleGraph`s (a store's final resolve).
    public init(overrides: [ResolutionOverride] = [], articles produce: (_ add: (ArticleGraph) -> Void) throws -> Void) rethrows {
        self.overrides = overrides
        var byID: [String: ArticleChunk] = [:]
        var keys: [String: String] = [:]
        try produce { a in byID[a.article.id] = ArticleChunk(a, keyCache: &keys) }
        chunks = byID.values.sorted { $0.info.id < $1.info.id }
        rebuild()
    }

    mutating func rebuild() {
        res = Resolver.resolve(chunks, overrides: overrides)
        d = Derived.build(chunks, res)
        isSubgraph = false
    }

    // MARK: - Mutation

    /// Adds or replaces articles, then re-resolves once. An article whose id, content hash and lexicon
    /// version are already present is `unchanged`; the same id with other content is `updated`.
    @discardableResult
    public mutating func ingest(_ articles: [ArticleGraph]) -> [IngestOutcome] {
        if isSubgraph { rebuild() }
        var outcomes: [IngestOutcome] = []
        var changed = false
        var keys: [String: String] = [:]
        for a in articles {
            let (found, index) = chunkPosition(a.article.id)
            if found {
                let old = chunks[index]
                if old.info.contentHash == a.article.contentHash && old.lexicon == a.lexiconVersion {
                    outcomes.append(old.outcome(.unchanged))
                    continue
                }
                let chunk = ArticleChunk(a, keyCache: &keys)
                chunks[index] = chunk
                outcomes.append(chunk.outcome(.updated))
            } else {
                let chunk = ArticleChunk(a, keyCache: &keys)
                chunks.insert(chunk, at: index)
                outcomes.append(chunk.outcome(.added))
            }
            changed = true
        }
        if changed { rebuild() }
        return outcomes
    }

    /// Adds or replaces one article (see `ingest(_:)` for batches).
    @discardableResult
    public mutating func ingest(_ article: ArticleGraph) -> IngestOutcome {
        ingest([article])[0]
    }

    /// Removes an article and every fact only it supported. Returns false when the article is not in the graph.
    @discardableResult
    public mutating func remove(article id: String) -> Bool {
        remove(articles: [id]) > 0
    }

    /// Removes articles; returns how many were present.
    @discardableResult
    public mutating func remove(articles ids: some Sequence<String>) -> Int {
        if isSubgraph { rebuild() }
        var removed = 0
        for id in ids {
            let (found, index) = chunkPosition(id)
            if found { chunks.remove(at: index); removed += 1 }
        }
        if removed > 0 { rebuild() }
        return removed
    }

    /// Whether the graph holds the article with this id.
    public func contains(article id: String) -> Bool { chunkPosition(id).0 }

    /// The content hash of an ingested article.
    public func contentHash(of article: String) -> String? {
        let (found, i) = chunkPosition(article)
        return found ? chunks[i].info.contentHash : nil
    }

    /// Replaces the analyst overrides (as loaded from a store) and re-resolves.
    public mutating func setOverrides(_ overrides: [ResolutionOverride]) {
        self.overrides = overrides
        rebuild()
    }

    /// Adds an analyst override and re-resolves. A split drops earlier merges that joined its two sides.
    public mutating func addOverride(_ o: ResolutionOverride) {
        if case .split(let keep, let detach) = o {
            let k = Set(keep), x = Set(detach)
            overrides.removeAll { old in
                if case .merge(let a, let b) = old { return (k.contains(a) && x.contains(b)) || (k.contains(b) && x.contains(a)) }
                return false
            }
        }
        overrides.append(o)
        rebuild()
    }

    /// Removes an analyst override (by value) and re-resolves. Returns false when it was not there.
    @discardableResult
    public mutating func removeOverride(_ o: ResolutionOverride) -> Bool {
        guard let i = overrides.firstIndex(of: o) else { return false }
        overrides.remove(at: i)
        rebuild()
        return true
    }

    /// Merges two nodes of the same kind (and, for entities, the same type) by an analyst override.
    /// Returns the override (persist it to keep the merge). Node IDs change afterwards.
    @discardableResult
    public mutating func merge(_ a: NodeID, _ b: NodeID) throws -> ResolutionOverride {
        try checkNode(a)
        try checkNode(b)
        guard a != b else { throw GraphError("'\(name(of: a))' and '\(name(of: b))' are already one node; nothing to merge") }
        guard kind(of: a) == kind(of: b) else {
            throw GraphError("cannot merge an entity with an event ('\(name(of: a))', '\(name(of: b))'); pick two entities or two events")
        }
        if kind(of: a) == .entity, d.entType[a.index] != d.entType[b.index] {
            throw GraphError("cannot merge '\(name(of: a))' (\(d.entType[a.index].rawValue)) with '\(name(of: b))' (\(d.entType[b.index].rawValue)): entities of different types never merge; fix the type in the source annotation instead")
        }
        guard let ra = records(of: a).first, let rb = records(of: b).first else { throw GraphError("node has no records") }
        let o = ResolutionOverride.merge(ra, rb)
        addOverride(o)
        return o
    }

    /// Splits the records `detach` off a node (they become their own node(s), and automatic rules may
    /// not join them back). Returns the override (persist it to keep the split). Node IDs change afterwards.
    @discardableResult
    public mutating func split(_ node: NodeID, detaching detach: [RecordRef]) throws -> ResolutionOverride {
        try checkNode(node)
        let all = records(of: node)
        let x = Set(detach)
        let unknown = x.subtracting(all)
        guard unknown.isEmpty else {
            throw GraphError("\(unknown.sorted().map(\.description).joined(separator: ", ")) \(unknown.count == 1 ? "is" : "are") not part of '\(name(of: node))'; see `explain` for its records")
        }
        let keep = all.filter { !x.contains($0) }
        guard !x.isEmpty, !keep.isEmpty else {
            throw GraphError("a split must leave records on both sides; '\(name(of: node))' has \(all.count) record(s): \(all.map(\.description).joined(separator: ", "))")
        }
        let o = ResolutionOverride.split(keep: keep, detach: detach.sorted())
        addOverride(o)
        return o
    }

    func checkNode(_ n: NodeID) throws {
        guard n.rawValue >= 0 && n.index < nodeCount else { throw GraphError("node \(n) does not exist (the graph has \(nodeCount) nodes)") }
    }

    func chunkPosition(_ id: String) -> (Bool, Int) {
        var lo = 0, hi = chunks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if chunks[mid].info.id < id { lo = mid + 1 } else { hi = mid }
        }
        return (lo < chunks.count && chunks[lo].info.id == id, lo)
    }

    // MARK: - Sizes

    public var entityCount: Int { d.entityCount }
    public var eventCount: Int { d.eventCount }
    public var nodeCount: Int { d.nodeCount }
    public var edgeCount: Int { d.edges.count }
    public var articleCount: Int { chunks.count }
    /// Every node ID, entities then events.
    public var nodeIDs: [NodeID] { (0 ..< nodeCount).map(NodeID.init) }
    public var entityIDs: [NodeID] { (0 ..< entityCount).map(NodeID.init) }
    public var eventIDs: [NodeID] { (entityCount ..< nodeCount).map(NodeID.init) }
    /// Every edge ID.
    public var edgeIDs: [EdgeID] { (0 ..< edgeCount).map(EdgeID.init) }

    // MARK: - Nodes

    public func kind(of node: NodeID) -> NodeKind { node.index < d.entityCount ? .entity : .event }
    public func isEntity(_ node: NodeID) -> Bool { node.index < d.entityCount }
    public func isEvent(_ node: NodeID) -> Bool { node.index >= d.entityCount }

    /// The entity node, or nil for an event ID.
    public func entity(_ node: NodeID) -> EntityNode? {
        let n = node.index
        guard n >= 0 && n < d.entityCount else { return nil }
        return EntityNode(id: node, name: d.entName[n], type: d.entType[n],
                          aliases: Array(d.entAliases[Int(d.entAliasOffsets[n]) ..< Int(d.entAliasOffsets[n + 1])]),
                          confidence: Double(d.entConfidence[n]), articleCount: Int(d.articleCount[n]))
    }

    /// The event node, or nil for an entity ID.
    public func event(_ node: NodeID) -> EventNode? {
        let v = node.index - d.entityCount
        guard v >= 0 && v < d.eventCount else { return nil }
        var killed: [SourcedFigure] = [], injured: [SourcedFigure] = []
        for f in d.evFigures[Int(d.evFigureOffsets[v]) ..< Int(d.evFigureOffsets[v + 1])] {
            let info = chunks[Int(f.article)].info
            if f.killed >= 0 { killed.append(SourcedFigure(article: info.id, date: info.date, value: Int(f.killed), factuality: f.factuality)) }
            if f.injured >= 0 { injured.append(SourcedFigure(article: info.id, date: info.date, value: Int(f.injured), factuality: f.factuality)) }
        }
        var attributes: [String: String] = [:]
        for k in Int(d.evAttrOffsets[v]) ..< Int(d.evAttrOffsets[v + 1]) { attributes[d.evAttrKeys[k]] = d.evAttrValues[k] }
        let date = d.evDate[v]
        return EventNode(id: node, type: d.evType[v], trigger: d.evTrigger[v], date: date == noDate ? nil : dateString(date),
                         place: d.evPlace[v] >= 0 ? NodeID(rawValue: d.evPlace[v]) : nil, factuality: d.evFactuality[v],
                         confidence: Double(d.evConfidence[v]), killed: killed, injured: injured, attributes: attributes,
                         localIDs: Array(d.evLocalIDs[Int(d.evLocalIDOffsets[v]) ..< Int(d.evLocalIDOffsets[v + 1])]),
                         articleCount: Int(d.articleCount[node.index]))
    }

    /// The entity's type, or nil for an event.
    public func entityType(of node: NodeID) -> EntityType? { isEntity(node) ? d.entType[node.index] : nil }
    /// The event's type, or nil for an entity.
    public func eventType(of node: NodeID) -> EventType? { isEvent(node) ? d.evType[node.index - d.entityCount] : nil }
    /// The event's date as a day number (days since 1970-01-01), or nil.
    public func eventDay(of node: NodeID) -> Int? {
        guard isEvent(node) else { return nil }
        let x = d.evDate[node.index - d.entityCount]
        return x == noDate ? nil : Int(x)
    }

    /// The entity name, or the event's most frequent article-local id ("tajori_attack").
    public func name(of node: NodeID) -> String {
        if isEntity(node) { return d.entName[node.index] }
        let v = node.index - d.entityCount
        let s = Int(d.evLocalIDOffsets[v])
        return s < Int(d.evLocalIDOffsets[v + 1]) ? d.evLocalIDs[s] : "event"
    }

    /// A human label: the entity name, or "attack · 2025-03-08 · Tajori" for an event.
    public func label(of node: NodeID) -> String {
        if isEntity(node) { return d.entName[node.index] }
        let v = node.index - d.entityCount
        var parts = [d.evType[v].rawValue]
        if d.evDate[v] != noDate { parts.append(dateString(d.evDate[v])) }
        if d.evPlace[v] >= 0 { parts.append(d.entName[Int(d.evPlace[v])]) }
        return parts.joined(separator: " · ")
    }

    /// A reference that survives rebuilds: "entity:group:<key of the name>" or "event:<local id>:<date>".
    public func key(of node: NodeID) -> String {
        if isEntity(node) { return "entity:\(d.entType[node.index].rawValue):\(NameNormalizer.key(d.entName[node.index]))" }
        let v = node.index - d.entityCount
        return "event:\(name(of: node)):\(d.evDate[v] == noDate ? "" : dateString(d.evDate[v]))"
    }

    /// The records (article + local name) merged into a node, in article-id order.
    public func records(of node: NodeID) -> [RecordRef] {
        guard node.index >= 0 && node.index < nodeCount else { return [] }
        let loc = locator
        return d.records[Int(d.recordOffsets[node.index]) ..< Int(d.recordOffsets[node.index + 1])].compactMap {
            isEntity(node) ? loc.entityRef($0) : loc.eventRef($0)
        }
    }

    /// The articles that support a node, sorted by id.
    public func articles(of node: NodeID) -> [String] {
        var out: [String] = []
        for e in evidence(of: node) {
            let id = chunks[Int(e.articleIndex)].info.id
            if out.last != id { out.append(id) }
        }
        return out
    }

    var locator: RecordLocator { RecordLocator(chunks: chunks, entityBase: res.entityBase, eventBase: res.eventBase) }

    // MARK: - Edges

    public func edge(_ id: EdgeID) -> Edge {
        let e = d.edges[id.index]
        return Edge(id: id, source: NodeID(rawValue: e.source), target: NodeID(rawValue: e.target),
                    relation: Relation(code: e.relation) ?? .triple(.attacked), confidence: Double(e.confidence),
                    factuality: e.factuality, isDisputed: e.disputed, cue: e.cue >= 0 ? d.cues[Int(e.cue)] : nil)
    }

    /// The source, relation and target of an edge without building an `Edge`.
    public func endpoints(of id: EdgeID) -> (source: NodeID, relation: Relation, target: NodeID) {
        let e = d.edges[id.index]
        return (NodeID(rawValue: e.source), Relation(code: e.relation) ?? .triple(.attacked), NodeID(rawValue: e.target))
    }

    /// Every edge, sorted by (source, relation, target).
    public var edges: [Edge] { edgeIDs.map(edge) }

    /// The IDs of a node's edges, optionally of one relation. Outgoing edges come sorted by (relation, target),
    /// incoming ones by (relation, source); `both` gives outgoing then incoming.
    public func edgeIDs(of node: NodeID, relation: Relation? = nil, direction: EdgeDirection = .both) -> [EdgeID] {
        guard node.index >= 0 && node.index < nodeCount else { return [] }
        var out: [EdgeID] = []
        let code = relation?.code
        if direction != .incoming {
            for i in Int(d.outOffsets[node.index]) ..< Int(d.outOffsets[node.index + 1]) where code == nil || d.edges[i].relation == code {
                out.append(EdgeID(i))
            }
        }
        if direction != .outgoing {
            for k in Int(d.inOffsets[node.index]) ..< Int(d.inOffsets[node.index + 1]) {
                let i = Int(d.inEdges[k])
                if code == nil || d.edges[i].relation == code { out.append(EdgeID(i)) }
            }
        }
        return out
    }

    /// A node's edges (see `edgeIDs(of:relation:direction:)`).
    public func edges(of node: NodeID, relation: Relation? = nil, direction: EdgeDirection = .both) -> [Edge] {
        edgeIDs(of: node, relation: relation, direction: direction).map(edge)
    }

    /// The nodes at the other end of a node's edges, without duplicates, in edge order.
    public func neighbours(of node: NodeID, relation: Relation? = nil, direction: EdgeDirection = .both) -> [NodeID] {
        var seen = Set<Int32>()
        var out: [NodeID] = []
        for id in edgeIDs(of: node, relation: relation, direction: direction) {
            let e = d.edges[id.index]
            let other = e.source == node.rawValue ? e.target : e.source
            if seen.insert(other).inserted { out.append(NodeID(rawValue: other)) }
        }
        return out
    }

    /// The edges from `source` to `target`.
    public func edges(from source: NodeID, to target: NodeID) -> [Edge] {
        guard source.index >= 0 && source.index < nodeCount else { return [] }
        return (Int(d.outOffsets[source.index]) ..< Int(d.outOffsets[source.index + 1]))
            .filter { d.edges[$0].target == target.rawValue }.map { edge(EdgeID($0)) }
    }

    /// The edges between two nodes in either direction.
    public func edges(between a: NodeID, and b: NodeID) -> [Edge] {
        a == b ? edges(from: a, to: a) : edges(from: a, to: b) + edges(from: b, to: a)
    }

    /// The number of edges at a node.
    public func degree(of node: NodeID, direction: EdgeDirection = .both) -> Int {
        guard node.index >= 0 && node.index < nodeCount else { return 0 }
        let o = Int(d.outOffsets[node.index + 1] - d.outOffsets[node.index])
        let i = Int(d.inOffsets[node.index + 1] - d.inOffsets[node.index])
        switch direction {
        case .outgoing: return o
        case .incoming: return i
        case .both: return o + i
        }
    }

    // MARK: - Lookup

    /// Nodes by name: first the exact normalised match (case, diacritics, hyphens/spaces, `'s` and
    /// connectors ignored) over entity names, aliases and event ids; when there is none, nodes whose
    /// normalised name contains the query (3+ letters), best first. Optionally restricted to a kind or entity type.
    public func lookup(_ name: String, kind: NodeKind? = nil, type: EntityType? = nil) -> [NodeID] {
        let exact = lookupExact(name, kind: kind, type: type)
        return exact.isEmpty ? lookupPartial(name, kind: kind, type: type) : exact
    }

    /// Nodes whose normalised name or alias equals the query's.
    public func lookupExact(_ name: String, kind: NodeKind? = nil, type: EntityType? = nil) -> [NodeID] {
        let key = NameNormalizer.key(name)
        guard !key.isEmpty else { return [] }
        var lo = 0, hi = d.nameKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if d.nameKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        var out: [NodeID] = []
        while lo < d.nameKeys.count && d.nameKeys[lo] == key {
            let n = NodeID(rawValue: d.nameNodes[lo])
            if accept(n, kind, type) && out.last != n { out.append(n) }
            lo += 1
        }
        return Array(Set(out)).sorted()
    }

    /// Nodes whose normalised name or alias contains the query; names starting with it first, then shorter names.
    public func lookupPartial(_ name: String, kind: NodeKind? = nil, type: EntityType? = nil) -> [NodeID] {
        let key = Array(NameNormalizer.key(name).utf8)
        guard key.count >= 3 else { return [] }
        var best: [Int32: (Int, Int)] = [:]
        for (i, k) in d.nameKeys.enumerated() {
            let at: Int? = k.utf8.withContiguousStorageIfAvailable { firstIndex(of: key, in: $0) } ?? firstIndex(of: key, in: Array(k.utf8))
            guard let at else { continue }
            let n = d.nameNodes[i]
            guard accept(NodeID(rawValue: n), kind, type) else { continue }
            let score = (at == 0 ? 0 : 1, k.utf8.count)
            if let old = best[n], old <= score { continue }
            best[n] = score
        }
        return best.sorted { ($0.value.0, $0.value.1, $0.key) < ($1.value.0, $1.value.1, $1.key) }.map { NodeID(rawValue: $0.key) }
    }

    private func firstIndex(of needle: [UInt8], in hay: some RandomAccessCollection<UInt8>) -> Int? {
        let n = needle.count, h = hay.count
        guard n <= h, let first = needle.first else { return nil }
        var i = hay.startIndex
        let last = hay.index(hay.startIndex, offsetBy: h - n)
        var offset = 0
        while i <= last {
            if hay[i] == first {
                var j = 1, k = hay.index(after: i)
                while j < n && hay[k] == needle[j] { j += 1; k = hay.index(after: k) }
                if j == n { return offset }
            }
            i = hay.index(after: i)
            offset += 1
        }
        return nil
    }

    private func accept(_ n: NodeID, _ kind: NodeKind?, _ type: EntityType?) -> Bool {
        if let kind, self.kind(of: n) != kind { return false }
        if let type, entityType(of: n) != type { return false }
        return true
    }

    /// Entities of a type.
    public func nodes(ofType type: EntityType) -> [NodeID] {
        let c = type.ordinal
        return d.typeNodes[Int(d.typeOffsets[c]) ..< Int(d.typeOffsets[c + 1])].map { NodeID(rawValue: $0) }
    }

    /// Events of a type.
    public func nodes(ofType type: EventType) -> [NodeID] {
        let c = EntityType.allCases.count + type.ordinal
        return d.typeNodes[Int(d.typeOffsets[c]) ..< Int(d.typeOffsets[c + 1])].map { NodeID(rawValue: $0) }
    }

    /// Events dated between `from` and `through` (`YYYY-MM-DD`, inclusive; nil for an open end), by date.
    /// Returns nil when a bound is not a `YYYY-MM-DD` date.
    public func events(from: String?, through: String?) -> [NodeID]? {
        var lo = Int32.min + 1, hi = Int32.max
        if let from { guard let x = dayNumber(from) else { return nil }; lo = x }
        if let through { guard let x = dayNumber(through) else { return nil }; hi = x }
        return events(days: Int(lo) ... Int(hi))
    }

    /// Events whose day number (days since 1970-01-01) is in `days`, by date.
    public func events(days: ClosedRange<Int>) -> [NodeID] {
        let E = d.entityCount
        func day(_ i: Int) -> Int { Int(d.evDate[Int(d.datedEvents[i]) - E]) }
        var lo = 0, hi = d.datedEvents.count
        while lo < hi { let m = (lo + hi) / 2; if day(m) < days.lowerBound { lo = m + 1 } else { hi = m } }
        var out: [NodeID] = []
        var i = lo
        while i < d.datedEvents.count && day(i) <= days.upperBound { out.append(NodeID(rawValue: d.datedEvents[i])); i += 1 }
        return out
    }

    // MARK: - Provenance

    /// Every article ingested, sorted by id. `Evidence.articleIndex` indexes this.
    public var articles: [ArticleInfo] { chunks.map(\.info) }

    /// The article with this id.
    public func article(_ id: String) -> ArticleInfo? {
        let (found, i) = chunkPosition(id)
        return found ? chunks[i].info : nil
    }

    /// The article an evidence comes from.
    public func article(of evidence: Evidence) -> ArticleInfo { chunks[Int(evidence.articleIndex)].info }

    /// The id of the article an evidence comes from.
    public func articleID(of evidence: Evidence) -> String { chunks[Int(evidence.articleIndex)].info.id }

    /// The lexicon version that produced the evidence's fact.
    public func lexiconVersion(of evidence: Evidence) -> String { chunks[Int(evidence.articleIndex)].lexicon }

    /// The lexicon version an article was extracted with.
    public func lexiconVersion(ofArticle id: String) -> String? {
        let (found, i) = chunkPosition(id)
        return found ? chunks[i].lexicon : nil
    }

    /// The sentence an evidence points to, when the article's sentences are known.
    public func sentence(of evidence: Evidence) -> String? {
        guard evidence.sentence >= 0 else { return nil }
        let s = chunks[Int(evidence.articleIndex)].info.sentences
        return Int(evidence.sentence) < s.count ? s[Int(evidence.sentence)] : nil
    }

    /// The evidence as a `Provenance` (nil when the position is unknown).
    public func provenance(of evidence: Evidence) -> Provenance? {
        guard evidence.sentence >= 0 else { return nil }
        return Provenance(article: articleID(of: evidence), sentence: Int(evidence.sentence), start: Int(evidence.start), end: Int(evidence.end))
    }

    /// A node's evidence: every mention in every article, in article-id order.
    public func evidence(of node: NodeID) -> [Evidence] {
        guard node.index >= 0 && node.index < nodeCount else { return [] }
        return Array(d.nodeEvidence[Int(d.nodeEvidenceOffsets[node.index]) ..< Int(d.nodeEvidenceOffsets[node.index + 1])])
    }

    /// An edge's evidence, in article-id order.
    public func evidence(of edge: EdgeID) -> [Evidence] {
        Array(d.edgeEvidence[Int(d.edgeEvidenceOffsets[edge.index]) ..< Int(d.edgeEvidenceOffsets[edge.index + 1])])
    }

    // MARK: - Resolution

    /// The explanation of every node the name finds (see `lookup(_:)`).
    public func explain(_ name: String) -> [ResolutionExplanation] {
        lookup(name).map(explanation(of:))
    }

    /// Why a node is what it is: its records, forms and the merges (with rules) that joined them.
    public func explanation(of node: NodeID) -> ResolutionExplanation {
        let recs = records(of: node)
        var names: [String] = []
        if let e = entity(node) { names = [e.name] + e.aliases } else if let v = event(node) { names = v.localIDs }
        let loc = locator
        var steps: [MergeStep] = []
        if node.index >= 0 && node.index < nodeCount {
            for m in d.merges[Int(d.mergeOffsets[node.index]) ..< Int(d.mergeOffsets[node.index + 1])] {
                let entity = isEntity(node)
                guard let a = entity ? loc.entityRef(m.recA) : loc.eventRef(m.recA),
                      let b = entity ? loc.entityRef(m.recB) : loc.eventRef(m.recB) else { continue }
                steps.append(MergeStep(rule: m.rule, left: a, right: b, detail: describe(m, entity: entity)))
            }
        }
        let recSet = Set(recs)
        return ResolutionExplanation(
            node: node, kind: kind(of: node), name: isEntity(node) ? name(of: node) : label(of: node),
            type: entityType(of: node)?.rawValue ?? eventType(of: node)?.rawValue ?? "",
            records: recs, names: names, articles: Array(Set(recs.map(\.article))).sorted(), merges: steps,
            overrides: overrides.filter { !recSet.isDisjoint(with: $0.records) })
    }

    private func describe(_ m: MergeData, entity: Bool) -> String {
        let recordCount = res.entityNodeOfRecord.count
        func form(_ el: Int32) -> String? {
            let f = Int(el) - recordCount
            return f >= 0 && f < res.formSurface.count ? res.formSurface[f] : nil
        }
        switch m.rule {
        case .manual:
            return "merged by an analyst"
        case .name:
            return "both are named '\(form(m.formA) ?? "?")' (after normalisation)"
        case .alias:
            return "both are called '\(form(m.formA) ?? "?")' (name or alias, after normalisation)"
        case .acronym:
            let a = form(m.formA) ?? "?", b = form(m.formB) ?? "?"
            let (short, long) = a.count <= b.count ? (a, b) : (b, a)
            return "'\(short)' is the acronym of '\(long)'"
        case .fuzzy:
            let fa = Int(m.formA) - recordCount, fb = Int(m.formB) - recordCount
            if fa >= 0, fb >= 0, fa < res.formSurface.count, fb < res.formSurface.count,
               let (x, y, dist) = NameNormalizer.fuzzyDifference(NameNormalizer.coreTokens(res.formSurface[fa]), NameNormalizer.coreTokens(res.formSurface[fb])) {
                return "'\(res.formSurface[fa])' ~ '\(res.formSurface[fb])': '\(x)' and '\(y)' differ by \(dist) edit\(dist == 1 ? "" : "s")"
            }
            return "'\(form(m.formA) ?? "?")' ~ '\(form(m.formB) ?? "?")' (similar spelling)"
        case .partialName:
            return "'\(form(m.formA) ?? "?")' is part of the name '\(form(m.formB) ?? "?")', and of no other person's"
        case .eventAttributes, .eventID:
            guard let a = eventSummary(m.recA), let b = eventSummary(m.recB) else { return m.rule.rawValue }
            var parts: [String] = []
            if m.rule == .eventID { parts.append("same event id '\(a.id)'") }
            parts.append("both \(a.type)")
            if let x = a.date, let y = b.date { parts.append(x == y ? "on \(x)" : "on \(x) / \(y) (±1 day)") }
            if let x = a.place, let y = b.place { parts.append(x == y ? "at \(x)" : "at \(x) / \(y)") }
            let shared = a.participants.filter { b.participants.contains($0) }
            if !shared.isEmpty { parts.append("shared participant\(shared.count == 1 ? "" : "s") \(shared.map { d.entName.indices.contains(Int($0)) && !isSubgraph ? d.entName[Int($0)] : "#\($0)" }.joined(separator: ", "))") }
            return parts.joined(separator: ", ")
        }
    }

    private func eventSummary(_ g: Int32) -> (id: String, type: String, date: String?, place: String?, participants: [Int32])? {
        guard let (ci, li) = locator.eventLocal(g) else { return nil }
        let c = chunks[ci]
        let e = c.events[li]
        let eb = Int(res.entityBase[ci])
        let args = c.args[Int(e.argStart) ..< Int(e.argStart + e.agentCount + e.targetCount)]
        return (c.strings[Int(e.localID)], e.type.rawValue, e.date == noDate ? nil : dateString(e.date),
                e.place >= 0 ? c.entityName(Int(e.place)) : nil, args.map { res.entityNodeOfRecord[eb + Int($0)] })
    }

    /// Sizes and resolution counts.
    public func statistics() -> GraphStatistics {
        var entitiesByType: [String: Int] = [:], eventsByType: [String: Int] = [:]
        for t in EntityType.allCases { let c = nodes(ofType: t).count; if c > 0 { entitiesByType[t.rawValue] = c } }
        for t in EventType.allCases { let c = nodes(ofType: t).count; if c > 0 { eventsByType[t.rawValue] = c } }
        var byRelation: [String: Int] = [:]
        for e in d.edges { byRelation[Relation(code: e.relation)?.name ?? "?", default: 0] += 1 }
        var byRule: [String: Int] = [:]
        for m in d.merges { byRule[m.rule.rawValue, default: 0] += 1 }
        return GraphStatistics(articles: chunks.count, entities: entityCount, events: eventCount, edges: edgeCount,
                               entityRecords: res.entityNodeOfRecord.count, eventRecords: res.eventNodeOfRecord.count,
                               entitiesByType: entitiesByType, eventsByType: eventsByType, edgesByRelation: byRelation,
                               mergesByRule: byRule, overrides: overrides.count)
    }

    // MARK: - Subgraph

    /// The graph restricted to `nodes` and the edges among them. Node IDs are renumbered (entities then
    /// events, in the original order); evidence, articles and explanations are kept. An event whose place
    /// is not selected has no place in the subgraph. Mutating a subgraph rebuilds it from all source articles.
    public func subgraph(nodes selection: some Sequence<NodeID>) -> KnowledgeGraph {
        // O(selected nodes + their edges): never walks the whole graph.
        let N = nodeCount
        let selected = Array(Set(selection.filter { $0.index >= 0 && $0.index < N }.map(\.rawValue))).sorted()
        var newID: [Int32: Int32] = [:]
        newID.reserveCapacity(selected.count)
        for (i, n) in selected.enumerated() { newID[n] = Int32(i) }
        var s = Derived()
        let E = d.entityCount
        s.entityCount = selected.prefix { Int($0) < E }.count
        s.eventCount = selected.count - s.entityCount
        func copyRange<T>(_ src: [T], _ off: [Int32], _ i: Int, _ dst: inout [T], _ dstOff: inout [Int32]) {
            dst.append(contentsOf: src[Int(off[i]) ..< Int(off[i + 1])])
            dstOff.append(Int32(dst.count))
        }
        var names: [(String, Int32)] = []
        let loc = locator
        for n32 in selected {
            let n = Int(n32)
            let nid = newID[n32]!
            copyRange(d.records, d.recordOffsets, n, &s.records, &s.recordOffsets)
            copyRange(d.nodeEvidence, d.nodeEvidenceOffsets, n, &s.nodeEvidence, &s.nodeEvidenceOffsets)
            copyRange(d.merges, d.mergeOffsets, n, &s.merges, &s.mergeOffsets)
            s.articleCount.append(d.articleCount[n])
            let recs = d.records[Int(d.recordOffsets[n]) ..< Int(d.recordOffsets[n + 1])]
            if n < E {
                s.entName.append(d.entName[n]); s.entType.append(d.entType[n]); s.entConfidence.append(d.entConfidence[n])
                copyRange(d.entAliases, d.entAliasOffsets, n, &s.entAliases, &s.entAliasOffsets)
                for g in recs {
                    guard let (ci, li) = loc.entityLocal(g) else { continue }
                    let c = chunks[ci], e = c.entities[li]
                    for k in 0 ..< Int(e.surfaceCount) {
                        let key = c.strings[Int(c.surfaceKeys[Int(e.surfaceStart) + k])]
                        if !key.isEmpty { names.append((key, nid)) }
                    }
                }
            } else {
                let v = n - E
                s.evType.append(d.evType[v]); s.evTrigger.append(d.evTrigger[v]); s.evDate.append(d.evDate[v])
                s.evPlace.append(d.evPlace[v] >= 0 ? (newID[d.evPlace[v]] ?? -1) : -1)
                s.evFactuality.append(d.evFactuality[v]); s.evConfidence.append(d.evConfidence[v])
                copyRange(d.evFigures, d.evFigureOffsets, v, &s.evFigures, &s.evFigureOffsets)
                let a0 = Int(d.evAttrOffsets[v]), a1 = Int(d.evAttrOffsets[v + 1])
                s.evAttrKeys.append(contentsOf: d.evAttrKeys[a0 ..< a1]); s.evAttrValues.append(contentsOf: d.evAttrValues[a0 ..< a1])
                s.evAttrOffsets.append(Int32(s.evAttrKeys.count))
                copyRange(d.evLocalIDs, d.evLocalIDOffsets, v, &s.evLocalIDs, &s.evLocalIDOffsets)
                for id in d.evLocalIDs[Int(d.evLocalIDOffsets[v]) ..< Int(d.evLocalIDOffsets[v + 1])] {
                    let key = NameNormalizer.key(id)
                    if !key.isEmpty { names.append((key, nid)) }
                }
            }
        }
        s.cues = d.cues
        // Edges in (source, relation, target) order: sources ascend, and renumbering keeps target order.
        for n32 in selected {
            let n = Int(n32)
            for i in Int(d.outOffsets[n]) ..< Int(d.outOffsets[n + 1]) {
                let e = d.edges[i]
                guard let t = newID[e.target] else { continue }
                var x = e
                x.source = newID[n32]!
                x.target = t
                s.edges.append(x)
                copyRange(d.edgeEvidence, d.edgeEvidenceOffsets, i, &s.edgeEvidence, &s.edgeEvidenceOffsets)
            }
        }
        s.buildAdjacency()
        s.setNames(names)
        s.buildTypeAndDateIndexes()
        var g = self
        g.d = s
        g.isSubgraph = true
        return g
    }
}
