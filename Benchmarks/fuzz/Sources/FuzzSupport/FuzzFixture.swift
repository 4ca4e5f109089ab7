import NewsGraph

/// A small invented article graph: the graph the query target runs queries on, and the cache target's seed.
public enum FuzzFixture {
    public static let articles: [ArticleGraph] = [
        article("fz-1", "2024-11-16", place: "Zhob", group: "Tehreek Militia", target: "checkpost", killed: 2),
        article("fz-2", "2024-11-18", place: "Qila Saifullah", group: "Tehreek Militia", target: "convoy", killed: 5),
        article("fz-3", "2024-12-01", place: "Zhob", group: "Frontier Corps", target: "hideout", killed: nil),
    ]

    public static let graph = KnowledgeGraph(articles: articles)

    static func article(_ id: String, _ date: String, place: String, group: String, target: String, killed: Int?) -> ArticleGraph {
        let sentence = "\(group) attacked a \(target) in \(place)."
        func at(_ s: String) -> [Provenance] {
            guard let r = sentence.range(of: s) else { return [] }
            let start = sentence.distance(from: sentence.startIndex, to: r.lowerBound)
            return [Provenance(article: id, sentence: 0, start: start, end: start + s.count)]
        }
        return ArticleGraph(
            article: ArticleInfo(id: id, date: date, source: "fuzz", contentHash: "h-\(id)", sentences: [sentence, "Officials said so."]),
            entities: [
                ExtractedEntity(name: place, type: .place, mentions: at(place)),
                ExtractedEntity(name: group, aliases: ["gunmen"], type: .group, mentions: at(group)),
                ExtractedEntity(name: target, type: .facility, mentions: at(target)),
            ],
            events: [
                ExtractedEvent(id: "attack_1", type: .attack, trigger: "attacked", agent: [group], target: [target],
                               place: place, date: date, killed: killed, injured: nil, mentions: at("attacked")),
            ],
            triples: [ExtractedTriple(subject: group, predicate: .attacked, object: target, provenance: at(sentence))])
    }
}
