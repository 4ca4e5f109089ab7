import NewsGraphCore

/// A small fictional two-article graph (made up for tests; no third-party text) with a causal link,
/// a claim, located_in places, membership, casualty figures and hostile characters in names.
enum Fixture {
    static let sentencesA = [
        "Fighters of the Northern Front attacked a police post in Riverton on Saturday, killing four officers.",
        "The Northern Front claimed responsibility, its spokesman Karim Zed said.",
        "Police said the attack was revenge for last week's raid on Hill Camp, in which two militants died.",
    ]
    static let sentencesB = [
        "The A&B Brigade {x} \"North\" <wing>, part of the Northern Front, attacked Riverton Police again on Sunday, killing one and injuring three.",
    ]

    static func p(_ article: String, _ sentence: Int, _ start: Int = 0, _ end: Int = 5) -> Provenance {
        Provenance(article: article, sentence: sentence, start: start, end: end)
    }

    static var articleA: ArticleGraph {
        let id = "fixture-a"
        let info = ArticleInfo(id: id, date: "2025-03-09", source: "https://example.org/news/riverton", contentHash: "a1",
                               sentences: sentencesA)
        return ArticleGraph(
            article: info,
            entities: [
                ExtractedEntity(name: "Northern Front", aliases: ["NF"], type: .group, mentions: [p(id, 0), p(id, 1)]),
                ExtractedEntity(name: "Riverton Police", type: .unit, mentions: [p(id, 2)]),
                ExtractedEntity(name: "Riverton", type: .place, mentions: [p(id, 0)]),
                ExtractedEntity(name: "Hill Camp", type: .place, mentions: [p(id, 2)]),
                ExtractedEntity(name: "police post", type: .facility, mentions: [p(id, 0)]),
                ExtractedEntity(name: "Karim Zed", type: .person, mentions: [p(id, 1)]),
            ],
            events: [
                ExtractedEvent(id: "riverton_attack", type: .attack, trigger: "attacked", agent: ["Northern Front"],
                               target: ["police post", "Riverton Police"], place: "Riverton", date: "2025-03-08", killed: 4,
                               mentions: [p(id, 0)]),
                ExtractedEvent(id: "hill_raid", type: .operation, trigger: "raid", agent: ["Riverton Police"], target: ["Northern Front"],
                               place: "Hill Camp", date: "2025-03-01", killed: 2, mentions: [p(id, 2)]),
                ExtractedEvent(id: "nf_claim", type: .claim, trigger: "claimed responsibility", agent: ["Northern Front", "Karim Zed"],
                               date: "2025-03-08", factuality: .asserted, mentions: [p(id, 1)]),
            ],
            triples: [
                ExtractedTriple(subject: "Northern Front", predicate: .claimedResponsibility, object: "riverton_attack", provenance: [p(id, 1)]),
                ExtractedTriple(subject: "Karim Zed", predicate: .spokespersonOf, object: "Northern Front", provenance: [p(id, 1)]),
                ExtractedTriple(subject: "Hill Camp", predicate: .locatedIn, object: "Riverton", provenance: [p(id, 2)]),
            ],
            causal: [
                ExtractedCausalLink(from: "riverton_attack", relation: .respondedTo, to: "hill_raid", cue: "revenge for", provenance: [p(id, 2)]),
            ],
            lexiconVersion: "test")
    }

    static var articleB: ArticleGraph {
        let id = "fixture-b"
        let info = ArticleInfo(id: id, date: "2025-03-13", source: "local file", contentHash: "b1", sentences: sentencesB)
        return ArticleGraph(
            article: info,
            entities: [
                ExtractedEntity(name: "A&B Brigade {x} \"North\" <wing>", type: .group, mentions: [p(id, 0)]),
                ExtractedEntity(name: "Northern Front", type: .group, mentions: [p(id, 0)]),
                ExtractedEntity(name: "Riverton Police", type: .unit, mentions: [p(id, 0)]),
                ExtractedEntity(name: "Riverton", type: .place, mentions: [p(id, 0)]),
            ],
            events: [
                ExtractedEvent(id: "second_attack", type: .attack, trigger: "attacked", agent: ["A&B Brigade {x} \"North\" <wing>"],
                               target: ["Riverton Police"], place: "Riverton", date: "2025-03-12", killed: 1, injured: 3,
                               factuality: .reported, mentions: [p(id, 0)]),
            ],
            triples: [
                ExtractedTriple(subject: "A&B Brigade {x} \"North\" <wing>", predicate: .partOf, object: "Northern Front", provenance: [p(id, 0)]),
            ],
            lexiconVersion: "test")
    }

    static var graph: KnowledgeGraph { KnowledgeGraph(articles: [articleA, articleB]) }
}
