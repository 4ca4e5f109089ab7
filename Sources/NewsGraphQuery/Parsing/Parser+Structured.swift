import NewsGraphCore

/// The structured forms: `chain from`, `path from … to`, `neighbours of`.
extension QueryParser {
    // MARK: Structured forms

    static let chainStops: Set<String> = ["via", "depth", "forward", "forwards", "backward", "backwards", "both"]

    mutating func parseChain() throws(QueryError) -> ChainQuery {
        _ = try expect("from", "after 'chain'")
        var q = ChainQuery(from: try parseReference(after: "chain from", stoppingAt: Self.chainStops))
        var seen: Set<String> = []
        while !atEnd {
            let option = current
            guard seen.insert(normalizedOption(option.lower)).inserted || !isWord(option, Self.chainStops) else {
                throw error("'\(option.text)' given twice")
            }
            if accept("via") != nil {
                let source = self.source
                q.relations = try parseList(after: "via") { (t) throws(QueryError) -> CausalRelation in
                    guard let r = CausalRelation(rawValue: t.lower.replacingAll(["-"], with: "_")) else {
                        throw QueryError(.syntax, "unknown causal relation '\(t.text)'; use responded_to, caused or followed", at: t.range, in: source)
                    }
                    return r
                }
            } else if accept("depth") != nil {
                q.depth = try parseInt(after: "depth", range: 1...1000)
            } else if accept("forward", "forwards") != nil {
                q.direction = .forward
            } else if accept("backward", "backwards") != nil {
                q.direction = .backward
            } else if accept("both") != nil {
                q.direction = .both
            } else {
                throw error("expected 'via', 'depth', 'forward', 'backward' or 'both' after the chain source, found \(current.display)")
            }
        }
        return q
    }

    func normalizedOption(_ word: String) -> String {
        switch word {
        case "forward", "forwards", "backward", "backwards", "both": "direction"
        case "directed", "undirected": "directed"
        default: word
        }
    }

    static let pathStops: Set<String> = ["via", "depth", "directed", "undirected"]

    mutating func parsePath() throws(QueryError) -> PathQuery {
        _ = try expect("from", "after 'path'")
        let from = try parseReference(after: "path from", stoppingAt: ["to"])
        _ = try expect("to", "after path source")
        let to = try parseReference(after: "path from … to", stoppingAt: Self.pathStops)
        var q = PathQuery(from: from, to: to)
        var seen: Set<String> = []
        while !atEnd {
            let option = current
            if option.kind == .word, !seen.insert(normalizedOption(option.lower)).inserted, Self.pathStops.contains(option.lower) {
                throw error("'\(option.text)' given twice")
            }
            if accept("directed") != nil {
                q.directed = true
            } else if accept("undirected") != nil {
                q.directed = false
            } else if accept("via") != nil {
                q.via = try parseEdgeKinds()
            } else if accept("depth") != nil {
                q.maxDepth = try parseInt(after: "depth", range: 1...1000)
            } else {
                throw error("expected 'directed', 'via' or 'depth' after path target, found \(current.display)")
            }
        }
        return q
    }

    static let neighbourStops: Set<String> = ["depth", "via", "where", "limit"]

    mutating func parseNeighbours() throws(QueryError) -> NeighbourQuery {
        _ = try expect("of", "after 'neighbours'")
        var q = NeighbourQuery(of: try parseReference(after: "neighbours of", stoppingAt: Self.neighbourStops))
        var seen: Set<String> = []
        while !atEnd {
            let option = current
            if option.kind == .word, !seen.insert(option.lower).inserted, Self.neighbourStops.contains(option.lower) {
                throw error("'\(option.text)' given twice")
            }
            if accept("depth") != nil {
                q.depth = try parseInt(after: "depth", range: 1...1000)
            } else if accept("via") != nil {
                q.via = try parseEdgeKinds()
            } else if accept("where") != nil {
                q.filter = try parseCondition()
            } else if accept("limit") != nil {
                q.limit = try parseInt(after: "limit", range: 1...Int.max)
            } else {
                throw error("expected 'depth', 'via', 'where' or 'limit', found \(current.display)")
            }
        }
        return q
    }
}
