import Foundation

/// What an export reads: the store's resolved graph and its articles as extracted, each loaded on first use.
public final class ExportInput {
    private let loadGraph: () throws -> KnowledgeGraph
    private let loadArticles: () throws -> [ArticleGraph]
    private var cachedGraph: KnowledgeGraph?
    private var cachedArticles: [ArticleGraph]?

    public init(graph: @escaping () throws -> KnowledgeGraph, articles: @escaping () throws -> [ArticleGraph]) {
        loadGraph = graph
        loadArticles = articles
    }

    /// The input of a store.
    public convenience init(store: GraphStore) {
        self.init(graph: { try store.loadGraph() }, articles: { try store.loadArticles() })
    }

    /// The input of an in-memory set of articles.
    public convenience init(articles: [ArticleGraph]) {
        self.init(graph: { KnowledgeGraph(articles: articles) }, articles: { articles })
    }

    /// The resolved, merged graph (entities and events resolved across articles).
    public func graph() throws -> KnowledgeGraph {
        if let g = cachedGraph { return g }
        let g = try loadGraph()
        cachedGraph = g
        return g
    }

    /// Every article's facts as extracted (before resolution), sorted by id.
    public func articles() throws -> [ArticleGraph] {
        if let a = cachedArticles { return a }
        let a = try loadArticles()
        cachedArticles = a
        return a
    }
}

/// A format of `newsgraph export`: its name on the command line, what it writes, and the writer.
///
/// Formats are registered in `ExportFormat.all`: the styled DOT, the annotation JSON, and every
/// `InterchangeFormat` of NewsGraphExport (GraphML, yEd GraphML, GEXF, Cytoscape.js JSON, Turtle, neo4j CSV), and
/// the ACLED-shaped events CSV.
/// A new format is a `static let` in an extension plus one entry in that list (or a new `InterchangeFormat`
/// case): the CLI's `--format`, its help text and its validation come from the registry.
public struct ExportFormat: Sendable {
    /// The `--format` value ("dot", "annotation", "graphml").
    public let name: String
    /// Other accepted `--format` values ("ttl" for turtle).
    public let aliases: [String]
    /// One line for `--help`.
    public let summary: String
    /// The usual file extension, without the dot (empty for a directory).
    public let fileExtension: String
    /// True when the export is several files written into a directory (neo4j CSV): use `writeDirectory`.
    public let writesDirectory: Bool
    /// Writes a single-document export: `emit` receives the output in one or more pieces, in order.
    public let write: @Sendable (_ input: ExportInput, _ emit: (Data) throws -> Void) throws -> Void
    /// Writes a directory export (or a single file, atomically) at `url`.
    public let writeTo: @Sendable (_ input: ExportInput, _ url: URL) throws -> Void

    public init(name: String, aliases: [String] = [], summary: String, fileExtension: String, writesDirectory: Bool = false,
                write: @escaping @Sendable (_ input: ExportInput, _ emit: (Data) throws -> Void) throws -> Void,
                writeTo: (@Sendable (_ input: ExportInput, _ url: URL) throws -> Void)? = nil) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.fileExtension = fileExtension
        self.writesDirectory = writesDirectory
        self.write = write
        self.writeTo = writeTo ?? { input, url in
            // Never a half-written file, never a replaced link, FIFO or device (see `OutputFile`).
            try OutputFile.write(to: url.path) { emit in try write(input, emit) }
        }
    }

    /// Every export format, in the order `--help` lists them.
    public static let all: [ExportFormat] = [.dot, .annotation] + InterchangeFormat.allCases.map(ExportFormat.init(interchange:))
        + [.eventsCSV]

    /// The format called `name` (case-insensitive, aliases included).
    public static func named(_ name: String) -> ExportFormat? {
        let n = name.lowercased()
        return all.first { $0.name == n || $0.aliases.contains(n) }
    }

    /// The whole graph as styled Graphviz DOT (views and styles of NewsGraphExport; render it with
    /// `newsgraph render` or any Graphviz).
    public static let dot = ExportFormat(
        name: "dot", aliases: ["gv"], summary: "the whole graph as styled Graphviz DOT", fileExtension: "dot"
    ) { input, emit in
        let text = try DOTExport.dot(try input.graph())
        try emit(Data(text.utf8))
    }

    /// Every stored article's facts as annotation JSON (SCHEMA.md), one object per line (JSON Lines):
    /// the format `newsgraph import` reads back and `score.py` scores.
    public static let annotation = ExportFormat(
        name: "annotation", aliases: ["json", "jsonl"], summary: "each article's facts as SCHEMA.md annotation JSON, one object per line",
        fileExtension: "jsonl"
    ) { input, emit in
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for a in try input.articles() {
            var data = try encoder.encode(Annotation(a))
            data.append(0x0A)
            try emit(data)
        }
    }

    /// One CSV row per event of the resolved graph, in the shape of an ACLED export (`EventsCSVWriter`).
    public static let eventsCSV = ExportFormat(
        name: "events-csv", aliases: ["events", "acled", "acled-csv"],
        summary: "one CSV row per event in the shape of an ACLED export (type, actors, admin places, fatalities, evidence)",
        fileExtension: "csv"
    ) { input, emit in
        let gazetteer = try PlaceGazetteer(lexicon: Lexicon.standard())
        try emit(Data(EventsCSVWriter(gazetteer: gazetteer).write(try input.graph()).utf8))
    }

    /// An interchange format of NewsGraphExport over the resolved graph.
    public init(interchange f: InterchangeFormat) {
        let aliases: [String] = switch f {
        case .turtle: ["ttl", "rdf"]
        case .cytoscape: ["cyjs", "cytoscapejs", "cytoscape.js"]
        case .neo4j: ["csv", "neo4j-csv"]
        default: []
        }
        let write: @Sendable (ExportInput, (Data) throws -> Void) throws -> Void = { input, emit in try emit(try f.data(for: try input.graph())) }
        let directory: (@Sendable (ExportInput, URL) throws -> Void)? = { input, url in try f.write(try input.graph(), to: url) }
        self.init(name: f.name, aliases: aliases, summary: f.summary, fileExtension: f.fileExtension, writesDirectory: f.writesDirectory,
                  write: write, writeTo: f.writesDirectory ? directory : nil)
    }
}

/// An export that cannot be written, with what to do.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension PlaceGazetteer {
    /// The places of a lexicon (the bundled `places.tsv` and `places-conflict.tsv`, and user lexicons), names and
    /// aliases, with their containing place.
    public init(lexicon: Lexicon) {
        var places: [(name: String, parent: String?)] = []
        for e in lexicon.entities where e.type == .place {
            places.append((e.name, e.parent))
            for a in e.aliases { places.append((a, e.parent)) }
        }
        self.init(places: places)
    }
}
