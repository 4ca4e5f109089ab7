import Foundation
import NewsGraphCore

/// The word index of a graph's entity names, for partial-name lookups: every key word of every entity name and
/// alias, plus `^initials` of multi-word names, and each entity's forms as key words (so that scoring a candidate
/// needs no normalisation). Built once per engine, on first use. Event ids are found by exact lookup only.
///
/// Flat arrays (offsets into one array of word numbers or node ids), not an array per word or per entity: at a
/// million facts it is a few megabytes and a few allocations.
final class NameIndex: @unchecked Sendable {
    /// Sorted distinct words.
    let words: [String]
    /// `postingNodes[postingOffsets[i] ..< postingOffsets[i + 1]]`: the entities whose names contain `words[i]`,
    /// sorted, distinct.
    private let postingOffsets: [Int32]
    private let postingNodes: [Int32]
    /// Per entity `n`: its forms `formOffsets[n] ..< formOffsets[n + 1]` (the name, then each alias); form `f`
    /// has the key words `words[formWords[k]]` for `k` in `formWordOffsets[f] ..< formWordOffsets[f + 1]`.
    private let formOffsets: [Int32]
    private let formWordOffsets: [Int32]
    private let formWords: [Int32]

    init(graph: KnowledgeGraph) {
        var number: [String: Int32] = [:]
        var unsorted: [String] = []
        func intern(_ w: String) -> Int32 {
            if let x = number[w] { return x }
            let x = Int32(unsorted.count)
            number[w] = x
            unsorted.append(w)
            return x
        }
        var pairs: [UInt64] = [] // word number << 32 | node
        var formOffsets: [Int32] = [0], formWordOffsets: [Int32] = [0], formWords: [Int32] = []
        formOffsets.reserveCapacity(graph.entityCount + 1)
        for n in 0 ..< graph.entityCount {
            if let e = graph.entity(NodeID(n)) {
                for form in [e.name] + e.aliases {
                    let key = NameText.keyWords(form)
                    for w in key {
                        let x = intern(w)
                        formWords.append(x)
                        pairs.append(UInt64(x) << 32 | UInt64(n))
                    }
                    formWordOffsets.append(Int32(formWords.count))
                    if key.count >= 2 { pairs.append(UInt64(intern("^" + String(key.compactMap(\.first)))) << 32 | UInt64(n)) }
                }
            }
            formOffsets.append(Int32(formWordOffsets.count - 1))
        }
        number = [:]
        // Number the words in sorted order.
        let order = unsorted.indices.sorted { unsorted[$0] < unsorted[$1] }
        var rank = [Int32](repeating: 0, count: unsorted.count)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        words = order.map { unsorted[$0] }
        unsorted = []
        for k in formWords.indices { formWords[k] = rank[Int(formWords[k])] }
        for k in pairs.indices { pairs[k] = UInt64(rank[Int(pairs[k] >> 32)]) << 32 | (pairs[k] & 0xFFFF_FFFF) }
        pairs.sort()
        var offsets = [Int32](repeating: 0, count: words.count + 1)
        var nodes: [Int32] = []
        nodes.reserveCapacity(pairs.count)
        var last = UInt64.max
        for p in pairs where p != last {
            // A word in both the name and an alias appears once.
            offsets[Int(p >> 32) + 1] += 1
            nodes.append(Int32(truncatingIfNeeded: p & 0xFFFF_FFFF))
            last = p
        }
        for i in 0 ..< words.count { offsets[i + 1] += offsets[i] }
        postingOffsets = offsets
        postingNodes = nodes
        self.formOffsets = formOffsets
        self.formWordOffsets = formWordOffsets
        self.formWords = formWords
    }

    /// The nodes of word `i`.
    private func posting(_ i: Int) -> ArraySlice<Int32> { postingNodes[Int(postingOffsets[i]) ..< Int(postingOffsets[i + 1])] }

    /// The key words of an entity's forms: its name first, then each alias.
    func forms(of entity: Int) -> [[String]] {
        guard entity >= 0 && entity + 1 < formOffsets.count else { return [] }
        return (Int(formOffsets[entity]) ..< Int(formOffsets[entity + 1])).map { f in
            formWords[Int(formWordOffsets[f]) ..< Int(formWordOffsets[f + 1])].map { words[Int($0)] }
        }
    }

    /// The numbers of the words equal to `w` or, when `prefixes`, starting with it: a range, as words are sorted.
    func wordRange(_ w: String, prefixes: Bool) -> Range<Int32> {
        let lo = lowerBound(w)
        var hi = lo
        if prefixes {
            while hi < words.count && words[hi].hasPrefix(w) { hi += 1 }
        } else if hi < words.count && words[hi] == w {
            hi += 1
        }
        return Int32(lo) ..< Int32(hi)
    }

    /// Whether a form (name or alias) of `entity` has a word whose number is in `range`.
    func entity(_ entity: Int, hasWordIn range: Range<Int32>) -> Bool {
        guard entity >= 0 && entity + 1 < formOffsets.count else { return false }
        let f0 = Int(formOffsets[entity]), f1 = Int(formOffsets[entity + 1])
        for k in Int(formWordOffsets[f0]) ..< Int(formWordOffsets[f1]) where range.contains(formWords[k]) { return true }
        return false
    }

    /// The nodes whose names contain the word exactly.
    func nodes(word: String) -> [Int32] {
        let i = lowerBound(word)
        return i < words.count && words[i] == word ? Array(posting(i)) : []
    }

    /// The nodes whose names contain a word starting with `prefix` (and not equal to it).
    func nodes(prefix: String) -> [Int32] {
        var i = lowerBound(prefix)
        var out: [Int32] = []
        while i < words.count && words[i].hasPrefix(prefix) {
            if words[i] != prefix { out.append(contentsOf: posting(i)) }
            i += 1
        }
        return out
    }

    private func lowerBound(_ w: String) -> Int {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid] < w { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// The killed and injured figure (the value most sources give) of every event, by event index; -1 when unknown.
struct EventFigures: Sendable {
    var killed: [Int32]
    var injured: [Int32]
    /// Each event's factuality and confidence, for `factuality` and `confidence` conditions.
    var factuality: [Factuality]
    var confidence: [Float]

    init(graph: KnowledgeGraph) {
        killed = []
        injured = []
        factuality = []
        confidence = []
        factuality.reserveCapacity(graph.eventCount)
        confidence.reserveCapacity(graph.eventCount)
        killed.reserveCapacity(graph.eventCount)
        injured.reserveCapacity(graph.eventCount)
        for n in graph.entityCount ..< graph.nodeCount {
            let e = graph.event(NodeID(n))
            killed.append(e?.killedConsensus.map(Int32.init) ?? -1)
            injured.append(e?.injuredConsensus.map(Int32.init) ?? -1)
            factuality.append(e?.factuality ?? .asserted)
            confidence.append(Float(e?.confidence ?? 0))
        }
    }
}

/// What an engine computes once from its graph, on first use (the name index and the event figures), and the
/// working memory of its walks, kept between queries (taken by one query at a time; a query that finds none
/// free makes its own).
final class EngineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var index: NameIndex?
    private var figures: EventFigures?
    private var pathSearches: [PathSearch] = []
    private var marks: [WalkMarks] = []

    func get(_ graph: KnowledgeGraph) -> NameIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let built = NameIndex(graph: graph)
        index = built
        return built
    }

    func figures(_ graph: KnowledgeGraph) -> EventFigures {
        lock.lock()
        defer { lock.unlock() }
        if let figures { return figures }
        let built = EventFigures(graph: graph)
        figures = built
        return built
    }

    /// Runs `body` with a path search's working memory (outside the lock), then keeps it for the next query.
    func withPathSearch<T>(_ body: (inout PathSearch) -> T) -> T {
        lock.lock()
        var search = pathSearches.popLast() ?? PathSearch()
        lock.unlock()
        let result = body(&search)
        lock.lock()
        pathSearches.append(search)
        lock.unlock()
        return result
    }

    /// Runs `body` with walk marks (outside the lock), then keeps them for the next query.
    func withMarks<T>(_ body: (inout WalkMarks) -> T) -> T {
        lock.lock()
        var m = marks.popLast() ?? WalkMarks()
        lock.unlock()
        let result = body(&m)
        lock.lock()
        marks.append(m)
        lock.unlock()
        return result
    }
}
