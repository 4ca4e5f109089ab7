import Foundation
import Testing
@testable import NewsGraphCore

/// `forEachEdge`, `breadthFirst` and `shortestPath` against plain reference walks over `edgeIDs(of:)`.
struct WalkTests {
    /// A graph of a few dozen entities and events: a ring of places, groups attacking places, events with
    /// agents, targets and places, and causal links, so that nodes have mixed in- and out-edges.
    static func graph() -> KnowledgeGraph {
        var articles: [ArticleGraph] = []
        for i in 0 ..< 12 {
            let id = "walk-\(i)"
            let group = "Group \(i % 5) Front", place = "Town \(i % 9)", next = "Town \((i + 1) % 9)"
            articles.append(ArticleGraph(
                article: ArticleInfo(id: id, date: "2025-02-\(10 + i)", contentHash: "h-\(id)"),
                entities: [
                    ExtractedEntity(name: group, type: .group),
                    ExtractedEntity(name: place, type: .place),
                    ExtractedEntity(name: next, type: .place),
                    ExtractedEntity(name: "Commander \(i % 7)", type: .person),
                ],
                events: [
                    ExtractedEvent(id: "attack_\(i)", type: .attack, trigger: "attacked", agent: [group], target: ["Commander \(i % 7)"],
                                   place: place, date: "2025-02-\(10 + i)"),
                    ExtractedEvent(id: "raid_\(i)", type: .operation, trigger: "raided", target: [group], place: next),
                ],
                triples: [
                    ExtractedTriple(subject: place, predicate: .locatedIn, object: next),
                    ExtractedTriple(subject: "Commander \(i % 7)", predicate: .memberOf, object: group),
                ],
                causal: [ExtractedCausalLink(from: "raid_\(i)", relation: .respondedTo, to: "attack_\(i)")],
                lexiconVersion: "test-1"))
        }
        // An isolated pair, unreachable from the rest.
        articles.append(ArticleGraph(
            article: ArticleInfo(id: "island", date: "2025-03-01", contentHash: "h-island"),
            entities: [ExtractedEntity(name: "Lone Group", type: .group), ExtractedEntity(name: "Far Island", type: .place)],
            triples: [ExtractedTriple(subject: "Lone Group", predicate: .attacked, object: "Far Island")],
            lexiconVersion: "test-1"))
        return KnowledgeGraph(articles: articles)
    }

    /// Undirected BFS distances from `a` over `edgeIDs(of:)` (the reference).
    static func distances(_ g: KnowledgeGraph, from a: NodeID, relations: Set<Relation>? = nil) -> [NodeID: Int] {
        var dist: [NodeID: Int] = [a: 0]
        var frontier = [a]
        while !frontier.isEmpty {
            var next: [NodeID] = []
            for u in frontier {
                for id in g.edgeIDs(of: u) {
                    let (s, r, t) = g.endpoints(of: id)
                    if let relations, !relations.contains(r) { continue }
                    let v = s == u ? t : s
                    if dist[v] == nil { dist[v] = dist[u]! + 1; next.append(v) }
                }
            }
            frontier = next
        }
        return dist
    }

    @Test("forEachEdge gives the edges of edgeIDs(of:) in the same order, with the node at the other end")
    func forEachEdgeMatchesEdgeIDs() {
        let g = Self.graph()
        let roles = RelationMask([.role(.agent), .role(.target)])
        for n in g.nodeIDs {
            for direction in EdgeDirection.allCases {
                var seen: [EdgeID] = []
                g.forEachEdge(of: n, direction: direction) { e, other in
                    seen.append(e)
                    let (s, _, t) = g.endpoints(of: e)
                    #expect(other == (s == n ? t : s))
                }
                #expect(seen == g.edgeIDs(of: n, direction: direction))
                var filtered: [EdgeID] = []
                g.forEachEdge(of: n, in: roles, direction: direction) { e, _ in filtered.append(e) }
                #expect(filtered == g.edgeIDs(of: n, direction: direction).filter { roles.contains(g.relation(of: $0)) })
            }
        }
    }

    @Test("breadthFirst reaches each node once, at its distance, by an edge from the level before, with reused marks")
    func breadthFirstMatchesReference() {
        let g = Self.graph()
        var marks = WalkMarks()
        // The same marks across many walks (the engine reuses them from query to query).
        for _ in 0 ..< 3 {
            for start in g.nodeIDs {
                let reference = Self.distances(g, from: start)
                for depth in [1, 2, 5] {
                    var reached: [NodeID: Int] = [:]
                    g.breadthFirst(from: start, depth: depth, marks: &marks) { v, level, e in
                        #expect(reached[v] == nil)
                        reached[v] = level
                        let (s, _, t) = g.endpoints(of: e)
                        let from = s == v ? t : s
                        #expect(from == start ? level == 1 : reached[from] == level - 1)
                    }
                    let expected = reference.filter { $0.value > 0 && $0.value <= depth }
                    #expect(reached == expected)
                }
            }
        }
    }

    @Test("shortestPath finds a shortest path of consecutive edges, says when there is none or it is too long")
    func shortestPathMatchesReference() throws {
        let g = Self.graph()
        var search = PathSearch()
        let island = try #require(g.lookupExact("Far Island").first)
        for a in g.nodeIDs {
            let reference = Self.distances(g, from: a)
            for b in g.nodeIDs {
                switch g.shortestPath(from: a, to: b, maxDepth: 40, search: &search) {
                case .found(let steps):
                    #expect(steps.count - 1 == reference[b])
                    #expect(steps.first?.0 == a && steps.first?.1 == nil && steps.last?.0 == b)
                    for (prev, step) in zip(steps, steps.dropFirst()) {
                        let (s, _, t) = g.endpoints(of: try #require(step.1))
                        #expect(Set([s, t]) == Set([prev.0, step.0]))
                    }
                case .notConnected:
                    #expect(reference[b] == nil)
                case .tooLong:
                    Issue.record("depth 40 is enough in this graph")
                }
                if let d = reference[b], d >= 2 {
                    guard case .tooLong = g.shortestPath(from: a, to: b, maxDepth: d - 1, search: &search) else {
                        Issue.record("a path of \(d) edges is found with maxDepth \(d - 1)")
                        continue
                    }
                }
            }
        }
        let town = try #require(g.lookupExact("Town 1").first)
        guard case .notConnected = g.shortestPath(from: town, to: island, maxDepth: 40, search: &search) else {
            Issue.record("the island is not connected to the towns")
            return
        }
    }

    @Test("A directed shortest path follows edges from source to target only")
    func directedShortestPath() throws {
        let g = Self.graph()
        var search = PathSearch()
        let group = try #require(g.lookupExact("Group 1 Front").first)
        let commander = try #require(g.lookupExact("Commander 1").first)
        // Commander 1 → member_of → Group 1 Front: one edge that way, none back.
        guard case .found(let steps) = g.shortestPath(from: commander, to: group, maxDepth: 5, directed: true, search: &search) else {
            Issue.record("no directed path from the commander to the group")
            return
        }
        #expect(steps.map(\.0) == [commander, group])
        let relations = RelationMask([.triple(.memberOf)])
        guard case .notConnected = g.shortestPath(from: group, to: commander, maxDepth: 5, directed: true, relations: relations, search: &search) else {
            Issue.record("member_of leads from the commander to the group only")
            return
        }
    }
}
