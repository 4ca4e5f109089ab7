// The edges of a `Derived` layout: one instance per triple, event role and causal link of every article, on
// resolved nodes; instances of one (source, relation, target) merged into one edge with all their evidence.

/// One article's statement of an edge, with its evidence in a shared pool.
private struct EdgeInstance {
    var source: Int32, target: Int32, relation: UInt8, order: Int32
    var factuality: Factuality, confidence: Float, cue: Int32
    var evStart: Int32, evCount: Int32
}

/// Every edge instance of the articles, in article order, and their evidence.
private struct EdgeInstances {
    var items: [EdgeInstance] = []
    var pool: [Evidence] = []

    mutating func add(_ s: Int32, _ t: Int32, _ r: Relation, _ f: Factuality, _ conf: Float, cue: Int32, _ fill: (inout [Evidence]) -> Void) {
        let start = Int32(pool.count)
        fill(&pool)
        items.append(EdgeInstance(source: s, target: t, relation: r.code, order: Int32(items.count), factuality: f, confidence: conf,
                                  cue: cue, evStart: start, evCount: Int32(pool.count) - start))
    }
}

extension Derived {
    /// Fills `edges` (sorted by source, relation, target), their evidence and `cues`.
    mutating func addEdges(_ chunks: [ArticleChunk], _ res: ResolutionResult) {
        var instances = edgeInstances(chunks, res)
        instances.items.sort { ($0.source, $0.relation, $0.target, $0.order) < ($1.source, $1.relation, $1.target, $1.order) }
        mergeEdgeInstances(instances)
    }

    /// The triples, event roles (agent, target, place) and causal links of every article on resolved nodes;
    /// causal cues are interned into `cues`.
    private mutating func edgeInstances(_ chunks: [ArticleChunk], _ res: ResolutionResult) -> EdgeInstances {
        let E = entityCount
        var out = EdgeInstances()
        var cueIndex: [String: Int32] = [:]
        let eNode = res.entityNodeOfRecord, vNode = res.eventNodeOfRecord
        for (ci, c) in chunks.enumerated() {
            let eb = Int(res.entityBase[ci]), vb = Int(res.eventBase[ci])
            for t in c.triples {
                let s = eNode[eb + Int(t.subject)]
                let o = t.objectIsEvent ? Int32(E) + vNode[vb + Int(t.object)] : eNode[eb + Int(t.object)]
                out.add(s, o, .triple(t.predicate), t.factuality, t.confidence, cue: -1) { pool in
                    Self.spanEvidence(chunks, ci, start: t.provStart, count: t.provCount, confidence: t.confidence, factuality: t.factuality, into: &pool)
                }
            }
            for (li, e) in c.events.enumerated() {
                let src = Int32(E) + vNode[vb + li]
                let args = Int(e.argStart)
                for k in 0 ..< Int(e.agentCount + e.targetCount) {
                    let role: EventRole = k < Int(e.agentCount) ? .agent : .target
                    out.add(src, eNode[eb + Int(c.args[args + k])], .role(role), e.factuality, e.confidence, cue: -1) { pool in
                        Self.spanEvidence(chunks, ci, start: e.mentionStart, count: e.mentionCount, confidence: e.confidence, factuality: e.factuality, into: &pool, firstOnly: true)
                    }
                }
                if e.place >= 0 {
                    out.add(src, eNode[eb + Int(e.place)], .role(.place), e.factuality, e.confidence, cue: -1) { pool in
                        Self.spanEvidence(chunks, ci, start: e.mentionStart, count: e.mentionCount, confidence: e.confidence, factuality: e.factuality, into: &pool, firstOnly: true)
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
                        cue = Int32(cues.count)
                        cues.append(text)
                        cueIndex[text] = cue
                    }
                }
                out.add(s, t, .causal(l.relation), .asserted, l.confidence, cue: cue) { pool in
                    Self.spanEvidence(chunks, ci, start: l.provStart, count: l.provCount, confidence: l.confidence, factuality: .asserted, into: &pool)
                }
            }
        }
        return out
    }

    /// One edge per run of sorted instances with the same (source, relation, target): the strongest
    /// factuality, disputed when denied and affirmed, the best confidence, the first cue, all the evidence.
    private mutating func mergeEdgeInstances(_ instances: EdgeInstances) {
        let insts = instances.items, pool = instances.pool
        edges.reserveCapacity(insts.count)
        edgeEvidence.reserveCapacity(pool.count)
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
                edgeEvidence.append(contentsOf: pool[Int(x.evStart) ..< Int(x.evStart + x.evCount)])
                j += 1
            }
            edge.disputed = denied && affirmed
            edges.append(edge)
            edgeEvidenceOffsets.append(Int32(edgeEvidence.count))
            i = j
        }
    }
}
