import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphQuery

/// Naming nodes by id or key, ambiguity notes, dates in event descriptions, and place containment
/// (issue 13, item 3).
@Suite struct AnalystResolutionTests {
    let engine: QueryEngine

    init() throws {
        engine = try Fixtures.analystEngine()
    }

    private func bombings() throws -> [NodeSummary] {
        try engine.run("bombings by National Guard in Tarsa").rows.map(\.node)
    }

    @Test("two events with one label can each be named by the id or the key that --format json prints")
    func namesByIDAndKey() throws {
        let both = try bombings()
        #expect(both.count == 3)
        let pair = both.filter { $0.label == "bombing by National Guard on Red Valley Movement at Tarsa" && $0.date != "2025-03-03" }
        #expect(pair.count == 2)
        #expect(pair[0].label == pair[1].label)
        for node in pair {
            for name in [node.id, node.key, node.id.uppercased(), "\"\(node.key)\""] {
                let a = try engine.run("timeline of \(name)")
                #expect(a.resolutions.first?.chosen.id == node.id, "\(name)")
                #expect(a.resolutions.first?.match.hasPrefix("node ") == true)
                #expect(a.resolutions.first?.note == nil)
            }
            let q = try engine.run("events where participant = \(node.id)")
            #expect(q.resolutions.first?.chosen.id == node.id)
        }
        let e = try engine.run("neighbours of \(pair[0].key)")
        #expect(e.resolutions.first?.chosen.date == pair[0].date)
    }

    @Test("a description that fits several events picks one and notes the others, with their ids, in text and JSON")
    func ambiguityNote() throws {
        let a = try engine.run("response to the bombing of RVM at Tarsa")
        let r = try #require(a.resolutions.first)
        let note = try #require(r.note)
        let others = r.alternatives.filter { $0.score >= r.score - 10 }
        #expect(others.count >= 2)
        for o in others { #expect(note.contains("[\(o.node.id)]"), "\(note)") }
        #expect(a.notes.contains(note))
        #expect(a.text().contains("note: '" + "the bombing of RVM at Tarsa' is ambiguous"))
        #expect(a.json().contains("\"note\" : \"'the bombing of RVM at Tarsa' is ambiguous"))
    }

    @Test("a date in a description picks the event of that date; another date is noted, not silently taken")
    func datesInDescriptions() throws {
        let on19 = try engine.run("response to the bombing at Tarsa on 2025-03-19")
        #expect(on19.resolutions.first?.chosen.date == "2025-03-19")
        #expect(on19.resolutions.first?.match.contains("date") == true)
        let on8 = try engine.run("cause of bombing at Tarsa on 2025-03-08")
        #expect(on8.resolutions.first?.chosen.date == "2025-03-08")
        // No bombing at Mirabad: the attack of the date and the bombings at other places tie, and the note says so.
        let none = try engine.run("response to the bombing at Tarsa on 2025-03-15")
        #expect(none.resolutions.first?.note?.contains("ambiguous") == true)
    }

    @Test("a place filter includes the places the hierarchy puts inside it, transitively, and the graph's located_in")
    func placeContainment() throws {
        let names = try engine.run("events in Zerin").rows.map(\.node.name)
        #expect(names.contains("mirabad_attack"))
        #expect(names.contains("tarsa_attack"))
        #expect(try engine.run("events in Norland where type = attack").rows.map(\.node.name) == ["tarsa_attack", "mirabad_attack"])
        #expect(try engine.run("timeline of Zerin Province").rows.map(\.node.name).contains("mirabad_attack"))
        #expect(try engine.run("count attacks in Zerin by place").aggregate?.groups.count == 2)
        // Without the hierarchy Mirabad is nowhere.
        let plain = try Fixtures.analystEngine(places: PlaceHierarchy())
        #expect(!(try plain.run("events in Zerin").rows.map(\.node.name).contains("mirabad_attack")))
    }

    @Test("a place hierarchy matches parents and children by name or alias, and ignores a place in itself")
    func hierarchyNames() {
        var h = PlaceHierarchy()
        h.add("Kech", aliases: ["Turbat district"], in: "Balochistan")
        h.add("Balochistan", in: "balochistan")
        #expect(h.count == 1)
        #expect(h.children(of: ["Balochistan province", "BALOCHISTAN"]) == [["Kech", "Turbat district"]])
    }
}
