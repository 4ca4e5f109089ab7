import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphQuery

/// The evaluator over a small two-article graph (see `Fixtures`).
@Suite struct EvaluationTests {
    let engine: QueryEngine

    init() throws {
        engine = try Fixtures.engine()
    }

    private func names(_ a: QueryAnswer) -> [String] { a.rows.map(\.node.name) }

    private func noMatch(_ q: String) -> QueryError? {
        do {
            _ = try engine.run(q)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Responses and causes

    @Test("response to a person's killing follows responded_to forward from the operation that killed her", arguments: [
        "response to Qamar killing",
        "responses to the killing of Nadia Qamar",
        "What was the response to Qamar's killing?",
        "response to \"killing of Nadia Qamar\"",
    ])
    func responseToKilling(query: String) throws {
        let a = try engine.run(query)
        #expect(a.form == "responses")
        #expect(a.resolutions.first?.chosen.name == "bakar_raid")
        #expect(a.resolutions.first?.match == "operation that killed the named person")
        #expect(names(a) == ["tarsa_attack", "guard_strike"])
        #expect(a.rows.map(\.depth) == [1, 2])
        let first = try #require(a.rows.first)
        #expect(first.via?.relation == "responded_to")
        #expect(first.via?.evidence.first?.text == Fixtures.raidSentences[1])
        #expect(first.related.map(\.relation) == ["claimed_responsibility"])
        #expect(first.related.first?.fromLabel == "Red Valley Movement")
        #expect(first.related.first?.evidence.first?.sentence == 4)
        #expect(first.evidence.map(\.sentence) == [0, 4])
    }

    @Test("an entity in a response query stands for the events that target it")
    func responseToEntity() throws {
        let a = try engine.run("response to Nadia Qamar")
        #expect(names(a) == ["tarsa_attack", "guard_strike"])
        #expect(a.notes.contains { $0.contains("'Nadia Qamar' is an entity") })
    }

    @Test("cause of an event follows responded_to backward, transitively", arguments: [
        ("cause of the Tarsa attack", ["bakar_raid"]),
        ("what caused the guard strike", ["tarsa_attack", "bakar_raid"]),
        ("causes of guard_strike", ["tarsa_attack", "bakar_raid"]),
    ])
    func causes(query: String, expected: [String]) throws {
        let a = try engine.run(query)
        #expect(names(a) == expected)
    }

    @Test("a first event has no causes and the answer says none")
    func noCauses() throws {
        let a = try engine.run("cause of the Bakar raid")
        #expect(a.resolutions.first?.chosen.name == "bakar_raid")
        #expect(a.rows.isEmpty)
        #expect(a.text().contains(": none"))
    }

    // MARK: Attacks

    @Test("who attacked a facility phrase finds the group through the attack event and the attacked triple")
    func whoAttackedFacility() throws {
        let a = try engine.run("Who attacked the outpost in Tarsa?")
        #expect(a.resolutions.first?.chosen.name == "hill outpost in Upper Tarsa")
        #expect(names(a) == ["Red Valley Movement"])
        let relations = a.rows[0].related.map(\.relation)
        #expect(relations.contains("agent"))
        #expect(relations.contains("attacked"))
        #expect(a.rows[0].related.contains { $0.relation == "attacked" && $0.evidence.first?.text == Fixtures.raidSentences[0] })
    }

    @Test("who attacked a person counts the operation that targeted her and the killed triple")
    func whoAttackedPerson() throws {
        let a = try engine.run("who attacked Nadia Qamar")
        #expect(names(a) == ["National Guard"])
    }

    @Test("who attacked a place counts violent events inside it")
    func whoAttackedPlace() throws {
        let a = try engine.run("who attacked Zerin")
        #expect(Set(names(a)) == ["Red Valley Movement", "National Guard"])
    }

    @Test("who carried out an event lists its agents with the agent edge as evidence")
    func whoCarriedOut() throws {
        let a = try engine.run("who carried out the Tarsa attack")
        #expect(a.resolutions.first?.chosen.name == "tarsa_attack")
        #expect(names(a) == ["Red Valley Movement"])
        #expect(a.rows.first?.via?.relation == "agent")
    }

    @Test("an event described by agent and place resolves by both participants")
    func agentAndPlaceDescriptor() throws {
        let a = try engine.run("cause of the RVM attack on the outpost in Tarsa")
        #expect(a.resolutions.first?.chosen.name == "tarsa_attack")
        #expect(a.resolutions.first?.match == "event type + participant")
        #expect(names(a) == ["bakar_raid"])
        let b = try engine.run("killings in Bakar")
        #expect(names(b).isEmpty)
        let c = try engine.run("operations in Bakar")
        #expect(names(c) == ["bakar_raid"])
    }

    @Test("candidates lists scored matches best first")
    func candidateList() throws {
        let c = engine.candidates(for: "Qamar")
        #expect(c.map(\.node.name).prefix(2) == ["Nadia Qamar", "Omar Qamar"])
        #expect(c.map(\.score).prefix(2) == [95, 75])
    }

    @Test("attacks by an actor lists its violent events by date, undated last")
    func attacksBy() throws {
        #expect(names(try engine.run("attacks by RVM")) == ["tarsa_attack"])
        let guard_ = try engine.run("attacks by the National Guard")
        #expect(names(guard_) == ["guard_strike", "bakar_raid"])
        #expect(guard_.rows.allSatisfy { $0.via?.relation == "agent" })
    }

    @Test("attacks by an event is an error that says an actor is needed")
    func attacksByEvent() throws {
        let e = try #require(noMatch("attacks by tarsa_attack"))
        #expect(e.kind == .invalidValue)
        #expect(e.description.hasPrefix("query:1:12: 'tarsa_attack' names an event"))
    }

    // MARK: Timeline and chain

    @Test("timeline of an actor lists its events by date with the role edge as evidence")
    func timeline() throws {
        let a = try engine.run("timeline of National Guard")
        #expect(names(a) == ["tarsa_attack", "guard_strike", "bakar_raid"])
        #expect(a.rows.map { $0.via?.relation } == ["target", "agent", "agent"])
    }

    @Test("timeline of a place includes events at places inside it")
    func timelineOfPlace() throws {
        let a = try engine.run("timeline of Zerin Province")
        #expect(names(a) == ["tarsa_attack", "guard_strike", "qamar_arrest"])
    }

    @Test("chain from an event respects depth and direction and says when it stopped")
    func chain() throws {
        let a = try engine.run("chain from \"killing of Nadia Qamar\" via responded_to,caused depth 1")
        #expect(names(a) == ["bakar_raid", "tarsa_attack"])
        #expect(a.rows.map(\.depth) == [0, 1])
        #expect(a.notes.contains { $0.contains("stopped at depth 1") })
        let back = try engine.run("chain from guard_strike backward")
        #expect(names(back) == ["guard_strike", "tarsa_attack", "bakar_raid"])
        let both = try engine.run("chain from tarsa_attack both")
        #expect(Set(names(both)) == ["tarsa_attack", "bakar_raid", "guard_strike"])
    }

    // MARK: Path and neighbours

    @Test("path finds the shortest undirected path with each edge's evidence")
    func path() throws {
        let a = try engine.run("path from \"Nadia Qamar\" to \"Samir Dost\"")
        #expect(names(a) == ["Nadia Qamar", "Red Valley Movement", "Samir Dost"])
        #expect(a.rows.map { $0.via?.relation } == [nil, "member_of", "spokesperson_of"])
        #expect(a.rows[1].via?.evidence.first?.text == Fixtures.raidSentences[1])
    }

    @Test("directed path follows edges from subject to object only")
    func directedPath() throws {
        let a = try engine.run("path from tarsa_attack to Norland directed")
        #expect(names(a) == ["tarsa_attack", "Upper Tarsa", "Tarsa", "Zerin Province", "Norland"])
        let none = try engine.run("path from Norland to tarsa_attack directed")
        #expect(none.rows.isEmpty)
        #expect(none.notes.contains { $0.contains("no path") })
    }

    @Test("path between unconnected nodes is empty with a note")
    func unconnectedPath() throws {
        let a = try engine.run("path from Khalid Rind to RVM")
        #expect(a.rows.isEmpty)
        #expect(a.notes.contains { $0.contains("not connected") })
    }

    @Test("neighbours filter by type after walking to the given depth")
    func neighbours() throws {
        let a = try engine.run("neighbours of RVM depth 2 where type = person")
        #expect(Set(names(a)) == ["Nadia Qamar", "Samir Dost"])
        #expect(a.rows.allSatisfy { $0.depth != nil && $0.via != nil })
        let one = try engine.run("neighbors of Tarsa via located_in")
        #expect(Set(names(one)) == ["Upper Tarsa", "Zerin Province"])
    }

    // MARK: Events

    @Test("events where place in a province includes places inside it and filters by date")
    func eventsInPlace() throws {
        let a = try engine.run("events where place in Zerin Province and date >= 2025-03-01 by date")
        #expect(names(a) == ["tarsa_attack", "guard_strike", "qamar_arrest"])
        let b = try engine.run("events where place = Tarsa")
        #expect(names(b) == ["guard_strike"])
    }

    @Test("events: or, not, killed comparisons, ordering and limit")
    func eventsLogic() throws {
        let a = try engine.run("events where (type = attack or type = operation) and not place in Zerin by killed")
        #expect(names(a) == ["bakar_raid"])
        let b = try engine.run("events where killed > 0 by killed")
        #expect(names(b) == ["bakar_raid", "tarsa_attack"])
        let c = try engine.run("events where killed > 0 by killed asc limit 1")
        #expect(names(c) == ["tarsa_attack"])
        let d = try engine.run("events where agent = National Guard and type != operation")
        #expect(names(d) == ["guard_strike"])
        let e = try engine.run("events where date = 2025-03")
        #expect(names(e) == ["tarsa_attack", "guard_strike", "qamar_arrest"])
        let f = try engine.run("bombings by National Guard")
        #expect(names(f) == ["guard_strike"])
    }

    @Test("events without a limit stop at the default and say how many matched")
    func defaultLimit() throws {
        var small = engine
        small.defaultLimit = 2
        let a = try small.run("events")
        #expect(a.rows.count == 2)
        #expect(a.notes.contains { $0.hasPrefix("5 events match; showing the first 2") })
    }

    // MARK: Names

    @Test("an alias wins over a partial name, and the partial match is listed as an alternative")
    func aliasOverPartial() throws {
        let a = try engine.run("timeline of Qamar")
        let r = try #require(a.resolutions.first)
        #expect(r.chosen.name == "Nadia Qamar")
        #expect(r.match == "alias")
        #expect(r.alternatives.contains { $0.node.name == "Omar Qamar" })
        #expect(!r.isAmbiguous)
    }

    @Test("an ambiguous name picks one deterministically and names the others")
    func ambiguous() throws {
        let a = try engine.run("timeline of Rind")
        let r = try #require(a.resolutions.first)
        #expect(r.isAmbiguous)
        #expect(Set([r.chosen.name] + r.alternatives.map(\.node.name)) == ["Khalid Rind", "Aziz Rind"])
        #expect(a.notes.contains { $0.hasPrefix("'Rind' is ambiguous: chose \(r.chosen.name)") })
        let again = try engine.run("timeline of Rind")
        #expect(again.resolutions.first?.chosen == r.chosen)
        #expect(a.text().contains("ambiguous; also matches"))
    }

    @Test("initials match a multi-word name that has no such alias")
    func initials() throws {
        let a = try engine.run("attacks by NG")
        #expect(a.resolutions.first?.chosen.name == "National Guard")
        #expect(a.resolutions.first?.match == "initials")
    }

    @Test("a misspelt name is an error at its column with the closest names")
    func missingName() throws {
        let e = try #require(noMatch("attacks by Red Valey Movment"))
        #expect(e.kind == .noMatch)
        #expect(e.suggestions.first == "Red Valley Movement")
        #expect(e.description == "query:1:12: no entity or event matches 'Red Valey Movment'; did you mean 'Red Valley Movement'?")
        #expect(e.diagnostic.hasSuffix("\n  attacks by Red Valey Movment\n             ^^^^^^^^^^^^^^^^^"))
    }

    @Test("a name with nothing close is an error that says to check the spelling")
    func nothingClose() throws {
        let e = try #require(noMatch("timeline of Xylophone"))
        #expect(e.kind == .noMatch)
        #expect(e.description.hasSuffix("no entity or event matches 'Xylophone'; check the spelling or try part of the name"))
    }

    @Test("names in where clauses are resolved and reported too")
    func whereNames() throws {
        let e = try #require(noMatch("events where place in Zerrin Provnce"))
        #expect(e.description.hasPrefix("query:1:23: no entity or event matches 'Zerrin Provnce'"))
        let a = try engine.run("events where place in Zerin")
        #expect(a.resolutions.map(\.chosen.name) == ["Zerin Province"])
    }

    // MARK: Output

    @Test("text output prints every step with its evidence sentence")
    func textOutput() throws {
        let text = try engine.run("response to Qamar killing").text()
        #expect(text.contains("\"Qamar killing\" → operation by National Guard against Nadia Qamar at Bakar"))
        #expect(text.contains("1. attack by Red Valley Movement on National Guard, hill outpost in Upper Tarsa at Upper Tarsa — 2025-03-01, 5 killed, 11 injured  [depth 1]"))
        #expect(text.contains("—responded_to→"))
        for s in [1, 0, 4, 5] {
            #expect(text.contains("tarsa-2025-03-02 #\(s): \"\(Fixtures.raidSentences[s])\""))
        }
    }

    @Test("JSON output has stable sorted keys and decodes back to the same answer")
    func jsonOutput() throws {
        let a = try engine.run("response to Qamar killing")
        let json = a.json()
        let decoded = try JSONDecoder().decode(QueryAnswer.self, from: Data(json.utf8))
        #expect(decoded == a)
        #expect(json == a.json())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["query", "form", "title", "resolutions", "rows", "notes", "subgraph"])
        let subgraph = try #require(object["subgraph"] as? [String: Any])
        #expect(Set(subgraph.keys) == ["nodes", "edges"])
        #expect(json.contains("\"relation\" : \"responded_to\""))
    }

    @Test("the subgraph holds every row, link end and resolved node, and selects a drawable KnowledgeGraph")
    func subgraph() throws {
        let a = try engine.run("response to Qamar killing")
        let ids = Set(a.subgraph.nodeIDs.map(\.description))
        for row in a.rows { #expect(ids.contains(row.node.id)) }
        #expect(ids.contains(a.resolutions[0].chosen.id))
        for link in a.rows.compactMap(\.via) + a.rows.flatMap(\.related) {
            #expect(ids.contains(link.from) && ids.contains(link.to))
            #expect(a.subgraph.edges.contains { $0.id == link.id })
        }
        let drawn = a.subgraph(of: engine.graph)
        #expect(drawn.nodeCount == a.subgraph.nodeIDs.count)
        #expect(a.subgraph.nodeIDs == a.subgraph.nodeIDs.sorted())
    }

    @Test("answers are deterministic across engines built from the same articles")
    func deterministic() throws {
        let other = try Fixtures.engine()
        for q in ["neighbours of RVM depth 2", "events", "timeline of Zerin", "who attacked Zerin"] {
            #expect(try engine.run(q) == other.run(q))
        }
    }
}
