/// The merged knowledge graph of many articles: resolved entities and events as nodes, triples, event
/// roles and causal links as edges, every node and edge with its evidence (article, sentence, span,
/// confidence, factuality; the article's lexicon version).
///
/// ## Layout
/// Nodes are dense `NodeID`s: entities `0 ..< entityCount`, then events `entityCount ..< nodeCount`.
/// Node attributes, evidence, edges and indexes are arrays of structs and offset arrays (CSR): no
/// per-node dictionaries or objects, so a million facts fit in a few hundred megabytes and open fast.
///
/// ## Building
/// `ingest(_:)` adds `ArticleGraph`s (extractor output, or `ArticleGraph(annotation:contentHash:)`).
/// Resolution (see `ResolutionRule`) then merges entities and events across articles. The result is a
/// function of the *set* of articles and the analyst `overrides`: ingest order never matters, ingesting
/// the same article (same id, content hash and lexicon version) again changes nothing, and
/// `remove(article:)` retracts exactly what that article supported. Every mutation re-resolves the
/// graph, so batch ingests (`ingest([ArticleGraph])`) rather than adding one article at a time.
///
/// ## Reading
/// `entity(_:)`, `event(_:)`, `edges(of:relation:direction:)`, `neighbours(of:relation:direction:)`,
/// `edges(from:to:)`, `lookup(_:)`, `nodes(ofType:)`, `events(from:through:)`, `evidence(of:)`,
/// `sentence(of:)`, `explanation(of:)`, `subgraph(nodes:)`.
public struct KnowledgeGraph: Sendable {
    /// The source records, one chunk per article, sorted by article id.
    var chunks: [ArticleChunk] = []
    /// Analyst corrections, in the order they were made.
    public internal(set) var overrides: [ResolutionOverride] = []
    var res = ResolutionResult()
    var d = Derived()
    /// True for a `subgraph(nodes:)`: nodes are a subset, record numbering is the parent's.
    public internal(set) var isSubgraph = false

    /// Nothing built (a snapshot reader fills it).
    init(empty: Void) {}

    /// An empty graph.
    public init() {
        res = Resolver.resolve([], overrides: [])
        d = Derived.build([], res)
    }

    /// The graph of `articles` under `overrides`.
    public init(articles: [ArticleGraph], overrides: [ResolutionOverride] = []) {
        self.overrides = overrides
        var byID: [String: ArticleChunk] = [:]
        var keys: [String: String] = [:]
        for a in articles { byID[a.article.id] = ArticleChunk(a, keyCache: &keys) }
        chunks = byID.values.sorted { $0.info.id < $1.info.id }
        rebuild()
    }

    /// The graph of the articles `produce` hands over one at a time, under `overrides`: the same graph as
    /// `init(articles:overrides:)` with them, but each article is turned into the graph's compact records as
    /// it arrives, so that all of them are never held at once as `ArticleGraph`s (a store's final resolve).
    public init(overrides: [ResolutionOverride] = [], articles produce: (_ add: (ArticleGraph) -> Void) throws -> Void) rethrows {
        self.overrides = overrides
        var byID: [String: ArticleChunk] = [:]
        var keys: [String: String] = [:]
        try produce { a in byID[a.article.id] = ArticleChunk(a, keyCache: &keys) }
        chunks = byID.values.sorted { $0.info.id < $1.info.id }
        rebuild()
    }

    mutating func rebuild() {
        res = Resolver.resolve(chunks, overrides: overrides)
        d = Derived.build(chunks, res)
        isSubgraph = false
    }

    // MARK: - Sizes

    public var entityCount: Int { d.entityCount }
    public var eventCount: Int { d.eventCount }
    public var nodeCount: Int { d.nodeCount }
    public var edgeCount: Int { d.edges.count }
    public var articleCount: Int { chunks.count }
    /// Every node ID, entities then events.
    public var nodeIDs: [NodeID] { (0 ..< nodeCount).map(NodeID.init) }
    public var entityIDs: [NodeID] { (0 ..< entityCount).map(NodeID.init) }
    public var eventIDs: [NodeID] { (entityCount ..< nodeCount).map(NodeID.init) }
    /// Every edge ID.
    public var edgeIDs: [EdgeID] { (0 ..< edgeCount).map(EdgeID.init) }
}
