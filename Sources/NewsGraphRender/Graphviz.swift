import CGraphviz
import Dispatch
import Foundation
import NewsGraphExport

/// The process-wide owner of libgraphviz: one `GVC_t` for the life of the process, and every
/// Graphviz call serialised behind one lock.
///
/// libgraphviz is not thread-safe at all: the parser, the error state, the layout engines and even
/// `gvContext()` use process globals, so a context per thread is not enough (../shared/notes/graphviz.md §3).
/// One long-lived context also leaks least (about 1.5 KB per render, versus 5 KB for a context per render).
///
/// Each job resets Graphviz's error level, captures its messages through `agseterrf`, reads the DOT with
/// a deterministic ID discipline (`DeterministicReader`: the same DOT always gives the same SVG, which
/// `agmemread` does not guarantee within one process), and always frees the layout and closes the graph. Formats and engines are checked against the plugins Graphviz loaded
/// before any work, so a missing plugin configuration (`config6a`) is a clear `RenderError` rather than
/// Graphviz's "Use one of:" with an empty list.
///
/// Limits of an in-process binding: some internal Graphviz failures call `exit()` or `abort()` or crash
/// (`pack` with `newrank` segfaults in 2.42), and a layout cannot be interrupted. `IsolatedRenderer` runs the
/// same job in a child process with a time and memory limit, which is what `newsgraph render` does.
public final class Graphviz: @unchecked Sendable {
    /// The one owner of the process.
    public static let shared = Graphviz()

    /// Guards `context` and every call into libgraphviz.
    private let lock = NSLock()
    /// Serial queue for the async API, so that waiting callers do not block the cooperative pool.
    private let queue = DispatchQueue(label: "newsgraph.graphviz", qos: .userInitiated)
    private var context: OpaquePointer?
    private var plugins: Plugins?

    private init() {}

    /// The layout engines and output devices Graphviz loaded.
    public struct Plugins: Sendable, Hashable {
        public var layouts: Set<String>
        public var devices: Set<String>
    }

    // MARK: - Public API

    /// The plugins Graphviz loaded (empty sets when its plugin configuration is missing).
    public func loadedPlugins() -> Plugins {
        locked { _ = $0; return self.plugins ?? Plugins(layouts: [], devices: []) }
    }

    /// Renders DOT text. Blocks while another job runs; see `render(_:options:) async`.
    public func render(dot: String, options: RenderOptions = RenderOptions()) throws(RenderError) -> RenderResult {
        let result: Result<RenderResult, RenderError> = locked { gvc in self.job(gvc: gvc, dot: dot, options: options) }
        return try result.get()
    }

    /// Renders a DOT model.
    public func render(_ graph: DOTGraph, options: RenderOptions = RenderOptions()) throws(RenderError) -> RenderResult {
        try render(dot: DOTWriter().write(graph), options: options)
    }

    /// Renders DOT text on the renderer's serial queue, without blocking the caller's thread.
    public func render(dot: String, options: RenderOptions = RenderOptions()) async throws(RenderError) -> RenderResult {
        let result: Result<RenderResult, RenderError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.locked { gvc in self.job(gvc: gvc, dot: dot, options: options) })
            }
        }
        return try result.get()
    }

    /// Parses DOT text with libgraphviz and reads back every node's attributes with `agget`
    /// (a check of the DOT writer against the real parser; no layout).
    public func parse(dot: String) throws(RenderError) -> ParsedGraph {
        let result: Result<ParsedGraph, RenderError> = locked { _ in
            self.beginJob()
            guard let g = DeterministicReader.read(dot) else {
                DeterministicReader.finish()
                return .failure(RenderError(stage: .parse, reason: "Graphviz could not parse the DOT text", messages: self.endJob()))
            }
            defer { agclose(g); DeterministicReader.finish() }
            var nodeAttributes: [String] = []
            var sym = agnxtattr(g, AGNODE, nil)
            while let s = sym {
                nodeAttributes.append(String(cString: s.pointee.name))
                sym = agnxtattr(g, AGNODE, s)
            }
            var graphAttributes: [String: String] = [:]
            sym = agnxtattr(g, AGRAPH, nil)
            while let s = sym {
                let name = String(cString: s.pointee.name)
                if let v = agget(UnsafeMutableRawPointer(g), s.pointee.name) { graphAttributes[name] = String(cString: v) }
                sym = agnxtattr(g, AGRAPH, s)
            }
            var nodes: [ParsedGraph.Node] = []
            var node = agfstnode(g)
            while let n = node {
                var attrs: [String: String] = [:]
                for a in nodeAttributes {
                    a.withCString { cs in
                        if let v = agget(UnsafeMutableRawPointer(n), UnsafeMutablePointer(mutating: cs)) { attrs[a] = String(cString: v) }
                    }
                }
                nodes.append(ParsedGraph.Node(name: String(cString: agnameof(UnsafeMutableRawPointer(n))), attributes: attrs))
                node = agnxtnode(g, n)
            }
            var subgraphs: [String] = []
            var members: [String: [String]] = [:]
            func visit(_ parent: UnsafeMutablePointer<Agraph_t>) {
                var sub = agfstsubg(parent)
                while let s = sub {
                    let name = String(cString: agnameof(UnsafeMutableRawPointer(s)))
                    subgraphs.append(name)
                    var names: [String] = []
                    var m = agfstnode(s)
                    while let n = m { names.append(String(cString: agnameof(UnsafeMutableRawPointer(n)))); m = agnxtnode(s, n) }
                    members[name] = names
                    visit(s)
                    sub = agnxtsubg(s)
                }
            }
            visit(g)
            let parsed = ParsedGraph(
                name: String(cString: agnameof(UnsafeMutableRawPointer(g))),
                isDirected: agisdirected(g) != 0, isStrict: agisstrict(g) != 0,
                nodes: nodes, edgeCount: Int(agnedges(g)), attributes: graphAttributes,
                subgraphs: subgraphs, members: members, messages: self.endJob())
            return .success(parsed)
        }
        return try result.get()
    }

    // MARK: - Validation

    /// Checks a format and an engine against the loaded plugins.
    static func validate(format: OutputFormat, engine: LayoutEngine, plugins: Plugins) -> RenderError? {
        if plugins.layouts.isEmpty || plugins.devices.isEmpty {
            let dir = ProcessInfo.processInfo.environment["GVBINDIR"] ?? "/usr/lib/x86_64-linux-gnu/graphviz"
            return RenderError(
                stage: .configuration,
                reason: "Graphviz loaded no plugins: its plugin list \(dir)/config6a is missing or empty. "
                    + "Run `dot -c` as root (or reinstall libgvc6), or set GVBINDIR to a directory that has one")
        }
        if !plugins.layouts.contains(engine.rawValue) {
            return RenderError(
                stage: .configuration,
                reason: "Graphviz has no '\(engine.rawValue)' layout engine here; available: \(plugins.layouts.sorted().joined(separator: ", ")). "
                    + "Install the graphviz package's layout plugins")
        }
        if !plugins.devices.contains(format.device) {
            let hint = format == .png || format == .pdf ? " (png and pdf need the cairo plugin: apt-get install libgvplugin-pango or graphviz)" : ""
            return RenderError(
                stage: .configuration,
                reason: "Graphviz cannot write '\(format.rawValue)' here\(hint); available: \(plugins.devices.sorted().joined(separator: ", "))")
        }
        return nil
    }

    // MARK: - The job (always called with the lock held)

    /// Runs `body` with the lock held, creating the context on first use (`nil` if Graphviz could not make one).
    private func locked<T>(_ body: (OpaquePointer?) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if context == nil {
            Graphviz.installErrorSink()
            if let gvc = gvContext() {
                context = gvc
                plugins = Plugins(layouts: Graphviz.pluginList(gvc, kind: "layout"), devices: Graphviz.pluginList(gvc, kind: "device"))
            }
        }
        return body(context)
    }

    private func job(gvc: OpaquePointer?, dot: String, options: RenderOptions) -> Result<RenderResult, RenderError> {
        guard let gvc else {
            return .failure(RenderError(stage: .configuration, reason: "Graphviz could not create its context (out of memory?)"))
        }
        if let error = Graphviz.validate(format: options.format, engine: options.engine, plugins: plugins ?? Plugins(layouts: [], devices: [])) {
            return .failure(error)
        }
        beginJob()
        guard let g = DeterministicReader.read(dot) else {
            DeterministicReader.finish()
            let messages = endJob()
            return .failure(RenderError(stage: .parse, reason: "Graphviz could not parse the DOT text", messages: messages))
        }
        var notes: [String] = []
        let nodeCount = Int(agnnodes(g))
        let edgeCount = Int(agnedges(g))
        var engine = options.engine
        if engine == .dot, let limit = options.largeGraphThreshold, nodeCount > limit, options.largeGraphEngine != .dot {
            engine = options.largeGraphEngine
            notes.append("note: \(nodeCount) nodes is above the dot engine's limit of \(limit); laid out with \(engine.rawValue) instead "
                + "(filter the view or use --max-nodes to keep dot's layered drawing)")
        }
        if let dpi = options.dpi, options.format.isBitmap, dpi > 0 {
            Graphviz.setGraphAttribute(g, "dpi", dpi == dpi.rounded() ? String(Int(dpi)) : String(dpi))
        }
        let layoutRC = gvLayout(gvc, g, engine.rawValue)
        defer {
            gvFreeLayout(gvc, g)
            agclose(g)
            DeterministicReader.finish()
        }
        if layoutRC != 0 {
            return .failure(RenderError(stage: .layout, reason: "the \(engine.rawValue) layout failed", messages: endJob()))
        }
        // gvLayout sets `bb` (the drawing's box in points, before `size` scales it).
        let layoutSize = Graphviz.graphAttribute(g, "bb").flatMap(LayoutSize.init(boundingBox:))
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        let renderRC = gvRenderData(gvc, g, options.format.device, &buffer, &length)
        defer { if let buffer { gvFreeRenderData(buffer) } }
        let messages = endJob()
        guard renderRC == 0, let bytes = buffer else {
            return .failure(RenderError(stage: .render, reason: "Graphviz could not write \(options.format.rawValue)", messages: messages))
        }
        let data = Data(bytes: bytes, count: Int(length))
        return .success(RenderResult(data: data, format: options.format, engine: engine, nodeCount: nodeCount,
                                     edgeCount: edgeCount, diagnostics: messages + notes, layoutSize: layoutSize))
    }

    private static func setGraphAttribute(_ g: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        name.withCString { n in
            value.withCString { v in
                "".withCString { d in
                    _ = agsafeset(UnsafeMutableRawPointer(g), UnsafeMutablePointer(mutating: n), UnsafeMutablePointer(mutating: v),
                                  UnsafeMutablePointer(mutating: d))
                }
            }
        }
    }

    private static func graphAttribute(_ g: UnsafeMutablePointer<Agraph_t>, _ name: String) -> String? {
        name.withCString { n in agget(UnsafeMutableRawPointer(g), UnsafeMutablePointer(mutating: n)).map { String(cString: $0) } }
    }

    // MARK: - Error capture

    /// Messages of the current job; written by the C callback, which cannot capture context.
    private static let sink = MessageSink()

    private final class MessageSink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
        func take() -> String { lock.lock(); defer { text = ""; lock.unlock() }; return text }
    }

    private static func installErrorSink() {
        let callback: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { message in
            if let message { Graphviz.sink.append(String(cString: message)) }
            return 0
        }
        _ = agseterrf(callback)
    }

    private func beginJob() {
        _ = Graphviz.sink.take()
        agreseterrors()
    }

    /// The job's messages, one per line, without blank lines.
    private func endJob() -> [String] {
        Graphviz.sink.take()
            .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    private static func pluginList(_ gvc: OpaquePointer, kind: String) -> Set<String> {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        defer { free(list) }
        var names = Set<String>()
        for i in 0..<Int(count) {
            guard let item = list[i] else { continue }
            // Entries look like "png" or "png:cairo"; keep the type.
            let s = String(cString: item)
            names.insert(String(s.split(separator: ":", maxSplits: 1).first ?? Substring(s)))
            free(item)
        }
        return names
    }
}
