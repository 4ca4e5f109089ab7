// The elements of entity resolution besides records: the distinct normalised forms (type + key) of every
// entity name and alias, the records' memberships in them, and the copies of forms that keep generic
// descriptions and analyst splits apart; then the forms in canonical order, as the link rules read them.

/// Entity records and the distinct forms of their names, in provisional (first-seen) form order.
struct EntityForms {
    /// A record's use of a form: `isName` for the record's own name, otherwise an alias.
    struct Membership {
        var record: Int32
        var form: Int32
        var isName: Bool
    }

    var recordType: [EntityType]
    var recordArticle: [Int32]
    var keys: [String] = []
    var types: [EntityType] = []
    var surfaces: [String] = []
    var acronymLike: [Bool] = []
    /// Lower-case forms ("security forces", "police"), filled by `separateGenericForms`.
    var generic: [Bool] = []
    var memberships: [Membership] = []
    /// (plain form, its copy for a combination of split sides), from `copyFormsOfSplitRecords`.
    var copyLinks: [(Int32, Int32)] = []

    /// Reads the records of `chunks` (global numbering from `entityBase`) and the distinct forms of their surfaces.
    init(_ chunks: [ArticleChunk], entityBase: [Int32], recordCount: Int) {
        recordType = [EntityType](repeating: .person, count: recordCount)
        recordArticle = [Int32](repeating: -1, count: recordCount)
        // Distinct forms: (type, key) → provisional id.
        struct FormKey: Hashable { var type: EntityType; var key: String }
        var formIndex: [FormKey: Int32] = [:]
        memberships.reserveCapacity(recordCount * 2)
        for (ci, c) in chunks.enumerated() {
            let base = Int(entityBase[ci])
            for (li, e) in c.entities.enumerated() {
                let g = base + li
                recordType[g] = e.type
                recordArticle[g] = Int32(ci)
                for k in 0 ..< Int(e.surfaceCount) {
                    let si = Int(e.surfaceStart) + k
                    let key = c.strings[Int(c.surfaceKeys[si])]
                    guard !key.isEmpty else { continue }
                    let surface = c.strings[Int(c.surfaces[si])]
                    let fk = FormKey(type: e.type, key: key)
                    let f: Int32
                    if let existing = formIndex[fk] {
                        f = existing
                        if surface < surfaces[Int(f)] { surfaces[Int(f)] = surface }
                        if !acronymLike[Int(f)] && NameNormalizer.looksLikeAcronym(surface) { acronymLike[Int(f)] = true }
                    } else {
                        f = Int32(keys.count)
                        formIndex[fk] = f
                        keys.append(key); types.append(e.type); surfaces.append(surface)
                        acronymLike.append(NameNormalizer.looksLikeAcronym(surface))
                    }
                    memberships.append(Membership(record: Int32(g), form: f, isName: k == 0))
                }
            }
        }
    }

    /// Adds a copy of form `f` under a distinct key; copies take part in no similarity rule.
    private mutating func appendCopy(of f: Int32, keySuffix: String) -> Int32 {
        let copy = Int32(keys.count)
        keys.append(keys[Int(f)] + keySuffix)
        types.append(types[Int(f)]); surfaces.append(surfaces[Int(f)])
        acronymLike.append(false); generic.append(true)
        return copy
    }

    /// Generic descriptions written in lower case ("security forces", "police") name different actors in
    /// different conflicts: such a form joins records only when their articles share a place (same
    /// normalised place name), so each group of connected articles gets its own copy of the form.
    mutating func separateGenericForms(_ chunks: [ArticleChunk]) {
        generic = surfaces.map { !$0.unicodeScalars.contains { $0.properties.isUppercase } }
        guard generic.contains(true) else { return }
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
        for (i, m) in memberships.enumerated() where generic[Int(m.form)] { byForm[m.form, default: []].append(i) }
        for f in byForm.keys.sorted() {
            guard let ms = byForm[f] else { continue }
            // Components of articles connected by a shared place.
            let arts = Array(Set(ms.map { Int(recordArticle[Int(memberships[$0].record)]) })).sorted()
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
                copyOfRoot[r] = appendCopy(of: f, keySuffix: "\u{2}\(copyOfRoot.count + 1)")
            }
            for i in ms {
                let a = Int(recordArticle[Int(memberships[i].record)])
                if let p = position[a], let copy = copyOfRoot[find(p)] { memberships[i].form = copy }
            }
        }
    }

    /// A split record joins its own copy of each of its forms (one copy per combination of split sides), so
    /// each side stays connected through its forms; the plain form then joins one side (the kept side first).
    mutating func copyFormsOfSplitRecords(_ recordTags: [Int32: [Int32]]) {
        guard !recordTags.isEmpty else { return }
        var copies: [String: Int32] = [:]
        for i in memberships.indices {
            guard let tags = recordTags[memberships[i].record] else { continue }
            let f = memberships[i].form
            let sig = tags.sorted().map { "\($0 / 2):\($0 % 2 == 0 ? "a" : "b")" }.joined(separator: ",")
            let ck = "\(f)\u{3}\(sig)"
            let copy: Int32
            if let c = copies[ck] { copy = c } else {
                copy = appendCopy(of: f, keySuffix: "\u{3}" + sig)
                copies[ck] = copy
                copyLinks.append((f, copy))
            }
            memberships[i].form = copy
        }
    }
}

/// The distinct forms in canonical order (type, key): what the acronym, fuzzy and partial-name rules read.
struct CanonicalForms {
    let keys: [String]
    let types: [EntityType]
    let surfaces: [String]
    let acronymLike: [Bool]
    let generic: [Bool]
    /// Core tokens of each form; generic forms have none (they take part in no similarity rule).
    let tokens: [[String]]
    /// Canonical rank of each provisional form.
    let rankOf: [Int32]
    /// Forms are union–find elements numbered after the records.
    let recordCount: Int

    init(_ forms: EntityForms, recordCount: Int) {
        let order = forms.keys.indices.sorted { (forms.types[$0], forms.keys[$0]) < (forms.types[$1], forms.keys[$1]) }
        var rankOf = [Int32](repeating: 0, count: forms.keys.count)
        for (r, f) in order.enumerated() { rankOf[f] = Int32(r) }
        self.rankOf = rankOf
        keys = order.map { forms.keys[$0] }
        types = order.map { forms.types[$0] }
        let surfaces = order.map { forms.surfaces[$0] }, generic = order.map { forms.generic[$0] }
        self.surfaces = surfaces
        self.generic = generic
        acronymLike = order.map { forms.acronymLike[$0] }
        tokens = surfaces.indices.map { generic[$0] ? [] : NameNormalizer.coreTokens(surfaces[$0]) }
        self.recordCount = recordCount
    }

    var count: Int { keys.count }

    /// The union–find element of canonical form `f`.
    func element(_ f: Int) -> Int32 { Int32(recordCount + f) }

    /// The union–find element of provisional form `f`.
    func element(provisional f: Int32) -> Int32 { element(Int(rankOf[Int(f)])) }
}
