// Writing a knowledge graph as a snapshot image: magic, format, header, string table, then overrides,
// article records, resolution and derived arrays, with a trailing checksum.

extension KnowledgeGraph {
    /// The graph as a binary image (see `init(snapshot:)`). `header` is stored unread by the graph (a store
    /// puts its generation there).
    public func snapshot(header: String = "") -> [UInt8] {
        var w = SnapshotWriter()
        write(header: header, into: &w)
        // The checksum of everything before it (see `SnapshotChecksum`), verified before anything is decoded.
        var sum = w.bytes.withUnsafeBytes { SnapshotChecksum.of($0) }.littleEndian
        withUnsafeBytes(of: &sum) { w.bytes.append(contentsOf: $0) }
        return w.bytes
    }

    /// The same image as `snapshot(header:)`, handed to `emit` in pieces as it is built (a few MB at a time),
    /// so that it is never whole in memory: the graph cache is written to its file this way.
    /// `pieceSize` is the buffer size past which a piece is handed over.
    ///
    /// `sentences`, when given, is asked for each article's sentences (by article id, in id order) as the image
    /// reaches it, instead of taking those the graph holds: a graph built without sentences then gives the same
    /// image as one built with them, and the sentences are in memory one article at a time (the store's final
    /// resolve reads them from the store this way). An error it throws ends the write with that error.
    public func writeSnapshot(header: String = "", pieceSize: Int = 4 << 20,
                              sentences: ((_ article: String) throws -> [String])? = nil,
                              to emit: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        var w = SnapshotWriter()
        w.flush = emit
        w.flushSize = max(32, pieceSize)
        write(header: header, into: &w, sentences: sentences)
        if let failure = w.failure { throw failure }
        var sum = w.bytes.withUnsafeBytes { w.checksum.finish($0) }.littleEndian
        withUnsafeBytes(of: &sum) { w.bytes.append(contentsOf: $0) }
        try w.bytes.withUnsafeBytes { try emit($0) }
    }

    private func write(header: String, into w: inout SnapshotWriter, sentences: ((String) throws -> [String])? = nil) {
        // Layout: magic, format, header, the string table, then the body (whose string arrays are numbers into
        // the table). The table is collected first, so that the image is built in one buffer.
        for c in chunks { w.intern(c.strings) }
        for a in [res.formSurface, d.entName, d.entAliases, d.evTrigger, d.evAttrKeys, d.evAttrValues, d.evLocalIDs, d.cues, d.nameKeys] {
            w.intern(a)
        }
        w.bytes.append(contentsOf: snapshotMagic)
        w.string(Self.snapshotFormat)
        w.string(header)
        w.align()
        w.strings(w.tableList)
        w.align()
        w.int(isSubgraph ? 1 : 0)
        // Overrides, as JSON-free text: kind, then the record references.
        w.int(overrides.count)
        for o in overrides {
            switch o {
            case .merge(let a, let b):
                w.int(0); writeRefs([a, b], &w)
            case .split(let keep, let detach):
                w.int(1); writeRefs(keep, &w); writeRefs(detach, &w)
            }
        }
        // Chunks.
        w.int(chunks.count)
        for c in chunks {
            let i = c.info
            w.string(i.id); w.optionalString(i.date); w.optionalString(i.datelinePlace); w.optionalString(i.source)
            w.optionalString(i.title); w.string(i.contentHash)
            if let sentences, w.failure == nil {
                do { w.strings(try sentences(i.id)) } catch { w.failure = error; w.strings([]) }
            } else {
                w.strings(i.sentences)
            }
            w.string(c.lexicon); w.shared(c.strings)
            w.pod(c.entities); w.pod(c.events); w.pod(c.triples); w.pod(c.causal)
            w.pod(c.surfaces); w.pod(c.surfaceKeys); w.pod(c.args); w.pod(c.attrs); w.pod(c.spans); w.int(c.skipped)
        }
        // Resolution.
        w.pod(res.entityNodeOfRecord); w.int(res.entityNodeCount); w.pod(res.eventNodeOfRecord); w.int(res.eventNodeCount)
        w.pod(res.entityMerges); w.pod(res.eventMerges); w.shared(res.formSurface); w.pod(res.entityBase); w.pod(res.eventBase)
        // Derived.
        w.int(d.entityCount); w.int(d.eventCount)
        w.pod(d.recordOffsets); w.pod(d.records); w.pod(d.articleCount)
        w.shared(d.entName); w.pod(d.entType); w.pod(d.entAliasOffsets); w.shared(d.entAliases); w.pod(d.entConfidence)
        w.pod(d.evType); w.shared(d.evTrigger); w.pod(d.evDate); w.pod(d.evPlace); w.pod(d.evFactuality); w.pod(d.evConfidence)
        w.pod(d.evFigureOffsets); w.pod(d.evFigures); w.pod(d.evAttrOffsets); w.shared(d.evAttrKeys); w.shared(d.evAttrValues)
        w.pod(d.evLocalIDOffsets); w.shared(d.evLocalIDs)
        w.pod(d.nodeEvidenceOffsets); w.pod(d.nodeEvidence)
        w.pod(d.edges); w.pod(d.edgeEvidenceOffsets); w.pod(d.edgeEvidence); w.shared(d.cues)
        w.pod(d.outOffsets); w.pod(d.inOffsets); w.pod(d.inEdges)
        w.shared(d.nameKeys); w.pod(d.nameNodes); w.pod(d.typeOffsets); w.pod(d.typeNodes); w.pod(d.datedEvents)
        w.pod(d.mergeOffsets); w.pod(d.merges)
    }

    private func writeRefs(_ refs: [RecordRef], _ w: inout SnapshotWriter) {
        w.int(refs.count)
        for r in refs { w.int(r.kind == .entity ? 0 : 1); w.string(r.article); w.string(r.key) }
    }
}
