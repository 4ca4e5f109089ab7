// Entity resolution: records join the forms of their names and aliases; forms join forms by acronym, fuzzy
// spelling and (persons) partial name; applied in phases: non-person types, persons with their affiliation
// context, then partial person names.

extension Resolver {
    static func resolveEntities(_ chunks: [ArticleChunk], locator: RecordLocator, overrides: [ResolutionOverride], into result: inout ResolutionResult) {
        let recordCount = Int(result.entityBase.last ?? 0)
        var forms = EntityForms(chunks, entityBase: result.entityBase, recordCount: recordCount)
        forms.separateGenericForms(chunks)
        let recordTags = entitySplitTags(overrides, locator: locator)
        forms.copyFormsOfSplitRecords(recordTags)
        let canonical = CanonicalForms(forms, recordCount: recordCount)
        forms.keys = []; forms.surfaces = []

        var article = forms.recordArticle
        article.append(contentsOf: repeatElement(-1, count: canonical.count))
        var uf = ConstrainedUnionFind(count: recordCount + canonical.count, article: article, recordCount: recordCount)
        let forced = entityForcedMerges(overrides, locator: locator, recordType: forms.recordType)
        for (x, tags) in recordTags { uf.tags[x] = tags }
        var merges: [MergeData] = []
        // Phase 0: analyst merges.
        uf.forceMerges(forced, into: &merges)

        var links = membershipLinks(forms, canonical)
        // The form element of each record's own name (for telling `name` from `alias` merges).
        var nameForm = [Int32](repeating: -1, count: recordCount)
        for m in forms.memberships where m.isName { nameForm[Int(m.record)] = canonical.element(provisional: m.form) }
        forms.memberships = []
        appendCopyLinks(forms.copyLinks, canonical, to: &links)
        appendAcronymLinks(canonical, to: &links)
        appendFuzzyLinks(canonical, to: &links)
        links.sort { ($0.rank, $0.a, $0.b) < ($1.rank, $1.a, $1.b) }

        let merger = EntityLinkApplier(recordCount: recordCount, nameForm: nameForm)
        // Phase 1: non-person types.
        var li = 0
        while li < links.count && links[li].rank < 10 { merger.apply(links[li], &uf, &merges); li += 1 }
        // Phase 2: persons, with affiliation context from the resolved groups/units/organisations.
        addAffiliationContext(chunks, entityBase: result.entityBase, recordType: forms.recordType, to: &uf)
        while li < links.count { merger.apply(links[li], &uf, &merges); li += 1 }
        // Phase 3: partial person names, when the part belongs to exactly one other person cluster.
        for l in partialNameLinks(canonical, &uf) { merger.apply(l, &uf, &merges) }

        // Nodes in record order.
        (result.entityNodeOfRecord, result.entityNodeCount) = uf.nodeNumbers(recordCount: recordCount)
        result.entityMerges = merges
        result.formSurface = canonical.surfaces
    }

    /// Analyst splits: tags per entity record (2k: kept side, 2k+1: detached side of the k-th split).
    static func entitySplitTags(_ overrides: [ResolutionOverride], locator: RecordLocator) -> [Int32: [Int32]] {
        var recordTags: [Int32: [Int32]] = [:]
        var k = 0
        for o in overrides {
            guard case .split(let keep, let detach) = o else { continue }
            for r in keep where r.kind == .entity { if let x = locator.entity(r) { recordTags[x, default: []].append(Int32(2 * k)) } }
            for r in detach where r.kind == .entity { if let x = locator.entity(r) { recordTags[x, default: []].append(Int32(2 * k + 1)) } }
            k += 1
        }
        return recordTags
    }

    /// Analyst merges of two entity records of one type.
    static func entityForcedMerges(_ overrides: [ResolutionOverride], locator: RecordLocator, recordType: [EntityType]) -> [(Int32, Int32)] {
        var forced: [(Int32, Int32)] = []
        for o in overrides {
            guard case .merge(let a, let b) = o else { continue }
            if a.kind == .entity, b.kind == .entity, let x = locator.entity(a), let y = locator.entity(b), recordType[Int(x)] == recordType[Int(y)] {
                forced.append((x, y))
            }
        }
        return forced
    }

    /// Rules `name` and `alias`: each record ↔ the forms of its surfaces (persons ranked after other types).
    static func membershipLinks(_ forms: EntityForms, _ canonical: CanonicalForms) -> [Link] {
        var links: [Link] = []
        links.reserveCapacity(forms.memberships.count)
        for m in forms.memberships {
            let phase: UInt8 = forms.recordType[Int(m.record)] == .person ? 10 : 0
            links.append(Link(rank: phase + (m.isName ? 0 : 1), a: m.record, b: canonical.element(provisional: m.form), rule: m.isName ? .name : .alias))
        }
        return links
    }

    /// A plain form ↔ its copy for a combination of split sides (`alias`).
    static func appendCopyLinks(_ copyLinks: [(Int32, Int32)], _ canonical: CanonicalForms, to links: inout [Link]) {
        for (plain, copy) in copyLinks {
            let phase: UInt8 = canonical.types[Int(canonical.rankOf[Int(plain)])] == .person ? 10 : 0
            links.append(Link(rank: phase + 1, a: canonical.element(provisional: plain), b: canonical.element(provisional: copy), rule: .alias))
        }
    }

    /// Acronyms: an acronym-like form ↔ multi-word forms of the same type whose initials spell it, when unambiguous.
    static func appendAcronymLinks(_ forms: CanonicalForms, to links: inout [Link]) {
        var byAcronym: [String: [Int32]] = [:]
        for f in 0 ..< forms.count {
            if let a = NameNormalizer.acronym(coreTokens: forms.tokens[f]) { byAcronym[forms.types[f].rawValue + "\u{1}" + a, default: []].append(Int32(f)) }
        }
        for f in 0 ..< forms.count where forms.acronymLike[f] && !forms.generic[f] {
            guard let longs = byAcronym[forms.types[f].rawValue + "\u{1}" + forms.keys[f]] else { continue }
            let skeletons = Set(longs.map { forms.tokens[Int($0)].map(NameNormalizer.skeleton).joined(separator: " ") })
            guard skeletons.count == 1 else { continue }
            let phase: UInt8 = forms.types[f] == .person ? 10 : 0
            for l in longs where Int(l) != f {
                links.append(Link(rank: phase + 2, a: forms.element(min(f, Int(l))), b: forms.element(max(f, Int(l))), rule: .acronym))
            }
        }
    }

    /// Fuzzy: forms of one type within the normaliser's spelling difference, found by blocking on (type, token
    /// count, position, other tokens, variant of the differing token).
    static func appendFuzzyLinks(_ forms: CanonicalForms, to links: inout [Link]) {
        var keys = fuzzyBlockingKeys(forms)
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
            guard forms.types[a] == forms.types[b], NameNormalizer.fuzzyDifference(forms.tokens[a], forms.tokens[b]) != nil else { continue }
            let phase: UInt8 = forms.types[a] == .person ? 10 : 0
            links.append(Link(rank: phase + 3, a: forms.element(a), b: forms.element(b), rule: .fuzzy))
        }
    }

    /// (blocking key, form) for every token of four or more letters of every multi-word form: the token
    /// itself, its skeleton, and the token with each one letter left out.
    private static func fuzzyBlockingKeys(_ forms: CanonicalForms) -> [(UInt64, Int32)] {
        var keys: [(UInt64, Int32)] = []
        for f in 0 ..< forms.count {
            let t = forms.tokens[f]
            guard t.count >= 2 else { continue }
            for i in t.indices {
                let token = Array(t[i].unicodeScalars)
                guard token.count >= 4, !token.contains(where: NameNormalizer.isDigit) else { continue }
                var base = Hasher()
                base.combine(forms.types[f])
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
        return keys
    }

    /// Persons' affiliation context (member_of / spokesperson_of / leader_of → the object's resolved cluster),
    /// read once the non-person types are resolved; from now on a disjoint known affiliation refuses a union.
    static func addAffiliationContext(_ chunks: [ArticleChunk], entityBase: [Int32], recordType: [EntityType], to uf: inout ConstrainedUnionFind) {
        uf.checkContext = true
        for (ci, c) in chunks.enumerated() {
            let base = entityBase[ci]
            for t in c.triples where !t.objectIsEvent && [.memberOf, .spokespersonOf, .leaderOf].contains(t.predicate) {
                let s = base + t.subject
                guard recordType[Int(s)] == .person else { continue }
                let o = uf.find(base + t.object)
                let p = UInt64(Relation.triple(t.predicate).code)
                uf.context[uf.find(s), default: []].append(p << 32 | UInt64(UInt32(o)))
            }
        }
    }

    /// Partial person names: a form of five or more letters ↔ the smallest multi-word person form containing
    /// it as a span, when exactly one other cluster has such a form.
    static func partialNameLinks(_ forms: CanonicalForms, _ uf: inout ConstrainedUnionFind) -> [Link] {
        // Span key → (cluster root → smallest multi-word form containing the span).
        var spans: [String: [Int32: Int32]] = [:]
        for f in 0 ..< forms.count where forms.types[f] == .person && forms.tokens[f].count >= 2 {
            let t = forms.tokens[f]
            let root = uf.find(forms.element(f))
            for i in t.indices {
                for j in i ..< t.count where !(i == 0 && j == t.count - 1) {
                    let k = t[i ... j].joined()
                    if spans[k]?[root] == nil { spans[k, default: [:]][root] = forms.element(f) }
                }
            }
        }
        var partial: [Link] = []
        for f in 0 ..< forms.count where forms.types[f] == .person && !forms.acronymLike[f] && !forms.generic[f] && forms.keys[f].unicodeScalars.count >= 5 {
            guard let roots = spans[forms.keys[f]] else { continue }
            let own = uf.find(forms.element(f))
            // Unambiguous: one cluster has the part, and it is not already the form's own cluster.
            guard roots.count == 1, let (target, long) = roots.first, target != own else { continue }
            partial.append(Link(rank: 20, a: forms.element(f), b: long, rule: .partialName))
        }
        partial.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        return partial
    }
}

/// Applies one entity link and records the merge it makes between two clusters that hold records.
struct EntityLinkApplier {
    let recordCount: Int
    /// The form element of each record's own name, or -1.
    let nameForm: [Int32]

    func apply(_ l: Link, _ uf: inout ConstrainedUnionFind, _ merges: inout [MergeData]) {
        guard let (px, py) = uf.join(l.a, l.b, force: false), px >= 0, py >= 0 else { return }
        let fa = l.a >= Int32(recordCount) ? l.a : l.b
        let fb = l.b >= Int32(recordCount) ? l.b : l.a
        var rule = l.rule
        if rule == .name || rule == .alias {
            // `name` only when both sides use the form as their name.
            rule = nameForm[Int(px)] == fa && nameForm[Int(py)] == fa ? .name : .alias
        }
        merges.append(MergeData(rule: rule, recA: min(px, py), recB: max(px, py), formA: fa, formB: fb))
    }
}
