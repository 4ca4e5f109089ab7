import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphQuery

/// The grammar of the listing, aggregation and combined forms, and the errors that say what to write instead.
@Suite struct AnalystParserTests {
    private func parse(_ s: String) throws -> Query { try QueryParser.parse(s) }

    @Test("count and sum read the measure, the subject, the keys and the filter in either order")
    func aggregates() throws {
        guard case .aggregate(let a) = try parse("count events by agent where type = attack") else { Issue.record("wrong form"); return }
        #expect(a.measure == .count && a.subject == .events && a.groupBy == [.agent])
        guard case .comparison(let c) = a.filter else { Issue.record("wrong filter"); return }
        #expect(c.field == .type && c.values.map(\.text) == ["attack"])

        guard case .aggregate(let s) = try parse("sum killed by agent, month where type in (attack, bombing) order by month desc limit 5") else {
            Issue.record("wrong form"); return
        }
        #expect(s.measure == .sum(.killed) && s.groupBy == [.agent, .month] && s.limit == 5)
        #expect(s.order == [AggregateOrdering(key: .month, descending: true)])

        guard case .aggregate(let h) = try parse("how many attacks in Kech per group?") else { Issue.record("wrong form"); return }
        #expect(h.groupBy == [.agent])
        guard case .and(.comparison(let type), .comparison(let place)) = h.filter else { Issue.record("wrong filter"); return }
        #expect(type.values.map(\.text) == ["attack"] && place.field == .place && place.op == .in && place.values.map(\.text) == ["Kech"])

        guard case .aggregate(let g) = try parse("count events where agent = Islamic State group by month") else { Issue.record("wrong form"); return }
        #expect(g.groupBy == [.month])
        guard case .comparison(let agent) = g.filter else { Issue.record("wrong filter"); return }
        #expect(agent.values.map(\.text) == ["Islamic State"])

        guard case .aggregate(let k) = try parse("sum killed per month by group") else { Issue.record("wrong form"); return }
        #expect(k.groupBy == [.month, .agent] && k.measure == .sum(.killed))
        guard case .aggregate(let i) = try parse("total deaths in attacks by agent") else { Issue.record("wrong form"); return }
        #expect(i.groupBy == [.agent] && i.filter != nil)
        guard case .aggregate(let p) = try parse("attacks per group") else { Issue.record("wrong form"); return }
        #expect(p.groupBy == [.agent] && p.measure == .count)
        guard case .aggregate(let e) = try parse("count groups by article") else { Issue.record("wrong form"); return }
        #expect(e.subject == .entities && e.groupBy == [.article])
    }

    @Test("entities and the typed plurals list entities")
    func entities() throws {
        guard case .entities(let e) = try parse("entities where type = group order by name desc limit 3") else { Issue.record("wrong form"); return }
        #expect(e.order == [Ordering(key: .name, descending: true)] && e.limit == 3)
        guard case .entities(let g) = try parse("show all groups in Balochistan") else { Issue.record("wrong form"); return }
        guard case .and(.comparison(let type), .comparison(let place)) = g.filter else { Issue.record("wrong filter"); return }
        #expect(type.values.map(\.text) == ["group"] && place.values.map(\.text) == ["Balochistan"])
    }

    @Test("attacks by X takes clauses after the name; a quoted name keeps its 'in'")
    func combinedAttacks() throws {
        guard case .attacks(let x, let r?) = try parse("attacks by TTP in Bannu where date >= 2025-03 order by killed limit 2") else {
            Issue.record("wrong form"); return
        }
        #expect(x.text == "TTP" && r.limit == 2 && r.order.map(\.key) == [.killed])
        guard case .attacks(let q, nil) = try parse("attacks by \"Islamic State in Iraq\"") else { Issue.record("wrong form"); return }
        #expect(q.text == "Islamic State in Iraq")
        guard case .events(let b) = try parse("bombings by BLA at Kech limit 4") else { Issue.record("wrong form"); return }
        #expect(b.limit == 4)
        guard case .attacks(let d, let byDate?) = try parse("attacks by BLA by killed desc") else { Issue.record("wrong form"); return }
        #expect(d.text == "BLA" && byDate.order == [Ordering(key: .killed, descending: true)])
    }

    @Test("node keys are one word; metadata fields parse", arguments: [
        "timeline of event:kalat_attack:2024-11-16",
        "events where participant = n14",
        "events where factuality in (asserted, reported) and confidence >= 0.7 and article = kalat-2024-11-16",
        "events where claimant = BLA and not factuality = denied",
    ])
    func parses(query: String) {
        #expect(parseError(query) == nil)
    }

    @Test("errors of the new forms name what to write", arguments: [
        ("count attacks by TTP", "query:1:18: expected a group key (agent, target, place, type, claimant, factuality, article, year, month, day) after 'by', found 'TTP'; to count one actor's events write 'where agent = TTP'"),
        ("sum casualties by agent", "query:1:5: expected 'killed' or 'injured' after 'sum', found 'casualties'"),
        ("count entities by agent", "query:1:19: entities are grouped by type or article, not by agent"),
        ("sum killed of groups", "query:1:1: 'sum' adds up event figures; count entities with 'count entities'"),
        ("count events by agent per agent", "query:1:27: 'agent' given twice"),
        ("count events where type = attack where killed > 1", "query:1:34: 'where' given twice"),
        ("events where factuality = rumoured", "query:1:27: unknown factuality 'rumoured'; use asserted, reported or denied"),
        ("events where factuality > asserted", "query:1:14: operator '>' does not apply to factuality; use =, != or in"),
        ("events where confidence >= 1.5", "query:1:28: expected a confidence from 0 to 1 (such as 0.7), found '1.5'"),
        ("entities order by killed", "query:1:19: expected an ordering key (name, type, confidence) after 'by', found 'killed'"),
        ("count events order by colour", "query:1:23: expected 'count', 'sum' or a group key after 'order by', found 'colour'"),
    ])
    func errors(text: String, message: String) throws {
        let e = try #require(parseError(text))
        #expect(e.description == message)
    }

    @Test("aggregations keep the nesting limit and parse long conditions in linear time")
    func robustness() throws {
        let deep = "count events by agent where " + String(repeating: "(", count: 5_000) + "killed > 1" + String(repeating: ")", count: 5_000)
        #expect(parseError(deep)?.description.contains("nests more than \(QueryParser.maxNesting)") == true)
        let terms = Array(repeating: "factuality = asserted", count: 20_000).joined(separator: " and ")
        let start = ContinuousClock.now
        #expect(parseError("count attacks by agent, month where " + terms + " order by count limit 3") == nil)
        #expect(parseError("sum killed per " + Array(repeating: "agent", count: 2).joined(separator: ", ")) != nil)
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
