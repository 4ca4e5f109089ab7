import NewsGraphCore

extension NameResolver {
    /// The nodes a name designates exactly as `--format json` prints them: a node id (`n14`, this graph only)
    /// or a node key (`event:tarsa_attack:2025-03-01`, `entity:group:redvalleymovement`, stable across re-ingest).
    /// Case is ignored. Empty when the text is neither.
    func referencedNodes(_ text: String) -> [NodeID] {
        let t = text.trimmingSpaces.lowercased()
        if t.count >= 2, t.first == "n", let n = Int(t.dropFirst()), String(n) == String(t.dropFirst()), n < graph.nodeCount {
            return [NodeID(n)]
        }
        let parts = t.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return [] }
        switch parts[0] {
        case "entity":
            guard let type = EntityType(rawValue: parts[1]) else { return [] }
            return graph.nodes(ofType: type).filter { graph.key(of: $0).lowercased() == t }
        case "event":
            return graph.lookupExact(parts[1], kind: .event).filter { graph.key(of: $0).lowercased() == t }
        default:
            return []
        }
    }
}

/// A date written in an event description ("bombing at Bannu on 2025-03-19", "the attack of 2025-03"):
/// the words that are dates are taken out of the description and kept as a constraint.
struct DescriptionDate {
    /// The description without its date words (and the preposition before each).
    var text: String
    var date: PartialDate

    init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var kept: [String] = []
        var found: PartialDate?
        for w in words {
            let bare = String(w.reversed().drop(while: { ",.;:".contains($0) }).reversed())
            if found == nil, bare.count >= 4, bare.first?.isNumber == true, let d = PartialDate(bare) {
                found = d
                if let last = kept.last, ["on", "in", "of", "from", "dated"].contains(last.lowercased()) { kept.removeLast() }
            } else {
                kept.append(w)
            }
        }
        guard let found, !kept.isEmpty else { return nil }
        self.text = kept.joined(separator: " ")
        self.date = found
    }
}
