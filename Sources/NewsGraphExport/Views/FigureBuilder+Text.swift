import NewsGraphCore

/// Titles, evidence text, links and ids of a figure.
extension Builder {
    /// The title (view and focus, or `--title`) and the subtitle: filters, then what the figure shows —
    /// its nodes, links and the articles they come from (not the store's).
    func titles(nodes: [NodeID], edges: Int, focus: NodeID?) -> (String, String) {
        var title: String
        switch o.view {
        case .graph: title = "Knowledge graph"
        case .actors: title = "Actor network"
        case .ego: title = "\(focus.map { g.name(of: $0) } ?? "?") and its neighbourhood (depth \(o.depth))"
        case .chain: title = focus.map { "Causal chains involving \(g.name(of: $0))" } ?? "Causal chains"
        case .timeline: title = "Timeline of events"
        }
        if let t = o.title { title = t }
        var parts: [String] = []
        let f = o.filter
        if f.from != nil || f.to != nil { parts.append("\(f.from ?? "…") to \(f.to ?? "…")") }
        if let p = f.place { parts.append("in \(p)") }
        if let e = f.entity, o.view != .ego { parts.append("involving \(e)") }
        if !f.eventTypes.isEmpty { parts.append(f.eventTypes.sorted().map(\.rawValue).joined(separator: ", ")) }
        let articles = figureArticleCount(nodes)
        parts.append("\(nodes.count) node\(nodes.count == 1 ? "" : "s"), \(edges) link\(edges == 1 ? "" : "s"), \(articles) article\(articles == 1 ? "" : "s")")
        return (title, parts.joined(separator: " · "))
    }

    /// How many articles the figure's nodes come from.
    func figureArticleCount(_ nodes: [NodeID]) -> Int {
        var articles = Set<Int32>()
        for n in nodes { for e in g.evidence(of: n) { articles.insert(e.articleIndex) } }
        return articles.count
    }

    // MARK: - Evidence text

    func evidenceText(_ evidence: [Evidence]) -> String {
        var lines: [String] = []
        var seen = Set<String>()
        for e in evidence {
            let article = g.article(of: e)
            let key = "\(article.id)#\(e.sentence)"
            guard seen.insert(key).inserted else { continue }
            if lines.count == 3 { break }
            let where_ = article.id + (article.date.map { ", " + $0 } ?? "")
            if let s = g.sentence(of: e) {
                lines.append("“\(truncate(s, 280))” (\(where_))")
            } else {
                lines.append("(\(where_))")
            }
        }
        let more = Set(evidence.map(\.articleIndex)).count - Set(lines.indices).count
        if lines.count == 3, more > 0 { lines.append("and more sources") }
        return lines.joined(separator: "\n")
    }

    func sourceURL(_ evidence: [Evidence]) -> String? {
        for e in evidence {
            if let s = g.article(of: e).source, s.hasPrefix("https://") || s.hasPrefix("http://") { return s }
        }
        return nil
    }

    func truncate(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    func sanitize(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "-" || u == "_" {
                out.unicodeScalars.append(u)
            } else if u == ":" || u == " " {
                out += "-"
            } else {
                out += "_"
            }
        }
        return out
    }
}
