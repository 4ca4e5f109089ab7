// The lookup indexes of a `Derived` layout: the sorted name index, the in/out adjacency (CSR) and its
// contiguous neighbour arrays, nodes by type, dated events, and the merge log by node.

extension Derived {
    /// Name index input: entity surface keys and event local-id keys, with their nodes.
    static func nameIndexEntries(_ chunks: [ArticleChunk], _ res: ResolutionResult) -> [(String, Int32)] {
        let E = res.entityNodeCount
        let eNode = res.entityNodeOfRecord, vNode = res.eventNodeOfRecord
        var names: [(String, Int32)] = []
        names.reserveCapacity(res.entityNodeOfRecord.count * 2 + res.eventNodeOfRecord.count)
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
        return names
    }

    /// Merge log by node, in application order (entity merges, then event merges; counting sort, no copy).
    mutating func fillMergeLog(_ res: ResolutionResult) {
        let E = entityCount, N = nodeCount
        let eNode = res.entityNodeOfRecord, vNode = res.eventNodeOfRecord
        var mc = [Int32](repeating: 0, count: N + 1)
        for m in res.entityMerges { mc[Int(eNode[Int(m.recA)]) + 1] += 1 }
        for m in res.eventMerges { mc[E + Int(vNode[Int(m.recA)]) + 1] += 1 }
        for k in 0 ..< N { mc[k + 1] += mc[k] }
        mergeOffsets = mc
        var mfill = mc
        merges = [MergeData](repeating: MergeData(rule: .manual, recA: 0, recB: 0, formA: -1, formB: -1),
                             count: res.entityMerges.count + res.eventMerges.count)
        for m in res.entityMerges { let n = Int(eNode[Int(m.recA)]); merges[Int(mfill[n])] = m; mfill[n] += 1 }
        for m in res.eventMerges { let n = E + Int(vNode[Int(m.recA)]); merges[Int(mfill[n])] = m; mfill[n] += 1 }
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
    }}
