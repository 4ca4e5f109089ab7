import NewsGraphCore

extension FigureStyle {
    /// The page: `size` (the drawing is scaled down to fit, proportions kept), and for every view but the
    /// timeline `pack` when the figure has several connected parts, so that a graph of many small parts fills a block of about the page's shape instead
    /// of one column of parts. Packing replaces `newrank` (Graphviz 2.42's dot crashes when both are set);
    /// the timeline keeps `newrank`, which lets its date ranks hold nodes inside place clusters.
    static func addPageAttributes(_ figure: Figure, options: FigureOptions, into g: inout DOTGraph) {
        let page = options.page
        if !page.isNatural {
            g.graphAttributes["size"] = .raw(DOTValue.formatNumber(page.width) + "," + DOTValue.formatNumber(page.height))
        }
        // One part (plus the legend) needs no packing, and packing would set the legend apart as a part of its own.
        if options.pack && figure.view != .timeline && figure.componentCount > 1 {
            g.graphAttributes["pack"] = .bool(true)
            g.graphAttributes["packmode"] = "graph"
        } else {
            g.graphAttributes["newrank"] = .bool(true)
        }
    }
}

extension Figure {
    /// The number of connected parts of the figure (links in either direction; a node without links is a part).
    public var componentCount: Int {
        var parent = Dictionary(uniqueKeysWithValues: nodes.map { ($0.name, $0.name) })
        func root(_ x: String) -> String {
            var r = x
            while let p = parent[r], p != r { r = p }
            var y = x
            while let p = parent[y], p != r { parent[y] = r; y = p }
            return r
        }
        for e in edges where parent[e.from] != nil && parent[e.to] != nil {
            let a = root(e.from), b = root(e.to)
            if a != b { parent[a] = b }
        }
        return Set(nodes.map { root($0.name) }).count
    }
}
