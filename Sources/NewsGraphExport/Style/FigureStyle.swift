import NewsGraphCore

/// Turns a `Figure` into a styled `DOTGraph` for print: shapes and Okabe–Ito colours by entity and
/// event type, events filled solid and entities pale, line styles by relation (causal links thick),
/// a title, a legend, clusters, and SVG `id`/`class`/`tooltip`/`URL` carrying the evidence.
public enum FigureStyle {
    /// The styled DOT of a figure.
    public static func dot(_ figure: Figure, options: FigureOptions = FigureOptions()) -> DOTGraph {
        let t = options.theme
        let font = options.font ?? Theme.fontStack
        let rankdir = options.rankdir ?? defaultRankdir(figure.view, page: options.page)
        var g = DOTGraph(kind: .digraph, id: "newsgraph")
        g.graphAttributes = [
            "bgcolor": .raw(t.background), "fontname": .raw(font), "fontcolor": .raw(t.text),
            "rankdir": .raw(rankdir), "pad": .number(0.3),
            "nodesep": .number(t == .slides ? 0.5 : 0.35), "ranksep": .number(t == .slides ? 0.8 : 0.55),
            // Safe for every engine (the renderer may switch dot to sfdp): no `splines`, whose routing is slow in sfdp.
            "outputorder": "edgesfirst", "overlap": "false", "labelloc": "t",
            "id": .esc(EscString("figure-\(figure.view.rawValue)")), "class": .esc(EscString("newsgraph \(figure.view.rawValue)")),
        ]
        addPageAttributes(figure, options: options, into: &g)
        if !(options.title == "") {
            var title = HTMLLabel.element("FONT", ["POINT-SIZE": DOTValue.formatNumber(t.titleFontSize)], .element("B", [:], .text(figure.title)))
            if !figure.subtitle.isEmpty {
                title = title + HTMLLabel(trusted: "<BR/>")
                    + .element("FONT", ["POINT-SIZE": DOTValue.formatNumber(t.subtitleFontSize), "COLOR": t.mutedText], .text(figure.subtitle))
            }
            g.graphAttributes["label"] = .html(title)
        }
        g.nodeDefaults = [
            "fontname": .raw(font), "fontsize": .number(t.fontSize), "fontcolor": .raw(t.text),
            "style": "filled", "penwidth": .number(t.penWidth), "margin": "0.12,0.05",
        ]
        g.edgeDefaults = [
            "fontname": .raw(font), "fontsize": .number(t.edgeFontSize), "fontcolor": .raw(t.mutedText),
            "color": .raw(t.edge), "penwidth": .number(t.penWidth), "arrowsize": .number(0.7),
        ]

        // Nodes, grouped into clusters in the order of their first node.
        var clusterBodies: [String: DOTSubgraph] = [:]
        var clusterOrder: [String] = []
        let clusterLabels = Dictionary(figure.clusters.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        for n in figure.nodes {
            let node = styledNode(n, theme: t)
            if let c = n.cluster {
                if clusterBodies[c] == nil {
                    clusterOrder.append(c)
                    clusterBodies[c] = .cluster(c, [
                        // Subgraphs inherit the graph's id and class: give each cluster its own.
                        "id": .esc(EscString("cluster-\(c)")), "class": .esc(EscString("group-of-\(options.cluster?.rawValue ?? "nodes")")),
                        "label": .text(clusterLabels[c] ?? c), "style": "rounded,filled", "fillcolor": .raw(t.clusterFill),
                        "color": .raw(t.clusterBorder), "fontcolor": .raw(t.mutedText), "labeljust": "l",
                        "fontsize": .number(t.fontSize + 1), "penwidth": .number(1),
                    ])
                }
                clusterBodies[c]?.add(node)
            } else {
                g.add(node)
            }
        }
        for c in clusterOrder { if let body = clusterBodies[c] { g.add(body) } }

        if figure.view == .timeline { addTimelineAxis(figure, theme: t, font: font, into: &g) }

        let loose = figure.view == .timeline ? timelineLooseEdges(figure) : []
        for (i, e) in figure.edges.enumerated() {
            var edge = styledEdge(e, index: i, theme: t)
            // On a timeline the date axis decides the ranks: links between events must not reorder them,
            // and an entity is placed by its first event only (see `timelineLooseEdges`).
            if loose.contains(i) { edge.attributes["constraint"] = .bool(false) }
            // ... and their labels are placed after the layout (xlabel): Graphviz 2.43's dot lays a labelled
            // edge out through a virtual label node, and freeing the layout of a timeline with such edges
            // aborts the process ("double free", in dot's cleanup; the figure itself was fine).
            if figure.view == .timeline, let label = edge.attributes["label"] {
                edge.attributes["label"] = nil
                edge.attributes["xlabel"] = label
            }
            g.add(edge)
        }

        if options.legend, !figure.nodes.isEmpty { g.add(legend(figure, theme: t)) }
        return g
    }

    /// Graphviz 2.42.2 writes `URL` into SVG's `xlink:href` without escaping `&` (invalid XML), but leaves
    /// entities alone: so the URL goes out with `&` as `&amp;`, and with control characters, spaces and
    /// `"<>\^`{|}` percent-encoded (XML forbids most control characters anywhere).
    static func xmlEscapedURL(_ url: String) -> String {
        var out = ""
        for u in url.unicodeScalars {
            if u == "&" {
                out += "&amp;"
            } else if u.value <= 0x20 || u.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains(u) || u.value == 0xFFFE || u.value == 0xFFFF {
                for b in String(u).utf8 { out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) }
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The layers run along the page's long side: top to bottom on a portrait page (the A4 default: an ego
    /// network of 14 nodes prints at 6 pt instead of 2.7 pt), left to right on a landscape one. The timeline
    /// always runs left to right (its axis); at natural size, chains and graphs run left to right.
    static func defaultRankdir(_ v: FigureView, page: FigureSize = .natural) -> String {
        if v == .timeline { return "LR" }
        if !page.isNatural { return page.height >= page.width ? "TB" : "LR" }
        switch v {
        case .timeline, .chain, .graph, .ego: return "LR"
        case .actors: return "TB"
        }
    }

    // MARK: - Nodes

    static func styledNode(_ n: Figure.Node, theme t: Theme) -> DOTNode {
        var a: DOTAttributes = [
            "id": .esc(EscString(n.svgID)), "tooltip": .text(n.tooltip),
        ]
        if let url = n.url { a["URL"] = .raw(xmlEscapedURL(url)); a["target"] = "_blank" }
        switch n.kind {
        case .entity(let type):
            let color = Palette.color(type)
            a["shape"] = .raw(Palette.shape(type))
            a["color"] = .raw(type == .place && t != .dark ? "#B8A800" : color)  // yellow borders are too faint on white
            a["fillcolor"] = .raw(Palette.mix(color, t.background, t.entityTint))
            a["label"] = .esc(EscString.lines(wrap(n.title, width: 22)))
            a["class"] = .esc(EscString("entity \(type.rawValue)"))
            if type == .organization { a["style"] = "rounded,filled" }
        case .event(let type):
            let category = EventCategory(type)
            let fill = Palette.color(category, theme: t)
            let ink = Palette.textColor(category, theme: t)
            a["shape"] = .raw(Palette.shape(type))
            a["fillcolor"] = .raw(n.factuality == .denied ? Palette.mix(fill, t.background, 0.45) : fill)
            a["color"] = .raw(t.text)
            a["fontcolor"] = .raw(ink)
            a["penwidth"] = .number(t.penWidth * 1.6)
            switch n.factuality {
            case .asserted: a["style"] = "filled"
            case .reported: a["style"] = "filled,dashed"
            case .denied: a["style"] = "filled,dotted"
            }
            var label = n.title.isEmpty ? HTMLLabel.text(" ") : HTMLLabel.element("B", [:], .text(n.title))
            for d in n.details where !d.isEmpty {
                label = label + HTMLLabel(trusted: "<BR/>")
                    + .element("FONT", ["POINT-SIZE": DOTValue.formatNumber(t.detailFontSize)], .text(d))
            }
            a["label"] = .html(label)
            a["class"] = .esc(EscString("event \(type.rawValue) \(category.rawValue) \(n.factuality.rawValue)"))
        }
        return DOTNode(DOTID(n.name), a)
    }

    /// Splits text into lines of about `width` characters at spaces (long words stay whole).
    static func wrap(_ s: String, width: Int) -> [String] {
        guard s.count > width else { return [s] }
        var lines: [String] = []
        var line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [s] : lines
    }

    // MARK: - Edges

    static func styledEdge(_ e: Figure.Edge, index: Int, theme t: Theme) -> DOTEdge {
        var a: DOTAttributes = ["tooltip": .text(e.tooltip), "id": .esc(EscString("edge-\(index)-\(e.from)-\(e.to)"))]
        if let url = e.url { a["URL"] = .raw(xmlEscapedURL(url)); a["target"] = "_blank" }
        if let l = e.label { a["label"] = .text(l) }
        var styles: [String] = []
        var cls: String
        switch e.kind {
        case .role(.agent):
            cls = "role agent"
        case .role(.target):
            styles.append("dashed"); a["arrowhead"] = "empty"; cls = "role target"
        case .role(.place):
            styles.append("dotted"); a["arrowhead"] = "none"; cls = "role place"
        case .triple(let p):
            cls = "relation \(p.rawValue)"
            if p == .claimedResponsibility {
                styles.append("dashed"); a["color"] = .raw(OkabeIto.orange); a["penwidth"] = .number(t.penWidth * 1.5)
                a["fontcolor"] = .raw(t.text)
            } else {
                a["color"] = .raw(t.relationEdge); a["arrowhead"] = "vee"
            }
        case .causal(let c):
            cls = "causal \(c.rawValue)"
            a["color"] = .raw(t.causalEdge); a["penwidth"] = .number(t.causalPenWidth)
            a["fontcolor"] = .raw(t.causalEdge); a["fontsize"] = .number(t.edgeFontSize + 2)
            a["arrowsize"] = .number(1); a["weight"] = 4
            styles.append("bold")
        case .folded(let what):
            cls = "actors"
            let eventType = EventType(rawValue: what) ?? EventType(rawValue: String(what.split(separator: " ").last ?? ""))
            if let et = eventType {
                a["color"] = .raw(Palette.color(EventCategory(et), theme: t))
                cls += " \(et.rawValue)"
            } else {
                a["color"] = .raw(t.relationEdge)
                a["arrowhead"] = "vee"
            }
            if what.hasPrefix("claimed") { styles.append("dashed") }
            let w = Double(max(1, e.weight))
            a["penwidth"] = .number(t.penWidth * (1 + 1.4 * log2(w)))
            a["weight"] = .raw(String(e.weight))
        case .order:
            cls = "axis"; styles.append("invis"); a["weight"] = 100
        }
        if e.factuality == .reported || e.isDisputed, !styles.contains("dashed") { styles.append("dashed") }
        if e.factuality == .denied { styles = styles.filter { $0 != "dashed" } + ["dotted"] }
        if !styles.isEmpty { a["style"] = .raw(styles.joined(separator: ",")) }
        a["class"] = .esc(EscString(cls))
        return DOTEdge(DOTEndpoint(DOTID(e.from)), DOTEndpoint(DOTID(e.to)), a)
    }

    static func log2(_ x: Double) -> Double {
        var v = x, r = 0.0
        while v >= 2 { v /= 2; r += 1 }
        return r + (v - 1)  // piecewise-linear between powers of two: exact at powers, monotone, platform independent
    }

    // MARK: - Legend

    static func legend(_ figure: Figure, theme t: Theme) -> DOTNode {
        var entityTypes = Set<EntityType>(), eventTypes = Set<EventType>()
        for n in figure.nodes {
            switch n.kind {
            case .entity(let x): entityTypes.insert(x)
            case .event(let x): eventTypes.insert(x)
            }
        }
        var rows: [HTMLLabel] = []
        let size = DOTValue.formatNumber(t.detailFontSize + 1)
        func row(_ swatchFill: String, _ swatchBorder: String, _ ink: String, _ mark: String, _ text: String) {
            // Graphviz rejects an empty <FONT></FONT>; an empty cell is fine.
            let swatch = HTMLLabel.element("TD", ["BGCOLOR": swatchFill, "COLOR": swatchBorder, "BORDER": "1", "WIDTH": "22"],
                                           mark.isEmpty ? .text("") : .element("FONT", ["COLOR": ink, "POINT-SIZE": size], .text(mark)))
            let label = HTMLLabel.element("TD", ["ALIGN": "LEFT", "BORDER": "0"], .element("FONT", ["POINT-SIZE": size], .text(text)))
            rows.append(.element("TR", [:], swatch + label))
        }
        func header(_ text: String) {
            rows.append(.element("TR", [:], .element("TD", ["COLSPAN": "2", "ALIGN": "LEFT", "BORDER": "0"],
                                                     .element("B", [:], .element("FONT", ["POINT-SIZE": size], .text(text))))))
        }
        if !entityTypes.isEmpty {
            header("Entities")
            for x in EntityType.allCases where entityTypes.contains(x) {
                row(Palette.mix(Palette.color(x), t.background, t.entityTint), Palette.color(x), t.text, "", "\(x.rawValue) (\(Palette.shape(x)))")
            }
        }
        if !eventTypes.isEmpty {
            header("Events")
            for c in EventCategory.allCases {
                let members = EventType.allCases.filter { eventTypes.contains($0) && EventCategory($0) == c }
                guard !members.isEmpty else { continue }
                row(Palette.color(c, theme: t), t.text, Palette.textColor(c, theme: t), "", members.map(\.rawValue).joined(separator: ", "))
            }
        }
        var kinds = Set<String>()
        for e in figure.edges {
            switch e.kind {
            case .role(let r): kinds.insert(r.rawValue)
            case .causal: kinds.insert("causal")
            case .triple(.claimedResponsibility): kinds.insert("claimed")
            case .triple: kinds.insert("relation")
            case .folded(let what):
                kinds.insert(EventType(rawValue: what) != nil || what.hasPrefix("claimed") ? "folded" : "relation")
            case .order: break
            }
        }
        if figure.edges.contains(where: { $0.factuality != .asserted || $0.isDisputed }) || figure.nodes.contains(where: { $0.factuality != .asserted }) {
            kinds.insert("uncertain")
        }
        let edgeRows: [(String, String)] = [
            ("agent", "──▶  carried out (agent)"), ("target", "╌╌▷  targeted"), ("place", "┈┈┈  took place at"),
            ("causal", "━━▶  caused / prompted / followed by"), ("claimed", "╌╌▶  claimed responsibility (orange)"),
            ("relation", "──›  relation between entities"), ("folded", "──▶  events between actors (width: how many)"),
            ("uncertain", "dashed: reported or disputed; dotted: denied"),
        ]
        let present = edgeRows.filter { kinds.contains($0.0) }
        if !present.isEmpty {
            header("Links")
            for (_, text) in present {
                rows.append(.element("TR", [:], .element("TD", ["COLSPAN": "2", "ALIGN": "LEFT", "BORDER": "0"],
                                                         .element("FONT", ["POINT-SIZE": size], .text(text)))))
            }
        }
        let table = HTMLLabel.element("TABLE", ["BORDER": "1", "CELLBORDER": "0", "CELLSPACING": "3", "CELLPADDING": "2",
                                                "COLOR": t.clusterBorder, "BGCOLOR": t.background],
                                      rows.reduce(HTMLLabel(trusted: ""), +))
        return DOTNode("legend", ["shape": "plaintext", "style": "solid", "margin": 0, "label": .html(table),
                                  "id": .esc("legend"), "class": .esc("legend"), "tooltip": .text("Legend")])
    }
}
