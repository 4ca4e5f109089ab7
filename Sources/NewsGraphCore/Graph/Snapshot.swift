// A binary image of a KnowledgeGraph (records, resolution and derived arrays), so that a store can be
// reopened without resolving every record again. It is a cache: arrays of plain structs are written as
// their memory bytes, so an image is only valid for the same build layout, which `snapshotFormat`
// fingerprints; anything else is refused and the caller rebuilds from the records.
//
// Files: this one (format, header), `SnapshotCoding` (byte writer and reader), `KnowledgeGraph+SnapshotWriting`,
// `KnowledgeGraph+SnapshotReading`.

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

/// The first bytes of every snapshot image.
let snapshotMagic: [UInt8] = Array("NGSNAP01".utf8)

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

    /// The header stored with `snapshot(header:)`, or nil when the bytes are not a snapshot of this format.
    public static func snapshotHeader(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { raw -> String? in
            guard raw.count >= snapshotMagic.count, Array(raw.prefix(snapshotMagic.count)) == snapshotMagic else { return nil }
            var r = SnapshotReader(bytes: raw, offset: snapshotMagic.count)
            guard let format = try? r.string(), format == snapshotFormat else { return nil }
            return try? r.string()
        }
    }
}
