// A binary image of a KnowledgeGraph (records, resolution and derived arrays), so that a store can be
// reopened without resolving every record again. It is a cache: arrays of plain structs are written as
// their memory bytes, so an image is only valid for the same build layout, which `snapshotFormat`
// fingerprints; anything else is refused and the caller rebuilds from the records.

/// A snapshot that cannot be read (another format, or damaged); rebuild the graph from its source.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// True when the bytes were damaged (checksum, truncation, inconsistent arrays), false when the image is
    /// merely of another format or build.
    public var isDamage: Bool = true

    public init(message: String, isDamage: Bool = true) {
        self.message = message
        self.isDamage = isDamage
    }
    public var description: String { "graph snapshot: \(message)" }
}

private let snapshotMagic: [UInt8] = Array("NGSNAP01".utf8)

struct SnapshotWriter {
    var bytes: [UInt8] = []
    /// When set, the image is handed over in pieces (multiples of 32 bytes) as it grows past `flushSize`,
    /// with the checksum kept running, instead of being held whole.
    var flush: ((UnsafeRawBufferPointer) throws -> Void)? = nil
    var flushSize = 4 << 20
    var checksum = SnapshotChecksum.Running()
    /// The first error `flush` threw (nothing more is handed over after it).
    var failure: (any Error)? = nil

    /// Hands the complete 32-byte blocks over to `flush` once the buffer is large (offsets modulo 8, which
    /// `align` uses, are unchanged).
    mutating func drain() {
        guard let flush, failure == nil, bytes.count >= flushSize else { return }
        let n = bytes.count / 32 * 32
        bytes.withUnsafeBytes { raw in
            let piece = UnsafeRawBufferPointer(rebasing: raw[0 ..< n])
            checksum.add(piece)
            do { try flush(piece) } catch { failure = error }
        }
        bytes.removeFirst(n)
    }

    mutating func align() { while bytes.count % 8 != 0 { bytes.append(0) } }

    mutating func int(_ v: Int) {
        var x = Int64(v)
        withUnsafeBytes(of: &x) { bytes.append(contentsOf: $0) }
    }

    mutating func pod<T>(_ a: [T]) {
        precondition(_isPOD(T.self), "snapshot arrays must hold plain values")
        int(a.count)
        align()
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }
        align()
        drain()
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            int(u.count)
            bytes.append(contentsOf: u)
        }
    }

    mutating func strings(_ a: [String]) {
        int(a.count)
        var lengths: [Int32] = []
        lengths.reserveCapacity(a.count)
        var total = 0
        for s in a { lengths.append(Int32(s.utf8.count)); total += s.utf8.count }
        pod(lengths)
        int(total)
        for var s in a { s.withUTF8 { bytes.append(contentsOf: $0) } }
        align()
        drain()
    }

    mutating func optionalString(_ s: String?) {
        int(s == nil ? 0 : 1)
        if let s { string(s) }
    }

    /// The distinct strings of `shared` arrays, written once before them (see `KnowledgeGraph.snapshot`).
    var table: [String: Int32] = [:]
    var tableList: [String] = []

    /// An array of strings as numbers into the string table: a name, key or id that occurs in several arrays
    /// (the article records, the node names, the name index) is stored once and, when read back, shared.
    /// Adds the strings of an array written later by `shared` to the table.
    mutating func intern(_ a: [String]) {
        for s in a where table[s] == nil {
            table[s] = Int32(tableList.count)
            tableList.append(s)
        }
    }

    /// Writes an array whose strings were `intern`ed (an unknown string is added, but then the table written
    /// before it lacks it: the reader refuses the image, so every array must be interned first).
    mutating func shared(_ a: [String]) {
        var numbers: [Int32] = []
        numbers.reserveCapacity(a.count)
        for s in a {
            precondition(table[s] != nil, "snapshot: string array not interned before the table was written")
            numbers.append(table[s] ?? -1)
        }
        pod(numbers)
    }
}

struct SnapshotReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    /// Told how far the reader has got after each array, so that a caller can release what is behind it.
    var consumed: ((Int) -> Void)? = nil

    func fail(_ what: String) -> SnapshotError { SnapshotError(message: "damaged image (\(what) at byte \(offset))") }

    mutating func align() { offset = (offset + 7) & ~7 }

    mutating func int() throws -> Int {
        guard offset + 8 <= bytes.count else { throw fail("integer") }
        let v = bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self)
        offset += 8
        return Int(v)
    }

    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0 && n <= bytes.count else { throw fail("count") }
        return n
    }

    mutating func pod<T>(_: T.Type = T.self) throws -> [T] {
        precondition(_isPOD(T.self))
        let n = try count()
        align()
        let size = n * MemoryLayout<T>.stride
        guard offset + size <= bytes.count else { throw fail("array") }
        let out = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            if size > 0 {
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + size]))
            }
            initialized = n
        }
        offset += size
        align()
        consumed?(offset)
        return out
    }

    mutating func string() throws -> String {
        let n = try count()
        guard offset + n <= bytes.count else { throw fail("string") }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + n]), as: UTF8.self)
        offset += n
        return s
    }

    mutating func strings() throws -> [String] {
        let n = try count()
        let lengths: [Int32] = try pod()
        guard lengths.count == n else { throw fail("string lengths") }
        let total = try count()
        guard offset + total <= bytes.count else { throw fail("strings") }
        var out: [String] = []
        out.reserveCapacity(n)
        var at = offset
        for l in lengths {
            let l = Int(l)
            guard l >= 0, at + l <= offset + total else { throw fail("string length") }
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at ..< at + l]), as: UTF8.self))
            at += l
        }
        offset += total
        align()
        consumed?(offset)
        return out
    }

    /// Skips a `strings` block.
    mutating func skipStrings() throws {
        _ = try count()
        let _: [Int32] = try pod()
        let total = try count()
        guard offset + total <= bytes.count else { throw fail("strings") }
        offset += total
        align()
    }

    mutating func optionalString() throws -> String? {
        try int() == 0 ? nil : try string()
    }

    /// The string table (read before the `shared` arrays).
    var table: [String] = []

    /// An array written by `SnapshotWriter.shared`: its strings are the table's (shared, not copied).
    mutating func shared() throws -> [String] {
        let numbers: [Int32] = try pod()
        var out: [String] = []
        out.reserveCapacity(numbers.count)
        for x in numbers {
            guard x >= 0 && Int(x) < table.count else { throw fail("string number") }
            out.append(table[Int(x)])
        }
        return out
    }
}

extension KnowledgeGraph {
    /// Identifies the snapshot layout of this build: format version, struct sizes and ontology vocabularies.
    /// A snapshot is only read back by a build with the same fingerprint.
    public static var snapshotFormat: String {
        let sizes = [
            MemoryLayout<EntityRecord>.stride, MemoryLayout<EventRecord>.stride, MemoryLayout<TripleRecord>.stride,
            MemoryLayout<CausalRecord>.stride, MemoryLayout<Span>.stride, MemoryLayout<Evidence>.stride,
            MemoryLayout<EdgeData>.stride, MemoryLayout<Figure>.stride, MemoryLayout<MergeData>.stride,
            MemoryLayout<EntityType>.size, MemoryLayout<Factuality>.size,
        ].map(String.init).joined(separator: ".")
        let vocabularies = [
            EntityType.allCases.map(\.rawValue), EventType.allCases.map(\.rawValue), TriplePredicate.allCases.map(\.rawValue),
            CausalRelation.allCases.map(\.rawValue), EventRole.allCases.map(\.rawValue), Factuality.allCases.map(\.rawValue),
            ResolutionRule.allCases.map(\.rawValue),
        ].map { $0.joined(separator: ",") }.joined(separator: ";")
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a, stable across runs (unlike Hasher)
        for b in vocabularies.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return "ng-snapshot-3/\(sizes)/\(String(h, radix: 16))"
    }

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

    /// The header stored with `snapshot(header:)`, or nil when the bytes are not a snapshot of this format.
    public static func snapshotHeader(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { raw -> String? in
            guard raw.count >= snapshotMagic.count, Array(raw.prefix(snapshotMagic.count)) == snapshotMagic else { return nil }
            var r = SnapshotReader(bytes: raw, offset: snapshotMagic.count)
            guard let format = try? r.string(), format == snapshotFormat else { return nil }
            return try? r.string()
        }
    }

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
        let (sub, ov, cs, rr, x) = try { () throws -> (Bool, [ResolutionOverride], [ArticleChunk], ResolutionResult, Derived) in
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
            func refs() throws -> [RecordRef] {
                let n = try r.count()
                var out: [RecordRef] = []
                for _ in 0 ..< n {
                    let kind: NodeKind = try r.int() == 0 ? .entity : .event
                    out.append(RecordRef(kind: kind, article: try r.string(), key: try r.string()))
                }
                return out
            }
            var ov: [ResolutionOverride] = []
            for _ in 0 ..< (try r.count()) {
                if try r.int() == 0 {
                    let x = try refs()
                    guard x.count == 2 else { throw r.fail("merge") }
                    ov.append(.merge(x[0], x[1]))
                } else {
                    let keep = try refs()
                    ov.append(.split(keep: keep, detach: try refs()))
                }
            }
            let nChunks = try r.count()
            var cs: [ArticleChunk] = []
            cs.reserveCapacity(nChunks)
            for _ in 0 ..< nChunks {
                let id = try r.string(), date = try r.optionalString(), place = try r.optionalString()
                let source = try r.optionalString(), title = try r.optionalString(), hash = try r.string()
                var sentences: [String] = []
                if includeSentences { sentences = try r.strings() } else { try r.skipStrings() }
                var c = ArticleChunk(info: ArticleInfo(id: id, date: date, datelinePlace: place, source: source, title: title,
                                                       contentHash: hash, sentences: sentences), lexicon: try r.string())
                c.strings = try r.shared()
                c.entities = try r.pod(); c.events = try r.pod(); c.triples = try r.pod(); c.causal = try r.pod()
                c.surfaces = try r.pod(); c.surfaceKeys = try r.pod(); c.args = try r.pod(); c.attrs = try r.pod()
                c.spans = try r.pod(); c.skipped = try r.int()
                cs.append(c)
            }
            var rr = ResolutionResult()
            rr.entityNodeOfRecord = try r.pod(); rr.entityNodeCount = try r.int()
            rr.eventNodeOfRecord = try r.pod(); rr.eventNodeCount = try r.int()
            rr.entityMerges = try r.pod(); rr.eventMerges = try r.pod(); rr.formSurface = try r.shared()
            rr.entityBase = try r.pod(); rr.eventBase = try r.pod()
            var x = Derived()
            x.entityCount = try r.int(); x.eventCount = try r.int()
            x.recordOffsets = try r.pod(); x.records = try r.pod(); x.articleCount = try r.pod()
            x.entName = try r.shared(); x.entType = try r.pod(); x.entAliasOffsets = try r.pod(); x.entAliases = try r.shared()
            x.entConfidence = try r.pod()
            x.evType = try r.pod(); x.evTrigger = try r.shared(); x.evDate = try r.pod(); x.evPlace = try r.pod()
            x.evFactuality = try r.pod(); x.evConfidence = try r.pod()
            x.evFigureOffsets = try r.pod(); x.evFigures = try r.pod(); x.evAttrOffsets = try r.pod()
            x.evAttrKeys = try r.shared(); x.evAttrValues = try r.shared()
            x.evLocalIDOffsets = try r.pod(); x.evLocalIDs = try r.shared()
            x.nodeEvidenceOffsets = try r.pod(); x.nodeEvidence = try r.pod()
            x.edges = try r.pod(); x.edgeEvidenceOffsets = try r.pod(); x.edgeEvidence = try r.pod(); x.cues = try r.shared()
            x.outOffsets = try r.pod(); x.inOffsets = try r.pod(); x.inEdges = try r.pod()
            x.nameKeys = try r.shared(); x.nameNodes = try r.pod(); x.typeOffsets = try r.pod(); x.typeNodes = try r.pod()
            x.datedEvents = try r.pod()
            x.mergeOffsets = try r.pod(); x.merges = try r.pod()
            try x.validate(chunks: cs, res: rr)
            x.buildNeighbours()
            return (sub, ov, cs, rr, x)
        }()
        isSubgraph = sub
        overrides = ov
        chunks = cs
        res = rr
        d = x
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
