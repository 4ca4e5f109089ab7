// The nodes of a `Derived` layout: each node's records, then entity and event attributes voted over the
// records, with every mention as node evidence.

extension Derived {
    /// Chunk of each global entity record and of each global event record.
    struct RecordChunks {
        var entity: [Int32]
        var event: [Int32]
    }

    /// Fills node → records (counting sort keeps record order); returns the chunk of each record.
    mutating func fillRecords(_ chunks: [ArticleChunk], _ res: ResolutionResult) -> RecordChunks {
        let E = entityCount, N = nodeCount
        let entRecCount = res.entityNodeOfRecord.count
        let evRecCount = res.eventNodeOfRecord.count
        // Record → chunk.
        var entChunk = [Int32](repeating: 0, count: entRecCount)
        var evChunk = [Int32](repeating: 0, count: evRecCount)
        for ci in chunks.indices {
            for g in Int(res.entityBase[ci]) ..< Int(res.entityBase[ci + 1]) { entChunk[g] = Int32(ci) }
            for g in Int(res.eventBase[ci]) ..< Int(res.eventBase[ci + 1]) { evChunk[g] = Int32(ci) }
        }
        var counts = [Int32](repeating: 0, count: N + 1)
        for n in res.entityNodeOfRecord { counts[Int(n) + 1] += 1 }
        for n in res.eventNodeOfRecord { counts[E + Int(n) + 1] += 1 }
        for i in 0 ..< N { counts[i + 1] += counts[i] }
        recordOffsets = counts
        var fill = counts
        records = [Int32](repeating: 0, count: entRecCount + evRecCount)
        for (g, n) in res.entityNodeOfRecord.enumerated() { records[Int(fill[Int(n)])] = Int32(g); fill[Int(n)] += 1 }
        for (g, n) in res.eventNodeOfRecord.enumerated() { records[Int(fill[E + Int(n)])] = Int32(g); fill[E + Int(n)] += 1 }
        return RecordChunks(entity: entChunk, event: evChunk)
    }

    /// Reserves exactly the evidence the nodes get (one per mention, or one for a record without mentions), so
    /// that the array is never regrown (a regrowth holds the old and the new buffer at once).
    mutating func reserveNodeEvidence(_ chunks: [ArticleChunk]) {
        articleCount.reserveCapacity(nodeCount)
        var nodeEvidenceCount = 0
        for c in chunks {
            for e in c.entities { nodeEvidenceCount += max(1, Int(e.mentionCount)) }
            for e in c.events { nodeEvidenceCount += max(1, Int(e.mentionCount)) }
        }
        nodeEvidence.reserveCapacity(nodeEvidenceCount)
        nodeEvidenceOffsets.reserveCapacity(nodeCount + 1)
    }

    /// The evidence of spans `start ..< start + count` of chunk `ci` (only the first with `firstOnly`), or one
    /// evidence without a position when there are none.
    static func spanEvidence(_ chunks: [ArticleChunk], _ ci: Int, start: Int32, count: Int32, confidence: Float, factuality: Factuality,
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

    /// Entity nodes: the most frequent name, the other surfaces as aliases, the best confidence.
    mutating func addEntityNodes(_ chunks: [ArticleChunk], _ res: ResolutionResult, recordChunk entChunk: [Int32]) {
        let E = entityCount
        entName.reserveCapacity(E); entType.reserveCapacity(E); entConfidence.reserveCapacity(E)
        for n in 0 ..< E {
            let recs = records[Int(recordOffsets[n]) ..< Int(recordOffsets[n + 1])]
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
                Self.spanEvidence(chunks, ci, start: e.mentionStart, count: e.mentionCount, confidence: e.confidence, factuality: .asserted, into: &nodeEvidence)
            }
            nodeEvidenceOffsets.append(Int32(nodeEvidence.count))
            let name = mode(names) ?? ""
            entName.append(name)
            entType.append(type)
            entConfidence.append(conf)
            articleCount.append(Int32(articles))
            for s in surfaces where s != name { entAliases.append(s) }
            entAliasOffsets.append(Int32(entAliases.count))
        }
    }

    /// Event nodes: the trigger of the most confident record, the most frequent date (earliest on ties) and
    /// place, the strongest factuality, every figure, attributes by vote, local ids by frequency.
    mutating func addEventNodes(_ chunks: [ArticleChunk], _ res: ResolutionResult, recordChunk evChunk: [Int32]) {
        let E = entityCount
        for v in 0 ..< eventCount {
            let n = E + v
            let recs = records[Int(recordOffsets[n]) ..< Int(recordOffsets[n + 1])]
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
                    evFigures.append(Figure(article: Int32(ci), killed: e.killed, injured: e.injured, factuality: e.factuality))
                }
                for k in 0 ..< Int(e.attrCount) {
                    let i = Int(e.attrStart) + 2 * k
                    attrs.append((chunks[ci].strings[Int(chunks[ci].attrs[i])], chunks[ci].strings[Int(chunks[ci].attrs[i + 1])]))
                }
                Self.spanEvidence(chunks, ci, start: e.mentionStart, count: e.mentionCount, confidence: e.confidence, factuality: e.factuality, into: &nodeEvidence)
            }
            nodeEvidenceOffsets.append(Int32(nodeEvidence.count))
            evType.append(type)
            evTrigger.append(trigger)
            evDate.append(modeEarliest(dates) ?? noDate)
            evPlace.append(places.isEmpty ? -1 : (mode(places) ?? -1))
            evFactuality.append(factuality)
            evConfidence.append(max(bestConf, 0))
            articleCount.append(Int32(articles))
            evFigureOffsets.append(Int32(evFigures.count))
            if !attrs.isEmpty {
                let keys = Array(Set(attrs.map(\.0))).sorted()
                for k in keys {
                    evAttrKeys.append(k)
                    evAttrValues.append(mode(attrs.filter { $0.0 == k }.map(\.1)) ?? "")
                }
            }
            evAttrOffsets.append(Int32(evAttrKeys.count))
            for id in byFrequency(ids) { evLocalIDs.append(id) }
            evLocalIDOffsets.append(Int32(evLocalIDs.count))
        }
    }
}
