import Foundation
import NewsGraphCore

/// Resolves the names of a query to nodes and scores the candidates.
///
/// Scores (documented in `docs/query-language.md`, "Name resolution"):
/// - 100: the normalised name equals the entity's name; 95: equals an alias or an event id;
/// - 85: the initials of a multi-word name ("MLF");
/// - 60–89: every word of the query is a word of the name or of one alias, plus up to 30 for how much of it
///   the query covers ("Baru" in "Sana Baru" → 75);
/// - 40–60: every query word starts a word of the name ("Balo" → "Baloch …");
/// - 20–39: only some of the query's words are in the name (never chosen; offered as suggestions);
/// - up to 94: an event described by its type and participants ("Baru killing", "attack on the camp in Kalat"):
///   the participants' scores (70% when the role differs from the preposition's), 95% for an event at a place
///   inside the named one, 90% for an operation, attack, bombing or clash that killed the named person
///   counted as that person's killing.
/// Ties go to the node with more edges, then to the lower node id. The preferred kind of node for a form
/// (events for `response to`, entities for `attacks by`, places for `place` conditions) is ranked as if it had
/// 3 more points (the score shown is not changed).
struct NameResolver {
    let graph: KnowledgeGraph
    let index: EngineCache
    /// Containment beyond the graph's `located_in` facts (for `placesWithin`), read on first use.
    var placeSource: LazyPlaceHierarchy?

    static let acceptScore = 40
    /// Rank added to a node named by its id or key, so that it wins over any name.
    static let referenceBonus = 20
    static let violentTypes: Set<EventType> = [.attack, .bombing, .clash, .operation, .killing]

    // MARK: Entry

    /// Candidates for a name, best first (ties broken by degree then node id).
    ///
    /// With `complete: false` the list is only guaranteed to be right in what name resolution uses: its first
    /// candidate, and the candidates of 60 or more within 25 points of it. The event-description pass
    /// (`eventCandidates`, which walks the participants' edges) is then skipped when a bound on its scores shows
    /// that none of its candidates could be either (for example when the text is exactly an event id).
    func candidates(_ text: String, prefer kind: NodeKind? = nil, preferType: EntityType? = nil, complete: Bool = true) -> [ScoredNode] {
        var best: [NodeID: ScoredNode] = [:]
        func offer(_ c: ScoredNode) {
            if let old = best[c.node], old.score >= c.score || old.rank > old.score + 10 { return }
            best[c.node] = c
        }
        func ranked() -> [ScoredNode] {
            var list = Array(best.values)
            // (A referenced node keeps its bonus.)
            for i in list.indices {
                if let kind, graph.kind(of: list[i].node) == kind { list[i].rank += 3 }
                if let preferType, graph.entityType(of: list[i].node) == preferType { list[i].rank += 3 }
            }
            return sortCandidates(list)
        }
        // A node id or key, as `--format json` prints them: always first.
        for n in referencedNodes(text) {
            var c = ScoredNode(node: n, score: 100, match: text.lowercased().hasPrefix("n") && !text.contains(":") ? "node id" : "node key")
            c.rank += Self.referenceBonus
            best[n] = c
        }
        for c in nameCandidates(text) { offer(c) }
        if let descriptor = EventDescriptor(text) {
            if !complete, let first = ranked().first {
                // An event candidate scores at most `bound` and ranks at most 3 higher (events get the kind
                // bonus only). It changes nothing when it can neither overtake the first candidate nor be an
                // alternative to it; a higher score for a node already listed is covered by the same bound.
                let bound = eventScoreBound(descriptor)
                if bound + 3 < first.rank && (bound < 60 || bound < first.score - 25) { return ranked() }
            }
            for c in eventCandidates(descriptor) { offer(c) }
        }
        return ranked()
    }

    /// The highest score `eventCandidates(d)` can give: the mean over the phrases of the best participant score
    /// each phrase can have (factors are at most 1), capped as there.
    func eventScoreBound(_ d: EventDescriptor) -> Int {
        if d.phrases.isEmpty { return d.date == nil ? 30 : EventDescriptor.typeAndDateScore }
        var total = d.date == nil ? 0.0 : 100.0
        for phrase in d.phrases {
            let top = nameCandidates(phrase.text, kind: .entity).lazy.filter { $0.score >= 50 }.map(\.score).max() ?? 0
            total += Double(top)
        }
        return min(94, Int((total / Double(d.phrases.count + (d.date == nil ? 0 : 1))).rounded()))
    }

    /// Best first: by rank (score plus preference), then more edges, then lower node id.
    func sortCandidates(_ list: [ScoredNode]) -> [ScoredNode] {
        list.map { ($0, graph.degree(of: $0.node)) }
            .sorted { a, b in
                if a.0.rank != b.0.rank { return a.0.rank > b.0.rank }
                if a.1 != b.1 { return a.1 > b.1 }
                return a.0.node < b.0.node
            }
            .map(\.0)
    }

    // MARK: Suggestions

    /// The names closest to `text` (edit distance on the normalised form), for a "no match" error.
    func suggestions(_ text: String, limit: Int = 5) -> [String] {
        let key = NameNormalizer.normalize(text)
        guard !key.isEmpty else { return [] }
        let maxDistance = max(2, key.count / 3)
        var scored: [(Int, String)] = []
        var seen: Set<String> = []
        for n in 0 ..< graph.entityCount {
            guard let e = graph.entity(NodeID(n)) else { continue }
            for form in [e.name] + e.aliases {
                let f = NameNormalizer.normalize(form)
                var d = NameText.distance(key, f, limit: maxDistance + 1)
                // A query word close to a word of the name counts too ("Balochstan" ~ "Balochistan province").
                if d > maxDistance {
                    for w in f.split(separator: " ") {
                        let wd = NameText.distance(key, String(w), limit: maxDistance + 1) + 1
                        d = min(d, wd)
                    }
                }
                if d <= maxDistance, seen.insert(e.name).inserted {
                    scored.append((d, e.name))
                }
            }
        }
        for c in nameCandidates(text, weak: true) where c.score < Self.acceptScore {
            let name = graph.name(of: c.node)
            if seen.insert(name).inserted { scored.append((maxDistance + 1, name)) }
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.1)
    }
}
