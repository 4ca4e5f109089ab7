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

/// The contiguous neighbour arrays (`outTargets`, `inSources` and their relations) and the early-exit path search
/// against the edge records and the full-level search they replace.
struct NeighbourArrayTests {
    /// A denser graph than `WalkTests.graph()`: articles drawing groups, persons and places from small pools, so
    /// that nodes have many edges of several relations and there are many paths of equal length.
    static func graph(articles count: Int = 40, seed: UInt64 = 7) -> KnowledgeGraph {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let groups = ["Kestrel Front", "Mizan Brigade", "Dorval Union", "Tarsk Legion", "Ovalle Guard"]
        let persons = ["Amir Qasoo", "Belin Farrow", "Corvo Natu", "Dessa Ulm", "Emric Pold", "Fadia Rook", "Gorran Bex"]
        let places = ["Kalat", "Mirpur", "Zhob", "Turbat", "Panjgur", "Sibi", "Awaran", "Kech"]
        var out: [ArticleGraph] = []
        for i in 0 ..< count {
            let g1 = groups[next(groups.count)], g2 = groups[next(groups.count)]
            let p1 = persons[next(persons.count)], p2 = persons[next(persons.count)]
            let pl = places[next(places.count)], pl2 = places[next(places.count)]
            let day = 10 + next(18)
            var events = [
                ExtractedEvent(id: "ev_\(i)_a", type: .attack, trigger: "attacked", agent: [g1], target: [p1], place: pl, date: "2025-02-\(day)"),
                ExtractedEvent(id: "ev_\(i)_b", type: .operation, trigger: "raided", agent: [g2], target: [g1], place: pl2, date: "2025-03-\(day)"),
            ]
            if next(2) == 0 {
                events.append(ExtractedEvent(id: "ev_\(i)_c", type: .clash, trigger: "clashed", agent: [g1, g2], place: pl, date: "2025-04-\(day)"))
            }
            out.append(ArticleGraph(
                article: ArticleInfo(id: "dense-\(i)", date: "2025-05-\(10 + i % 18)", contentHash: "h-dense-\(i)"),
                entities: [
                    ExtractedEntity(name: g1, type: .group), ExtractedEntity(name: g2, type: .group),
                    ExtractedEntity(name: p1, type: .person), ExtractedEntity(name: p2, type: .person),
                    ExtractedEntity(name: pl, type: .place), ExtractedEntity(name: pl2, type: .place),
                ],
                events: events,
                triples: [
                    ExtractedTriple(subject: p1, predicate: .memberOf, object: g1),
                    ExtractedTriple(subject: p2, predicate: .memberOf, object: g2),
                    ExtractedTriple(subject: pl, predicate: .locatedIn, object: pl2),
                ],
                causal: [ExtractedCausalLink(from: "ev_\(i)_b", relation: .respondedTo, to: "ev_\(i)_a")],
                lexiconVersion: "test-1"))
        }
        return KnowledgeGraph(articles: out)
    }

    static func checkNeighbourArrays(_ g: KnowledgeGraph) {
        let d = g.d
        #expect(d.outTargets.count == d.edges.count && d.outRelations.count == d.edges.count)
        #expect(d.inSources.count == d.inEdges.count && d.inRelations.count == d.inEdges.count)
        for (i, e) in d.edges.enumerated() {
            #expect(d.outTargets[i] == e.target && d.outRelations[i] == e.relation)
        }
        for (k, i) in d.inEdges.enumerated() {
            #expect(d.inSources[k] == d.edges[Int(i)].source && d.inRelations[k] == d.edges[Int(i)].relation)
        }
    }

    @Test("The neighbour arrays equal the edge records: built, read back from a snapshot, and in a subgraph")
    func neighbourArraysMatchEdges() throws {
        for g in [WalkTests.graph(), Self.graph()] {
            #expect(g.edgeCount > 0)
            Self.checkNeighbourArrays(g)
            let back = try KnowledgeGraph(snapshot: g.snapshot())
            Self.checkNeighbourArrays(back)
            #expect(back.d.outTargets == g.d.outTargets && back.d.inSources == g.d.inSources)
            Self.checkNeighbourArrays(g.subgraph(nodes: g.nodeIDs.filter { $0.rawValue % 3 != 0 }))
        }
    }

    /// The bidirectional search as it was before the early exit: whole levels, the meeting with the smallest total
    /// (the first found on ties), over `edgeIDs(of:)` and dictionaries.
    static func referencePath(_ g: KnowledgeGraph, _ a: NodeID, _ b: NodeID, maxDepth: Int, directed: Bool,
                              relations: RelationMask) -> String {
        if a == b { return "found \(a.rawValue)" }
        var dist: [[NodeID: Int]] = [[a: 0], [b: 0]]
        var parent: [[NodeID: EdgeID]] = [[:], [:]]
        var frontiers = [[a], [b]]
        var depth = [0, 0]
        var meet: (NodeID, Int)?
        while meet == nil, !frontiers[0].isEmpty, !frontiers[1].isEmpty, depth[0] + depth[1] < maxDepth {
            let side = frontiers[0].count <= frontiers[1].count ? 0 : 1, other = 1 - side
            let d = depth[side] + 1
            let direction: EdgeDirection = !directed ? .both : side == 0 ? .outgoing : .incoming
            var next: [NodeID] = []
            for u in frontiers[side] {
                for e in g.edgeIDs(of: u, direction: direction) where relations.contains(g.relation(of: e)) {
                    let (s, _, t) = g.endpoints(of: e)
                    let v = s == u ? t : s
                    if dist[side][v] != nil { continue }
                    dist[side][v] = d
                    parent[side][v] = e
                    if let od = dist[other][v], meet == nil || d + od < meet!.1 { meet = (v, d + od) }
                    next.append(v)
                }
            }
            frontiers[side] = next
            depth[side] += 1
        }
        guard let meet else { return frontiers[0].isEmpty || frontiers[1].isEmpty ? "notConnected" : "tooLong" }
        func back(_ n: NodeID, _ side: Int) -> (NodeID, EdgeID)? {
            guard let e = parent[side][n] else { return nil }
            let (s, _, t) = g.endpoints(of: e)
            return (s == n ? t : s, e)
        }
        var steps: [(NodeID, EdgeID?)] = []
        var node = meet.0
        while let (prev, e) = back(node, 0) { steps.append((node, e)); node = prev }
        steps.append((a, nil))
        steps.reverse()
        node = meet.0
        while let (next, e) = back(node, 1) { steps.append((next, e)); node = next }
        return "found " + steps.map { "\($0.0.rawValue)/\($0.1.map { String($0.rawValue) } ?? "-")" }.joined(separator: " ")
    }

    static func describe(_ r: PathResult) -> String {
        switch r {
        case .found(let steps):
            if steps.count == 1 { return "found \(steps[0].0.rawValue)" }
            return "found " + steps.map { "\($0.0.rawValue)/\($0.1.map { String($0.rawValue) } ?? "-")" }.joined(separator: " ")
        case .notConnected: return "notConnected"
        case .tooLong: return "tooLong"
        }
    }

    @Test("shortestPath gives exactly the path of the full-level search, directed or not, over any relations")
    func shortestPathMatchesFullLevelSearch() {
        var search = PathSearch()
        let masks = [RelationMask.all, RelationMask([.role(.agent), .role(.target), .triple(.memberOf)]),
                     RelationMask([.triple(.locatedIn), .role(.place)])]
        for g in [WalkTests.graph(), Self.graph()] {
            // At most ~35 × 35 pairs per graph (debug builds run the dictionary-based reference slowly).
            let sample = Array(stride(from: 0, to: g.nodeCount, by: max(1, g.nodeCount / 35))).map(NodeID.init)
            for a in sample {
                for b in sample {
                    for directed in [false, true] {
                        for (m, mask) in masks.enumerated() {
                            for maxDepth in m == 0 && !directed ? [2, 40] : [40] {
                                let got = Self.describe(g.shortestPath(from: a, to: b, maxDepth: maxDepth, directed: directed, relations: mask, search: &search))
                                let want = Self.referencePath(g, a, b, maxDepth: maxDepth, directed: directed, relations: mask)
                                #expect(got == want, "\(a) → \(b) directed \(directed) mask \(m) depth \(maxDepth)")
                            }
                        }
                    }
                }
            }
        }
    }
}
