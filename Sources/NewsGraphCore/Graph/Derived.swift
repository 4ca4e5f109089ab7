// The derived, query-ready layout of a `KnowledgeGraph`: arrays of structs and offset arrays (CSR),
// no per-node dictionaries. Built from the article records and the resolution result.

struct Figure: Sendable, Hashable {
    var article: Int32
    var killed: Int32
    var injured: Int32
    var factuality: Factuality
}

struct EdgeData: Sendable, Hashable {
    var source: Int32
    var target: Int32
    var relation: UInt8
    var factuality: Factuality
    var disputed: Bool
    var confidence: Float
    /// Index into `Derived.cues`, or -1.
    var cue: Int32
}

struct Derived: Sendable {
    var entityCount = 0
    var eventCount = 0
    var nodeCount: Int { entityCount + eventCount }
    /// Node → global records (entity records for entity nodes, event records for event nodes).
    var recordOffsets: [Int32] = [0]
    var records: [Int32] = []
    var articleCount: [Int32] = []

    var entName: [String] = []
    var entType: [EntityType] = []
    var entAliasOffsets: [Int32] = [0]
    var entAliases: [String] = []
    var entConfidence: [Float] = []

    var evType: [EventType] = []
    var evTrigger: [String] = []
    var evDate: [Int32] = []
    var evPlace: [Int32] = []
    var evFactuality: [Factuality] = []
    var evConfidence: [Float] = []
    var evFigureOffsets: [Int32] = [0]
    var evFigures: [Figure] = []
    var evAttrOffsets: [Int32] = [0]
    var evAttrKeys: [String] = []
    var evAttrValues: [String] = []
    var evLocalIDOffsets: [Int32] = [0]
    var evLocalIDs: [String] = []

    var nodeEvidenceOffsets: [Int32] = [0]
    var nodeEvidence: [Evidence] = []

    /// Sorted by (source, relation, target).
    var edges: [EdgeData] = []
    var edgeEvidenceOffsets: [Int32] = [0]
    var edgeEvidence: [Evidence] = []
    var cues: [String] = []
    /// Node → its outgoing edges `edges[outOffsets[n] ..< outOffsets[n+1]]`.
    var outOffsets: [Int32] = [0]
    /// Node → incoming edge ids `inEdges[inOffsets[n] ..< inOffsets[n+1]]`, sorted by (relation, source).
    var inOffsets: [Int32] = [0]
    var inEdges: [Int32] = []
    /// The node at the other end of each edge, contiguous so that walks read neighbours sequentially instead of
    /// going through the edge records: `outTargets[i] == edges[i].target` (parallel to `edges`, so node `n`'s
    /// outgoing neighbours are `outTargets[outOffsets[n] ..< outOffsets[n+1]]`) and `inSources[k] ==
    /// edges[inEdges[k]].source` (parallel to `inEdges`); `outRelations`/`inRelations` are the edges' relation
    /// codes in the same order. Derived from `edges` and `inEdges` (`buildNeighbours()`), never stored.
    var outTargets: [Int32] = []
    var outRelations: [UInt8] = []
    var inSources: [Int32] = []
    var inRelations: [UInt8] = []

    /// Normalised keys (sorted) and their nodes.
    var nameKeys: [String] = []
    var nameNodes: [Int32] = []
    /// Nodes by type: entity types first, then event types.
    var typeOffsets: [Int32] = [Int32](repeating: 0, count: EntityType.allCases.count + EventType.allCases.count + 1)
    var typeNodes: [Int32] = []
    /// Dated event nodes sorted by (date, node).
    var datedEvents: [Int32] = []

    var mergeOffsets: [Int32] = [0]
    var merges: [MergeData] = []

    // MARK: Build

    static func build(_ chunks: [ArticleChunk], _ res: ResolutionResult) -> Derived {
        var d = Derived()
        let E = res.entityNodeCount, V = res.eventNodeCount
        d.entityCount = E
        d.eventCount = V
        let N = E + V
        let entRecCount = res.entityNodeOfRecord.count
        let evRecCount = res.eventNodeOfRecord.count
        // Record → chunk.
        var entChunk = [Int32](repeating: 0, count: entRecCount)
        var evChunk = [Int32](repeating: 0, count: evRecCount)
        for ci in chunks.indices {
            for g in Int(res.entityBase[ci]) ..< Int(res.entityBase[ci + 1]) { entChunk[g] = Int32(ci) }
            for g in Int(res.eventBase[ci]) ..< Int(res.eventBase[ci + 1]) { evChunk[g] = Int32(ci) }
        }
        // Node → records (counting sort keeps record order).
        var counts = [Int32](repeating: 0, count: N + 1)
        for n in res.entityNodeOfRecord { counts[Int(n) + 1] += 1 }
        for n in res.eventNodeOfRecord { counts[E + Int(n) + 1] += 1 }
        for i in 0 ..< N { counts[i + 1] += counts[i] }
        d.recordOffsets = counts
        var fill = counts
        d.records = [Int32](repeating: 0, count: entRecCount + evRecCount)
        for (g, n) in res.entityNodeOfRecord.enumerated() { d.records[Int(fill[Int(n)])] = Int32(g); fill[Int(n)] += 1 }
        for (g, n) in res.eventNodeOfRecord.enumerated() { d.records[Int(fill[E + Int(n)])] = Int32(g); fill[E + Int(n)] += 1 }
        fill = []

        func spanEvidence(_ ci: Int, start: Int32, count: Int32, confidence: Float, factuality: Factuality,
                          into out: inout [Evidence], firstOnly: Bool = false) {
            if count == 0 {
                out.append(Evidence(articleIndex: Int32(ci), confidence: confidence, factuality: factuality))
                return
            }
            for k in Int(start) ..< Int(start + (firstOnly ? 1 : count)) {
                let s = chunks[ci].spans[k]
                out.append(Evidence(articleIndex: Int32(ci), sentence: s.sentence, start: s.start, end: s.end,
                                    confidence: confidence, factuality: factuality))
            }
        }

        d.articleCount.reserveCapacity(N)
        // Exactly the evidence the nodes get (one per mention, or one for a record without mentions), so that
        // the array is never regrown (a regrowth holds the old and the new buffer at once).
        var nodeEvidenceCount = 0
        for c in chunks {
            for e in c.entities { nodeEvidenceCount += max(1, Int(e.mentionCount)) }
            for e in c.events { nodeEvidenceCount += max(1, Int(e.mentionCount)) }
        }
        d.nodeEvidence.reserveCapacity(nodeEvidenceCount)
        d.nodeEvidenceOffsets.reserveCapacity(N + 1)
        // Entities.
        d.entName.reserveCapacity(E); d.entType.reserveCapacity(E); d.entConfidence.reserveCapacity(E)
        for n in 0 ..< E {
            let recs = d.records[Int(d.recordOffsets[n]) ..< Int(d.recordOffsets[n + 1])]
            var names: [String] = []
            var surfaces: [String] = []
            var seenSurfaces: Set<String> = []
            var conf: Float = 0
            var articles = 0, lastChunk: Int32 = -1
            var type = EntityType.person
            for g in recs {
                let ci = Int(entChunk[Int(g)]), li = Int(g - res.entityBase[ci])
                let e = chunks[ci].entities[li]
                type = e.type
                conf = max(conf, e.confidence)
                if Int32(ci) != lastChunk { articles += 1; lastChunk = Int32(ci) }
                for k in 0 ..< Int(e.surfaceCount) {
                    let s = chunks[ci].strings[Int(chunks[ci].surfaces[Int(e.surfaceStart) + k])]
                    if k == 0 { names.append(s) }
                    // A linear scan for the usual handful of forms, a set past 32 (100k aliases on one
                    // entity would otherwise be quadratic); the order of first appearance is kept either way.
                    if surfaces.count < 32 {
                        if !surfaces.contains(s) {
                            surfaces.append(s)
                            if surfaces.count == 32 { seenSurfaces = Set(surfaces) }
                        }
                    } else if seenSurfaces.insert(s).inserted {
                        surfaces.append(s)
                    }
                }
                spanEvidence(ci, start: e.mentionStart, count: e.mentionCount, confidence: e.confidence, factuality: .asserted, into: &d.nodeEvidence)
            }
            d.nodeEvidenceOffsets.append(Int32(d.nodeEvidence.count))
            let name = mode(names) ?? ""
            d.entName.append(name)
            d.entType.append(type)
            d.entConfidence.append(conf)
            d.articleCount.append(Int32(articles))
            for s in surfaces where s != name { d.entAliases.append(s) }
            d.entAliasOffsets.append(Int32(d.entAliases.count))
        }
        // Events.
        for v in 0 ..< V {
            let n = E + v
            let recs = d.records[Int(d.recordOffsets[n]) ..< Int(d.recordOffsets[n + 1])]
            var type = EventType.attack
            var trigger = "", bestConf: Float = -1
            var dates: [Int32] = [], places: [Int32] = [], ids: [String] = []
            var factuality = Factuality.denied
            var attrs: [(String, String)] = []
            var articles = 0, lastChunk: Int32 = -1
            for g in recs {
                let ci = Int(evChunk[Int(g)]), li = Int(g - res.eventBase[ci])
                let e = chunks[ci].events[li]
                type = e.type
                if e.confidence > bestConf { bestConf = e.confidence; trigger = chunks[ci].strings[Int(e.trigger)] }
                if e.date != noDate { dates.append(e.date) }
                if e.place >= 0 { places.append(res.entityNodeOfRecord[Int(res.entityBase[ci] + e.place)]) }
                ids.append(chunks[ci].strings[Int(e.localID)])
                factuality = strongest(factuality, e.factuality)
                if Int32(ci) != lastChunk { articles += 1; lastChunk = Int32(ci) }
                if e.killed >= 0 || e.injured >= 0 {
                    d.evFigures.append(Figure(article: Int32(ci), killed: e.killed, injured: e.injured, factuality: e.factuality))
                }
                for k in 0 ..< Int(e.attrCount) {
                    let i = Int(e.attrStart) + 2 * k
                    attrs.append((chunks[ci].strings[Int(chunks[ci].attrs[i])], chunks[ci].strings[Int(chunks[ci].attrs[i + 1])]))
                }
                spanEvidence(ci, start: e.mentionStart, count: e.mentionCount, confidence: e.confidence, factuality: e.factuality, into: &d.nodeEvidence)
            }
            d.nodeEvidenceOffsets.append(Int32(d.nodeEvidence.count))
            d.evType.append(type)
            d.evTrigger.append(trigger)
            d.evDate.append(modeEarliest(dates) ?? noDate)
            d.evPlace.append(places.isEmpty ? -1 : (mode(places) ?? -1))
            d.evFactuality.append(factuality)
            d.evConfidence.append(max(bestConf, 0))
            d.articleCount.append(Int32(articles))
            d.evFigureOffsets.append(Int32(d.evFigures.count))
            if !attrs.isEmpty {
                let keys = Array(Set(attrs.map(\.0))).sorted()
                for k in keys {
                    d.evAttrKeys.append(k)
                    d.evAttrValues.append(mode(attrs.filter { $0.0 == k }.map(\.1)) ?? "")
                }
            }
            d.evAttrOffsets.append(Int32(d.evAttrKeys.count))
            for id in byFrequency(ids) { d.evLocalIDs.append(id) }
            d.evLocalIDOffsets.append(Int32(d.evLocalIDs.count))
        }

        // Edges.
        struct Inst {
            var source: Int32, target: Int32, relation: UInt8, order: Int32
            var factuality: Factuality, confidence: Float, cue: Int32
            var evStart: Int32, evCount: Int32
        }
        var insts: [Inst] = []
        var pool: [Evidence] = []
        var cueIndex: [String: Int32] = [:]
        func add(_ s: Int32, _ t: Int32, _ r: Relation, _ f: Factuality, _ conf: Float, cue: Int32, _ fill: (inout [Evidence]) -> Void) {
            let start = Int32(pool.count)
            fill(&pool)
            insts.append(Inst(source: s, target: t, relation: r.code, order: Int32(insts.count), factuality: f, confidence: conf,
                              cue: cue, evStart: start, evCount: Int32(pool.count) - start))
        }
        let eNode = res.entityNodeOfRecord, vNode = res.eventNodeOfRecord
        for (ci, c) in chunks.enumerated() {
            let eb = Int(res.entityBase[ci]), vb = Int(res.eventBase[ci])
            for t in c.triples {
                let s = eNode[eb + Int(t.subject)]
                let o = t.objectIsEvent ? Int32(E) + vNode[vb + Int(t.object)] : eNode[eb + Int(t.object)]
                add(s, o, .triple(t.predicate), t.factuality, t.confidence, cue: -1) { out in
                    spanEvidence(ci, start: t.provStart, count: t.provCount, confidence: t.confidence, factuality: t.factuality, into: &out)
                }
            }
            for (li, e) in c.events.enumerated() {
                let src = Int32(E) + vNode[vb + li]
                let args = Int(e.argStart)
                for k in 0 ..< Int(e.agentCount + e.targetCount) {
                    let role: EventRole = k < Int(e.agentCount) ? .agent : .target
                    add(src, eNode[eb + Int(c.args[args + k])], .role(role), e.factuality, e.confidence, cue: -1) { out in
                        spanEvidence(ci, start: e.mentionStart, count: e.mentionCount, confidence: e.confidence, factuality: e.factuality, into: &out, firstOnly: true)
                    }
                }
                if e.place >= 0 {
                    add(src, eNode[eb + Int(e.place)], .role(.place), e.factuality, e.confidence, cue: -1) { out in
                        spanEvidence(ci, start: e.mentionStart, count: e.mentionCount, confidence: e.confidence, factuality: e.factuality, into: &out, firstOnly: true)
                    }
                }
            }
            for l in c.causal {
                let s = Int32(E) + vNode[vb + Int(l.from)], t = Int32(E) + vNode[vb + Int(l.to)]
                guard s != t else { continue }
                var cue: Int32 = -1
                if l.cue >= 0 {
                    let text = c.strings[Int(l.cue)]
                    if let i = cueIndex[text] { cue = i } else {
                        cue = Int32(d.cues.count)
                        d.cues.append(text)
                        cueIndex[text] = cue
                    }
                }
                add(s, t, .causal(l.relation), .asserted, l.confidence, cue: cue) { out in
                    spanEvidence(ci, start: l.provStart, count: l.provCount, confidence: l.confidence, factuality: .asserted, into: &out)
                }
            }
        }
        insts.sort { ($0.source, $0.relation, $0.target, $0.order) < ($1.source, $1.relation, $1.target, $1.order) }
        d.edges.reserveCapacity(insts.count)
        d.edgeEvidence.reserveCapacity(pool.count)
        var i = 0
        while i < insts.count {
            var j = i
            var edge = EdgeData(source: insts[i].source, target: insts[i].target, relation: insts[i].relation,
                                factuality: .denied, disputed: false, confidence: 0, cue: -1)
            var denied = false, affirmed = false
            while j < insts.count && insts[j].source == edge.source && insts[j].relation == edge.relation && insts[j].target == edge.target {
                let x = insts[j]
                edge.factuality = strongest(edge.factuality, x.factuality)
                if x.factuality == .denied { denied = true } else { affirmed = true }
                edge.confidence = max(edge.confidence, x.confidence)
                if edge.cue < 0 { edge.cue = x.cue }
                d.edgeEvidence.append(contentsOf: pool[Int(x.evStart) ..< Int(x.evStart + x.evCount)])
                j += 1
            }
            edge.disputed = denied && affirmed
            d.edges.append(edge)
            d.edgeEvidenceOffsets.append(Int32(d.edgeEvidence.count))
            i = j
        }
        insts = []
        pool = []
        insts = []
        pool = []
        d.buildAdjacency()

        // Name index: entity surface keys, event local-id keys.
        var names: [(String, Int32)] = []
        names.reserveCapacity(entRecCount * 2 + evRecCount)
        for (ci, c) in chunks.enumerated() {
            let eb = Int(res.entityBase[ci]), vb = Int(res.eventBase[ci])
            for (li, e) in c.entities.enumerated() {
                for k in 0 ..< Int(e.surfaceCount) {
                    let key = c.strings[Int(c.surfaceKeys[Int(e.surfaceStart) + k])]
                    if !key.isEmpty { names.append((key, eNode[eb + li])) }
                }
            }
            for (li, e) in c.events.enumerated() {
                let key = NameNormalizer.key(c.strings[Int(e.localID)])
                if !key.isEmpty { names.append((key, Int32(E) + vNode[vb + li])) }
            }
        }
        d.setNames(names)
        d.buildTypeAndDateIndexes()

        // Merge log by node, in application order (entity merges, then event merges; counting sort, no copy).
        var mc = [Int32](repeating: 0, count: N + 1)
        for m in res.entityMerges { mc[Int(eNode[Int(m.recA)]) + 1] += 1 }
        for m in res.eventMerges { mc[E + Int(vNode[Int(m.recA)]) + 1] += 1 }
        for k in 0 ..< N { mc[k + 1] += mc[k] }
        d.mergeOffsets = mc
        var mfill = mc
        d.merges = [MergeData](repeating: MergeData(rule: .manual, recA: 0, recB: 0, formA: -1, formB: -1),
                               count: res.entityMerges.count + res.eventMerges.count)
        for m in res.entityMerges { let n = Int(eNode[Int(m.recA)]); d.merges[Int(mfill[n])] = m; mfill[n] += 1 }
        for m in res.eventMerges { let n = E + Int(vNode[Int(m.recA)]); d.merges[Int(mfill[n])] = m; mfill[n] += 1 }
        return d
    }

    mutating func setNames(_ input: [(String, Int32)]) {
        // Sort the distinct keys only, then bucket the (key, node) pairs.
        var keyIndex: [String: Int32] = [:]
        keyIndex.reserveCapacity(input.count / 2)
        var distinct: [String] = []
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(input.count)
        for (k, n) in input {
            let i: Int32
            if let x = keyIndex[k] { i = x } else { i = Int32(distinct.count); keyIndex[k] = i; distinct.append(k) }
            pairs.append((i, n))
        }
        keyIndex = [:]
        let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
        var rank = [Int32](repeating: 0, count: distinct.count)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        pairs = pairs.map { (rank[Int($0.0)], $0.1) }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        nameKeys = []
        nameNodes = []
        nameKeys.reserveCapacity(pairs.count)
        nameNodes.reserveCapacity(pairs.count)
        var last: (Int32, Int32) = (-1, -1)
        for p in pairs where p != last {
            nameKeys.append(distinct[order[Int(p.0)]])
            nameNodes.append(p.1)
            last = p
        }
    }

    mutating func buildAdjacency() {
        let N = nodeCount
        var out = [Int32](repeating: 0, count: N + 1)
        var inc = [Int32](repeating: 0, count: N + 1)
        for e in edges {
            out[Int(e.source) + 1] += 1
            inc[Int(e.target) + 1] += 1
        }
        for k in 0 ..< N { out[k + 1] += out[k]; inc[k + 1] += inc[k] }
        outOffsets = out
        inOffsets = inc
        // Edges are sorted by (source, relation, target); a stable counting sort by target keeps
        // (source) order, then each node's slice is re-sorted by (relation, source).
        var fill = inc
        inEdges = [Int32](repeating: 0, count: edges.count)
        for (id, e) in edges.enumerated() { inEdges[Int(fill[Int(e.target)])] = Int32(id); fill[Int(e.target)] += 1 }
        for n in 0 ..< N where inc[n + 1] - inc[n] > 1 {
            let r = Int(inc[n]) ..< Int(inc[n + 1])
            let sorted = inEdges[r].sorted { (edges[Int($0)].relation, edges[Int($0)].source) < (edges[Int($1)].relation, edges[Int($1)].source) }
            inEdges.replaceSubrange(r, with: sorted)
        }
        buildNeighbours()
    }

    /// Fills `outTargets`, `outRelations`, `inSources` and `inRelations` from `edges` and `inEdges`.
    mutating func buildNeighbours() {
        let m = edges.count
        var targets = [Int32](repeating: 0, count: m), outRel = [UInt8](repeating: 0, count: m)
        var sources = [Int32](repeating: 0, count: inEdges.count), inRel = [UInt8](repeating: 0, count: inEdges.count)
        edges.withUnsafeBufferPointer { edges in
            for i in 0 ..< m {
                targets[i] = edges[i].target
                outRel[i] = edges[i].relation
            }
            for (k, i) in inEdges.enumerated() {
                let e = edges[Int(i)]
                sources[k] = e.source
                inRel[k] = e.relation
            }
        }
        outTargets = targets; outRelations = outRel; inSources = sources; inRelations = inRel
    }

    mutating func buildTypeAndDateIndexes() {
        let tcount = EntityType.allCases.count + EventType.allCases.count
        var off = [Int32](repeating: 0, count: tcount + 1)
        let entCode = Dictionary(uniqueKeysWithValues: EntityType.allCases.enumerated().map { ($1, $0) })
        let evCode = Dictionary(uniqueKeysWithValues: EventType.allCases.enumerated().map { ($1, EntityType.allCases.count + $0) })
        for t in entType { off[entCode[t]! + 1] += 1 }
        for t in evType { off[evCode[t]! + 1] += 1 }
        for k in 0 ..< tcount { off[k + 1] += off[k] }
        typeOffsets = off
        var fill = off
        typeNodes = [Int32](repeating: 0, count: nodeCount)
        for (n, t) in entType.enumerated() { let c = entCode[t]!; typeNodes[Int(fill[c])] = Int32(n); fill[c] += 1 }
        for (v, t) in evType.enumerated() { let c = evCode[t]!; typeNodes[Int(fill[c])] = Int32(entityCount + v); fill[c] += 1 }
        datedEvents = (0 ..< eventCount).filter { evDate[$0] != noDate }.map { Int32(entityCount + $0) }
        datedEvents.sort { (evDate[Int($0) - entityCount], $0) < (evDate[Int($1) - entityCount], $1) }
    }
}

/// The strongest factuality: asserted > reported > denied.
func strongest(_ a: Factuality, _ b: Factuality) -> Factuality {
    func rank(_ f: Factuality) -> Int { f == .asserted ? 2 : (f == .reported ? 1 : 0) }
    return rank(a) >= rank(b) ? a : b
}

/// The most frequent element; ties go to the first occurrence.
func mode<T: Hashable>(_ items: [T]) -> T? {
    guard let first = items.first else { return nil }
    if items.count == 1 { return first }
    var best = first, bestCount = 0
    if items.count <= 8 {
        for (i, x) in items.enumerated() {
            if items[..<i].contains(x) { continue }
            let c = items.count { $0 == x }
            if c > bestCount { best = x; bestCount = c }
        }
        return best
    }
    var counts: [T: Int] = [:]
    for x in items { counts[x, default: 0] += 1 }
    var seen: Set<T> = []
    for x in items where seen.insert(x).inserted {
        if counts[x]! > bestCount { best = x; bestCount = counts[x]! }
    }
    return best
}

/// The most frequent value; ties go to the smallest.
func modeEarliest(_ items: [Int32]) -> Int32? {
    guard !items.isEmpty else { return nil }
    let sorted = items.sorted()
    var best = sorted[0], bestCount = 0, i = 0
    while i < sorted.count {
        var j = i
        while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
        if j - i > bestCount { best = sorted[i]; bestCount = j - i }
        i = j
    }
    return best
}

/// Distinct elements, most frequent first, ties by first occurrence.
func byFrequency(_ items: [String]) -> [String] {
    var order: [String] = []
    var counts: [String: Int] = [:]
    for x in items {
        if counts[x] == nil { order.append(x) }
        counts[x, default: 0] += 1
    }
    return order.enumerated().sorted { (a, b) in
        counts[a.element]! != counts[b.element]! ? counts[a.element]! > counts[b.element]! : a.offset < b.offset
    }.map(\.element)
}
