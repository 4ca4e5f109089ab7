import Foundation
import NewsGraphCore
import NewsGraphExport

/// Reads GraphML back into an `ArticleGraph` (one per file), so that a graph edited in yEd or Gephi, or
/// built with networkx, can join a `KnowledgeGraph` (`newsgraph import FILE.graphml`).
///
/// What it reads, per node and edge, by GraphML `attr.name` (the key ids do not matter):
/// - our own export (`GraphMLWriter`, with or without yEd graphics) completely: kind, name, type, aliases,
///   trigger, date, killed, injured, factuality, cameo, acled, confidence, and the evidence sentence;
/// - any other GraphML, e.g. `networkx.write_graphml` of a graph with only node labels and edge labels:
///   a node's name is its `name`, else `label`, else the yEd node label, else its id; an edge's relation is
///   its `relation`, else `label`, `predicate`, `type`, else the yEd edge label (case, spaces and hyphens
///   ignored: "Claimed responsibility" is `claimed_responsibility`).
///
/// Nodes without a `kind` are events when they have an event `type` or are the source of an agent, target
/// or place edge or an end of a causal edge, and entities otherwise. Missing types are inferred (an event
/// type from a word of its name, "kalat_attack" → attack; the target of a place edge or a `located_in` edge
/// is a place, the subject of `spokesperson_of` or `leader_of` a person) or take `Options` defaults; every
/// such guess is reported in `Result.notes`.
///
/// Errors (`InterchangeError`, with line numbers): malformed XML, a root other than `<graphml>`, hyperedges,
/// duplicate node ids, edges to undeclared nodes, missing or unknown relation names, and edges whose ends
/// have the wrong kinds (a causal edge to an entity).
///
/// The document becomes one article (its id is the file name, its content hash the SHA-256 of the bytes,
/// so importing the same file twice changes nothing). The evidence sentences in the file become that
/// article's sentences, and each fact's provenance points at its sentence; per-source casualty figures
/// become the consensus figure.
public struct GraphMLReader: Sendable {
    /// Defaults for what a foreign GraphML file does not say.
    public struct Options: Sendable, Hashable {
        /// The type of an entity whose type is neither given nor inferable.
        public var defaultEntityType: EntityType
        /// The type of an event whose type is neither given nor inferable from its name.
        public var defaultEventType: EventType

        public init(defaultEntityType: EntityType = .organization, defaultEventType: EventType = .attack) {
            self.defaultEntityType = defaultEntityType
            self.defaultEventType = defaultEventType
        }
    }

    /// The result of reading one file.
    public struct Result: Sendable {
        /// The file as one article's facts.
        public var article: ArticleGraph
        /// What was guessed, renamed or dropped, one sentence each (empty for our own files).
        public var notes: [String]
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads a GraphML file; the article id is the file name without its extension.
    public func read(contentsOf url: URL) throws(InterchangeError) -> Result {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InterchangeError("\(url.path): cannot be read (\(error.localizedDescription)); check the path")
        }
        do {
            return try read(data, id: url.deletingPathExtension().lastPathComponent, source: url.path)
        } catch {
            throw InterchangeError("\(url.path): \(error.message)")
        }
    }

    /// Reads GraphML bytes as the article `id`.
    public func read(_ data: Data, id: String, source: String? = nil) throws(InterchangeError) -> Result {
        let doc = try GraphMLParser.parse(data)
        var builder = GraphMLArticleBuilder(doc: doc, options: options, id: id)
        let article = try builder.build(source: source, contentHash: SHA256.hex([UInt8](data)))
        return Result(article: article, notes: builder.notes)
    }

    /// Reads GraphML bytes into a graph of their own.
    public func knowledgeGraph(_ data: Data, id: String) throws(InterchangeError) -> KnowledgeGraph {
        KnowledgeGraph(articles: [try read(data, id: id).article])
    }
}
