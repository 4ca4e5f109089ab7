import ArgumentParser
import Foundation
import NewsGraph
import NewsGraphRender

/// `newsgraph render`: draws a view of the store's graph to SVG, PNG or PDF with libgraphviz, in a child
/// process of newsgraph (`render-worker`) unless --in-process.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph (or a view of it) to SVG, PNG or PDF.",
        discussion: """
            Views: graph (everything), actors (events folded into actor → actor links), ego (--entity and its neighbourhood to --depth), chain (causal chains, from --entity's events or all), timeline (events left to right by date). Filters narrow the events (and so the entities) shown.

            Figures fit a page: by default the A4 text block (6.3 × 9 in; 9 × 6.3 in for the timeline), scaled down, never distorted; --size WxH (in, cm or mm) or --size natural changes it, --dpi the pixels per inch of a PNG (default 300). Separate parts of the graph are packed into a block of about the page's shape (--no-pack: one column). --no-layout writes the view's DOT without running Graphviz.

            Graphviz runs in a child process of newsgraph (no `dot` program needed) with a time limit (--timeout) and a memory limit (--memory-limit), so a Graphviz crash or hang ends in a one-line error; --in-process runs it inside newsgraph. Above \(RenderOptions.defaultLargeGraphThreshold) nodes the dot engine is replaced by sfdp (dot's layout takes minutes there), unless --keep-engine; --max-nodes keeps the most connected nodes instead and reports what it dropped. The format comes from the file extension, or --format. A PNG has at most 5,000 nodes (NEWSGRAPH_MAX_PNG_NODES; its bitmap takes gigabytes beyond); larger figures are drawn as SVG or PDF.

            Examples:
              newsgraph render --output graph.svg
              newsgraph render --output ttp.pdf --view ego --entity "Tehreek-e-Taliban Pakistan" --depth 2
              newsgraph render --output actors.png --view actors --from 2025-01-01 --to 2025-03-31 --theme slides
              newsgraph render --output timeline.svg --view timeline --place Quetta --cluster place
              newsgraph render --output chain.png --view chain --size 16x10cm --dpi 600
              newsgraph render --output actors.dot --view actors --no-layout
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The file to write (.svg, .png, .pdf; .dot, .json, .plain for Graphviz's layout; .dot with --no-layout for the view's DOT).", valueName: "FILE"))
    var output: String

    @Option(help: ArgumentHelp("Output format, when the file extension does not say: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "FORMAT"))
    var format: String?

    @Option(help: ArgumentHelp("Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "ENGINE"))
    var engine: String = "dot"

    @Flag(help: "Keep the dot engine however large the graph (may take minutes).")
    var keepEngine = false

    @Option(help: ArgumentHelp("What to draw: \(FigureView.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "VIEW"))
    var view: String = "graph"

    @Option(help: ArgumentHelp("An entity: the centre of an ego view, the seed of a chain, else a filter (events it takes part in).", valueName: "NAME"))
    var entity: String?

    @Option(help: "Neighbourhood depth of the ego view (hops).")
    var depth: Int = 1

    @Option(help: ArgumentHelp("First day of events to show.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of events to show.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: ArgumentHelp("Only events in this place or in places located in it.", valueName: "PLACE"))
    var place: String?

    @Option(name: .customLong("event-type"), help: ArgumentHelp("Only events of this type (repeatable): \(EventType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "TYPE"))
    var eventTypes: [String] = []

    @Option(name: .customLong("max-nodes"), help: ArgumentHelp("Keep at most N nodes, the most connected, never one without a link; says what was dropped.", valueName: "N"))
    var maxNodes: Int?

    @Option(help: ArgumentHelp("Group nodes in boxes: place or group.", valueName: "MODE"))
    var cluster: String?

    @Option(help: ArgumentHelp("paper (print), slides (large), dark.", valueName: "THEME"))
    var theme: String = "paper"

    @Option(help: ArgumentHelp("Title above the figure (\"\" for none).", valueName: "TEXT"))
    var title: String?

    @Option(help: ArgumentHelp("Font family list, first installed wins (default: Liberation Sans, then DejaVu Sans…).", valueName: "FAMILIES"))
    var font: String?

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    @Flag(help: "Leave out edge labels.")
    var noEdgeLabels = false

    @Option(help: ArgumentHelp("Largest size of the drawing: WxH in inches, or with cm or mm (16x23cm), or natural. Default: the A4 text block, 6.3x9 (9x6.3 for the timeline).", valueName: "WxH"))
    var size: String?

    @Option(help: ArgumentHelp("Pixels per inch of a PNG (default 300; a 6.3 in wide figure is then 1,890 px).", valueName: "N"))
    var dpi: Double?

    @Flag(help: "Do not pack separate parts of the graph into a block; stack them as Graphviz does.")
    var noPack = false

    @Flag(help: "Write the view's DOT (styled, not laid out) without running Graphviz; the output must be .dot or .gv.")
    var noLayout = false

    @Option(help: ArgumentHelp("Stop Graphviz after this many seconds.", valueName: "SECONDS"))
    var timeout: Double = IsolatedRenderer.defaultTimeout

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp("Memory Graphviz may use, in MB.", valueName: "MB"))
    var memoryLimit: Int = IsolatedRenderer.defaultMemoryLimit >> 20

    @Flag(help: "Run Graphviz inside newsgraph instead of a child process (faster; a Graphviz crash then ends newsgraph).")
    var inProcess = false

    /// Pixels per inch of a PNG unless --dpi: print quality.
    static let defaultDPI = 300.0

    /// The most nodes a PNG may have (its bitmap, not the layout, is what takes the memory): 5,000, or
    /// `NEWSGRAPH_MAX_PNG_NODES` for a machine with more (or less) memory.
    static var maxRasterNodes: Int {
        ProcessInfo.processInfo.environment["NEWSGRAPH_MAX_PNG_NODES"].flatMap { Int($0) }.map { max(1, $0) } ?? 5_000
    }

    func run() async throws {
        let figureOptions: FigureOptions, renderOptions: RenderOptions
        do {
            (figureOptions, renderOptions) = try options()
        } catch let e as ValidationError {
            printError(e.message)  // one line, no usage dump
            throw ExitCode.validationFailure
        }
        try CLIError.wrap {
            let graph = try store.openForReading().loadGraph()
            if noLayout { return try writeViewDOT(graph, figureOptions) }
            if renderOptions.format == .png {
                // A bitmap grows with the layout: 20,000 nodes took 2.6 GB. Refused before Graphviz starts.
                let nodes = try FigureBuilder.build(graph, options: figureOptions).nodes.count
                if nodes > Self.maxRasterNodes {
                    throw RenderCommandError("a PNG of \(nodes) nodes would take gigabytes of memory to draw (2.6 GB at 20,000 nodes), so newsgraph draws PNGs of at most \(Self.maxRasterNodes) nodes; draw it as SVG or PDF (--output F.svg), keep the most connected nodes with --max-nodes \(Self.maxRasterNodes), or choose a smaller view")
                }
            }
            let isolation: RenderIsolation = inProcess
                ? .inProcess : .childProcess(try IsolatedRenderer.selfHosted(timeout: timeout, memoryLimit: memoryLimit << 20))
            let rendered = try Graphviz.shared.render(graph, figure: figureOptions, render: renderOptions, isolation: isolation)
            for note in rendered.notes { printError(note.hasPrefix("note:") ? note : "note: " + note) }
            try OutputFile.write(rendered.result.data, to: output)
            let r = rendered.result
            Output.line("wrote \(output) (\(r.format.rawValue), \(r.engine.rawValue) layout, \(rendered.figure.nodes.count) nodes, \(rendered.figure.edges.count) links, \(r.data.count) bytes)")
        }
    }

    /// `--no-layout`: the view's styled DOT, as Graphviz would be given it, with no layout.
    func writeViewDOT(_ graph: KnowledgeGraph, _ options: FigureOptions) throws {
        var options = options
        if options.font == nil { options.font = Graphviz.figureFonts }
        let (figure, dot, notes) = try DOTExport.figure(graph, options: options)
        for note in notes { printError(note.hasPrefix("note:") ? note : "note: " + note) }
        let text = dot.text
        try OutputFile.write(Data(text.utf8), to: output)
        Output.line("wrote \(output) (the view's DOT, not laid out, \(figure.nodes.count) nodes, \(figure.edges.count) links, \(text.utf8.count) bytes)")
    }

    /// The figure and render options from the arguments; errors name the bad value and the choices.
    func options() throws -> (FigureOptions, RenderOptions) {
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if let m = maxNodes, m < 1 { throw ValidationError("--max-nodes must be at least 1") }
        if let d = dpi, !(d >= 10 && d <= 2400) { throw ValidationError("--dpi \(d): give pixels per inch between 10 and 2400 (300 for print)") }
        if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
        if memoryLimit < 64 { throw ValidationError("--memory-limit must be at least 64 (MB)") }
        func choice<T: RawRepresentable & CaseIterable>(_ value: String, _ option: String) throws -> T where T.RawValue == String {
            guard let v = T(rawValue: value.lowercased()) else {
                throw ValidationError("--\(option) \(value): use one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
        let outputFormat: OutputFormat
        if let format {
            outputFormat = try choice(format, "format")
        } else if let f = OutputFormat(fileExtension: output) {
            outputFormat = f
        } else {
            throw ValidationError("cannot tell the format from '\(output)': name it .svg, .png or .pdf, or pass --format")
        }
        var o = FigureOptions()
        o.view = try choice(view, "view")
        o.depth = depth
        o.maxNodes = maxNodes
        o.theme = try choice(theme, "theme")
        o.cluster = try cluster.map { try choice($0, "cluster") }
        o.title = title
        o.font = font
        o.legend = !noLegend
        o.edgeLabels = !noEdgeLabels
        o.pack = !noPack
        if let size {
            guard let s = FigureSize(parsing: size) else {
                throw ValidationError("--size \(size): write WIDTHxHEIGHT in inches (6.3x9), cm (16x23cm) or mm, or natural")
            }
            o.size = s
        }
        o.filter.from = from
        o.filter.to = to
        o.filter.place = place
        o.filter.eventTypes = Set(try eventTypes.map { (t: String) -> EventType in try choice(t, "event-type") })
        switch o.view {
        case .ego, .chain: o.focus = entity
        default: o.filter.entity = entity
        }
        if o.view == .ego && entity == nil { throw ValidationError("--view ego needs --entity NAME") }
        if noLayout && outputFormat != .dot {
            throw ValidationError("--no-layout writes DOT: name the output .dot or .gv (or pass --format dot)")
        }
        let r = RenderOptions(format: outputFormat, engine: try choice(engine, "engine"),
                              largeGraphThreshold: keepEngine ? nil : RenderOptions.defaultLargeGraphThreshold,
                              dpi: outputFormat.isBitmap ? (dpi ?? Self.defaultDPI) : nil)
        return (o, r)
    }
}

/// A render command failure with what to do about it.
struct RenderCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
