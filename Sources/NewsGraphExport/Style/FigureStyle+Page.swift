import NewsGraphCore

extension FigureStyle {
    /// The page: `size` (the drawing is scaled down to fit, proportions kept), and for every view but the
    /// timeline `pack`, so that a graph of many small parts fills a block of about the page's shape instead
    /// of one column of parts. Packing replaces `newrank` (Graphviz 2.42's dot crashes when both are set);
    /// the timeline keeps `newrank`, which lets its date ranks hold nodes inside place clusters.
    static func addPageAttributes(_ figure: Figure, options: FigureOptions, into g: inout DOTGraph) {
        let page = options.page
        if !page.isNatural {
            g.graphAttributes["size"] = .raw(DOTValue.formatNumber(page.width) + "," + DOTValue.formatNumber(page.height))
        }
        if options.pack && figure.view != .timeline {
            g.graphAttributes["pack"] = .bool(true)
            g.graphAttributes["packmode"] = "graph"
        } else {
            g.graphAttributes["newrank"] = .bool(true)
        }
    }
}
