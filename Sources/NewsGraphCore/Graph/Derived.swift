// The derived, query-ready layout of a `KnowledgeGraph`: arrays of structs and offset arrays (CSR),
// no per-node dictionaries. Built from the article records and the resolution result.

struct Figure: Sendable, Hashable {
    var article: Int32
    var killed: Int32
    var injured: Int32
    var factuality: Factuality
}

struct EdgeData: Sendable, Hashable {
    var source: Int32
    var target: Int32
    var relation: UInt8
    var factuality: Factuality
    var disputed: Bool
    var confidence: Float
    /// Index into `Derived.cues`, or -1.
    var cue: Int32
}

struct Derived: Sendable {
    var entityCount = 0
    var eventCount = 0
    var nodeCount: Int { entityCount + eventCount }
    /// Node → global records (entity records for entity nodes, event records for event nodes).
    var recordOffsets: [Int32] = [0]
    var records: [Int32] = []
    var articleCount: [Int32] = []

    var entName: [String] = []
    var entType: [EntityType] = []
    var entAliasOffsets: [Int32] = [0]
    var entAliases: [String] = []
    var entConfidence: [Float] = []

    var evType: [EventType] = []
    var evTrigger: [String] = []
    var evDate: [Int32] = []
    var evPlace: [Int32] = []
    var evFactuality: [Factuality] = []
    var evConfidence: [Float] = []
    var evFigureOffsets: [Int32] = [0]
    var evFigures: [Figure] = []
    var evAttrOffsets: [Int32] = [0]
    var evAttrKeys: [String] = []
    var evAttrValues: [String] = []
    var evLocalIDOffsets: [Int32] = [0]
    var evLocalIDs: [String] = []

    var nodeEvidenceOffsets: [Int32] = [0]
    var nodeEvidence: [Evidence] = []

    /// Sorted by (source, relation, target).
    var edges: [EdgeData] = []
    var edgeEvidenceOffsets: [Int32] = [0]
    var edgeEvidence: [Evidence] = []
    var cues: [String] = []
    /// Node → its outgoing edges `edges[outOffsets[n] ..< outOffsets[n+1]]`.
    var outOffsets: [Int32] = [0]
    /// Node → incoming edge ids `inEdges[inOffsets[n] ..< inOffsets[n+1]]`, sorted by (relation, source).
    var inOffsets: [Int32] = [0]
    var inEdges: [Int32] = []
    /// The node at the other end of each edge, contiguous so that walks read neighbours sequentially instead of
    /// going through the edge records: `outTargets[i] == edges[i].target` (parallel to `edges`, so node `n`'s
    /// outgoing neighbours are `outTargets[outOffsets[n] ..< outOffsets[n+1]]`) and `inSources[k] ==
    /// edges[inEdges[k]].source` (parallel to `inEdges`); `outRelations`/`inRelations` are the edges' relation
    /// codes in the same order. Derived from `edges` and `inEdges` (`buildNeighbours()`), never stored.
    var outTargets: [Int32] = []
    var outRelations: [UInt8] = []
    var inSources: [Int32] = []
    var inRelations: [UInt8] = []

    /// Normalised keys (sorted) and their nodes.
    var nameKeys: [String] = []
    var nameNodes: [Int32] = []
    /// Nodes by type: entity types first, then event types.
    var typeOffsets: [Int32] = [Int32](repeating: 0, count: EntityType.allCases.count + EventType.allCases.count + 1)
    var typeNodes: [Int32] = []
    /// Dated event nodes sorted by (date, node).
    var datedEvents: [Int32] = []

    var mergeOffsets: [Int32] = [0]
    var merges: [MergeData] = []
    // MARK: Build

    /// The layout of `chunks` under the resolution `res`, built in phases (files `Derived+Nodes`,
    /// `Derived+Edges`, `Derived+Indexes`).
    static func build(_ chunks: [ArticleChunk], _ res: ResolutionResult) -> Derived {
        var d = Derived()
        d.entityCount = res.entityNodeCount
        d.eventCount = res.eventNodeCount
        do {
            let recordChunks = d.fillRecords(chunks, res)
            d.reserveNodeEvidence(chunks)
            d.addEntityNodes(chunks, res, recordChunk: recordChunks.entity)
            d.addEventNodes(chunks, res, recordChunk: recordChunks.event)
        }
        d.addEdges(chunks, res)
        d.buildAdjacency()
        d.setNames(nameIndexEntries(chunks, res))
        d.buildTypeAndDateIndexes()
        d.fillMergeLog(res)
        return d
    }
}
