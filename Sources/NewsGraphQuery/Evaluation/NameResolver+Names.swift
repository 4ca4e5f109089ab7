import Foundation
import NewsGraphCore

/// Candidates by the words of entity names and aliases (exact, initials, word and prefix matches).
extension NameResolver {
    /// Candidates by name or alias: exact normalised match, initials, then words.
    /// The pool is found by checking the forms of the rarest word's entities when its posting list is
    /// `rareWordFactor` times shorter than the next one (nil: always by intersecting the lists; tests compare).
    func nameCandidates(_ text: String, kind: NodeKind? = nil, weak: Bool = false, rareWordFactor: Int? = 8) -> [ScoredNode] {
        let key = NameNormalizer.key(text)
        var out: [ScoredNode] = []
        for n in graph.lookupExact(text, kind: kind) {
            if graph.isEntity(n) {
                let isName = NameNormalizer.key(graph.name(of: n)) == key
                out.append(ScoredNode(node: n, score: isName ? 100 : 95, match: isName ? "name" : "alias"))
            } else {
                out.append(ScoredNode(node: n, score: 95, match: "event id"))
            }
        }
        // Partial matches are still collected after an exact one: they are the alternatives shown to the user.
        let query = NameText.keyWords(text)
        guard !query.isEmpty else { return [] }
        let index = self.index.get(graph)
        if query.count == 1, query[0].count >= 2 {
            let exact = Set(out.map(\.node.rawValue))
            for n in index.nodes(word: "^" + query[0]) where (kind == nil || graph.kind(of: NodeID(rawValue: n)) == kind)
                && !exact.contains(n) {
                out.append(ScoredNode(node: NodeID(rawValue: n), score: 85, match: "initials"))
            }
        }
        // Every query word must be a word (or start a word) of the name for a usable score, so the pool is the
        // intersection of the words' posting lists, smallest first. Weak matches (some words) come from the
        // union, and only for suggestions.
        var lists: [(word: String, nodes: [Int32])] = query.map { w in
            let exact = index.nodes(word: w)
            return (w, w.count >= 3 ? exact + index.nodes(prefix: w) : exact)
        }
        lists.sort { $0.nodes.count < $1.nodes.count }
        var pool: Set<Int32>
        if weak {
            pool = []
            for l in lists where pool.count < 5000 { pool.formUnion(l.nodes.prefix(5000)) }
        } else if let factor = rareWordFactor, lists.count > 1, lists[0].nodes.count * factor < lists[1].nodes.count, !query.contains(where: { $0.hasPrefix("^") }) {
            // A rare word and common ones ("Baadaan Baijul"): rather than hashing the long posting lists, keep the
            // rare word's entities whose forms have each other word (exactly, or as a prefix from 3 letters on),
            // which is what being in that word's posting list means.
            pool = []
            let ranges = lists.dropFirst().map { index.wordRange($0.word, prefixes: $0.word.count >= 3) }
            for n in lists[0].nodes where ranges.allSatisfy({ index.entity(Int(n), hasWordIn: $0) }) { pool.insert(n) }
        } else {
            pool = Set(lists.first?.nodes ?? [])
            for l in lists.dropFirst() where !pool.isEmpty { pool.formIntersection(l.nodes) }
        }
        var done = Set(out.map(\.node))
        for n in pool.sorted() {
            let node = NodeID(rawValue: n)
            if let kind, graph.kind(of: node) != kind { continue }
            if !done.contains(node), let s = wordScore(query, forms(of: node)) {
                out.append(ScoredNode(node: node, score: s.score, match: s.match))
                done.insert(node)
            }
        }
        return out
    }

    /// The names of a node that a query can match: entity name and aliases, or the event's id.
    func forms(of node: NodeID) -> [(words: [String], isName: Bool)] {
        if graph.isEntity(node) {
            return index.get(graph).forms(of: node.index).enumerated().map { ($0.element, $0.offset == 0) }
        }
        return [(NameText.keyWords(graph.name(of: node)), false)]
    }

    /// The best word score of a query against a node's forms.
    func wordScore(_ query: [String], _ forms: [(words: [String], isName: Bool)]) -> (score: Int, match: String)? {
        var best: (score: Int, match: String)?
        for form in forms where !form.words.isEmpty {
            var exact = 0, prefix = 0
            for q in query {
                if form.words.contains(q) { exact += 1; prefix += 1 }
                else if q.count >= 3, form.words.contains(where: { $0.hasPrefix(q) }) { prefix += 1 }
            }
            var s: (Int, String)?
            if exact == query.count {
                let distinct = form.words.count == 1 ? 1 : Set(form.words).count
                let coverage = Double(min(distinct, Set(query).count)) / Double(distinct)
                s = (min(89, 60 + Int((30 * coverage).rounded())), form.isName ? "partial name" : "partial alias")
            } else if prefix == query.count {
                let coverage = Double(query.count) / Double(max(form.words.count, query.count))
                s = (40 + Int((20 * coverage).rounded()), "name prefix")
            } else if prefix * 2 >= query.count, prefix > 0 {
                s = (20 + Int((19 * Double(prefix) / Double(query.count)).rounded()), "some words")
            }
            if let s, best == nil || s.0 > best!.score { best = s }
        }
        return best
    }
}
