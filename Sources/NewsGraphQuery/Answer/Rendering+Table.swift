import NewsGraphCore

/// An answer as a table: a header and rows of cells, for CSV and for the text of aggregations.
public struct AnswerTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }
}

extension QueryAnswer {
    /// The answer as a table. Aggregations: one column per group key (for agents, targets, places and claimants
    /// also `KEY_id`), then `count` (and `sum_killed`/`sum_injured`, `no_figure`). Other forms: one row per answer
    /// row with the node's fields, the link that reached it and its first evidence sentence.
    public var table: AnswerTable {
        if let aggregate { return Self.table(aggregate) }
        let columns = ["rank", "id", "key", "kind", "type", "name", "label", "date", "place", "agents", "targets",
                       "killed", "injured", "depth", "via", "evidence_count", "evidence_article", "evidence_sentence", "evidence_text"]
        let rows = rows.enumerated().map { i, r -> [String] in
            let n = r.node
            let via = r.via.map { "\($0.fromLabel) —\($0.relation)→ \($0.toLabel)" }
            let evidence = r.evidence.first ?? r.via?.evidence.first
            let count = r.node.kind == .event ? r.evidenceCount : r.via?.evidenceCount ?? 0
            return [String(i + 1), n.id, n.key, n.kind.rawValue, n.type, n.name, n.label, n.date ?? "", n.place ?? "",
                    (n.agents ?? []).joined(separator: "; "), (n.targets ?? []).joined(separator: "; "),
                    n.killed.map(String.init) ?? "", n.injured.map(String.init) ?? "", r.depth.map(String.init) ?? "",
                    via ?? "", String(count), evidence?.article ?? "", evidence?.sentence.map(String.init) ?? "", evidence?.text ?? ""]
        }
        return AnswerTable(columns: columns, rows: rows)
    }

    static func table(_ a: AggregateTable) -> AnswerTable {
        let nodeKeys: Set<String> = ["agent", "target", "place", "claimant"]
        var columns: [String] = []
        for key in a.groupBy {
            columns.append(key)
            if nodeKeys.contains(key) { columns.append(key + "_id") }
        }
        columns.append("count")
        if a.measure != "count" { columns += ["sum_" + a.measure, "no_figure"] }
        let rows = a.groups.map { g -> [String] in
            var cells: [String] = []
            for (key, v) in zip(a.groupBy, g.keys) {
                cells.append(v.display)
                if nodeKeys.contains(key) { cells.append(v.id ?? "") }
            }
            cells.append(String(g.count))
            if a.measure != "count" { cells += [String(g.sum ?? 0), String(g.missing ?? 0)] }
            return cells
        }
        return AnswerTable(columns: columns, rows: rows)
    }

    /// The lines of an aggregation in text output: the table with aligned columns (ids in brackets), then the total.
    static func aggregateLines(_ a: AggregateTable) -> [String] {
        let header = a.groupBy + (a.measure == "count" ? ["count"] : ["count", a.measure, "no figure"])
        let rows = a.groups.map { g -> [String] in
            var cells = g.keys.map { v in v.id.map { "\(v.display) [\($0)]" } ?? v.display }
            cells.append(String(g.count))
            if a.measure != "count" { cells += [String(g.sum ?? 0), String(g.missing ?? 0)] }
            return cells
        }
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        let numeric = header.indices.map { $0 >= a.groupBy.count }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return numeric[i] ? pad + c : c + pad
            }
            return "  " + padded.joined(separator: "  ").trimmingTrailingSpaces
        }
        var out = all.map(line)
        if a.groupBy.isEmpty { out = [line(header), line(rows.first ?? header.map { _ in "0" })] }
        let noun = a.total != 1 ? a.subject : a.subject == "entities" ? "entity" : "event"
        var total = "total: \(a.total) \(noun)"
        if let sum = a.totalSum { total += ", \(sum) \(a.measure)" }
        if a.groupCount > a.groups.count { total += " (\(a.groupCount) groups, \(a.groups.count) shown)" }
        out.append(total)
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
