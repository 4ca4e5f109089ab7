import ArgumentParser
import Foundation
import NewsGraph
import NewsGraphRender

/// `newsgraph render`: draws a view of the store's graph to SVG, PNG or PDF with libgraphviz, in-process.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph (or a view of it) to SVG, PNG or PDF.",
        discussion: """
            Views: graph (everything), actors (events folded into actor → actor links), ego (--entity and its neighbourhood to --depth), chain (causal chains, from --entity's events or all), timeline (events left to right by date). Filters narrow the events (and so the entities) shown.

            Graphviz runs inside newsgraph (no `dot` program needed). Above \(RenderOptions.defaultLargeGraphThreshold) nodes the dot engine is replaced by sfdp (dot's layout takes minutes there), unless --keep-engine; --max-nodes keeps the most connected nodes instead and reports what it dropped. The format comes from the file extension, or --format. A PNG has at most 5,000 nodes (NEWSGRAPH_MAX_PNG_NODES; its bitmap takes gigabytes beyond); larger figures are drawn as SVG or PDF.

            Examples:
              newsgraph render --output graph.svg
              newsgraph render --output ttp.pdf --view ego --entity "Tehreek-e-Taliban Pakistan" --depth 2
              newsgraph render --output actors.png --view actors --from 2025-01-01 --to 2025-03-31 --theme slides
              newsgraph render --output timeline.svg --view timeline --place Quetta --cluster place
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The file to write (.svg, .png, .pdf; .dot, .json, .plain for Graphviz's layout).", valueName: "FILE"))
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

    @Option(name: .customLong("max-nodes"), help: ArgumentHelp("Keep at most N nodes, the most connected; says what was dropped.", valueName: "N"))
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
            if renderOptions.format == .png {
                // A bitmap grows with the layout: 20,000 nodes took 2.6 GB. Refused before Graphviz starts.
                let nodes = try FigureBuilder.build(graph, options: figureOptions).nodes.count
                if nodes > Self.maxRasterNodes {
                    throw RenderCommandError("a PNG of \(nodes) nodes would take gigabytes of memory to draw (2.6 GB at 20,000 nodes), so newsgraph draws PNGs of at most \(Self.maxRasterNodes) nodes; draw it as SVG or PDF (--output F.svg), keep the most connected nodes with --max-nodes \(Self.maxRasterNodes), or choose a smaller view")
                }
            }
            let rendered = try Graphviz.shared.render(graph, figure: figureOptions, render: renderOptions)
            for note in rendered.notes { printError(note.hasPrefix("note:") ? note : "note: " + note) }
            try OutputFile.write(rendered.result.data, to: output)
            let r = rendered.result
            Output.line("wrote \(output) (\(r.format.rawValue), \(r.engine.rawValue) layout, \(rendered.figure.nodes.count) nodes, \(rendered.figure.edges.count) links, \(r.data.count) bytes)")
        }
    }

    /// The figure and render options from the arguments; errors name the bad value and the choices.
    func options() throws -> (FigureOptions, RenderOptions) {
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if let m = maxNodes, m < 1 { throw ValidationError("--max-nodes must be at least 1") }
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
        o.filter.from = from
        o.filter.to = to
        o.filter.place = place
        o.filter.eventTypes = Set(try eventTypes.map { (t: String) -> EventType in try choice(t, "event-type") })
        switch o.view {
        case .ego, .chain: o.focus = entity
        default: o.filter.entity = entity
        }
        if o.view == .ego && entity == nil { throw ValidationError("--view ego needs --entity NAME") }
        let r = RenderOptions(format: outputFormat, engine: try choice(engine, "engine"),
                              largeGraphThreshold: keepEngine ? nil : RenderOptions.defaultLargeGraphThreshold)
        return (o, r)
    }
}

/// A render command failure with what to do about it.
struct RenderCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
