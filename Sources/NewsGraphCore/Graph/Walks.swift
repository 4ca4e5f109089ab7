// Walking the graph without allocating per node: edge iteration over the adjacency arrays, and a reusable
// bidirectional breadth-first search with generation-stamped marks (starting a search costs nothing, however
// large the graph).

/// A set of relations, as a bit mask over `Relation.code`: filtering an edge by it costs one bit test.
public struct RelationMask: Sendable, Hashable {
    var bits: UInt64

    /// Every relation.
    public static let all = RelationMask(bits: ~0)

    /// The given relations; an empty sequence gives `all` when `emptyMeansAll` (the query language's convention).
    public init(_ relations: some Sequence<Relation>, emptyMeansAll: Bool = false) {
        var b: UInt64 = 0
        for r in relations { b |= 1 << UInt64(r.code & 63) }
        bits = b == 0 && emptyMeansAll ? ~0 : b
    }

    init(bits: UInt64) { self.bits = bits }

    /// Whether the relation is in the set.
    public func contains(_ r: Relation) -> Bool { contains(code: r.code) }

    @inline(__always) func contains(code: UInt8) -> Bool { bits & (1 << UInt64(code & 63)) != 0 }
}

extension KnowledgeGraph {
    /// Calls `body` with each edge of `node` (of the relations in `relations`) and the node at its other end, in
    /// the order of `edgeIDs(of:relation:direction:)`: outgoing edges by (relation, target), then incoming ones
    /// by (relation, source). Builds no array, so it is the way to walk large neighbourhoods.
    public func forEachEdge(of node: NodeID, in relations: RelationMask = .all, direction: EdgeDirection = .both,
                            _ body: (EdgeID, NodeID) throws -> Void) rethrows {
        let n = node.index
        guard n >= 0 && n < nodeCount else { return }
        let all = relations.bits == ~0
        try d.edges.withUnsafeBufferPointer { edges in
            if direction != .incoming {
                for i in Int(d.outOffsets[n]) ..< Int(d.outOffsets[n + 1]) {
                    let e = edges[i]
                    if all || relations.contains(code: e.relation) { try body(EdgeID(i), NodeID(rawValue: e.target)) }
                }
            }
            if direction != .outgoing {
                try d.inEdges.withUnsafeBufferPointer { inEdges in
                    for k in Int(d.inOffsets[n]) ..< Int(d.inOffsets[n + 1]) {
                        let i = Int(inEdges[k])
                        let e = edges[i]
                        if all || relations.contains(code: e.relation) { try body(EdgeID(i), NodeID(rawValue: e.source)) }
                    }
                }
            }
        }
    }

    /// The relation of an edge, without building the `Edge`.
    public func relation(of id: EdgeID) -> Relation {
        Relation(code: d.edges[id.index].relation) ?? .triple(.attacked)
    }

    /// Breadth-first walk from `start` up to `depth` edges (in the given direction, over `relations`): calls
    /// `visit` once per node reached (not the start) with its depth and the edge it was first reached by, level
    /// by level, in edge order. `marks` is reused working memory (see `WalkMarks`).
    public func breadthFirst(from start: NodeID, depth: Int, relations: RelationMask = .all, direction: EdgeDirection = .both,
                             marks: inout WalkMarks, _ visit: (NodeID, Int, EdgeID) -> Void) {
        guard start.index >= 0 && start.index < nodeCount, depth > 0 else { return }
        marks.begin(nodeCount: nodeCount, depth: 0)
        marks.mark(start, 0, parent: -1)
        var frontier = [start]
        var next: [NodeID] = []
        var level = 0
        while !frontier.isEmpty && level < depth {
            level += 1
            next.removeAll(keepingCapacity: true)
            for u in frontier {
                forEachEdge(of: u, in: relations, direction: direction) { e, v in
                    guard !marks.isMarked(v) else { return }
                    marks.mark(v, 0, parent: e.rawValue)
                    next.append(v)
                    visit(v, level, e)
                }
            }
            swap(&frontier, &next)
        }
    }

    /// The shortest path from `a` to `b` of at most `maxDepth` edges, by bidirectional breadth-first search: each
    /// side expands whole levels, the smaller frontier first (the `a` side on ties); the first level where the
    /// sides meet gives the path, through the meeting node found first in edge order among the shortest.
    /// `directed`: from `a` follow outgoing edges, from `b` incoming ones; otherwise both. Each step is a node
    /// and the edge that leads to it (nil for `a`). `search` is reused working memory.
    public func shortestPath(from a: NodeID, to b: NodeID, maxDepth: Int, directed: Bool = false,
                             relations: RelationMask = .all, search: inout PathSearch) -> PathResult {
        let n = nodeCount
        guard a.index >= 0 && a.index < n && b.index >= 0 && b.index < n else { return .notConnected }
        if a == b { return .found([(a, nil)]) }
        search.begin(nodeCount: n, maxDepth: maxDepth)
        search.sides[0].mark(a, 0, parent: -1)
        search.sides[1].mark(b, 0, parent: -1)
        search.frontiers[0].removeAll(keepingCapacity: true)
        search.frontiers[1].removeAll(keepingCapacity: true)
        search.frontiers[0].append(a)
        search.frontiers[1].append(b)
        var depth = [0, 0]
        var meet: (node: NodeID, total: Int)?
        while meet == nil, !search.frontiers[0].isEmpty, !search.frontiers[1].isEmpty, depth[0] + depth[1] < maxDepth {
            let side = search.frontiers[0].count <= search.frontiers[1].count ? 0 : 1
            let other = 1 - side
            let d = depth[side] + 1
            let direction: EdgeDirection = !directed ? .both : side == 0 ? .outgoing : .incoming
            search.next.removeAll(keepingCapacity: true)
            for u in search.frontiers[side] {
                forEachEdge(of: u, in: relations, direction: direction) { e, v in
                    guard !search.sides[side].isMarked(v) else { return }
                    search.sides[side].mark(v, d, parent: e.rawValue)
                    if let od = search.sides[other].depth(v), meet == nil || d + od < meet!.total { meet = (v, d + od) }
                    search.next.append(v)
                }
            }
            swap(&search.frontiers[side], &search.next)
            depth[side] += 1
        }
        guard let meet else {
            return search.frontiers[0].isEmpty || search.frontiers[1].isEmpty ? .notConnected : .tooLong
        }
        func back(_ node: NodeID, _ side: Int) -> (NodeID, EdgeID)? {
            let e = search.sides[side].parent(node)
            guard e >= 0 else { return nil }
            let x = d.edges[Int(e)]
            return (x.source == node.rawValue ? NodeID(rawValue: x.target) : NodeID(rawValue: x.source), EdgeID(rawValue: e))
        }
        // The `a` half (walked back from the meeting node, then reversed), then the `b` half.
        var steps: [(NodeID, EdgeID?)] = []
        var node = meet.node
        while let (prev, e) = back(node, 0) { steps.append((node, e)); node = prev }
        steps.append((a, nil))
        steps.reverse()
        node = meet.node
        while let (next, e) = back(node, 1) { steps.append((next, e)); node = next }
        return .found(steps)
    }
}

/// What `shortestPath` found.
public enum PathResult: Sendable {
    /// The path: each node with the edge that leads to it (nil for the first).
    case found([(NodeID, EdgeID?)])
    /// The search ran out of nodes: no path (over these relations, in that direction).
    case notConnected
    /// No path of at most `maxDepth` edges.
    case tooLong
}

/// Per-node marks for repeated walks over graphs of one size: a mark is a stamp of the current walk plus the
/// node's depth, so starting a walk costs nothing (no array to clear) and the arrays are allocated once, on
/// first use. Keep one per engine or loop and pass it to each walk.
public struct WalkMarks: Sendable {
    /// `stamp[n] - base` is the node's depth in the current walk when `stamp[n] >= base`.
    private var stamp: [UInt32] = []
    private var parents: [Int32] = []
    private var base: UInt32 = 1
    private var span: UInt32 = 1

    public init() {}

    /// Starts a walk of at most `depth` levels over `nodeCount` nodes.
    mutating func begin(nodeCount: Int, depth: Int) {
        let needed = UInt32(clamping: max(depth, 0) + 1)
        if stamp.count != nodeCount {
            stamp = [UInt32](repeating: 0, count: nodeCount)
            parents = [Int32](repeating: -1, count: nodeCount)
            base = 1
        } else {
            base = base &+ span
            if base < span || UInt32.max - base < needed {
                // Wrapped: clear once, start again.
                for i in stamp.indices { stamp[i] = 0 }
                base = 1
            }
        }
        span = needed
    }

    @inline(__always) func isMarked(_ n: NodeID) -> Bool { stamp[n.index] >= base }

    @inline(__always) func depth(_ n: NodeID) -> Int? {
        let s = stamp[n.index]
        return s >= base ? Int(s - base) : nil
    }

    @inline(__always) func parent(_ n: NodeID) -> Int32 { stamp[n.index] >= base ? parents[n.index] : -1 }

    @inline(__always) mutating func mark(_ n: NodeID, _ depth: Int, parent: Int32) {
        stamp[n.index] = base &+ UInt32(truncatingIfNeeded: depth)
        parents[n.index] = parent
    }
}

/// The reusable working memory of `KnowledgeGraph.shortestPath`: marks for both sides and the frontiers.
public struct PathSearch: Sendable {
    var sides = [WalkMarks(), WalkMarks()]
    var frontiers: [[NodeID]] = [[], []]
    var next: [NodeID] = []

    public init() {}

    mutating func begin(nodeCount: Int, maxDepth: Int) {
        sides[0].begin(nodeCount: nodeCount, depth: maxDepth)
        sides[1].begin(nodeCount: nodeCount, depth: maxDepth)
    }
}
