import Foundation
import NewsGraphCore
import NewsGraphExport
import NewsGraphRender
import Testing

/// Issue 13, item 4, checked on Graphviz's actual layout (in-process): packed parts, the page size and
/// resolution, and the timeline's one date per column.
@Suite("Page layout")
struct PageLayoutTests {
    /// `parts` invented incidents, each in its own article: a group attacks a unit.
    static func scattered(parts: Int) -> KnowledgeGraph {
        KnowledgeGraph(articles: (0..<parts).map { i in
            let id = "layout-\(i)"
            let m = [Provenance(article: id, sentence: 0, start: 0, end: 1)]
            let day = String(format: "2025-07-%02d", 1 + i % 28)
            return ArticleGraph(
                article: ArticleInfo(id: id, date: day, contentHash: "l\(i)", sentences: ["Invented."]),
                entities: [ExtractedEntity(name: "Group \(i)", type: .group, mentions: m),
                           ExtractedEntity(name: "Unit \(i)", type: .unit, mentions: m)],
                events: [ExtractedEvent(id: "a\(i)", type: .attack, trigger: "attacked", agent: ["Group \(i)"], target: ["Unit \(i)"],
                                        date: day, mentions: m)],
                lexiconVersion: "test")
        })
    }

    /// Groups that strike first and are raided later by the units they hit: each group acts on an early date
    /// and is a target on a later one (the case that reversed the axis).
    static func retaliation(pairs: Int) -> KnowledgeGraph {
        KnowledgeGraph(articles: (0..<pairs).map { i in
            let id = "retaliation-\(i)"
            let m = [Provenance(article: id, sentence: 0, start: 0, end: 1)]
            let early = String(format: "2025-08-%02d", 1 + 2 * i), late = String(format: "2025-08-%02d", 2 + 2 * i + 6)
            return ArticleGraph(
                article: ArticleInfo(id: id, date: late, contentHash: "r\(i)", sentences: ["Invented."]),
                entities: [ExtractedEntity(name: "Group \(i)", type: .group, mentions: m),
                           ExtractedEntity(name: "Unit \(i)", type: .unit, mentions: m)],
                events: [ExtractedEvent(id: "a\(i)", type: .attack, trigger: "attacked", agent: ["Group \(i)"], target: ["Unit \(i)"],
                                        date: early, mentions: m),
                         ExtractedEvent(id: "r\(i)", type: .operation, trigger: "raid", agent: ["Unit \(i)"], target: ["Group \(i)"],
                                        date: late, mentions: m)],
                lexiconVersion: "test")
        })
    }

    /// Node name → (x, y) in points from Graphviz's `plain` output.
    static func positions(_ plain: String) -> [String: (x: Double, y: Double)] {
        var out: [String: (x: Double, y: Double)] = [:]
        for line in plain.split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count > 4, f[0] == "node", let x = Double(f[2]), let y = Double(f[3]) else { continue }
            out[String(f[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))] = (x * 72, y * 72)
        }
        return out
    }

    @Test("thirty separate incidents are packed into a block, not stacked in one column")
    func partsArePacked() throws {
        let g = Self.scattered(parts: 30)
        let r = try Graphviz.shared.render(g, figure: FigureOptions(size: .natural), render: RenderOptions(format: .svg))
        let size = try #require(r.result.layoutSize)
        #expect(size.height / size.width < 2.5, "\(size)")
        #expect(size.width / size.height < 2.5, "\(size)")
    }

    @Test("a PNG fits the A4 text block at the requested resolution")
    func pngFitsThePage() throws {
        let g = Self.scattered(parts: 30)
        for dpi in [100.0, 300] {
            let r = try Graphviz.shared.render(g, figure: FigureOptions(), render: RenderOptions(format: .png, dpi: dpi))
            let d = r.result.data
            let width = d[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = d[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width <= Int(6.3 * dpi) + 4 && height <= Int(9 * dpi) + 4, "\(dpi) dpi: \(width) × \(height)")
            #expect(width >= Int(6.3 * dpi) - 4 || height >= Int(9 * dpi) - 4, "scaled to the page: \(width) × \(height)")
        }
        let svg = try Graphviz.shared.render(g, figure: FigureOptions(), render: RenderOptions(format: .svg, dpi: 300))
        #expect(svg.result.text?.contains(#"<svg width="454pt""#) == true || svg.result.text?.contains(#"<svg width="453pt""#) == true,
                "an SVG ignores dpi and is 6.3 in wide")
    }

    @Test("when the page shrinks the text below 5 pt, a note says how small and suggests a budget")
    func legibilityNote() throws {
        let g = Self.scattered(parts: 200)
        let r = try Graphviz.shared.render(g, figure: FigureOptions(), render: RenderOptions(format: .svg))
        let note = try #require(r.notes.first { $0.contains("too small to read") })
        #expect(note.hasPrefix("note: fitted to 6.3 × 9 in, the text prints at ") && note.contains("--max-nodes "), "\(note)")
        let natural = try Graphviz.shared.render(g, figure: FigureOptions(size: .natural), render: RenderOptions(format: .svg))
        #expect(!natural.notes.contains { $0.contains("too small to read") })
    }

    @Test("the timeline has one date per column, dates left to right, each label above its events",
          arguments: [false, true])
    func timelineColumns(retaliation: Bool) throws {
        // Groups that act early and are hit later made 2.42's dot reverse the axis (dates out of order).
        let g = retaliation ? Self.retaliation(pairs: 6) : Self.scattered(parts: 12)
        let r = try Graphviz.shared.render(g, figure: FigureOptions(view: .timeline), render: RenderOptions(format: .plain))
        let pos = Self.positions(try #require(r.result.text))
        let columns = r.figure.timeline
        var previous = -Double.infinity
        for (i, c) in columns.enumerated() {
            let label = try #require(pos["t\(i)"])
            #expect(label.x > previous + 1, "\(c.date) is right of the date before it")
            previous = label.x
            for e in c.events {
                let p = try #require(pos[e])
                #expect(abs(p.x - label.x) < 1, "\(e) sits in the column of \(c.date)")
                #expect(p.y < label.y, "\(c.date)'s label is above \(e)")
            }
        }
        let axisY = columns.indices.compactMap { pos["t\($0)"]?.y }
        #expect(Set(axisY.map { Int($0.rounded()) }).count == 1, "the axis is one straight line: \(axisY)")
    }
}
