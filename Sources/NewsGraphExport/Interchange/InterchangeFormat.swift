import Foundation
import NewsGraphCore

/// The graph interchange formats: the files other tools open (Gephi, yEd, networkx, Cytoscape, RDF stores,
/// Neo4j). The single entry point for `newsgraph export --format …` and for library users.
///
/// ```swift
/// try InterchangeFormat.gexf.write(graph, to: URL(fileURLWithPath: "graph.gexf"))
/// let text = try InterchangeFormat.graphml.data(for: graph)
/// try InterchangeFormat.neo4j.write(graph, to: URL(fileURLWithPath: "neo4j-import", isDirectory: true))
/// ```
///
/// Every format is deterministic (the same graph gives byte-identical output) and documented with its
/// read-back check in `docs/interchange.md`.
public enum InterchangeFormat: String, CaseIterable, Sendable, Codable {
    /// GraphML with typed keys (networkx, Gephi, igraph, yEd).
    case graphml
    /// GraphML plus yFiles graphics: labelled, coloured shapes as soon as yEd opens it.
    case yed
    /// GEXF 1.3 with time intervals (Gephi, with its timeline).
    case gexf
    /// Cytoscape.js elements JSON (Cytoscape.js, Cytoscape desktop).
    case cytoscape
    /// RDF Turtle in the newsgraph vocabulary (rdflib, Jena, GraphDB, any SPARQL store).
    case turtle
    /// CSV files in neo4j-admin import format (a directory).
    case neo4j

    /// The `--format` value.
    public var name: String { rawValue }

    /// The format called `name` (case-insensitive; also `ttl`, `rdf`, `cyjs`, `csv`).
    public init?(name: String) {
        let n = name.lowercased()
        switch n {
        case "ttl", "rdf": self = .turtle
        case "cyjs", "cytoscapejs", "cytoscape.js": self = .cytoscape
        case "csv", "neo4j-csv": self = .neo4j
        default:
            guard let f = InterchangeFormat(rawValue: n) else { return nil }
            self = f
        }
    }

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .graphml: "GraphML with typed attributes, for networkx, Gephi, igraph, yEd"
        case .yed: "GraphML with yEd graphics (labels, shapes, colours by type)"
        case .gexf: "GEXF 1.3 with event dates as time intervals, for Gephi's timeline"
        case .cytoscape: "Cytoscape.js elements JSON, for Cytoscape.js and Cytoscape desktop"
        case .turtle: "RDF Turtle in the newsgraph vocabulary, with provenance (rdflib, SPARQL stores)"
        case .neo4j: "a directory of CSV files for neo4j-admin import (nodes.csv, relationships.csv)"
        }
    }

    /// The usual file extension, without the dot (empty for `neo4j`, which writes a directory).
    public var fileExtension: String {
        switch self {
        case .graphml, .yed: "graphml"
        case .gexf: "gexf"
        case .cytoscape: "cyjs"
        case .turtle: "ttl"
        case .neo4j: ""
        }
    }

    /// The media type of the single file.
    public var mediaType: String {
        switch self {
        case .graphml, .yed: "application/graphml+xml"
        case .gexf: "application/gexf+xml"
        case .cytoscape: "application/json"
        case .turtle: "text/turtle"
        case .neo4j: "text/csv"
        }
    }

    /// True when the format is several files, written into a directory (`neo4j`).
    public var writesDirectory: Bool { self == .neo4j }

    /// The files of the export: one for single-file formats (named `graph.<extension>`), several for `neo4j`.
    public func files(for graph: KnowledgeGraph) -> [InterchangeFile] {
        switch self {
        case .graphml: [InterchangeFile(name: "graph.graphml", text: GraphMLWriter().write(graph))]
        case .yed: [InterchangeFile(name: "graph.graphml", text: GraphMLWriter(yEdGraphics: true).write(graph))]
        case .gexf: [InterchangeFile(name: "graph.gexf", text: GEXFWriter().write(graph))]
        case .cytoscape: [InterchangeFile(name: "graph.cyjs", text: CytoscapeWriter().write(graph))]
        case .turtle: [InterchangeFile(name: "graph.ttl", text: TurtleWriter().write(graph))]
        case .neo4j: Neo4jCSVWriter().files(graph).map { InterchangeFile(name: $0.name, text: $0.text) }
        }
    }

    /// The export as one UTF-8 document (for standard output or an HTTP response).
    /// Throws for `neo4j`, which is several files: use `write(_:to:)` with a directory, or `files(for:)`.
    public func data(for graph: KnowledgeGraph) throws(InterchangeError) -> Data {
        guard !writesDirectory else {
            throw InterchangeError("the \(name) export is a directory of CSV files (nodes.csv, relationships.csv); give an output directory (--output DIR) instead of writing to standard output")
        }
        return Data(files(for: graph)[0].text.utf8)
    }

    /// Writes the export to `url`: a file for single-file formats, a directory (created if needed) for `neo4j`.
    /// Each file is written to a temporary name next to its target and then moved into place, so a failed
    /// export never leaves a half-written file.
    public func write(_ graph: KnowledgeGraph, to url: URL) throws(InterchangeError) {
        let fm = FileManager.default
        if writesDirectory {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw InterchangeError("\(url.path) is a file; the \(name) export writes a directory of CSV files: give a directory path")
                }
            } else {
                do { try fm.createDirectory(at: url, withIntermediateDirectories: true) } catch {
                    throw InterchangeError("cannot create the directory \(url.path): \(error.localizedDescription); check the parent directory exists and is writable")
                }
            }
            for f in files(for: graph) { try Self.atomicWrite(Data(f.text.utf8), to: url.appendingPathComponent(f.name)) }
        } else {
            try Self.atomicWrite(try data(for: graph), to: url)
        }
    }

    static func atomicWrite(_ data: Data, to url: URL) throws(InterchangeError) {
        let dir = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InterchangeError("cannot write \(url.path): the directory \(dir.path) does not exist; create it or choose another path")
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw InterchangeError("cannot write \(url.path): \(error.localizedDescription); check the directory exists and is writable")
        }
    }
}

/// One file of an export.
public struct InterchangeFile: Sendable, Hashable {
    /// The file name (`graph.gexf`, `nodes.csv`).
    public var name: String
    /// The content (UTF-8 text).
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// A failure to write or read an interchange file, with what to do about it.
public struct InterchangeError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
