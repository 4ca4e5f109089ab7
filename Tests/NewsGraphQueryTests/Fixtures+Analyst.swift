import Foundation
import NewsGraphCore
@testable import NewsGraphQuery

/// A third invented article for the analyst forms (issue 13): two Guard bombings with one label on two dates
/// (one reported, low confidence), a Movement claim of the second, and an event at Mirabad, a village the graph
/// does not place anywhere (the `PlaceHierarchy` of the tests puts it in Zerin Province).
extension Fixtures {
    static let followUpSentences = [
        "The National Guard bombed Red Valley Movement hideouts near Tarsa on 8 March, killing four fighters.",
        "A second bombing of the Movement near Tarsa was reported on 19 March; residents said two people died.",
        "=HYPERLINK(\"x\") was painted on a wall in Mirabad, where gunmen of the Movement attacked a checkpoint, killing three.",
        "The Movement claimed the Mirabad attack.",
    ]

    static let followUpJSON = """
    {
      "id": "tarsa-2025-03-20",
      "date": "2025-03-20",
      "entities": [
        {"name": "Red Valley Movement", "aliases": ["RVM"], "type": "group"},
        {"name": "National Guard", "aliases": [], "type": "unit"},
        {"name": "Tarsa", "aliases": [], "type": "place"},
        {"name": "Mirabad", "aliases": [], "type": "place"},
        {"name": "Mirabad checkpoint", "aliases": [], "type": "facility"}
      ],
      "triples": [
        ["Red Valley Movement", "claimed_responsibility", "mirabad_attack"]
      ],
      "events": [
        {"id": "tarsa_bombing", "type": "bombing", "trigger": "bombed",
         "agent": ["National Guard"], "target": ["Red Valley Movement"], "place": "Tarsa", "date": "2025-03-08",
         "killed": 4, "factuality": "asserted", "confidence": 0.9,
         "mentions": [{"article": "tarsa-2025-03-20", "sentence": 0, "start": 19, "end": 25}]},
        {"id": "second_tarsa_bombing", "type": "bombing", "trigger": "bombing",
         "agent": ["National Guard"], "target": ["Red Valley Movement"], "place": "Tarsa", "date": "2025-03-19",
         "killed": 2, "factuality": "reported", "confidence": 0.5,
         "mentions": [{"article": "tarsa-2025-03-20", "sentence": 1, "start": 9, "end": 16}]},
        {"id": "mirabad_attack", "type": "attack", "trigger": "attacked",
         "agent": ["Red Valley Movement"], "target": ["Mirabad checkpoint"], "place": "Mirabad", "date": "2025-03-15",
         "killed": 3, "confidence": 0.8,
         "mentions": [{"article": "tarsa-2025-03-20", "sentence": 2, "start": 90, "end": 98}]}
      ]
    }
    """

    /// The two base articles and the follow-up.
    static func analystGraph() throws -> KnowledgeGraph {
        KnowledgeGraph(articles: [
            try article(raidJSON, sentences: raidSentences, triples: raidTripleSentences, causal: raidCausalSentences),
            try article(arrestJSON, sentences: arrestSentences),
            try article(followUpJSON, sentences: followUpSentences, triples: [3]),
        ])
    }

    /// Mirabad lies in Zerin Province, as a lexicon's PARENT field would say.
    static var places: PlaceHierarchy {
        var p = PlaceHierarchy()
        p.add("Mirabad", in: "Zerin")
        return p
    }

    static func analystEngine(places: PlaceHierarchy = Fixtures.places) throws -> QueryEngine {
        QueryEngine(graph: try analystGraph(), places: places)
    }
}
