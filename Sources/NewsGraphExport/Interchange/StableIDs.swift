import NewsGraphCore

/// Node and edge ids that survive re-ingest, for exports that other tools load incrementally (neo4j CSV,
/// the events CSV): derived from what a node is, never from its position in the graph.
///
/// - A node's id is its key (`KnowledgeGraph.key(of:)`: `entity:group:balochliberationarmy`,
///   `event:kalat_attack:2024-11-16`). When several nodes share a key (an analyst's split, two events with the
///   same local id and date), each gets `@` and the article of its first record (`…@kalat-2024-11-16`), then
///   that record's local name; both are stable as long as the same articles are in the store.
/// - An edge's id is `r` and 16 hex digits of the SHA-256 of `<source id> <relation> <target id>`.
struct StableIDs: Sendable {
    /// By `NodeID.index`.
    private(set) var nodes: [String]

    init(_ graph: KnowledgeGraph) {
        let keys = graph.nodeIDs.map { graph.key(of: $0) }
        var count: [String: Int] = [:]
        for k in keys { count[k, default: 0] += 1 }
        var ids = keys
        var used = Set(keys.filter { count[$0] == 1 })
        for n in graph.nodeIDs where count[keys[n.index], default: 0] > 1 {
            let first = graph.records(of: n).first
            var id = keys[n.index] + "@" + (first?.article ?? "")
            if used.contains(id) { id += "/" + (first?.key ?? "") }
            var k = 2
            let base = id
            while used.contains(id) {
                id = base + "#\(k)"
                k += 1
            }
            used.insert(id)
            ids[n.index] = id
        }
        nodes = ids
    }

    func node(_ n: NodeID) -> String { nodes[n.index] }

    /// The id of an edge between two stable node ids.
    static func edge(source: String, relation: String, target: String) -> String {
        "r" + SHA256.hex(Array("\(source) \(relation) \(target)".utf8)).prefix(16)
    }
}
