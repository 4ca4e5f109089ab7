// Entity and event resolution across articles.
//
// Resolution is a pure function of the set of articles and the analyst overrides: records are numbered in
// article-id order, candidate links are generated from blocking keys and applied in a canonical order
// (rule strength, then record order) by a union–find that refuses unions that would break a constraint
// (Kruskal style). So the result never depends on the order in which articles were ingested.
//
// Entities: elements are records (one per article entity) and distinct normalised forms (type + key).
// A record joins the forms of its name and aliases (rules `name`/`alias`); forms join other forms by
// `acronym`, `fuzzy` and, for persons, `partialName`. Constraints: a cluster never holds two different
// records of one article, never crosses an analyst split, and a person never joins a person whose
// affiliation (member_of / spokesperson_of / leader_of) is known and disjoint. Types never mix.
//
// Events: elements are event records; `eventAttributes` (type, date ±1, place, a shared participant) and
// `eventID` (same local id and type, agreeing and not conflicting on date/place/participants). Constraints:
// one record per article, dates within one day, places equal or directly contained (located_in).

struct MergeData: Sendable {
    var rule: ResolutionRule
    var recA: Int32
    var recB: Int32
    /// Form elements involved (entity rules), or -1.
    var formA: Int32
    var formB: Int32
}

struct ResolutionResult: Sendable {
    var entityNodeOfRecord: [Int32] = []
    var entityNodeCount = 0
    var eventNodeOfRecord: [Int32] = []
    var eventNodeCount = 0
    var entityMerges: [MergeData] = []
    var eventMerges: [MergeData] = []
    /// Representative surface of each form (indexed by form number, i.e. element - entity record count).
    var formSurface: [String] = []
    /// Global record numbering: first global entity / event record of each chunk (+ total at the end).
    var entityBase: [Int32] = []
    var eventBase: [Int32] = []
}

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

struct Link {
    var rank: UInt8
    var a: Int32
    var b: Int32
    var rule: ResolutionRule
}

enum Resolver {
    /// Resolves entities and events of `chunks` (sorted by article id) under `overrides`.
    static func resolve(_ chunks: [ArticleChunk], overrides: [ResolutionOverride]) -> ResolutionResult {
        var result = ResolutionResult()
        var eb: [Int32] = [], vb: [Int32] = []
        var ne: Int32 = 0, nv: Int32 = 0
        for c in chunks {
            eb.append(ne); vb.append(nv)
            ne += Int32(c.entities.count); nv += Int32(c.events.count)
        }
        eb.append(ne); vb.append(nv)
        result.entityBase = eb
        result.eventBase = vb
        let locator = RecordLocator(chunks: chunks, entityBase: eb, eventBase: vb)
        resolveEntities(chunks, locator: locator, overrides: overrides, into: &result)
        resolveEvents(chunks, locator: locator, overrides: overrides, into: &result)
        return result
    }

    // MARK: Entities

    static func resolveEntities(_ chunks: [ArticleChunk], locator: RecordLocator, overrides: [ResolutionOverride], into result: inout ResolutionResult) {
        let recordCount = Int(result.entityBase.last ?? 0)
        var recType = [EntityType](repeating: .person, count: recordCount)
        var recArticle = [Int32](repeating: -1, count: recordCount)
        // Distinct forms: (type, key) → provisional id.
        struct FormKey: Hashable { var type: EntityType; var key: String }
        var formIndex: [FormKey: Int32] = [:]
        var formKeys: [String] = [], formTypes: [EntityType] = [], formSurfaces: [String] = [], formAcronymLike: [Bool] = []
        // Memberships: (record, provisional form, isName).
        var memberships: [(Int32, Int32, Bool)] = []
        memberships.reserveCapacity(recordCount * 2)
        for (ci, c) in chunks.enumerated() {
            let base = Int(result.entityBase[ci])
            for (li, e) in c.entities.enumerated() {
                let g = base + li
                recType[g] = e.type
                recArticle[g] = Int32(ci)
                for k in 0 ..< Int(e.surfaceCount) {
                    let si = Int(e.surfaceStart) + k
                    let key = c.strings[Int(c.surfaceKeys[si])]
                    guard !key.isEmpty else { continue }
                    let surface = c.strings[Int(c.surfaces[si])]
                    let fk = FormKey(type: e.type, key: key)
                    let f: Int32
                    if let existing = formIndex[fk] {
                        f = existing
                        if surface < formSurfaces[Int(f)] { formSurfaces[Int(f)] = surface }
                        if !formAcronymLike[Int(f)] && NameNormalizer.looksLikeAcronym(surface) { formAcronymLike[Int(f)] = true }
                    } else {
                        f = Int32(formKeys.count)
                        formIndex[fk] = f
                        formKeys.append(key); formTypes.append(e.type); formSurfaces.append(surface)
                        formAcronymLike.append(NameNormalizer.looksLikeAcronym(surface))
                    }
                    memberships.append((Int32(g), f, k == 0))
                }
            }
        }
        formIndex = [:]
        // Generic descriptions written in lower case ("security forces", "police") name different actors in
        // different conflicts: such a form joins records only when their articles share a place (same
        // normalised place name), so each group of connected articles gets its own copy of the form.
        var formGeneric = formSurfaces.map { !$0.unicodeScalars.contains { $0.properties.isUppercase } }
        if formGeneric.contains(true) {
            var placeKeys: [Int: Set<String>] = [:]
            func places(_ ci: Int) -> Set<String> {
                if let p = placeKeys[ci] { return p }
                let c = chunks[ci]
                var out = Set<String>()
                for e in c.entities where e.type == .place {
                    for k in 0 ..< Int(e.surfaceCount) { out.insert(c.strings[Int(c.surfaceKeys[Int(e.surfaceStart) + k])]) }
                }
                out.remove("")
                placeKeys[ci] = out
                return out
            }
            var byForm: [Int32: [Int]] = [:] // generic form → membership indices
            for (i, m) in memberships.enumerated() where formGeneric[Int(m.1)] { byForm[m.1, default: []].append(i) }
            for f in byForm.keys.sorted() {
                let ms = byForm[f]!
                // Components of articles connected by a shared place.
                let arts = Array(Set(ms.map { Int(recArticle[Int(memberships[$0].0)]) })).sorted()
                guard arts.count > 1 else { continue }
                var parent = Array(arts.indices)
                func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
                var firstWithPlace: [String: Int] = [:]
                for (i, a) in arts.enumerated() {
                    for p in places(a).sorted() {
                        if let j = firstWithPlace[p] { let (x, y) = (find(i), find(j)); if x != y { parent[max(x, y)] = min(x, y) } } else { firstWithPlace[p] = i }
                    }
                }
                var copyOfRoot: [Int: Int32] = [:]
                var position: [Int: Int] = [:]
                for (i, a) in arts.enumerated() { position[a] = i }
                for i in arts.indices {
                    let r = find(i)
                    guard r != 0, copyOfRoot[r] == nil else { continue }
                    // A new copy of the form for this group of articles (rank ≥ 1 keeps the first group on the original).
                    let copy = Int32(formKeys.count)
                    formKeys.append(formKeys[Int(f)] + "\u{2}\(copyOfRoot.count + 1)")
                    formTypes.append(formTypes[Int(f)]); formSurfaces.append(formSurfaces[Int(f)])
                    formAcronymLike.append(false); formGeneric.append(true)
                    copyOfRoot[r] = copy
                }
                for i in ms {
                    let a = Int(recArticle[Int(memberships[i].0)])
                    if let copy = copyOfRoot[find(position[a]!)] { memberships[i].1 = copy }
                }
            }
        }
        // Analyst splits: tags per record (2k: kept side, 2k+1: detached side of the k-th split).
        var recordTags: [Int32: [Int32]] = [:]
        do {
            var k = 0
            for o in overrides {
                guard case .split(let keep, let detach) = o else { continue }
                for r in keep where r.kind == .entity { if let x = locator.entity(r) { recordTags[x, default: []].append(Int32(2 * k)) } }
                for r in detach where r.kind == .entity { if let x = locator.entity(r) { recordTags[x, default: []].append(Int32(2 * k + 1)) } }
                k += 1
            }
        }
        // A split record joins its own copy of each of its forms (one copy per combination of split sides), so
        // each side stays connected through its forms; the plain form then joins one side (the kept side first).
        var copyLinks: [(Int32, Int32)] = []
        if !recordTags.isEmpty {
            var copies: [String: Int32] = [:]
            for i in memberships.indices {
                guard let tags = recordTags[memberships[i].0] else { continue }
                let f = memberships[i].1
                let sig = tags.sorted().map { "\($0 / 2):\($0 % 2 == 0 ? "a" : "b")" }.joined(separator: ",")
                let ck = "\(f)\u{3}\(sig)"
                let copy: Int32
                if let c = copies[ck] { copy = c } else {
                    copy = Int32(formKeys.count)
                    formKeys.append(formKeys[Int(f)] + "\u{3}" + sig)
                    formTypes.append(formTypes[Int(f)]); formSurfaces.append(formSurfaces[Int(f)])
                    formAcronymLike.append(false); formGeneric.append(true) // copies take part in no similarity rule
                    copies[ck] = copy
                    copyLinks.append((f, copy))
                }
                memberships[i].1 = copy
            }
        }
        // Canonical form order: (type, key).
        let order = formKeys.indices.sorted { (formTypes[$0], formKeys[$0]) < (formTypes[$1], formKeys[$1]) }
        var rankOf = [Int32](repeating: 0, count: formKeys.count)
        for (r, f) in order.enumerated() { rankOf[f] = Int32(r) }
        let fKeys = order.map { formKeys[$0] }, fTypes = order.map { formTypes[$0] }
        let fSurfaces = order.map { formSurfaces[$0] }, fAcronym = order.map { formAcronymLike[$0] }
        let fGeneric = order.map { formGeneric[$0] }
        // Generic forms take part in no similarity rule (no tokens).
        let fTokens = fSurfaces.indices.map { fGeneric[$0] ? [] : NameNormalizer.coreTokens(fSurfaces[$0]) }
        formKeys = []; formSurfaces = []
        let formCount = fKeys.count
        let elementCount = recordCount + formCount
        func formElement(_ f: Int) -> Int32 { Int32(recordCount + f) }

        var article = recArticle
        article.append(contentsOf: repeatElement(-1, count: formCount))
        var uf = ConstrainedUnionFind(count: elementCount, article: article, recordCount: recordCount)

        // Overrides.
        var forced: [(Int32, Int32)] = []
        var tagIndex = 0
        for o in overrides {
            switch o {
            case .merge(let a, let b):
                if a.kind == .entity, b.kind == .entity, let x = locator.entity(a), let y = locator.entity(b), recType[Int(x)] == recType[Int(y)] {
                    forced.append((x, y))
                }
            case .split:
                tagIndex += 1
            }
        }
        for (x, tags) in recordTags { uf.tags[x] = tags }
        var merges: [MergeData] = []
        // Phase 0: analyst merges. `repr` of the old roots is read before the union updates the new root.
        for (x, y) in forced {
            let ra = uf.find(x), rb = uf.find(y)
            guard ra != rb else { continue }
            let px = uf.repr[Int(ra)], py = uf.repr[Int(rb)]
            if uf.union(x, y, force: true) != nil {
                merges.append(MergeData(rule: .manual, recA: min(px, py), recB: max(px, py), formA: -1, formB: -1))
            }
        }
        // Candidate links.
        var links: [Link] = []
        links.reserveCapacity(memberships.count)
        for (g, f, isName) in memberships {
            let phase: UInt8 = recType[Int(g)] == .person ? 10 : 0
            links.append(Link(rank: phase + (isName ? 0 : 1), a: g, b: formElement(Int(rankOf[Int(f)])), rule: isName ? .name : .alias))
        }
        // The form element of each record's own name (for telling `name` from `alias` merges).
        var nameForm = [Int32](repeating: -1, count: recordCount)
        for (g, f, isName) in memberships where isName { nameForm[Int(g)] = formElement(Int(rankOf[Int(f)])) }
        memberships = []
        for (plain, copy) in copyLinks {
            let phase: UInt8 = fTypes[Int(rankOf[Int(plain)])] == .person ? 10 : 0
            links.append(Link(rank: phase + 1, a: formElement(Int(rankOf[Int(plain)])), b: formElement(Int(rankOf[Int(copy)])), rule: .alias))
        }
        // Acronyms: an acronym-like form ↔ multi-word forms of the same type whose initials spell it, when unambiguous.
        var byAcronym: [String: [Int32]] = [:]
        for f in 0 ..< formCount {
            if let a = NameNormalizer.acronym(coreTokens: fTokens[f]) { byAcronym[fTypes[f].rawValue + "\u{1}" + a, default: []].append(Int32(f)) }
        }
        for f in 0 ..< formCount where fAcronym[f] && !fGeneric[f] {
            guard let longs = byAcronym[fTypes[f].rawValue + "\u{1}" + fKeys[f]] else { continue }
            let skeletons = Set(longs.map { fTokens[Int($0)].map(NameNormalizer.skeleton).joined(separator: " ") })
            guard skeletons.count == 1 else { continue }
            let phase: UInt8 = fTypes[f] == .person ? 10 : 0
            for l in longs where Int(l) != f {
                links.append(Link(rank: phase + 2, a: formElement(min(f, Int(l))), b: formElement(max(f, Int(l))), rule: .acronym))
            }
        }
        byAcronym = [:]
        // Fuzzy: block on (type, token count, position, other tokens, variant of the differing token).
        var keys: [(UInt64, Int32)] = []
        for f in 0 ..< formCount {
            let t = fTokens[f]
            guard t.count >= 2 else { continue }
            for i in t.indices {
                let token = Array(t[i].unicodeScalars)
                guard token.count >= 4, !token.contains(where: NameNormalizer.isDigit) else { continue }
                var base = Hasher()
                base.combine(fTypes[f])
                base.combine(t.count)
                base.combine(i)
                for (j, other) in t.enumerated() where j != i { base.combine(other) }
                func emit(_ body: (inout Hasher) -> Void) {
                    var h = base
                    body(&h)
                    keys.append((UInt64(bitPattern: Int64(h.finalize())), Int32(f)))
                }
                emit { h in h.combine(0 as UInt8); for s in token { h.combine(s.value) } }
                emit { h in h.combine(1 as UInt8); h.combine(NameNormalizer.skeleton(t[i])) }
                for skip in token.indices {
                    emit { h in h.combine(0 as UInt8); for (k, s) in token.enumerated() where k != skip { h.combine(s.value) } }
                }
            }
        }
        keys.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var fuzzyPairs = Set<UInt64>()
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end].0 == keys[start].0 { end += 1 }
            if end - start > 1 {
                let group = Array(Set(keys[start ..< end].map(\.1))).sorted()
                let limit = min(group.count, 64) // a huge block is a common token pattern: compare neighbours only
                for x in 0 ..< group.count {
                    for y in (x + 1) ..< min(group.count, x + limit) {
                        let a = group[x], b = group[y]
                        fuzzyPairs.insert(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)))
                    }
                }
            }
            start = end
        }
        keys = []
        for p in fuzzyPairs {
            let a = Int(p >> 32), b = Int(p & 0xFFFF_FFFF)
            guard fTypes[a] == fTypes[b], NameNormalizer.fuzzyDifference(fTokens[a], fTokens[b]) != nil else { continue }
            let phase: UInt8 = fTypes[a] == .person ? 10 : 0
            links.append(Link(rank: phase + 3, a: formElement(a), b: formElement(b), rule: .fuzzy))
        }
        links.sort { ($0.rank, $0.a, $0.b) < ($1.rank, $1.a, $1.b) }

        func apply(_ l: Link) {
            let ra = uf.find(l.a), rb = uf.find(l.b)
            guard ra != rb else { return }
            let px = uf.repr[Int(ra)], py = uf.repr[Int(rb)]
            guard uf.union(l.a, l.b, force: false) != nil, px >= 0, py >= 0 else { return }
            let fa = l.a >= Int32(recordCount) ? l.a : l.b
            let fb = l.b >= Int32(recordCount) ? l.b : l.a
            var rule = l.rule
            if rule == .name || rule == .alias {
                // `name` only when both sides use the form as their name.
                rule = isNameForm(px, fa) && isNameForm(py, fa) ? .name : .alias
            }
            merges.append(MergeData(rule: rule, recA: min(px, py), recB: max(px, py), formA: fa, formB: fb))
        }
        func isNameForm(_ rec: Int32, _ formElement: Int32) -> Bool { nameForm[Int(rec)] == formElement }
        // Phase 1: non-person types.
        var li = 0
        while li < links.count && links[li].rank < 10 { apply(links[li]); li += 1 }
        // Phase 2: persons, with affiliation context from the resolved groups/units/organisations.
        uf.checkContext = true
        for (ci, c) in chunks.enumerated() {
            let base = result.entityBase[ci]
            for t in c.triples where !t.objectIsEvent && [.memberOf, .spokespersonOf, .leaderOf].contains(t.predicate) {
                let s = base + t.subject
                guard recType[Int(s)] == .person else { continue }
                let o = uf.find(base + t.object)
                let p = UInt64(Relation.triple(t.predicate).code)
                uf.context[uf.find(s), default: []].append(p << 32 | UInt64(UInt32(o)))
            }
        }
        while li < links.count { apply(links[li]); li += 1 }
        // Phase 3: partial person names, when the part belongs to exactly one other person cluster.
        // Span key → (cluster root → smallest multi-word form containing the span).
        var spans: [String: [Int32: Int32]] = [:]
        for f in 0 ..< formCount where fTypes[f] == .person && fTokens[f].count >= 2 {
            let t = fTokens[f]
            let root = uf.find(formElement(f))
            for i in t.indices {
                for j in i ..< t.count where !(i == 0 && j == t.count - 1) {
                    let k = t[i ... j].joined()
                    if spans[k]?[root] == nil { spans[k, default: [:]][root] = formElement(f) }
                }
            }
        }
        var partial: [Link] = []
        for f in 0 ..< formCount where fTypes[f] == .person && !fAcronym[f] && !fGeneric[f] && fKeys[f].unicodeScalars.count >= 5 {
            guard let roots = spans[fKeys[f]] else { continue }
            let own = uf.find(formElement(f))
            // Unambiguous: one cluster has the part, and it is not already the form's own cluster.
            guard roots.count == 1, let (target, long) = roots.first, target != own else { continue }
            partial.append(Link(rank: 20, a: formElement(f), b: long, rule: .partialName))
        }
        partial.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        for l in partial { apply(l) }

        // Nodes in record order.
        var nodeOfRoot: [Int32: Int32] = [:]
        var nodeOf = [Int32](repeating: 0, count: recordCount)
        var n: Int32 = 0
        for g in 0 ..< recordCount {
            let r = uf.find(Int32(g))
            if let x = nodeOfRoot[r] { nodeOf[g] = x } else { nodeOfRoot[r] = n; nodeOf[g] = n; n += 1 }
        }
        result.entityNodeOfRecord = nodeOf
        result.entityNodeCount = Int(n)
        result.entityMerges = merges
        result.formSurface = fSurfaces
    }

    // MARK: Events

    static func resolveEvents(_ chunks: [ArticleChunk], locator: RecordLocator, overrides: [ResolutionOverride], into result: inout ResolutionResult) {
        let recordCount = Int(result.eventBase.last ?? 0)
        let entityNode = result.entityNodeOfRecord
        var article = [Int32](repeating: -1, count: recordCount)
        var type = [EventType](repeating: .attack, count: recordCount)
        var date = [Int32](repeating: noDate, count: recordCount)
        var place = [Int32](repeating: -1, count: recordCount)
        var localID = [String](repeating: "", count: recordCount)
        var participants = [[Int32]](repeating: [], count: recordCount)
        var agents = [[Int32]](repeating: [], count: recordCount)
        var targets = [[Int32]](repeating: [], count: recordCount)
        var contains = Set<UInt64>() // (child node, parent node) from located_in
        for (ci, c) in chunks.enumerated() {
            let eb = Int(result.entityBase[ci]), vb = Int(result.eventBase[ci])
            for (li, e) in c.events.enumerated() {
                let g = vb + li
                article[g] = Int32(ci)
                type[g] = e.type
                date[g] = e.date
                place[g] = e.place >= 0 ? entityNode[eb + Int(e.place)] : -1
                localID[g] = c.strings[Int(e.localID)]
                let args = c.args[Int(e.argStart) ..< Int(e.argStart + e.agentCount + e.targetCount)]
                participants[g] = Array(Set(args.map { entityNode[eb + Int($0)] })).sorted()
                agents[g] = Array(Set(args.prefix(Int(e.agentCount)).map { entityNode[eb + Int($0)] })).sorted()
                targets[g] = Array(Set(args.dropFirst(Int(e.agentCount)).map { entityNode[eb + Int($0)] })).sorted()
            }
            for t in c.triples where t.predicate == .locatedIn && !t.objectIsEvent {
                let s = entityNode[eb + Int(t.subject)], o = entityNode[eb + Int(t.object)]
                contains.insert(UInt64(UInt32(s)) << 32 | UInt64(UInt32(o)))
            }
        }
        func compatible(_ a: Int32, _ b: Int32) -> Bool {
            a == b || contains.contains(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))) || contains.contains(UInt64(UInt32(b)) << 32 | UInt64(UInt32(a)))
        }
        func sharesParticipant(_ a: Int, _ b: Int) -> Bool { intersects(participants[a], participants[b]) }
        func intersects(_ x: [Int32], _ y: [Int32]) -> Bool {
            var i = 0, j = 0
            while i < x.count && j < y.count {
                if x[i] == y[j] { return true }
                if x[i] < y[j] { i += 1 } else { j += 1 }
            }
            return false
        }
        var uf = ConstrainedUnionFind(count: recordCount, article: article, recordCount: recordCount)
        uf.dateMin = date
        uf.dateMax = date
        for g in 0 ..< recordCount where place[g] >= 0 { uf.places[Int32(g)] = [place[g]] }
        uf.placeCompatible = compatible

        var merges: [MergeData] = []
        var tagIndex = 0
        var forced: [(Int32, Int32)] = []
        for o in overrides {
            switch o {
            case .merge(let a, let b):
                if a.kind == .event, b.kind == .event, let x = locator.event(a), let y = locator.event(b) { forced.append((x, y)) }
            case .split(let keep, let detach):
                defer { tagIndex += 1 }
                for r in keep where r.kind == .event { if let x = locator.event(r) { uf.tags[x, default: []].append(Int32(2 * tagIndex)) } }
                for r in detach where r.kind == .event { if let x = locator.event(r) { uf.tags[x, default: []].append(Int32(2 * tagIndex + 1)) } }
            }
        }
        for (x, y) in forced {
            let ra = uf.find(x), rb = uf.find(y)
            guard ra != rb else { continue }
            let px = uf.repr[Int(ra)], py = uf.repr[Int(rb)]
            if uf.union(x, y, force: true) != nil {
                merges.append(MergeData(rule: .manual, recA: min(px, py), recB: max(px, py), formA: -1, formB: -1))
            }
        }
        var links: [Link] = []
        func pairs(_ group: [Int32], window: Int = 64, _ body: (Int32, Int32) -> Void) {
            for x in 0 ..< group.count {
                for y in (x + 1) ..< min(group.count, x + 1 + window) { body(group[x], group[y]) }
            }
        }
        // Attributes: same type, date ±1, same place, a shared participant.
        var buckets: [UInt64: [Int32]] = [:]
        func bucketKey(_ t: EventType, _ d: Int32, _ p: Int32) -> UInt64 {
            UInt64(t.ordinal) << 56 | UInt64(UInt32(bitPattern: d)) << 24 | UInt64(UInt32(p) & 0xFF_FFFF)
        }
        for g in 0 ..< recordCount where date[g] != noDate && place[g] >= 0 {
            buckets[bucketKey(type[g], date[g], place[g]), default: []].append(Int32(g))
        }
        for g in 0 ..< recordCount where date[g] != noDate && place[g] >= 0 {
            for dd: Int32 in 0 ... 1 {
                guard let bucket = buckets[bucketKey(type[g], date[g] + dd, place[g])] else { continue }
                var seen = 0
                for h in bucket where (dd > 0 || Int(h) > g) && place[Int(h)] == place[g] && type[Int(h)] == type[g] {
                    seen += 1
                    if seen > 256 { break }
                    guard article[Int(h)] != article[g], sharesParticipant(g, Int(h)) else { continue }
                    links.append(Link(rank: 0, a: Int32(min(g, Int(h))), b: Int32(max(g, Int(h))), rule: .eventAttributes))
                }
            }
        }
        buckets = [:]
        // Event ids: the same local id and type, no conflict, and at least one agreement.
        var byID: [String: [Int32]] = [:]
        for g in 0 ..< recordCount where !localID[g].isEmpty {
            byID[type[g].rawValue + "\u{1}" + localID[g], default: []].append(Int32(g))
        }
        for (_, group) in byID where group.count > 1 {
            let sorted = group.sorted { (date[Int($0)], $0) < (date[Int($1)], $1) }
            pairs(sorted) { a, b in
                let x = Int(a), y = Int(b)
                guard article[x] != article[y] else { return }
                let datesKnown = date[x] != noDate && date[y] != noDate
                if datesKnown && abs(Int(date[x]) - Int(date[y])) > 1 { return }
                let placesKnown = place[x] >= 0 && place[y] >= 0
                if placesKnown && !compatible(place[x], place[y]) { return }
                // Agreement: the date, the place, or both an agent and a target (an id alone is not enough).
                guard datesKnown || placesKnown || (intersects(agents[x], agents[y]) && intersects(targets[x], targets[y])) else { return }
                links.append(Link(rank: 1, a: min(a, b), b: max(a, b), rule: .eventID))
            }
        }
        byID = [:]
        links.sort { ($0.rank, $0.a, $0.b) < ($1.rank, $1.a, $1.b) }
        for l in links {
            let ra = uf.find(l.a), rb = uf.find(l.b)
            guard ra != rb else { continue }
            let px = uf.repr[Int(ra)], py = uf.repr[Int(rb)]
            if uf.union(l.a, l.b, force: false) != nil {
                merges.append(MergeData(rule: l.rule, recA: min(px, py), recB: max(px, py), formA: l.a, formB: l.b))
            }
        }
        var nodeOfRoot: [Int32: Int32] = [:]
        var nodeOf = [Int32](repeating: 0, count: recordCount)
        var n: Int32 = 0
        for g in 0 ..< recordCount {
            let r = uf.find(Int32(g))
            if let x = nodeOfRoot[r] { nodeOf[g] = x } else { nodeOfRoot[r] = n; nodeOf[g] = n; n += 1 }
        }
        result.eventNodeOfRecord = nodeOf
        result.eventNodeCount = Int(n)
        result.eventMerges = merges
    }
}

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
