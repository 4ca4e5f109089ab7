// Finds global record numbers for `RecordRef`s (analyst overrides) and the reverse.

/// Finds global record numbers for `RecordRef`s and the reverse.
struct RecordLocator {
    let chunks: [ArticleChunk]
    let entityBase: [Int32]
    let eventBase: [Int32]

    func chunkIndex(_ article: String) -> Int? {
        var lo = 0, hi = chunks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if chunks[mid].info.id < article { lo = mid + 1 } else { hi = mid }
        }
        return lo < chunks.count && chunks[lo].info.id == article ? lo : nil
    }

    func entity(_ ref: RecordRef) -> Int32? {
        guard let ci = chunkIndex(ref.article) else { return nil }
        let c = chunks[ci]
        for (li, _) in c.entities.enumerated() where c.entityName(li) == ref.key { return entityBase[ci] + Int32(li) }
        return nil
    }

    func event(_ ref: RecordRef) -> Int32? {
        guard let ci = chunkIndex(ref.article) else { return nil }
        let c = chunks[ci]
        for (li, e) in c.events.enumerated() where c.strings[Int(e.localID)] == ref.key { return eventBase[ci] + Int32(li) }
        return nil
    }

    /// (chunk, local index) of a global entity record.
    func entityLocal(_ g: Int32) -> (Int, Int)? { local(g, entityBase) }
    func eventLocal(_ g: Int32) -> (Int, Int)? { local(g, eventBase) }

    private func local(_ g: Int32, _ base: [Int32]) -> (Int, Int)? {
        guard g >= 0, let last = base.last, g < last else { return nil }
        var lo = 0, hi = base.count - 1
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            if base[mid] <= g { lo = mid } else { hi = mid }
        }
        // Skip empty chunks that share the same base.
        while lo + 1 < base.count - 1 && base[lo + 1] <= g { lo += 1 }
        return (lo, Int(g - base[lo]))
    }

    func entityRef(_ g: Int32) -> RecordRef? {
        guard let (ci, li) = entityLocal(g) else { return nil }
        return RecordRef(kind: .entity, article: chunks[ci].info.id, key: chunks[ci].entityName(li))
    }

    func eventRef(_ g: Int32) -> RecordRef? {
        guard let (ci, li) = eventLocal(g) else { return nil }
        let c = chunks[ci]
        return RecordRef(kind: .event, article: c.info.id, key: c.strings[Int(c.events[li].localID)])
    }
}
