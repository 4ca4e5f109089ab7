// A knowledge graph restricted to a selection of nodes and the edges among them.

extension KnowledgeGraph {
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
