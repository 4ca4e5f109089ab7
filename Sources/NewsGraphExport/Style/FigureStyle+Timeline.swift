import NewsGraphCore

extension FigureStyle {
    /// The date axis of a timeline: one column (rank) per date, left to right, holding the date's label
    /// and its events and nothing else. Dates are two ranks apart, so that an event's agents sit in the free
    /// rank before it and its targets in the one after, never in another date's column. In each column the
    /// label comes first (above the events: invisible edges within the rank order it), and heavy edges
    /// between labels keep the axis on one straight line.
    static func addTimelineAxis(_ figure: Figure, theme t: Theme, font: String, into g: inout DOTGraph) {
        let ranks = figure.timeline
        guard !ranks.isEmpty else { return }
        for (i, r) in ranks.enumerated() {
            var rank = DOTSubgraph(name: "rank_\(i)", graphAttributes: ["rank": "same"])
            rank.add(DOTNode(DOTID("t\(i)"), [
                "shape": "plaintext", "style": "solid", "label": .text(r.date), "fontcolor": .raw(t.mutedText),
                "fontsize": .number(t.fontSize + 1), "class": .esc(EscString("axis date")),
                "id": .esc(EscString("date-\(r.date)")), "tooltip": .text("\(r.events.count) event\(r.events.count == 1 ? "" : "s") on \(r.date)"),
            ]))
            for e in r.events { rank.add(DOTNode(DOTID(e))) }
            g.add(rank)
            for e in r.events {
                g.add(DOTEdge(DOTEndpoint(DOTID("t\(i)")), DOTEndpoint(DOTID(e)), ["style": "invis", "class": .esc("axis order")]))
            }
        }
        for i in 0..<(ranks.count - 1) {
            g.add(DOTEdge(DOTEndpoint(DOTID("t\(i)")), DOTEndpoint(DOTID("t\(i + 1)")), [
                "style": "solid", "color": .raw(t.clusterBorder), "arrowhead": "none", "weight": 100, "minlen": 2,
                "class": .esc("axis"),
            ]))
        }
    }

    /// The indices of timeline edges that must not decide ranks: every link between events (their dates
    /// do), and every link of an entity but the one to its earliest event. An entity that acts on one date
    /// and is hit on an earlier one would otherwise ask to be both before and after the axis, and dot would
    /// resolve that by reversing the axis (two dates in one column).
    static func timelineLooseEdges(_ figure: Figure) -> Set<Int> {
        var column: [String: Int] = [:]
        for (i, r) in figure.timeline.enumerated() { for e in r.events { column[e] = i } }
        var loose = Set<Int>()
        var anchor: [String: (edge: Int, column: Int)] = [:]
        for (i, e) in figure.edges.enumerated() {
            let from = column[e.from], to = column[e.to]
            if from != nil && to != nil { loose.insert(i); continue }
            guard let c = from ?? to else { continue }  // entity to entity: leave it to the layout
            let entity = from == nil ? e.from : e.to
            if let a = anchor[entity] {
                if c < a.column { loose.insert(a.edge); anchor[entity] = (i, c) } else { loose.insert(i) }
            } else {
                anchor[entity] = (i, c)
            }
        }
        return loose
    }
}
