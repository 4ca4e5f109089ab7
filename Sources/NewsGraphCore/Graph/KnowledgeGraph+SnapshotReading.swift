// Reading a knowledge graph back from a snapshot image: format and checksum first, then overrides, article
// records, resolution and derived arrays, checked for consistency before use.

extension KnowledgeGraph {
    /// Reads a graph back from `snapshot(header:)`. With `includeSentences: false` the articles' sentences
    /// are skipped (less memory). Throws `SnapshotError` for another format or damaged bytes.
    public init(snapshot bytes: [UInt8], includeSentences: Bool = true) throws {
        self = try bytes.withUnsafeBytes { try KnowledgeGraph(snapshotBytes: $0, includeSentences: includeSentences) }
    }

    /// Reads a graph back from snapshot bytes in memory (for example a memory-mapped file). The bytes are read
    /// twice, front to back: once for the checksum, once to decode; `consumed` is told the offset reached as
    /// each pass goes (it starts again from the beginning for the second pass), so that a mapping's pages can
    /// be released as they are read.
    ///
    /// The whole image is checked against its checksum first: a damaged image (a flipped byte, a truncated
    /// file) throws `SnapshotError` with `isDamage` set, and nothing of it is decoded.
    public init(snapshotBytes image: UnsafeRawBufferPointer, includeSentences: Bool = true,
                consumed: ((Int) -> Void)? = nil) throws {
        self.init(empty: ())
        guard image.count >= snapshotMagic.count, Array(image.prefix(snapshotMagic.count)) == snapshotMagic else {
            throw SnapshotError(message: "not a newsgraph graph snapshot", isDamage: true)
        }
        // The format is checked before the checksum, so that an image of another build is reported as such.
        var probe = SnapshotReader(bytes: image, offset: snapshotMagic.count)
        let written = (try? probe.string()) ?? ""
        guard written == Self.snapshotFormat else {
            throw SnapshotError(message: "written by another build (\(written.prefix(80)), this build reads \(Self.snapshotFormat))", isDamage: false)
        }
        guard image.count >= snapshotMagic.count + SnapshotChecksum.size else {
            throw SnapshotError(message: "damaged image (truncated)", isDamage: true)
        }
        let raw = UnsafeRawBufferPointer(rebasing: image[0 ..< image.count - SnapshotChecksum.size])
        let stored = UInt64(littleEndian: image.loadUnaligned(fromByteOffset: raw.count, as: UInt64.self))
        guard SnapshotChecksum.of(raw, progress: consumed) == stored else {
            throw SnapshotError(message: "damaged image (checksum mismatch)", isDamage: true)
        }
        var r = SnapshotReader(bytes: raw, offset: snapshotMagic.count, consumed: consumed)
        let format = try r.string()
        guard format == Self.snapshotFormat else {
            throw SnapshotError(message: "written by another build (\(format), this build reads \(Self.snapshotFormat))", isDamage: false)
        }
        _ = try r.string()
        r.align()
        r.table = try r.strings()
        // The body starts at a multiple of 8, so its arrays are aligned as when it was written on its own.
        r.align()
        let sub = try r.int() == 1
        let ov = try r.overrides()
        let cs = try r.chunks(includeSentences: includeSentences)
        let rr = try r.resolution()
        var x = try r.derived()
        try x.validate(chunks: cs, res: rr)
        x.buildNeighbours()
        isSubgraph = sub
        overrides = ov
        chunks = cs
        res = rr
        d = x
    }
}

extension SnapshotReader {
    /// The analyst overrides: kind (0 merge, 1 split), then the record references.
    mutating func overrides() throws -> [ResolutionOverride] {
        var ov: [ResolutionOverride] = []
        for _ in 0 ..< (try count()) {
            if try int() == 0 {
                let x = try recordRefs()
                guard x.count == 2 else { throw fail("merge") }
                ov.append(.merge(x[0], x[1]))
            } else {
                let keep = try recordRefs()
                ov.append(.split(keep: keep, detach: try recordRefs()))
            }
        }
        return ov
    }

    private mutating func recordRefs() throws -> [RecordRef] {
        let n = try count()
        var out: [RecordRef] = []
        for _ in 0 ..< n {
            let kind: NodeKind = try int() == 0 ? .entity : .event
            out.append(RecordRef(kind: kind, article: try string(), key: try string()))
        }
        return out
    }

    /// The article chunks; their sentences are skipped without `includeSentences`.
    mutating func chunks(includeSentences: Bool) throws -> [ArticleChunk] {
        let nChunks = try count()
        var cs: [ArticleChunk] = []
        cs.reserveCapacity(nChunks)
        for _ in 0 ..< nChunks {
            let id = try string(), date = try optionalString(), place = try optionalString()
            let source = try optionalString(), title = try optionalString(), hash = try string()
            var sentences: [String] = []
            if includeSentences { sentences = try strings() } else { try skipStrings() }
            var c = ArticleChunk(info: ArticleInfo(id: id, date: date, datelinePlace: place, source: source, title: title,
                                                   contentHash: hash, sentences: sentences), lexicon: try string())
            c.strings = try shared()
            c.entities = try pod(); c.events = try pod(); c.triples = try pod(); c.causal = try pod()
            c.surfaces = try pod(); c.surfaceKeys = try pod(); c.args = try pod(); c.attrs = try pod()
            c.spans = try pod(); c.skipped = try int()
            cs.append(c)
        }
        return cs
    }

    mutating func resolution() throws -> ResolutionResult {
        var rr = ResolutionResult()
        rr.entityNodeOfRecord = try pod(); rr.entityNodeCount = try int()
        rr.eventNodeOfRecord = try pod(); rr.eventNodeCount = try int()
        rr.entityMerges = try pod(); rr.eventMerges = try pod(); rr.formSurface = try shared()
        rr.entityBase = try pod(); rr.eventBase = try pod()
        return rr
    }

    /// The derived arrays, as written (the neighbour arrays are rebuilt, not stored).
    mutating func derived() throws -> Derived {
        var x = Derived()
        x.entityCount = try int(); x.eventCount = try int()
        x.recordOffsets = try pod(); x.records = try pod(); x.articleCount = try pod()
        x.entName = try shared(); x.entType = try pod(); x.entAliasOffsets = try pod(); x.entAliases = try shared()
        x.entConfidence = try pod()
        x.evType = try pod(); x.evTrigger = try shared(); x.evDate = try pod(); x.evPlace = try pod()
        x.evFactuality = try pod(); x.evConfidence = try pod()
        x.evFigureOffsets = try pod(); x.evFigures = try pod(); x.evAttrOffsets = try pod()
        x.evAttrKeys = try shared(); x.evAttrValues = try shared()
        x.evLocalIDOffsets = try pod(); x.evLocalIDs = try shared()
        x.nodeEvidenceOffsets = try pod(); x.nodeEvidence = try pod()
        x.edges = try pod(); x.edgeEvidenceOffsets = try pod(); x.edgeEvidence = try pod(); x.cues = try shared()
        x.outOffsets = try pod(); x.inOffsets = try pod(); x.inEdges = try pod()
        x.nameKeys = try shared(); x.nameNodes = try pod(); x.typeOffsets = try pod(); x.typeNodes = try pod()
        x.datedEvents = try pod()
        x.mergeOffsets = try pod(); x.merges = try pod()
        return x
    }
}

extension Derived {
    /// Cheap consistency checks of a read snapshot, so that a damaged image fails loudly instead of trapping later.
    func validate(chunks: [ArticleChunk], res: ResolutionResult) throws {
        let N = nodeCount
        func check(_ ok: Bool, _ what: String) throws { if !ok { throw SnapshotError(message: "inconsistent image (\(what))") } }
        try check(recordOffsets.count == N + 1 && nodeEvidenceOffsets.count == N + 1 && outOffsets.count == N + 1
                  && inOffsets.count == N + 1 && mergeOffsets.count == N + 1 && articleCount.count == N, "node arrays")
        try check(entName.count == entityCount && entType.count == entityCount && entAliasOffsets.count == entityCount + 1, "entities")
        try check(evType.count == eventCount && evDate.count == eventCount && evPlace.count == eventCount
                  && evFigureOffsets.count == eventCount + 1 && evAttrOffsets.count == eventCount + 1
                  && evLocalIDOffsets.count == eventCount + 1 && evTrigger.count == eventCount, "events")
        try check(edgeEvidenceOffsets.count == edges.count + 1 && inEdges.count == edges.count, "edges")
        try check(inEdges.allSatisfy { $0 >= 0 && Int($0) < edges.count }, "incoming edges")
        func monotone(_ off: [Int32]) -> Bool {
            guard off.first == 0, Int(off.last ?? -1) == edges.count else { return false }
            for k in 1 ..< off.count where off[k] < off[k - 1] { return false }
            return true
        }
        try check(monotone(outOffsets) && monotone(inOffsets), "adjacency offsets")
        try check(edges.allSatisfy { $0.source >= 0 && Int($0.source) < N && $0.target >= 0 && Int($0.target) < N }, "edge ends")
        try check(nameKeys.count == nameNodes.count && nameNodes.allSatisfy { $0 >= 0 && Int($0) < N }, "names")
        try check(res.entityBase.count == chunks.count + 1 && res.eventBase.count == chunks.count + 1, "record bases")
        try check(nodeEvidence.allSatisfy { $0.articleIndex >= 0 && Int($0.articleIndex) < chunks.count }
                  && edgeEvidence.allSatisfy { $0.articleIndex >= 0 && Int($0.articleIndex) < chunks.count }, "evidence")
        try check(recordOffsets.last.map(Int.init) == records.count && Int(nodeEvidenceOffsets.last ?? -1) == nodeEvidence.count
                  && Int(edgeEvidenceOffsets.last ?? -1) == edgeEvidence.count, "offsets")
    }
}
