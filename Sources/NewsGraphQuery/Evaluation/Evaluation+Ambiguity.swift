import NewsGraphCore

extension Evaluation {
    /// Candidates this many points or less below the chosen one make a name ambiguous: the answer then says
    /// which node it chose and names the others, with their ids.
    static let closeMargin = 10

    static func isClose(_ score: Int, to best: Int) -> Bool {
        score >= NameResolver.acceptScore && score >= best - closeMargin
    }

    static func isClose(_ c: ScoredNode, to best: ScoredNode) -> Bool { isClose(c.score, to: best.score) }

    /// "'bombing at Bannu' is ambiguous: chose bombing … — 2025-03-08 [n40] (score 47); also matches: … [n52] (45);
    /// name another by its id (e.g. 'n52') or give a fuller description".
    func ambiguityNote(_ text: String, _ r: Resolution, _ close: [Candidate]) -> String {
        func describe(_ n: NodeSummary) -> String {
            n.kind == .event ? "\(n.label) — \(n.date ?? "date unknown") [\(n.id)]" : "\(n.label) (\(n.type)) [\(n.id)]"
        }
        let how = close.contains { $0.score >= r.score } ? "by the tie-break (preferred kind, most links, lowest id)" : "as the best match"
        let others = close.map { "\(describe($0.node)) (\($0.score))" }.joined(separator: "; ")
        return "'\(text)' is ambiguous: chose \(describe(r.chosen)) (score \(r.score)) \(how); also matches: \(others); "
            + "name another by its id (e.g. '\(close[0].node.id)') or give a fuller name"
    }
}
