import Foundation
@testable import NewsGraphCore

/// The development corpus (`../shared/corpus/dev`, outside the repository) and small hand-made articles.
enum GraphFixtures {
    static let corpusDirectory: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")

    static var corpusAvailable: Bool {
        FileManager.default.fileExists(atPath: corpusDirectory.appendingPathComponent("story-kp-1-jani-khel-operation.json").path)
    }

    static let storyIDs = [
        "story-kp-1-jani-khel-operation", "story-kp-2-tajori-attack",
        "story-kp-3-lakki-offensive", "story-kp-4-bannu-protest-live",
    ]

    /// A gold annotation file as an `ArticleGraph` (content hash of the file bytes).
    static func gold(_ id: String) throws -> ArticleGraph {
        let data = try Data(contentsOf: corpusDirectory.appendingPathComponent("\(id).json"))
        let annotation = try JSONDecoder().decode(Annotation.self, from: data)
        return try ArticleGraph(annotation: annotation, contentHash: SHA256.hex(Array(data)))
    }

    static func stories() throws -> [ArticleGraph] { try storyIDs.map(gold) }

    /// Every gold file of the corpus.
    static func allGold() throws -> [ArticleGraph] {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { try gold(String($0.dropLast(5))) }
    }

    /// A small article built in code.
    static func article(_ id: String, date: String = "2025-01-10", hash: String? = nil, entities: [ExtractedEntity],
                        events: [ExtractedEvent] = [], triples: [ExtractedTriple] = [], causal: [ExtractedCausalLink] = [],
                        sentences: [String] = []) -> ArticleGraph {
        ArticleGraph(article: ArticleInfo(id: id, date: date, contentHash: hash ?? "hash-\(id)", sentences: sentences),
                     entities: entities, events: events, triples: triples, causal: causal, lexiconVersion: "test-1")
    }

    /// Every permutation of `items`.
    static func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        var out: [[T]] = []
        for (i, x) in items.enumerated() {
            var rest = items
            rest.remove(at: i)
            for p in permutations(rest) { out.append([x] + p) }
        }
        return out
    }
}

extension KnowledgeGraph {
    /// An order-free description of the graph: nodes by sorted record sets, edges by those descriptions.
    var canonicalDescription: [String] {
        func nodeDesc(_ n: NodeID) -> String {
            "\(kind(of: n).rawValue)[\(records(of: n).map(\.description).sorted().joined(separator: "|"))]"
        }
        var lines: [String] = []
        for n in nodeIDs {
            var line = nodeDesc(n) + " name=\(name(of: n))"
            if let e = entity(n) { line += " type=\(e.type.rawValue) aliases=\(e.aliases.sorted())" }
            if let v = event(n) {
                line += " type=\(v.type.rawValue) date=\(v.date ?? "-") place=\(v.place.map { name(of: $0) } ?? "-")"
                line += " killed=\(v.killed.map { "\($0.article):\($0.value)" }) injured=\(v.injured.map { "\($0.article):\($0.value)" })"
            }
            lines.append(line)
        }
        for e in edges {
            let ev = evidence(of: e.id).map { "\(articleID(of: $0))#\($0.sentence)" }.sorted()
            lines.append("\(nodeDesc(e.source)) -\(e.relation.name)-> \(nodeDesc(e.target)) \(e.factuality.rawValue) \(ev)")
        }
        return lines.sorted()
    }
}
