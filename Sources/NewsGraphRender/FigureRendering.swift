import Foundation
import NewsGraphCore
import NewsGraphExport

/// A rendered figure: the file, the DOT it was drawn from, and what the view and Graphviz reported.
public struct RenderedFigure: Sendable {
    public var result: RenderResult
    public var figure: Figure
    /// The DOT text given to Graphviz.
    public var dot: String
    /// The view's notes (node budget, empty selection) followed by the renderer's diagnostics (engine switch, warnings).
    public var notes: [String]
}

extension Graphviz {
    /// The font list used for figures when `FigureOptions.font` is nil: installed families first.
    public static let figureFonts: String = InstalledFonts.stack()

    /// Builds the figure of a view over `graph`, styles it and renders it in-process.
    ///
    /// Throws `FigureError` (the view cannot be made: unknown entity, bad date) or `RenderError`.
    public func render(_ graph: KnowledgeGraph, figure options: FigureOptions, render renderOptions: RenderOptions = RenderOptions()) throws -> RenderedFigure {
        var options = options
        if options.font == nil { options.font = Graphviz.figureFonts }
        let (figure, dot, notes) = try DOTExport.figure(graph, options: options)
        let text = dot.text
        let result = try render(dot: text, options: renderOptions)
        return RenderedFigure(result: result, figure: figure, dot: text, notes: notes + result.diagnostics)
    }
}
