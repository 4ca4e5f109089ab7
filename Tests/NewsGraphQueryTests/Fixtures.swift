import Foundation
import NewsGraphCore
@testable import NewsGraphQuery

/// Two small invented articles (our own wording): a security raid kills a commander, her group storms an outpost
/// in response and claims it, the guard strikes back; a second article reports an arrest and two namesakes.
enum Fixtures {
    static let raidSentences = [
        "Fighters of the Red Valley Movement stormed a hill outpost of the National Guard in Upper Tarsa on Saturday, killing five soldiers and wounding eleven.",
        "The Red Valley Movement said the assault avenged the killing of its commander Nadia Qamar.",
        "Qamar died last month when National Guard troops raided a compound in Bakar district.",
        "Nine people were killed in that raid.",
        "RVM spokesman Samir Dost claimed responsibility for the Tarsa attack in a message to reporters.",
        "On Monday the National Guard struck RVM positions near Tarsa in retaliation, a military statement said.",
        "Upper Tarsa lies in Tarsa, a town in Zerin Province of Norland.",
    ]

    static let raidJSON = """
    {
      "id": "tarsa-2025-03-02",
      "date": "2025-03-02",
      "entities": [
        {"name": "Red Valley Movement", "aliases": ["RVM"], "type": "group",
         "mentions": [{"article": "tarsa-2025-03-02", "sentence": 0, "start": 13, "end": 32}]},
        {"name": "National Guard", "aliases": [], "type": "unit"},
        {"name": "Nadia Qamar", "aliases": ["Qamar"], "type": "person",
         "mentions": [{"article": "tarsa-2025-03-02", "sentence": 1, "start": 240, "end": 251}]},
        {"name": "Samir Dost", "aliases": [], "type": "person"},
        {"name": "hill outpost in Upper Tarsa", "aliases": ["hill outpost"], "type": "facility"},
        {"name": "Upper Tarsa", "aliases": [], "type": "place"},
        {"name": "Tarsa", "aliases": [], "type": "place"},
        {"name": "Bakar", "aliases": ["Bakar district"], "type": "place"},
        {"name": "Zerin Province", "aliases": ["Zerin"], "type": "place"},
        {"name": "Norland", "aliases": [], "type": "place"}
      ],
      "triples": [
        ["Red Valley Movement", "attacked", "hill outpost in Upper Tarsa"],
        ["Red Valley Movement", "attacked", "National Guard"],
        ["Red Valley Movement", "claimed_responsibility", "tarsa_attack"],
        ["Samir Dost", "spokesperson_of", "Red Valley Movement"],
        ["National Guard", "killed", "Nadia Qamar"],
        ["Nadia Qamar", "member_of", "Red Valley Movement"],
        ["hill outpost in Upper Tarsa", "located_in", "Upper Tarsa"],
        ["Upper Tarsa", "located_in", "Tarsa"],
        ["Tarsa", "located_in", "Zerin Province"],
        ["Zerin Province", "located_in", "Norland"]
      ],
      "events": [
        {"id": "tarsa_attack", "type": "attack", "trigger": "stormed",
         "agent": ["Red Valley Movement"], "target": ["National Guard", "hill outpost in Upper Tarsa"],
         "place": "Upper Tarsa", "date": "2025-03-01", "killed": 5, "injured": 11,
         "mentions": [{"article": "tarsa-2025-03-02", "sentence": 0, "start": 33, "end": 40},
                      {"article": "tarsa-2025-03-02", "sentence": 4, "start": 500, "end": 512}]},
        {"id": "bakar_raid", "type": "operation", "trigger": "raided",
         "agent": ["National Guard"], "target": ["Nadia Qamar"], "place": "Bakar", "date": null, "killed": 9,
         "mentions": [{"article": "tarsa-2025-03-02", "sentence": 2, "start": 300, "end": 306},
                      {"article": "tarsa-2025-03-02", "sentence": 3, "start": 380, "end": 384}]},
        {"id": "rvm_claim", "type": "claim", "trigger": "claimed responsibility",
         "agent": ["Red Valley Movement", "Samir Dost"], "target": [],
         "mentions": [{"article": "tarsa-2025-03-02", "sentence": 4, "start": 450, "end": 472}]},
        {"id": "guard_strike", "type": "bombing", "trigger": "struck",
         "agent": ["National Guard"], "target": ["Red Valley Movement"], "place": "Tarsa", "date": "2025-03-03",
         "mentions": [{"article": "tarsa-2025-03-02", "sentence": 5, "start": 600, "end": 606}]}
      ],
      "causal": [
        ["tarsa_attack", "responded_to", "bakar_raid"],
        ["guard_strike", "responded_to", "tarsa_attack"]
      ]
    }
    """

    static let arrestSentences = [
        "Police in Zerin Province arrested Omar Qamar, a relative of the slain commander, on Wednesday.",
        "Officials said Khalid Rind and Aziz Rind were also questioned.",
    ]

    static let arrestJSON = """
    {
      "id": "zerin-2025-03-06",
      "date": "2025-03-06",
      "entities": [
        {"name": "Zerin Province", "aliases": ["Zerin"], "type": "place"},
        {"name": "Zerin Police", "aliases": ["Police"], "type": "unit"},
        {"name": "Omar Qamar", "aliases": [], "type": "person"},
        {"name": "Khalid Rind", "aliases": [], "type": "person"},
        {"name": "Aziz Rind", "aliases": [], "type": "person"}
      ],
      "events": [
        {"id": "qamar_arrest", "type": "arrest", "trigger": "arrested",
         "agent": ["Zerin Police"], "target": ["Omar Qamar"], "place": "Zerin Province", "date": "2025-03-05",
         "mentions": [{"article": "zerin-2025-03-06", "sentence": 0, "start": 25, "end": 33}]}
      ]
    }
    """

    /// Sentence index of each triple / causal link of the raid article, in annotation order.
    static let raidTripleSentences = [0, 0, 4, 4, 2, 1, 0, 6, 6, 6]
    static let raidCausalSentences = [1, 5]

    static func article(_ json: String, sentences: [String], triples: [Int] = [], causal: [Int] = []) throws -> ArticleGraph {
        let annotation = try JSONDecoder().decode(Annotation.self, from: Data(json.utf8))
        var graph = try ArticleGraph(annotation: annotation, contentHash: String(json.hashValue))
        graph.article.sentences = sentences
        for (i, s) in triples.enumerated() where i < graph.triples.count {
            graph.triples[i].provenance = [Provenance(article: annotation.id, sentence: s, start: 0, end: 1)]
        }
        for (i, s) in causal.enumerated() where i < graph.causal.count {
            graph.causal[i].provenance = [Provenance(article: annotation.id, sentence: s, start: 0, end: 1)]
        }
        return graph
    }

    static func graph() throws -> KnowledgeGraph {
        KnowledgeGraph(articles: [
            try article(raidJSON, sentences: raidSentences, triples: raidTripleSentences, causal: raidCausalSentences),
            try article(arrestJSON, sentences: arrestSentences),
        ])
    }

    static func engine() throws -> QueryEngine { QueryEngine(graph: try graph()) }
}

/// The error of parsing `query`, or nil when it parses.
func parseError(_ query: String) -> QueryError? {
    do {
        _ = try QueryParser.parse(query)
        return nil
    } catch {
        return error
    }
}
