import NewsGraphCore

/// Text normalisation for name matching: case and diacritics folded, possessives and stop words removed.
enum NameText {
    /// Words that never identify a node on their own.
    static let stopWords: Set<String> = [
        "the", "a", "an", "of", "in", "at", "on", "to", "by", "for", "from", "near", "against", "targeting",
        "with", "and", "its", "their", "his", "her", "this", "that", "was", "were", "is", "are", "did",
    ]

    /// Prepositions that tell the role of the following words in an event description.
    static let roleHints: [String: EventRole] = [
        "of": .target, "on": .target, "against": .target, "targeting": .target, "upon": .target,
        "by": .agent, "from": .agent,
        "in": .place, "at": .place, "near": .place, "outside": .place,
    ]

    /// Event-type words (singular and plural, synonyms) and the event types they name.
    static let eventWords: [String: EventType] = {
        var m: [String: EventType] = [:]
        let table: [(EventType, [String])] = [
            (.attack, ["attack", "attacks", "assault", "assaults", "ambush", "ambushes", "storming", "raid on"]),
            (.bombing, ["bombing", "bombings", "blast", "blasts", "explosion", "explosions", "ied", "airstrike", "airstrikes",
                        "strike", "strikes", "bomb", "bombs", "drone"]),
            (.clash, ["clash", "clashes", "fighting", "gunfight", "gunfights", "firefight", "encounter"]),
            (.operation, ["operation", "operations", "raid", "raids", "offensive", "crackdown", "ibo", "ibos"]),
            (.killing, ["killing", "killings", "kill", "murder", "murders", "assassination", "assassinations", "execution", "death", "killed"]),
            (.arrest, ["arrest", "arrests", "detention", "detentions", "arrested"]),
            (.abduction, ["abduction", "abductions", "kidnapping", "kidnappings", "abducted", "kidnapped"]),
            (.claim, ["claim", "claims"]),
            (.statement, ["statement", "statements", "condemnation", "denial", "announcement"]),
            (.protest, ["protest", "protests", "rally", "rallies", "march", "sit-in", "demonstration", "demonstrations"]),
        ]
        for (type, words) in table { for w in words { m[w] = type } }
        return m
    }()

    /// The normalised words of a name (`NameNormalizer.normalizedTokens`: folded, possessive dropped,
    /// "U.S." → "us", hyphens split).
    static func words(_ s: String) -> [String] { NameNormalizer.normalizedTokens(s) }

    /// The words that identify: connectors ("of", "the", "al") and the query stop words removed
    /// (all words when nothing would be left).
    static func keyWords(_ s: String) -> [String] { keyWords(normalized: words(s)) }

    static func keyWords(normalized all: [String]) -> [String] {
        let kept = NameNormalizer.coreTokens(normalizedTokens: all).filter { !stopWords.contains($0) }
        return kept.isEmpty ? NameNormalizer.coreTokens(normalizedTokens: all) : kept
    }

    /// Levenshtein distance, for suggestions.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        NameNormalizer.editDistance(a, b, limit: limit)
    }
}
