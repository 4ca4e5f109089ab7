// Changing a knowledge graph: ingesting and removing articles, analyst overrides (merge, split), each
// followed by one re-resolution.

extension KnowledgeGraph {
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
}
