import NewsGraph

/// How `score.py` matches names: its normalisation, its sort keys and the resolution of a name to a gold entity.
extension Scorer {
    static let stop: Set<String> = ["the", "a", "an", "of", "s", "so", "called", "so-called"]

    /// Normalises a name the way the corpus scorer does.
    public static func norm(_ s: String) -> String {
        var t = s.lowercased().replacingAll("’", with: "'")
        t = t.replacingAll("'s", with: " ", wordEndOnly: true)
        var words: [String] = []
        var cur = ""
        for u in t.unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) { cur.unicodeScalars.append(u) } else if !cur.isEmpty { words.append(cur); cur = "" }
        }
        if !cur.isEmpty { words.append(cur) }
        return words.filter { !stop.contains($0) }.joined(separator: " ")
    }

    enum Key: Hashable, Comparable {
        case entity(Int)
        case unknown(String)
        case event(Int)
        case predictedEvent(String)
        /// score.py's keys are tuples ("E", i), ("X", name), ("V", i), ("PV", id), compared as Python compares them:
        /// by tag, then by payload (numbers numerically, names by code point; "bus depot" before "bus depot in X").
        var tag: String {
            switch self {
            case .entity: "E"
            case .unknown: "X"
            case .event: "V"
            case .predictedEvent: "PV"
            }
        }

        static func < (a: Key, b: Key) -> Bool {
            if a.tag != b.tag { return a.tag.unicodeScalars.lexicographicallyPrecedes(b.tag.unicodeScalars) }
            switch (a, b) {
            case let (.entity(x), .entity(y)), let (.event(x), .event(y)): return x < y
            case let (.unknown(x), .unknown(y)), let (.predictedEvent(x), .predictedEvent(y)):
                return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
            default: return false
            }
        }
    }

    struct Resolver {
        var entities: [Annotation.Entity]
        var names: [(String, Int)] = []
        init(_ gold: Annotation) {
            entities = gold.entities
            for (i, e) in gold.entities.enumerated() {
                for n in [e.name] + e.aliases where !Scorer.norm(n).isEmpty { names.append((Scorer.norm(n), i)) }
            }
        }
        func find(_ name: String, lenient: Bool) -> Int? {
            let n = Scorer.norm(name)
            guard !n.isEmpty else { return nil }
            if let hit = names.first(where: { $0.0 == n }) { return hit.1 }
            guard lenient else { return nil }
            let words = n.split(separator: " ")
            let t = Set(words)
            var best: (Int, Int)? = nil
            for (g, i) in names {
                let gw = g.split(separator: " ")
                let gt = Set(gw)
                if !gt.isEmpty, gt.isSubset(of: t) || (t.isSubset(of: gt) && words.last == gw.last) {
                    let overlap = gt.intersection(t).count
                    if best == nil || overlap > best!.0 { best = (overlap, i) }
                }
            }
            return best?.1
        }
        func key(_ name: String, lenient: Bool) -> Key {
            find(name, lenient: lenient).map { .entity($0) } ?? .unknown(Scorer.norm(name))
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String, wordEndOnly: Bool = false) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            let after = rest[r.upperBound...].first
            if wordEndOnly, let a = after, a.isLetter || a.isNumber {
                out += rest[..<r.upperBound]
            } else {
                out += rest[..<r.lowerBound] + replacement
            }
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
            i = index(after: i)
        }
        return nil
    }
}
