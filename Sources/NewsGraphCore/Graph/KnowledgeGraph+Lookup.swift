// Finding nodes in a knowledge graph: by name (exact normalised key, then partial), by type, by date.

extension KnowledgeGraph {
    /// Nodes by name: first the exact normalised match (case, diacritics, hyphens/spaces, `'s` and
    /// connectors ignored) over entity names, aliases and event ids; when there is none, nodes whose
    /// normalised name contains the query (3+ letters), best first. Optionally restricted to a kind or entity type.
    public func lookup(_ name: String, kind: NodeKind? = nil, type: EntityType? = nil) -> [NodeID] {
        let exact = lookupExact(name, kind: kind, type: type)
        return exact.isEmpty ? lookupPartial(name, kind: kind, type: type) : exact
    }

    /// Nodes whose normalised name or alias equals the query's.
    public func lookupExact(_ name: String, kind: NodeKind? = nil, type: EntityType? = nil) -> [NodeID] {
        let key = NameNormalizer.key(name)
        guard !key.isEmpty else { return [] }
        var lo = 0, hi = d.nameKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if d.nameKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        var out: [NodeID] = []
        while lo < d.nameKeys.count && d.nameKeys[lo] == key {
            let n = NodeID(rawValue: d.nameNodes[lo])
            if accept(n, kind, type) && out.last != n { out.append(n) }
            lo += 1
        }
        return Array(Set(out)).sorted()
    }

    /// Nodes whose normalised name or alias contains the query; names starting with it first, then shorter names.
    public func lookupPartial(_ name: String, kind: NodeKind? = nil, type: EntityType? = nil) -> [NodeID] {
        let key = Array(NameNormalizer.key(name).utf8)
        guard key.count >= 3 else { return [] }
        var best: [Int32: (Int, Int)] = [:]
        for (i, k) in d.nameKeys.enumerated() {
            let at: Int? = k.utf8.withContiguousStorageIfAvailable { firstIndex(of: key, in: $0) } ?? firstIndex(of: key, in: Array(k.utf8))
            guard let at else { continue }
            let n = d.nameNodes[i]
            guard accept(NodeID(rawValue: n), kind, type) else { continue }
            let score = (at == 0 ? 0 : 1, k.utf8.count)
            if let old = best[n], old <= score { continue }
            best[n] = score
        }
        return best.sorted { ($0.value.0, $0.value.1, $0.key) < ($1.value.0, $1.value.1, $1.key) }.map { NodeID(rawValue: $0.key) }
    }

    private func firstIndex(of needle: [UInt8], in hay: some RandomAccessCollection<UInt8>) -> Int? {
        let n = needle.count, h = hay.count
        guard n <= h, let first = needle.first else { return nil }
        var i = hay.startIndex
        let last = hay.index(hay.startIndex, offsetBy: h - n)
        var offset = 0
        while i <= last {
            if hay[i] == first {
                var j = 1, k = hay.index(after: i)
                while j < n && hay[k] == needle[j] { j += 1; k = hay.index(after: k) }
                if j == n { return offset }
            }
            i = hay.index(after: i)
            offset += 1
        }
        return nil
    }

    private func accept(_ n: NodeID, _ kind: NodeKind?, _ type: EntityType?) -> Bool {
        if let kind, self.kind(of: n) != kind { return false }
        if let type, entityType(of: n) != type { return false }
        return true
    }

    /// Entities of a type.
    public func nodes(ofType type: EntityType) -> [NodeID] {
        let c = type.ordinal
        return d.typeNodes[Int(d.typeOffsets[c]) ..< Int(d.typeOffsets[c + 1])].map { NodeID(rawValue: $0) }
    }

    /// Events of a type.
    public func nodes(ofType type: EventType) -> [NodeID] {
        let c = EntityType.allCases.count + type.ordinal
        return d.typeNodes[Int(d.typeOffsets[c]) ..< Int(d.typeOffsets[c + 1])].map { NodeID(rawValue: $0) }
    }

    /// Events dated between `from` and `through` (`YYYY-MM-DD`, inclusive; nil for an open end), by date.
    /// Returns nil when a bound is not a `YYYY-MM-DD` date.
    public func events(from: String?, through: String?) -> [NodeID]? {
        var lo = Int32.min + 1, hi = Int32.max
        if let from { guard let x = dayNumber(from) else { return nil }; lo = x }
        if let through { guard let x = dayNumber(through) else { return nil }; hi = x }
        return events(days: Int(lo) ... Int(hi))
    }

    /// Events whose day number (days since 1970-01-01) is in `days`, by date.
    public func events(days: ClosedRange<Int>) -> [NodeID] {
        let E = d.entityCount
        func day(_ i: Int) -> Int { Int(d.evDate[Int(d.datedEvents[i]) - E]) }
        var lo = 0, hi = d.datedEvents.count
        while lo < hi { let m = (lo + hi) / 2; if day(m) < days.lowerBound { lo = m + 1 } else { hi = m } }
        var out: [NodeID] = []
        var i = lo
        while i < d.datedEvents.count && day(i) <= days.upperBound { out.append(NodeID(rawValue: d.datedEvents[i])); i += 1 }
        return out
    }
}
