/// Attributes of a graph, node or edge: a name → value map written in sorted name order.
public struct DOTAttributes: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    public private(set) var storage: [String: DOTValue]

    public init() { storage = [:] }
    public init(dictionaryLiteral elements: (String, DOTValue)...) {
        storage = [:]
        for (k, v) in elements { storage[k] = v }
    }

    public subscript(name: String) -> DOTValue? {
        get { storage[name] }
        set { storage[name] = newValue }
    }

    public var isEmpty: Bool { storage.isEmpty }
    public var count: Int { storage.count }

    /// Adds or replaces every attribute of `other`.
    public mutating func merge(_ other: DOTAttributes) {
        for (k, v) in other.storage { storage[k] = v }
    }

    /// The attributes sorted by name (UTF-8 byte order), the order the writer uses.
    public var sorted: [(name: String, value: DOTValue)] {
        storage.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { (name: $0.key, value: $0.value) }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: DOTValue)]> { sorted.makeIterator() }
}

/// A compass point of an edge endpoint.
public enum DOTCompass: String, Sendable, Hashable, CaseIterable {
    case n, ne, e, se, s, sw, w, nw, c
    case any = "_"
}

/// One end of an edge: a node, with an optional port and compass point kept as separate fields
/// (never split out of a name: `a:b` is a node name when it is the `node`).
public struct DOTEndpoint: Hashable, Sendable, ExpressibleByStringLiteral {
    public var node: DOTID
    public var port: DOTID?
    public var compass: DOTCompass?

    public init(_ node: DOTID, port: DOTID? = nil, compass: DOTCompass? = nil) {
        self.node = node
        self.port = port
        self.compass = compass
    }

    public init(stringLiteral value: String) { self.init(DOTID(value)) }
}

/// A node statement.
public struct DOTNode: Hashable, Sendable {
    public var id: DOTID
    public var attributes: DOTAttributes

    public init(_ id: DOTID, _ attributes: DOTAttributes = [:]) {
        self.id = id
        self.attributes = attributes
    }
}

/// An edge statement. Direction belongs in the `dir` attribute; the operator follows the graph kind.
public struct DOTEdge: Hashable, Sendable {
    public var from: DOTEndpoint
    public var to: DOTEndpoint
    public var attributes: DOTAttributes

    public init(_ from: DOTEndpoint, _ to: DOTEndpoint, _ attributes: DOTAttributes = [:]) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}

/// A subgraph or cluster with its own attribute defaults and statements.
public struct DOTSubgraph: Hashable, Sendable {
    /// The name without the `cluster` prefix, which the writer adds (lowercase) for clusters.
    public var name: String?
    /// Clusters are drawn as boxes around their nodes; plain subgraphs only scope attributes (`rank=same`).
    public var isCluster: Bool
    public var graphAttributes: DOTAttributes
    public var nodeDefaults: DOTAttributes
    public var edgeDefaults: DOTAttributes
    public var statements: [DOTStatement]

    public init(name: String? = nil, isCluster: Bool = false, graphAttributes: DOTAttributes = [:],
                nodeDefaults: DOTAttributes = [:], edgeDefaults: DOTAttributes = [:], statements: [DOTStatement] = []) {
        self.name = name
        self.isCluster = isCluster
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.statements = statements
    }

    /// A cluster named `cluster_<name>`.
    public static func cluster(_ name: String, _ graphAttributes: DOTAttributes = [:], statements: [DOTStatement] = []) -> DOTSubgraph {
        DOTSubgraph(name: name, isCluster: true, graphAttributes: graphAttributes, statements: statements)
    }

    public mutating func add(_ node: DOTNode) { statements.append(.node(node)) }
    public mutating func add(_ edge: DOTEdge) { statements.append(.edge(edge)) }
    public mutating func add(_ subgraph: DOTSubgraph) { statements.append(.subgraph(subgraph)) }
}

/// A statement of a graph body, kept in insertion order (layout depends on it).
public indirect enum DOTStatement: Hashable, Sendable {
    case node(DOTNode)
    case edge(DOTEdge)
    case subgraph(DOTSubgraph)
}

/// A DOT graph: `[strict] graph|digraph [ID] { … }`.
public struct DOTGraph: Hashable, Sendable {
    /// Undirected (`--`) or directed (`->`).
    public enum Kind: String, Sendable, Hashable { case graph, digraph }

    public var kind: Kind
    public var strict: Bool
    public var id: DOTID?
    public var graphAttributes: DOTAttributes
    public var nodeDefaults: DOTAttributes
    public var edgeDefaults: DOTAttributes
    public var statements: [DOTStatement]

    public init(kind: Kind = .digraph, strict: Bool = false, id: DOTID? = nil, graphAttributes: DOTAttributes = [:],
                nodeDefaults: DOTAttributes = [:], edgeDefaults: DOTAttributes = [:], statements: [DOTStatement] = []) {
        self.kind = kind
        self.strict = strict
        self.id = id
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.statements = statements
    }

    public mutating func add(_ node: DOTNode) { statements.append(.node(node)) }
    public mutating func add(_ edge: DOTEdge) { statements.append(.edge(edge)) }
    public mutating func add(_ subgraph: DOTSubgraph) { statements.append(.subgraph(subgraph)) }

    /// The number of distinct nodes declared or used by edges anywhere in the graph.
    public var nodeCount: Int {
        var seen = Set<DOTID>()
        func visit(_ statements: [DOTStatement]) {
            for s in statements {
                switch s {
                case .node(let n): seen.insert(n.id)
                case .edge(let e): seen.insert(e.from.node); seen.insert(e.to.node)
                case .subgraph(let g): visit(g.statements)
                }
            }
        }
        visit(statements)
        return seen.count
    }

    /// The number of edge statements anywhere in the graph.
    public var edgeCount: Int {
        func count(_ statements: [DOTStatement]) -> Int {
            statements.reduce(0) { n, s in
                switch s {
                case .edge: n + 1
                case .node: n
                case .subgraph(let g): n + count(g.statements)
                }
            }
        }
        return count(statements)
    }

    /// The DOT text (see `DOTWriter`).
    public var text: String { DOTWriter().write(self) }
}
