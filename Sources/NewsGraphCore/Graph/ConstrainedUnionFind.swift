// The union–find of resolution: unions refused by constraints (one record per article, analyst splits,
// person affiliations, event dates and places), the analyst's forced merges, and node numbering.

/// A union–find whose unions can be refused by constraints.
struct ConstrainedUnionFind {
    var parent: [Int32]
    var size: [Int32]
    /// Article of each element (-1 for form elements).
    let article: [Int32]
    /// Per root: the smallest record element in the cluster, or -1.
    var repr: [Int32]
    var articleSets: [Int32: Set<Int32>] = [:]
    var tags: [Int32: [Int32]] = [:]
    /// Persons: per root, packed (predicate << 32 | object root).
    var context: [Int32: [UInt64]] = [:]
    var checkContext = false
    /// Events: per root, known date span and place roots.
    var dateMin: [Int32] = []
    var dateMax: [Int32] = []
    var places: [Int32: [Int32]] = [:]
    var placeCompatible: ((Int32, Int32) -> Bool)?

    init(count: Int, article: [Int32], recordCount: Int) {
        parent = (0 ..< Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
        self.article = article
        repr = (0 ..< count).map { $0 < recordCount ? Int32($0) : -1 }
    }

    mutating func find(_ x: Int32) -> Int32 {
        var x = x
        while parent[Int(x)] != x {
            let p = parent[Int(x)]
            parent[Int(x)] = parent[Int(p)]
            x = p
        }
        return x
    }

    private func articlesOf(_ root: Int32) -> Set<Int32> {
        if let s = articleSets[root] { return s }
        let a = article[Int(root)]
        return a >= 0 ? [a] : []
    }

    /// Whether the clusters of `a` and `b` may be joined.
    mutating func canJoin(_ ra: Int32, _ rb: Int32) -> Bool {
        // One record per article.
        let sa = articlesOf(ra), sb = articlesOf(rb)
        let (small, large) = sa.count <= sb.count ? (sa, sb) : (sb, sa)
        for x in small where large.contains(x) { return false }
        // Analyst splits: tag 2k (keep) never meets 2k+1 (detach).
        if let ta = tags[ra], let tb = tags[rb] {
            for t in ta where tb.contains(t ^ 1) { return false }
        }
        if checkContext, let ca = context[ra], let cb = context[rb] {
            var predicates = Set(ca.map { $0 >> 32 })
            predicates.formIntersection(cb.map { $0 >> 32 })
            for p in predicates {
                let oa = Set(ca.filter { $0 >> 32 == p }), ob = Set(cb.filter { $0 >> 32 == p })
                if oa.isDisjoint(with: ob) { return false }
            }
        }
        if !dateMin.isEmpty {
            let lo = min(dateMin[Int(ra)], dateMin[Int(rb)]), hi = max(dateMax[Int(ra)], dateMax[Int(rb)])
            if lo != noDate && hi != noDate && Int(hi) - Int(lo) > 1 { return false }
        }
        if let compatible = placeCompatible, let pa = places[ra], let pb = places[rb] {
            for x in pa { for y in pb where !compatible(x, y) { return false } }
        }
        return true
    }

    /// Joins the clusters of `a` and `b`; returns the two former roots, or nil when already joined or refused.
    mutating func union(_ a: Int32, _ b: Int32, force: Bool) -> (Int32, Int32)? {
        var ra = find(a), rb = find(b)
        if ra == rb { return nil }
        if !force && !canJoin(ra, rb) { return nil }
        let oldA = ra, oldB = rb
        if size[Int(ra)] < size[Int(rb)] { swap(&ra, &rb) }
        // rb goes under ra.
        parent[Int(rb)] = ra
        size[Int(ra)] += size[Int(rb)]
        let r1 = repr[Int(ra)], r2 = repr[Int(rb)]
        repr[Int(ra)] = r1 < 0 ? r2 : (r2 < 0 ? r1 : min(r1, r2))
        let sa = articlesOf(ra), sb = articlesOf(rb)
        if !sb.isEmpty {
            var merged = articleSets.removeValue(forKey: ra) ?? sa
            merged.formUnion(sb)
            articleSets[ra] = merged
            articleSets.removeValue(forKey: rb)
        }
        if let tb = tags.removeValue(forKey: rb) { tags[ra, default: []].append(contentsOf: tb) }
        if let cb = context.removeValue(forKey: rb) { context[ra, default: []].append(contentsOf: cb) }
        if !dateMin.isEmpty {
            let lo1 = dateMin[Int(ra)], lo2 = dateMin[Int(rb)]
            dateMin[Int(ra)] = lo1 == noDate ? lo2 : (lo2 == noDate ? lo1 : min(lo1, lo2))
            dateMax[Int(ra)] = max(dateMax[Int(ra)], dateMax[Int(rb)])
        }
        if let pb = places.removeValue(forKey: rb) {
            var pa = places[ra] ?? []
            for p in pb where !pa.contains(p) { pa.append(p) }
            places[ra] = pa
        }
        return (oldA, oldB)
    }
}

extension ConstrainedUnionFind {
    /// Joins the clusters of `a` and `b`; returns the smallest record of each former cluster (read before the
    /// union updates the new root; -1 for a cluster of forms only), or nil when already joined or refused.
    mutating func join(_ a: Int32, _ b: Int32, force: Bool) -> (Int32, Int32)? {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return nil }
        let px = repr[Int(ra)], py = repr[Int(rb)]
        guard union(a, b, force: force) != nil else { return nil }
        return (px, py)
    }

    /// The analyst's merges, past every constraint: each union made is recorded as a `manual` merge.
    mutating func forceMerges(_ pairs: [(Int32, Int32)], into merges: inout [MergeData]) {
        for (x, y) in pairs {
            guard let (px, py) = join(x, y, force: true) else { continue }
            merges.append(MergeData(rule: .manual, recA: min(px, py), recB: max(px, py), formA: -1, formB: -1))
        }
    }

    /// Node numbers of the first `recordCount` elements: clusters numbered in order of their first record.
    mutating func nodeNumbers(recordCount: Int) -> (nodeOfRecord: [Int32], nodeCount: Int) {
        var nodeOfRoot: [Int32: Int32] = [:]
        var nodeOf = [Int32](repeating: 0, count: recordCount)
        var n: Int32 = 0
        for g in 0 ..< recordCount {
            let r = find(Int32(g))
            if let x = nodeOfRoot[r] { nodeOf[g] = x } else { nodeOfRoot[r] = n; nodeOf[g] = n; n += 1 }
        }
        return (nodeOf, Int(n))
    }
}
