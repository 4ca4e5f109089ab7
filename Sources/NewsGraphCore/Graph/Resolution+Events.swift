// Event resolution: event records join by `eventAttributes` (type, date ±1, place, a shared participant) and
// `eventID` (same local id and type, agreeing and not conflicting on date/place/participants), after the
// analyst's merges, under the constraints of one record per article, dates within one day and compatible places.

/// What event resolution reads of each event record (global numbering), with entities as resolved nodes.
struct EventRecords {
    var article: [Int32]
    var type: [EventType]
    var date: [Int32]
    var place: [Int32]
    var localID: [String]
    var participants: [[Int32]]
    var agents: [[Int32]]
    var targets: [[Int32]]
    /// (child node, parent node) from located_in.
    var contains = Set<UInt64>()

    init(_ chunks: [ArticleChunk], entityBase: [Int32], eventBase: [Int32], entityNode: [Int32]) {
        let recordCount = Int(eventBase.last ?? 0)
        article = [Int32](repeating: -1, count: recordCount)
        type = [EventType](repeating: .attack, count: recordCount)
        date = [Int32](repeating: noDate, count: recordCount)
        place = [Int32](repeating: -1, count: recordCount)
        localID = [String](repeating: "", count: recordCount)
        participants = [[Int32]](repeating: [], count: recordCount)
        agents = [[Int32]](repeating: [], count: recordCount)
        targets = [[Int32]](repeating: [], count: recordCount)
        for (ci, c) in chunks.enumerated() {
            let eb = Int(entityBase[ci]), vb = Int(eventBase[ci])
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
    }

    var count: Int { article.count }

    /// Places equal or directly contained one in the other (located_in).
    func compatible(_ a: Int32, _ b: Int32) -> Bool {
        a == b || contains.contains(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))) || contains.contains(UInt64(UInt32(b)) << 32 | UInt64(UInt32(a)))
    }

    func sharesParticipant(_ a: Int, _ b: Int) -> Bool { Self.intersects(participants[a], participants[b]) }

    /// Whether two sorted lists share an element.
    static func intersects(_ x: [Int32], _ y: [Int32]) -> Bool {
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { return true }
            if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return false
    }
}

extension Resolver {
    static func resolveEvents(_ chunks: [ArticleChunk], locator: RecordLocator, overrides: [ResolutionOverride], into result: inout ResolutionResult) {
        let records = EventRecords(chunks, entityBase: result.entityBase, eventBase: result.eventBase, entityNode: result.entityNodeOfRecord)
        let recordCount = records.count
        var uf = ConstrainedUnionFind(count: recordCount, article: records.article, recordCount: recordCount)
        uf.dateMin = records.date
        uf.dateMax = records.date
        for g in 0 ..< recordCount where records.place[g] >= 0 { uf.places[Int32(g)] = [records.place[g]] }
        uf.placeCompatible = records.compatible

        var merges: [MergeData] = []
        let forced = applyEventOverrides(overrides, locator: locator, to: &uf)
        uf.forceMerges(forced, into: &merges)
        var links = eventAttributeLinks(records)
        appendEventIDLinks(records, to: &links)
        links.sort { ($0.rank, $0.a, $0.b) < ($1.rank, $1.a, $1.b) }
        for l in links {
            guard let (px, py) = uf.join(l.a, l.b, force: false) else { continue }
            merges.append(MergeData(rule: l.rule, recA: min(px, py), recB: max(px, py), formA: l.a, formB: l.b))
        }
        (result.eventNodeOfRecord, result.eventNodeCount) = uf.nodeNumbers(recordCount: recordCount)
        result.eventMerges = merges
    }

    /// Tags the analyst's split event records on `uf` (2k: kept side, 2k+1: detached side of the k-th split)
    /// and returns the analyst's merges of two event records.
    static func applyEventOverrides(_ overrides: [ResolutionOverride], locator: RecordLocator, to uf: inout ConstrainedUnionFind) -> [(Int32, Int32)] {
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
        return forced
    }

    /// Attributes: same type, date ±1, same place, a shared participant, in different articles.
    static func eventAttributeLinks(_ r: EventRecords) -> [Link] {
        var links: [Link] = []
        var buckets: [UInt64: [Int32]] = [:]
        func bucketKey(_ t: EventType, _ d: Int32, _ p: Int32) -> UInt64 {
            UInt64(t.ordinal) << 56 | UInt64(UInt32(bitPattern: d)) << 24 | UInt64(UInt32(p) & 0xFF_FFFF)
        }
        for g in 0 ..< r.count where r.date[g] != noDate && r.place[g] >= 0 {
            buckets[bucketKey(r.type[g], r.date[g], r.place[g]), default: []].append(Int32(g))
        }
        for g in 0 ..< r.count where r.date[g] != noDate && r.place[g] >= 0 {
            for dd: Int32 in 0 ... 1 {
                guard let bucket = buckets[bucketKey(r.type[g], r.date[g] + dd, r.place[g])] else { continue }
                var seen = 0
                for h in bucket where (dd > 0 || Int(h) > g) && r.place[Int(h)] == r.place[g] && r.type[Int(h)] == r.type[g] {
                    seen += 1
                    if seen > 256 { break }
                    guard r.article[Int(h)] != r.article[g], r.sharesParticipant(g, Int(h)) else { continue }
                    links.append(Link(rank: 0, a: Int32(min(g, Int(h))), b: Int32(max(g, Int(h))), rule: .eventAttributes))
                }
            }
        }
        return links
    }

    /// Event ids: the same local id and type, no conflict, and at least one agreement.
    static func appendEventIDLinks(_ r: EventRecords, to links: inout [Link]) {
        var byID: [String: [Int32]] = [:]
        for g in 0 ..< r.count where !r.localID[g].isEmpty {
            byID[r.type[g].rawValue + "\u{1}" + r.localID[g], default: []].append(Int32(g))
        }
        for (_, group) in byID where group.count > 1 {
            let sorted = group.sorted { (r.date[Int($0)], $0) < (r.date[Int($1)], $1) }
            let window = 64
            for i in 0 ..< sorted.count {
                for j in (i + 1) ..< min(sorted.count, i + 1 + window) {
                    let a = sorted[i], b = sorted[j], x = Int(a), y = Int(b)
                    guard r.article[x] != r.article[y] else { continue }
                    let datesKnown = r.date[x] != noDate && r.date[y] != noDate
                    if datesKnown && abs(Int(r.date[x]) - Int(r.date[y])) > 1 { continue }
                    let placesKnown = r.place[x] >= 0 && r.place[y] >= 0
                    if placesKnown && !r.compatible(r.place[x], r.place[y]) { continue }
                    // Agreement: the date, the place, or both an agent and a target (an id alone is not enough).
                    guard datesKnown || placesKnown
                        || (EventRecords.intersects(r.agents[x], r.agents[y]) && EventRecords.intersects(r.targets[x], r.targets[y])) else { continue }
                    links.append(Link(rank: 1, a: min(a, b), b: max(a, b), rule: .eventID))
                }
            }
        }
    }
}
