import Foundation

/// An output format of the in-process renderer.
public enum OutputFormat: String, CaseIterable, Sendable, Codable {
    /// Scalable vector graphics (core plugin; supports `id`, `class`, `URL`, `tooltip`).
    case svg
    /// Raster image (cairo plugin).
    case png
    /// Vector document (cairo plugin).
    case pdf
    /// Laid-out DOT with coordinates (passthrough of the core plugin).
    case dot
    /// Graphviz's plain text layout description.
    case plain
    /// Graphviz's JSON layout description.
    case json

    /// The Graphviz device name.
    public var device: String { rawValue }

    /// Whether the output is a bitmap (its pixel size follows `RenderOptions.dpi`).
    public var isBitmap: Bool { self == .png }

    /// Whether the output is text (UTF-8).
    public var isText: Bool { self != .png && self != .pdf }

    /// The format for a file name's extension (`figure.svg` → `.svg`; `.gv` → `.dot`, `.txt` → `.plain`).
    public init?(fileExtension path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        case "plain", "txt": self = .plain
        case "json": self = .json
        default: return nil
        }
    }
}

/// A Graphviz layout engine.
public enum LayoutEngine: String, CaseIterable, Sendable, Codable {
    /// Hierarchical (layered) drawings of directed graphs; best below about a thousand nodes.
    case dot
    /// Spring model (stress majorisation).
    case neato
    /// Force-directed, with clusters.
    case fdp
    /// Multiscale force-directed, for large graphs.
    case sfdp
    /// Circular.
    case circo
    /// Radial.
    case twopi
}

/// What a render job produced: the bytes, the engine actually used, and what Graphviz said.
public struct RenderResult: Sendable {
    /// The rendered file.
    public var data: Data
    public var format: OutputFormat
    /// The engine that laid the graph out (it differs from the requested one when a large graph was switched).
    public var engine: LayoutEngine
    /// The number of nodes and edges Graphviz read.
    public var nodeCount: Int
    public var edgeCount: Int
    /// Warnings from Graphviz and notes from the renderer (an engine switch, for example), one per line.
    public var diagnostics: [String]
    /// The size of the laid-out drawing in points (Graphviz's `bb`), before `size` scales it; nil if unknown.
    public var layoutSize: LayoutSize?

    public init(data: Data, format: OutputFormat, engine: LayoutEngine, nodeCount: Int, edgeCount: Int, diagnostics: [String],
                layoutSize: LayoutSize? = nil) {
        self.data = data
        self.format = format
        self.engine = engine
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.diagnostics = diagnostics
        self.layoutSize = layoutSize
    }

    /// The output as text, for text formats.
    public var text: String? { format.isText ? String(decoding: data, as: UTF8.self) : nil }
}

/// How to render: engine, format, and what to do with graphs too large for the requested engine.
public struct RenderOptions: Sendable, Hashable {
    public var format: OutputFormat
    public var engine: LayoutEngine
    /// Above this many nodes, the `dot` engine is replaced by `largeGraphEngine` (dot's network-simplex
    /// and crossing minimisation grow super-linearly and take minutes past about a thousand nodes).
    /// `nil` keeps the requested engine whatever the size.
    public var largeGraphThreshold: Int?
    /// The engine used instead of `dot` above the threshold.
    public var largeGraphEngine: LayoutEngine
    /// Pixels per inch of bitmap output (PNG); nil for Graphviz's 96. Vector formats ignore it (Graphviz 2.42
    /// would otherwise scale an SVG's page by dpi/72 without scaling its drawing).
    public var dpi: Double?

    /// The default threshold of `largeGraphThreshold`.
    public static let defaultLargeGraphThreshold = 1_000

    public init(format: OutputFormat = .svg, engine: LayoutEngine = .dot,
                largeGraphThreshold: Int? = RenderOptions.defaultLargeGraphThreshold, largeGraphEngine: LayoutEngine = .sfdp,
                dpi: Double? = nil) {
        self.format = format
        self.engine = engine
        self.largeGraphThreshold = largeGraphThreshold
        self.largeGraphEngine = largeGraphEngine
        self.dpi = dpi
    }
}

/// A failed render job: where it failed and what Graphviz said.
public struct RenderError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The stage that failed.
    public enum Stage: String, Sendable, Equatable {
        /// Graphviz is not usable as installed (no plugins, unknown format or engine).
        case configuration
        /// The DOT text did not parse.
        case parse
        /// The layout engine failed.
        case layout
        /// The output device failed.
        case render
        /// The isolated renderer (a child process) could not be started or answered nonsense.
        case isolation
        /// Graphviz took the renderer process down (a crash, an abort, its memory limit): the caller survived.
        case crashed
        /// Graphviz did not finish within the time limit; its process was killed.
        case timedOut
    }

    public var stage: Stage
    /// What went wrong and what to do about it.
    public var reason: String
    /// Graphviz's own messages captured during the job ("Error: … syntax error in line 3 near 'x'").
    public var messages: [String]

    public init(stage: Stage, reason: String, messages: [String] = []) {
        self.stage = stage
        self.reason = reason
        self.messages = messages
    }

    public var description: String {
        let detail = messages.isEmpty ? "" : " (" + messages.joined(separator: "; ") + ")"
        switch stage {
        case .crashed, .timedOut, .isolation: return "\(reason)\(detail)"
        case .configuration, .parse, .layout, .render: return "\(stage.rawValue) failed: \(reason)\(detail)"
        }
    }
}

/// The size of a laid-out drawing, in points (1/72 inch).
public struct LayoutSize: Sendable, Hashable, Codable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Reads Graphviz's `bb` attribute, `"llx lly urx ury"` as `gvLayout` writes it (or with commas, as in
    /// laid-out DOT); nil when it is not four numbers.
    public init?(boundingBox bb: String) {
        let v = bb.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        guard v.count == 4 else { return nil }
        self.init(width: abs(v[2] - v[0]), height: abs(v[3] - v[1]))
    }
}

/// A parsed graph as libgraphviz read it: used to check the DOT writer against the real parser.
public struct ParsedGraph: Sendable, Hashable {
    /// One node with the values of every node attribute declared in the graph (as `agget` returns them).
    public struct Node: Sendable, Hashable {
        public var name: String
        public var attributes: [String: String]
    }

    public var name: String
    public var isDirected: Bool
    public var isStrict: Bool
    public var nodes: [Node]
    public var edgeCount: Int
    /// Graph attributes of the root graph.
    public var attributes: [String: String]
    /// Names of the subgraphs, depth first.
    public var subgraphs: [String]
    /// Names of the nodes in each subgraph, by subgraph name.
    public var members: [String: [String]]
    /// Warnings Graphviz printed while parsing.
    public var messages: [String]

    /// The node with this name.
    public func node(_ name: String) -> Node? { nodes.first { $0.name == name } }
}
