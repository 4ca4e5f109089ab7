import NewsGraphCore

/// Answers queries over one `KnowledgeGraph`.
///
/// Create one engine per graph and reuse it: the word index for partial names is built on the first query
/// that needs it. Queries walk the graph's adjacency arrays (breadth-first, by node id) and never copy the graph.
///
/// ```swift
/// let engine = QueryEngine(graph: graph)
/// let answer = try engine.run("response to Baru killing")
/// print(answer.text())
/// ```
public struct QueryEngine: Sendable {
    public let graph: KnowledgeGraph
    /// Rows shown when `events` or `neighbours` has no `limit` (a note tells how many matched).
    public var defaultLimit: Int
    /// Which place lies in which beyond the graph's `located_in` facts (for example a lexicon's PARENT fields):
    /// place filters and place timelines include the places it puts inside the named one.
    public var places: PlaceHierarchy { placeSource.hierarchy }
    let placeSource: LazyPlaceHierarchy
    let cache = EngineCache()

    /// An engine over `graph`. `places` is evaluated once, when the first query needs place containment, so that
    /// reading a lexicon for it costs nothing to the queries that do not.
    public init(graph: KnowledgeGraph, defaultLimit: Int = 100,
                places: @autoclosure @escaping @Sendable () -> PlaceHierarchy = PlaceHierarchy()) {
        self.graph = graph
        self.defaultLimit = defaultLimit
        self.placeSource = LazyPlaceHierarchy(places)
    }

    /// Parses and answers a query.
    public func run(_ text: String) throws(QueryError) -> QueryAnswer {
        try evaluate(QueryParser.parse(text), text: text)
    }

    /// Answers a parsed query; `text` is the query as written (for messages and the answer).
    public func evaluate(_ query: Query, text: String) throws(QueryError) -> QueryAnswer {
        var e = Evaluation(engine: self, text: text)
        return try e.answer(query)
    }

    /// The candidates for a name, best first, as the resolver scores them (see "Name resolution" in the docs).
    public func candidates(for name: String, limit: Int = 10) -> [Candidate] {
        let resolver = NameResolver(graph: graph, index: cache, placeSource: placeSource)
        let builder = AnswerBuilder(graph: graph)
        return resolver.candidates(name).prefix(limit).map {
            Candidate(node: builder.summary($0.node), score: $0.score, match: $0.match)
        }
    }
}
