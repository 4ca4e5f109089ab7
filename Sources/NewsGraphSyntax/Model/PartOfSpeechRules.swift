/// The universal parts of speech as spaCy's attribute ruler sets them after tagging and parsing: rules of
/// one or two tokens over the tag, the lower-cased text, the dependency label and whitespace, applied in
/// order so that a later match wins ("were" tagged VBD and labelled auxpass → AUX; "that" tagged IN and
/// labelled mark → SCONJ; "which" tagged WDT and not a determiner → PRON).
public struct PartOfSpeechRules: Sendable, Decodable {
    /// A condition on one attribute: the value is in `in`, not in `notIn`, or (whitespace) equals `is`.
    struct Condition: Sendable, Decodable {
        var `in`: [String]?
        var notIn: [String]?
        var `is`: Bool?

        func holds(_ value: String) -> Bool {
            if let allowed = `in`, !allowed.contains(value) { return false }
            if let excluded = notIn, excluded.contains(value) { return false }
            return true
        }
    }

    struct TokenPattern: Sendable, Decodable {
        var TAG: Condition?
        var LOWER: Condition?
        var DEP: Condition?
        var IS_SPACE: Condition?
    }

    struct Rule: Sendable, Decodable {
        var tokens: [TokenPattern]
        var index: Int
        var pos: String
    }

    let rules: [Rule]
    /// For a tag, the rules (in order) whose first token can have it; rules without a tag condition on
    /// their first token are in every list, and in `anyTag` for tags no rule names.
    private let byFirstTag: [String: [Int]]
    private let anyTag: [Int]

    public init(from decoder: Decoder) throws {
        let rules = try decoder.singleValueContainer().decode([Rule].self)
        var tags = Set<String>()
        for r in rules { tags.formUnion(r.tokens.first?.TAG?.in ?? []) }
        func applies(_ r: Rule, _ tag: String?) -> Bool {
            guard let c = r.tokens.first?.TAG else { return true }
            guard let tag else { return c.in == nil }
            return c.holds(tag)
        }
        var byFirstTag: [String: [Int]] = [:]
        for tag in tags { byFirstTag[tag] = rules.indices.filter { applies(rules[$0], tag) } }
        self.byFirstTag = byFirstTag
        anyTag = rules.indices.filter { applies(rules[$0], nil) }
        self.rules = rules
    }

    /// The universal part of speech of each token, from its tag, text, label and whitespace flag.
    func apply(tags: [String], texts: [String], labels: [String], isSpace: [Bool]) -> [String] {
        let n = tags.count
        var pos = [String](repeating: "X", count: n)
        let lowers = texts.map { $0.lowercased() }
        func matches(_ p: TokenPattern, _ i: Int) -> Bool {
            if let c = p.TAG, !c.holds(tags[i]) { return false }
            if let c = p.LOWER, !c.holds(lowers[i]) { return false }
            if let c = p.DEP, !c.holds(labels[i]) { return false }
            if let c = p.IS_SPACE, let want = c.is, want != isSpace[i] { return false }
            return true
        }
        // A rule's match sets the token at `start + index`; rules run in order, so a later match wins.
        // Matches are found start by start (only the rules that can start at that tag) and applied in rule order.
        var matched: [(rule: Int, target: Int)] = []
        for start in 0..<n {
            for r in byFirstTag[tags[start]] ?? anyTag {
                let rule = rules[r]
                guard !rule.tokens.isEmpty, start + rule.tokens.count <= n else { continue }
                var ok = true
                for (k, p) in rule.tokens.enumerated() where !matches(p, start + k) { ok = false; break }
                let target = start + rule.index
                if ok, target >= 0, target < n { matched.append((r, target)) }
            }
        }
        matched.sort { $0.rule < $1.rule }
        for m in matched { pos[m.target] = rules[m.rule].pos }
        return pos
    }
}
