import Foundation
import NewsGraphCore

extension QueryAnswer {
    /// The part of `graph` the answer covers (its nodes and every edge among them), for DOT export:
    /// `DOTExport.dot(answer.subgraph(of: graph))`. `graph` must be the graph the answer was computed on.
    public func subgraph(of graph: KnowledgeGraph) -> KnowledgeGraph {
        graph.subgraph(nodes: subgraph.nodeIDs)
    }

    /// The answer as stable JSON: sorted keys, absent values omitted, pretty-printed.
    /// The shape is documented in `docs/query-language.md` ("JSON output").
    public func json(pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self), let text = String(data: data, encoding: .utf8) else {
            return "{}"
        }
        return text
    }

    /// The answer for a terminal: how names were resolved, then one numbered block per row with the link that
    /// reached it and every evidence sentence.
    public func text() -> String {
        var out: [String] = []
        for r in resolutions {
            out.append("\"\(r.text)\" → \(r.chosen.label) [\(r.chosen.kind.rawValue) \(r.chosen.id)] (\(r.match), score \(r.score))")
            if !r.alternatives.isEmpty {
                let phrase = r.isAmbiguous ? "ambiguous; also matches" : "other matches"
                out.append("  \(phrase): " + r.alternatives.map { "\($0.node.label) [\($0.node.id)] (\($0.score))" }.joined(separator: "; "))
            }
        }
        if let aggregate {
            out.append("\(title):")
            out.append(contentsOf: Self.aggregateLines(aggregate))
        } else {
            out.append(rows.isEmpty ? "\(title): none" : "\(title):")
        }
        for (n, row) in rows.enumerated() {
            out.append("")
            var head = "\(n + 1). \(row.node.label)"
            if row.node.kind == .entity { head += " (\(row.node.type))" }
            let facts = Self.eventFacts(row.node)
            if !facts.isEmpty { head += " — " + facts }
            if let depth = row.depth, depth > 0 { head += "  [depth \(depth)]" }
            out.append(head)
            if let via = row.via {
                out.append("   \(via.fromLabel) —\(via.relation)→ \(via.toLabel)")
                out.append(contentsOf: Self.evidenceLines(via.evidence, total: via.evidenceCount, indent: "     "))
            }
            if !row.evidence.isEmpty {
                out.append("   stated in:")
                out.append(contentsOf: Self.evidenceLines(row.evidence, total: row.evidenceCount, indent: "     "))
            }
            for link in row.related {
                out.append("   \(link.fromLabel) —\(link.relation)→ \(link.toLabel)")
                out.append(contentsOf: Self.evidenceLines(link.evidence, total: link.evidenceCount, indent: "     "))
            }
        }
        if !notes.isEmpty {
            out.append("")
            out.append(contentsOf: notes.map { "note: \($0)" })
        }
        return out.joined(separator: "\n")
    }

    static func eventFacts(_ node: NodeSummary) -> String {
        guard node.kind == .event else { return "" }
        var parts: [String] = []
        parts.append(node.date ?? "date unknown")
        if let k = node.killed { parts.append("\(k) killed") }
        if let i = node.injured { parts.append("\(i) injured") }
        return parts.joined(separator: ", ")
    }

    /// Evidence sentences printed per item in text output (JSON keeps up to ten).
    static let textEvidenceLimit = 3

    static func evidenceLines(_ evidence: [AnswerEvidence], total: Int, indent: String) -> [String] {
        if evidence.isEmpty { return ["\(indent)(no evidence recorded)"] }
        var lines = evidence.prefix(textEvidenceLimit).map { e in
            guard let sentence = e.sentence else { return "\(indent)\(e.article) (sentence not recorded)" }
            if let text = e.text { return "\(indent)\(e.article) #\(sentence): \"\(text)\"" }
            return "\(indent)\(e.article) #\(sentence)"
        }
        let shown = min(evidence.count, textEvidenceLimit)
        if total > shown { lines.append("\(indent)… and \(total - shown) more") }
        return lines
    }
}
