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

/// Unsafe views of the adjacency arrays (`Derived.outTargets` and co.), valid inside `Derived.withNeighbours`.
struct NeighbourView {
    let outOffsets: UnsafeBufferPointer<Int32>
    let outTargets: UnsafeBufferPointer<Int32>
    let outRelations: UnsafeBufferPointer<UInt8>
    let inOffsets: UnsafeBufferPointer<Int32>
    let inEdges: UnsafeBufferPointer<Int32>
    let inSources: UnsafeBufferPointer<Int32>
    let inRelations: UnsafeBufferPointer<UInt8>

    /// Calls `body(edge, other end)` for each edge of node `n`: outgoing edges in `edges` order, then incoming
    /// ones in `inEdges` order (the order of `edgeIDs(of:)`).
    @inline(__always)
    func forEach(_ n: Int, _ relations: RelationMask, _ direction: EdgeDirection, _ body: (Int32, Int32) throws -> Void) rethrows {
        let all = relations.bits == ~0
        if direction != .incoming {
            for i in Int(outOffsets[n]) ..< Int(outOffsets[n + 1]) where all || relations.contains(code: outRelations[i]) {
                try body(Int32(truncatingIfNeeded: i), outTargets[i])
            }
        }
        if direction != .outgoing {
            for k in Int(inOffsets[n]) ..< Int(inOffsets[n + 1]) where all || relations.contains(code: inRelations[k]) {
                try body(inEdges[k], inSources[k])
            }
        }
    }
}

extension Derived {
    /// Runs `body` with unsafe views of the adjacency arrays (bounds were checked when they were built or read).
    func withNeighbours<R>(_ body: (NeighbourView) throws -> R) rethrows -> R {
        try outOffsets.withUnsafeBufferPointer { outOffsets in
            try outTargets.withUnsafeBufferPointer { outTargets in
                try outRelations.withUnsafeBufferPointer { outRelations in
                    try inOffsets.withUnsafeBufferPointer { inOffsets in
                        try inEdges.withUnsafeBufferPointer { inEdges in
                            try inSources.withUnsafeBufferPointer { inSources in
                                try inRelations.withUnsafeBufferPointer { inRelations in
                                    try body(NeighbourView(outOffsets: outOffsets, outTargets: outTargets, outRelations: outRelations,
                                                           inOffsets: inOffsets, inEdges: inEdges, inSources: inSources,
                                                           inRelations: inRelations))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension KnowledgeGraph {
    /// Calls `body` with each edge of `node` (of the relations in `relations`) and the node at its other end, in
    /// the order of `edgeIDs(of:relation:direction:)`: outgoing edges by (relation, target), then incoming ones
    /// by (relation, source). Builds no array, so it is the way to walk large neighbourhoods.
    public func forEachEdge(of node: NodeID, in relations: RelationMask = .all, direction: EdgeDirection = .both,
                            _ body: (EdgeID, NodeID) throws -> Void) rethrows {
        let n = node.index
        guard n >= 0 && n < nodeCount else { return }
        try d.withNeighbours { adj in
            try adj.forEach(n, relations, direction) { e, v in try body(EdgeID(rawValue: e), NodeID(rawValue: v)) }
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
        var frontier = [start]
        var next: [NodeID] = []
        // Only "reached" is recorded (one stamp per node): the walk hands each node's edge to `visit`, so it keeps
        // no parents.
        marks.withStamps { stamp, base in
            d.withNeighbours { adj in
                stamp[start.index] = base
                var level = 0
                while !frontier.isEmpty && level < depth {
                    level += 1
                    next.removeAll(keepingCapacity: true)
                    for u in frontier {
                        adj.forEach(u.index, relations, direction) { e, v in
                            guard stamp[Int(v)] < base else { return }
                            stamp[Int(v)] = base
                            next.append(NodeID(rawValue: v))
                            visit(NodeID(rawValue: v), level, EdgeID(rawValue: e))
                        }
                    }
                    swap(&frontier, &next)
                }
            }
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
        // The working memory moves into locals for the walk (no copy: the search keeps no other reference).
        var m0 = WalkMarks(), m1 = WalkMarks()
        swap(&m0, &search.sides[0]); swap(&m1, &search.sides[1])
        var f0: [NodeID] = [], f1: [NodeID] = [], next: [NodeID] = []
        swap(&f0, &search.frontiers[0]); swap(&f1, &search.frontiers[1]); swap(&next, &search.next)
        defer {
            swap(&m0, &search.sides[0]); swap(&m1, &search.sides[1])
            swap(&f0, &search.frontiers[0]); swap(&f1, &search.frontiers[1]); swap(&next, &search.next)
        }
        f0.removeAll(keepingCapacity: true); f0.append(a)
        f1.removeAll(keepingCapacity: true); f1.append(b)
        var meet: NodeID?
        m0.withRaw { s0, p0, b0 in
            m1.withRaw { s1, p1, b1 in
                d.withNeighbours { adj in
                    s0[a.index] = b0; p0[a.index] = -1
                    s1[b.index] = b1; p1[b.index] = -1
                    var depth0 = 0, depth1 = 0
                    /// Expands one side's frontier by a level; stops at the first node the other side has reached. When
                    /// the sides first meet, every meeting node of that level is at the other side's frontier depth (a
                    /// node the other side reached earlier would have met this side a level before), so the first one
                    /// found in edge order is the one the whole level would choose.
                    func expand(_ frontier: inout [NodeID], _ stamp: UnsafeMutableBufferPointer<UInt32>, _ parents: UnsafeMutableBufferPointer<Int32>,
                                _ base: UInt32, _ level: Int, _ otherStamp: UnsafeMutableBufferPointer<UInt32>, _ otherBase: UInt32,
                                _ direction: EdgeDirection) {
                        next.removeAll(keepingCapacity: true)
                        let mark = base &+ UInt32(truncatingIfNeeded: level)
                        let all = relations.bits == ~0
                        for u in frontier {
                            let un = u.index
                            if direction != .incoming {
                                for i in Int(adj.outOffsets[un]) ..< Int(adj.outOffsets[un + 1]) where all || relations.contains(code: adj.outRelations[i]) {
                                    let v = Int(adj.outTargets[i])
                                    guard stamp[v] < base else { continue }
                                    stamp[v] = mark
                                    parents[v] = Int32(truncatingIfNeeded: i)
                                    if otherStamp[v] >= otherBase { meet = NodeID(v); return }
                                    next.append(NodeID(v))
                                }
                            }
                            if direction != .outgoing {
                                for k in Int(adj.inOffsets[un]) ..< Int(adj.inOffsets[un + 1]) where all || relations.contains(code: adj.inRelations[k]) {
                                    let v = Int(adj.inSources[k])
                                    guard stamp[v] < base else { continue }
                                    stamp[v] = mark
                                    parents[v] = adj.inEdges[k]
                                    if otherStamp[v] >= otherBase { meet = NodeID(v); return }
                                    next.append(NodeID(v))
                                }
                            }
                        }
                        swap(&frontier, &next)
                    }
                    while meet == nil, !f0.isEmpty, !f1.isEmpty, depth0 + depth1 < maxDepth {
                        if f0.count <= f1.count {
                            depth0 += 1
                            expand(&f0, s0, p0, b0, depth0, s1, b1, directed ? .outgoing : .both)
                        } else {
                            depth1 += 1
                            expand(&f1, s1, p1, b1, depth1, s0, b0, directed ? .incoming : .both)
                        }
                    }
                }
            }
        }
        guard let meet else {
            return f0.isEmpty || f1.isEmpty ? .notConnected : .tooLong
        }
        return .found(pathSteps(from: a, meeting: meet, m0, m1))
    }

    /// The steps of a bidirectional search's path through `meet`: the `a` half (walked back from the meeting
    /// node with the `a` side's marks `m0`, then reversed), then the `b` half (with the `b` side's marks `m1`).
    private func pathSteps(from a: NodeID, meeting meet: NodeID, _ m0: WalkMarks, _ m1: WalkMarks) -> [(NodeID, EdgeID?)] {
        func back(_ node: NodeID, _ marks: WalkMarks) -> (NodeID, EdgeID)? {
            let e = marks.parent(node)
            guard e >= 0 else { return nil }
            let x = d.edges[Int(e)]
            return (x.source == node.rawValue ? NodeID(rawValue: x.target) : NodeID(rawValue: x.source), EdgeID(rawValue: e))
        }
        var steps: [(NodeID, EdgeID?)] = []
        var node = meet
        while let (prev, e) = back(node, m0) { steps.append((node, e)); node = prev }
        steps.append((a, nil))
        steps.reverse()
        node = meet
        while let (next, e) = back(node, m1) { steps.append((next, e)); node = next }
        return steps
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

    /// The stamps and the current walk's base (a node is reached when `stamp[n] >= base`; the parents are not
    /// touched, so `parent(_:)` is meaningless after a walk marked through this).
    mutating func withStamps<R>(_ body: (UnsafeMutableBufferPointer<UInt32>, UInt32) throws -> R) rethrows -> R {
        let base = base
        return try stamp.withUnsafeMutableBufferPointer { try body($0, base) }
    }

    /// The stamps, the parents and the current walk's base (`mark(_:_:parent:)` is `stamp[n] = base + depth;
    /// parents[n] = parent`).
    mutating func withRaw<R>(_ body: (UnsafeMutableBufferPointer<UInt32>, UnsafeMutableBufferPointer<Int32>, UInt32) throws -> R) rethrows -> R {
        let base = base
        return try stamp.withUnsafeMutableBufferPointer { s in try parents.withUnsafeMutableBufferPointer { p in try body(s, p, base) } }
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
