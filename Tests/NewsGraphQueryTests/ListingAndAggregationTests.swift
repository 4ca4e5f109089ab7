import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphQuery

/// Listing entities, counting and summing with group-by, and the filters that combine (issue 13, item 3).
@Suite struct ListingAndAggregationTests {
    let engine: QueryEngine

    init() throws {
        engine = try Fixtures.analystEngine()
    }

    private func groups(_ a: QueryAnswer) -> [String: Int] {
        var out: [String: Int] = [:]
        for g in a.aggregate?.groups ?? [] { out[g.keys.map(\.display).joined(separator: " / ")] = g.sum ?? g.count }
        return out
    }

    // MARK: Listing

    @Test("entities where type = group lists the groups by name", arguments: [
        "entities where type = group", "groups", "list all groups", "entities where type in (group, unit) and type != unit",
    ])
    func listGroups(query: String) throws {
        let a = try engine.run(query)
        #expect(a.form == "entities")
        #expect(a.rows.map(\.node.name) == ["Red Valley Movement"])
    }

    @Test("entities are ordered by name by default and by type on request")
    func entityOrder() throws {
        let people = try engine.run("people")
        #expect(people.rows.map(\.node.name) == ["Aziz Rind", "Khalid Rind", "Nadia Qamar", "Omar Qamar", "Samir Dost"])
        let byType = try engine.run("entities where name in (Tarsa, RVM, \"Samir Dost\") order by type, name desc")
        #expect(byType.rows.map(\.node.name) == ["Samir Dost", "Red Valley Movement", "Tarsa"])
        let limited = try engine.run("entities order by name limit 2")
        #expect(limited.rows.count == 2)
        #expect(limited.notes.contains { $0.contains("showing the first 2") })
    }

    @Test("groups in a place are the groups that act at it or at a place inside it")
    func groupsInPlace() throws {
        #expect(try engine.run("groups in Upper Tarsa").rows.map(\.node.name) == ["Red Valley Movement"])
        #expect(try engine.run("units in Zerin").rows.map(\.node.name) == ["National Guard", "Zerin Police"])
        #expect(try engine.run("places in Tarsa").rows.map(\.node.name) == ["Tarsa", "Upper Tarsa"])
    }

    // MARK: Counting and summing

    @Test("count events by agent where type = attack gives one group per agent")
    func countByAgent() throws {
        for q in ["count events by agent where type = attack", "count attacks by agent", "how many attacks per group?",
                  "count events where type = attack group by agent"] {
            let a = try engine.run(q)
            #expect(a.form == "count", "\(q)")
            #expect(a.rows.isEmpty)
            #expect(groups(a) == ["Red Valley Movement": 2], "\(q)")
            #expect(a.aggregate?.total == 2)
            #expect(a.aggregate?.groups.first?.keys.first?.id?.hasPrefix("n") == true)
        }
    }

    @Test("sum killed by agent and month adds the figures per group, chronologically")
    func sumKilledByAgentMonth() throws {
        let a = try engine.run("sum killed by month, agent where type in (attack, bombing)")
        #expect(a.form == "sum")
        let rows = a.aggregate?.groups.map { "\($0.keys[0].display) \($0.keys[1].display) \($0.sum ?? -1) \($0.missing ?? -1)" }
        #expect(rows == ["2025-03 National Guard 6 1", "2025-03 Red Valley Movement 8 0"])
        #expect(a.aggregate?.totalSum == 14)
        #expect(a.notes.contains { $0.contains("1 of the 5 events gives no killed figure") })
        let byAgent = try engine.run("sum killed by agent where type in (attack, bombing)")
        #expect(byAgent.aggregate?.groups.map(\.keys[0].display) == ["Red Valley Movement", "National Guard"])
    }

    @Test("count attacks by claimant says which groups claimed attacks, and which attacks nobody claimed")
    func countByClaimant() throws {
        let a = try engine.run("count attacks by claimant")
        #expect(groups(a) == ["Red Valley Movement": 2])
        let b = try engine.run("count events by claimant where type = bombing")
        #expect(groups(b) == ["(none)": 3])
    }

    @Test("a count without keys is one total; entities count by type")
    func totals() throws {
        #expect(try engine.run("count events").aggregate?.groups.map(\.count) == [8])
        let byType = try engine.run("count entities by type order by type")
        #expect(byType.aggregate?.groups.map(\.keys[0].display) == ["facility", "group", "person", "place", "unit"])
        #expect(byType.aggregate?.groups.map(\.count) == [2, 1, 5, 6, 2])
    }

    @Test("aggregations read as a table in text output")
    func aggregateText() throws {
        let text = try engine.run("count attacks by agent").text()
        #expect(text.contains("Count of events by agent (filtered), 2 events:"))
        #expect(text.contains("Red Valley Movement [n0]  ") || text.contains("Red Valley Movement [n"))
        #expect(text.contains("total: 2 events"))
    }

    // MARK: Filters

    @Test("factuality, confidence and article filter events", arguments: [
        ("events where factuality = reported", ["second_tarsa_bombing"]),
        ("events where factuality = asserted and confidence >= 0.7 and article = tarsa-2025-03-20", ["tarsa_bombing", "mirabad_attack"]),
        ("events where confidence < 0.6", ["second_tarsa_bombing"]),
        ("events where article = ZERIN-2025-03-06", ["qamar_arrest"]),
        ("events where claimant = RVM", ["tarsa_attack", "mirabad_attack"]),
    ])
    func metadataFilters(query: String, expected: [String]) throws {
        #expect(try engine.run(query).rows.map(\.node.name) == expected)
    }

    @Test("an unknown article is an error that suggests the closest ids")
    func unknownArticle() throws {
        #expect(throws: QueryError.self) { try engine.run("events where article = tarsa-2025-03-21") }
        do {
            _ = try engine.run("events where article = tarsa-2025-03-21")
        } catch {
            #expect(error.kind == .noMatch)
            #expect(error.suggestions.first == "tarsa-2025-03-20")
        }
    }

    @Test("forms combine: attacks by an actor in a place, with a condition, order and limit")
    func combinedForms() throws {
        #expect(try engine.run("attacks by RVM in Tarsa").rows.map(\.node.name) == ["tarsa_attack"])
        #expect(try engine.run("attacks by RVM in Zerin where killed >= 4").rows.map(\.node.name) == ["tarsa_attack"])
        #expect(try engine.run("attacks by RVM order by killed asc limit 1").rows.map(\.node.name) == ["mirabad_attack"])
        #expect(try engine.run("bombings by National Guard in Tarsa where date = 2025-03-19").rows.map(\.node.date) == ["2025-03-19"])
        let a = try engine.run("attacks by RVM in Tarsa")
        #expect(a.rows.first?.via?.relation == "agent")
        #expect(a.resolutions.map(\.text) == ["RVM", "Tarsa"])
    }
}
