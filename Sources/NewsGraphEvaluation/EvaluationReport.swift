import Foundation
import NewsGraph

/// Precision, recall and F1 of one measure, in the shape of `score.py --json`.
public struct MeasureScore: Codable, Sendable, Hashable {
    public var tp: Int
    public var pred: Int
    public var gold: Int
    public var p: Double
    public var r: Double
    public var f1: Double

    public init(_ c: Scorer.Counts) {
        tp = c.tp
        pred = c.predicted
        gold = c.gold
        p = Self.round3(c.precision)
        r = Self.round3(c.recall)
        f1 = Self.round3(c.f1)
    }

    static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

/// The scores of one gold document.
public struct DocumentScore: Codable, Sendable, Hashable {
    public var id: String
    public var strict: [String: MeasureScore]
    public var lenient: [String: MeasureScore]
}

/// The result of `newsgraph evaluate`: totals over all documents (summed counts, then P/R/F1), strict and
/// lenient, per measure (`Scorer.measures`), and optionally per document.
public struct EvaluationReport: Codable, Sendable, Hashable {
    public var strict: [String: MeasureScore]
    public var lenient: [String: MeasureScore]
    /// Per-document scores, when asked for.
    public var documents: [DocumentScore]?
    /// Gold documents scored.
    public var count: Int
    /// Gold files or texts that could not be used (their predictions count as empty, as in `score.py`).
    public var failures: [String]

    /// The totals as a table in the layout of `score.py`.
    public var table: String {
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            s.count >= n ? s : (left ? String(repeating: " ", count: n - s.count) + s : s + String(repeating: " ", count: n - s.count))
        }
        func f(_ x: Double, _ w: Int) -> String { pad(String(format: "%.2f", x), w, left: true) }
        var lines = [pad("measure", 24) + " " + pad("strict P/R/F1", 20, left: true) + " " + pad("lenient P/R/F1", 20, left: true) + "   gold"]
        for m in Scorer.measures {
            guard let s = strict[m], let l = lenient[m] else { continue }
            lines.append(pad(m, 24) + " " + f(s.p, 6) + f(s.r, 7) + f(s.f1, 7) + " " + f(l.p, 6) + f(l.r, 7) + f(l.f1, 7) + "   \(s.gold)")
        }
        return lines.joined(separator: "\n")
    }

    /// One line per document: lenient F1 of the main measures.
    public var perDocumentTable: String {
        let cols = ["entities", "entities+type", "events", "triples", "causal"]
        let width = max(8, (documents ?? []).map(\.id.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var lines = [pad("document (lenient F1)", width) + "  " + cols.map { pad($0, 13) }.joined(separator: " ")]
        for d in documents ?? [] {
            lines.append(pad(d.id, width) + "  " + cols.map { pad(String(format: "%.2f", d.lenient[$0]?.f1 ?? 0), 13) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
