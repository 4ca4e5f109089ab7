import Foundation
import NewsGraphCore

/// A small graph for the interchange tests, built from two annotations written here (made up; no
/// third-party text), with hostile names: quotes, `<`, `&`, `]]>`, `--`, line breaks (LF and CR),
/// tabs, backslashes, `|` `;` `,` (list delimiters), `%` `#` `?` (IRI characters), non-ASCII and emoji,
/// and an article id with spaces, a slash and quotes. Article B repeats A's attack with another killed
/// figure (per-source figures) and carries a denied triple.
enum InterchangeFixture {
    static let annotationA = #"""
    {
      "id": "wire 2025/03 \"a\"",
      "source": "https://example.org/a?x=1&y=<2>",
      "date": "2025-03-09",
      "entities": [
        {"name": "Brigade \"North\" <wing> & Co", "aliases": ["B&N", "BN|pipe;semi,comma\\back"], "type": "group"},
        {"name": "Line\nBreak Front\r\nWest", "type": "group"},
        {"name": "Ōrakzai Lashkar-e-Ṭayyiba 🔥", "aliases": ["ØLT"], "type": "group"},
        {"name": "Riverton]]>--<!-- Police", "type": "unit"},
        {"name": "Cité d'Ivoire", "type": "place"},
        {"name": "Tab\tCamp %20 #frag ?q=1", "type": "facility"},
        {"name": "Karim \"Zed\" O'Neil", "type": "person"},
        {"name": "C:\\path\\to\\ Ministry", "type": "organization"}
      ],
      "triples": [
        ["Karim \"Zed\" O'Neil", "spokesperson_of", "Brigade \"North\" <wing> & Co"],
        ["Brigade \"North\" <wing> & Co", "claimed_responsibility", "riverton_attack"],
        ["Tab\tCamp %20 #frag ?q=1", "located_in", "Cité d'Ivoire"],
        ["Ōrakzai Lashkar-e-Ṭayyiba 🔥", "part_of", "Brigade \"North\" <wing> & Co"],
        ["Line\nBreak Front\r\nWest", "allied_with", "Ōrakzai Lashkar-e-Ṭayyiba 🔥"],
        ["C:\\path\\to\\ Ministry", "accused", "Brigade \"North\" <wing> & Co"]
      ],
      "events": [
        {"id": "riverton_attack", "type": "attack", "trigger": "stormed", "agent": ["Brigade \"North\" <wing> & Co"],
         "target": ["Riverton]]>--<!-- Police", "Tab\tCamp %20 #frag ?q=1"], "place": "Cité d'Ivoire",
         "date": "2025-03-08", "killed": 4, "injured": 2, "cameo": "19", "acled": "Battles"},
        {"id": "hill raid \"x\" <1>", "type": "operation", "trigger": "raid", "agent": ["Riverton]]>--<!-- Police"],
         "target": ["Brigade \"North\" <wing> & Co"], "place": "Cité d'Ivoire", "date": "2025-03-01", "killed": 2},
        {"id": "claim&co", "type": "claim", "trigger": "claimed", "agent": ["Brigade \"North\" <wing> & Co", "Karim \"Zed\" O'Neil"],
         "date": "2025-03-08"}
      ],
      "causal": [
        ["riverton_attack", "responded_to", "hill raid \"x\" <1>"],
        ["claim&co", "followed", "riverton_attack"]
      ]
    }
    """#

    static let annotationB = #"""
    {
      "id": "fixture-b ünïcode",
      "date": "2025-03-13",
      "entities": [
        {"name": "Brigade \"North\" <wing> & Co", "type": "group"},
        {"name": "Riverton]]>--<!-- Police", "type": "unit"},
        {"name": "Cité d'Ivoire", "type": "place"}
      ],
      "triples": [
        ["Riverton]]>--<!-- Police", "accused", "Brigade \"North\" <wing> & Co"]
      ],
      "events": [
        {"id": "riverton_attack", "type": "attack", "trigger": "attacked", "agent": ["Brigade \"North\" <wing> & Co"],
         "target": ["Riverton]]>--<!-- Police"], "place": "Cité d'Ivoire", "date": "2025-03-08", "killed": 5,
         "factuality": "reported"}
      ],
      "causal": []
    }
    """#

    /// Sentences of article A (provenance points into them): quotes, markup, a control character, emoji.
    static let sentencesA = [
        "Fighters of the Brigade \"North\" <wing> & Co stormed a camp in Cité d'Ivoire, killing 4 — 🔥.",
        "Its spokesman Karim \"Zed\" O'Neil said:\n\"we claim it\" & more]]>",
        "Police said the raid\u{1} on the camp came first; C:\\path\\to\\ Ministry accused the group.",
    ]
    static let sentencesB = ["The police accused the Brigade, which denied it <b>strongly</b>."]

    static func provenance(_ article: String, _ sentence: Int, _ sentences: [String]) -> [Provenance] {
        [Provenance(article: article, sentence: sentence, start: 0, end: min(10, sentences[sentence].unicodeScalars.count))]
    }

    static func article(_ json: String, sentences: [String]) -> ArticleGraph {
        let annotation = try! JSONDecoder().decode(Annotation.self, from: Data(json.utf8))
        var g = try! ArticleGraph(annotation: annotation, contentHash: SHA256.hex(Array(json.utf8)))
        let id = g.article.id
        g.article.sentences = sentences
        for i in g.entities.indices { g.entities[i].mentions = provenance(id, i % sentences.count, sentences) }
        for i in g.events.indices { g.events[i].mentions = provenance(id, i % sentences.count, sentences) }
        for i in g.triples.indices { g.triples[i].provenance = provenance(id, (i + 1) % sentences.count, sentences) }
        for i in g.causal.indices {
            g.causal[i].provenance = provenance(id, 2 % sentences.count, sentences)
            g.causal[i].cue = i == 0 ? "in response to \"the raid\"" : ""
        }
        return g
    }

    static var articleA: ArticleGraph { article(annotationA, sentences: sentencesA) }

    static var articleB: ArticleGraph {
        var b = article(annotationB, sentences: sentencesB)
        b.triples[0].factuality = .denied
        return b
    }

    static var graph: KnowledgeGraph { KnowledgeGraph(articles: [articleA, articleB]) }

    /// The repository root (for `docs/` and `scripts/`).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The gold annotations of `Examples/articles` as one graph (nil when the folder is absent).
    static var examples: KnowledgeGraph? {
        let dir = repository.appendingPathComponent("Examples/articles")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return nil }
        var articles: [ArticleGraph] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: dir.appendingPathComponent(name)),
                  let a = try? JSONDecoder().decode(Annotation.self, from: data),
                  let g = try? ArticleGraph(annotation: a, contentHash: SHA256.hex([UInt8](data))) else { continue }
            articles.append(g)
        }
        return articles.isEmpty ? nil : KnowledgeGraph(articles: articles)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-interchange-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
