import Foundation
import NewsGraphCore
import NewsGraphExport

/// A rendered figure: the file, the DOT it was drawn from, and what the view and Graphviz reported.
public struct RenderedFigure: Sendable {
    public var result: RenderResult
    public var figure: Figure
    /// The DOT text given to Graphviz.
    public var dot: String
    /// The view's notes (node budget, empty selection) followed by the renderer's diagnostics (engine switch,
    /// warnings) and a note when the page makes the text too small to read.
    public var notes: [String]
}

/// Where Graphviz runs.
public enum RenderIsolation: Sendable {
    /// In this process, through `Graphviz.shared`: the fastest, but a Graphviz crash ends the process.
    case inProcess
    /// In a child process (`IsolatedRenderer`): a Graphviz crash, hang or runaway allocation becomes a `RenderError`.
    case childProcess(IsolatedRenderer)

    /// Renders DOT text here or in the child process.
    public func render(dot: String, options: RenderOptions) throws(RenderError) -> RenderResult {
        switch self {
        case .inProcess: try Graphviz.shared.render(dot: dot, options: options)
        case .childProcess(let renderer): try renderer.render(dot: dot, options: options)
        }
    }
}

extension Graphviz {
    /// The font list used for figures when `FigureOptions.font` is nil: installed families first.
    public static let figureFonts: String = InstalledFonts.stack()

    /// Text smaller than this (in points, as printed on the page) is reported as too small to read: 5 pt is
    /// the smallest type journals accept in figures.
    public static let smallestLegibleText = 5.0

    /// Builds the figure of a view over `graph`, styles it and renders it, in-process (the default) or in
    /// a child process.
    ///
    /// Throws `FigureError` (the view cannot be made: unknown entity, bad date) or `RenderError`.
    public func render(_ graph: KnowledgeGraph, figure options: FigureOptions, render renderOptions: RenderOptions = RenderOptions(),
                       isolation: RenderIsolation = .inProcess) throws -> RenderedFigure {
        var options = options
        if options.font == nil { options.font = Graphviz.figureFonts }
        let (figure, dot, notes) = try DOTExport.figure(graph, options: options)
        let text = dot.text
        let result = try isolation.render(dot: text, options: renderOptions)
        var all = notes + result.diagnostics
        if let note = Graphviz.legibilityNote(result, figure: figure, options: options) { all.append(note) }
        return RenderedFigure(result: result, figure: figure, dot: text, notes: all)
    }

    /// A note when fitting the drawing to the page shrinks the node text below `smallestLegibleText`,
    /// with a node budget that would print at about that size.
    static func legibilityNote(_ result: RenderResult, figure: Figure, options: FigureOptions) -> String? {
        let page = options.page
        guard !page.isNatural, let size = result.layoutSize, size.width > 0, size.height > 0 else { return nil }
        let scale = min(1, page.width * 72 / size.width, page.height * 72 / size.height)
        let printed = options.theme.fontSize * scale
        guard printed < smallestLegibleText else { return nil }
        let ratio = printed / smallestLegibleText
        // Area goes with the number of nodes, text size with the square root of the area: a rough budget.
        let budget = max(5, Int((Double(figure.nodes.count) * ratio * ratio / 5).rounded()) * 5)
        return "note: fitted to \(page), the text prints at \(String(format: "%.1f", printed)) pt, too small to read; "
            + "draw fewer nodes (--max-nodes \(budget)), a narrower view or filter, or a larger page (--size WxH, --size natural)"
    }
}
