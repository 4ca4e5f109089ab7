import Foundation
import NewsGraphCore
import Testing
@testable import NewsGraphExport

/// Issue 13, item 5: the ACLED-shaped events CSV, stable neo4j ids across re-ingests, and Cytoscape JSON that
/// `networkx.cytoscape_graph` reads.
struct EventsCSVTests {
    /// A made-up article with a place hierarchy (town → district → province → country) and hostile names.
    static let hierarchy = #"""
    {
      "id": "csv-fixture",
      "date": "2025-05-02",
      "entities": [
        {"name": "=HYPERLINK(\"http://x\")", "type": "group"},
        {"name": "-Liwa Front, \"East\"", "type": "group"},
        {"name": "@Ridge Police", "type": "unit"},
        {"name": "Varda", "type": "place"}, {"name": "Varda District", "type": "place"},
        {"name": "Norland Province", "type": "place"}, {"name": "Estoria", "type": "place"}
      ],
      "triples": [
        ["Varda", "located_in", "Varda District"], ["Varda District", "located_in", "Norland Province"],
        ["Norland Province", "located_in", "Estoria"],
        ["-Liwa Front, \"East\"", "claimed_responsibility", "varda_bombing"]
      ],
      "events": [
        {"id": "varda_bombing", "type": "bombing", "trigger": "drone strike", "agent": ["=HYPERLINK(\"http://x\")", "-Liwa Front, \"East\""],
         "target": ["@Ridge Police"], "place": "Varda", "date": "2025-05-01", "killed": 3, "injured": 1,
         "acled": "Explosions/Remote violence/Air/drone strike"},
        {"id": "varda_claim", "type": "claim", "trigger": "claimed", "agent": ["-Liwa Front, \"East\""], "date": "2025-05-02"}
      ],
      "causal": []
    }
    """#

    static var hierarchyGraph: KnowledgeGraph {
        KnowledgeGraph(articles: [InterchangeFixture.article(hierarchy, sentences: ["A drone struck the police post in Varda,\nkilling \"three\"."])])
    }

    /// RFC 4180 rows: CRLF ends a record, quoted fields may hold commas, quotes and line breaks.
    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" {
                guard chars.popFirst() == "\n" else { throw CSV.Failure(description: "a bare CR outside quotes") }
                row.append(field); rows.append(row); row = []; field = ""
            } else if c == "\n" {
                throw CSV.Failure(description: "a bare LF outside quotes")
            } else { field.unicodeScalars.append(c) }
        }
        #expect(!inQuotes && row.isEmpty && field.isEmpty, "the text ends with CRLF")
        return rows
    }

    func table(_ graph: KnowledgeGraph, gazetteer: PlaceGazetteer = PlaceGazetteer()) throws -> [[String: String]] {
        let rows = try Self.rows(EventsCSVWriter(gazetteer: gazetteer).write(graph))
        #expect(rows.first == EventsCSVWriter.header)
        #expect(rows.allSatisfy { $0.count == EventsCSVWriter.header.count })
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(EventsCSVWriter.header, $0)) }
    }

    @Test("one row per event: ACLED type and sub-type, actors, admin hierarchy, fatalities, claim, evidence")
    func eventsTable() throws {
        let gazetteer = PlaceGazetteer(places: [("Estoria", nil), ("Norland Province", "Estoria"), ("Continent", nil)])
        let rows = try table(Self.hierarchyGraph, gazetteer: gazetteer)
        #expect(rows.count == 1, "the claim is not a row of its own")
        let r = try #require(rows.first)
        #expect(r["event_type"] == "Explosions/Remote violence" && r["sub_event_type"] == "Air/drone strike")
        #expect(r["newsgraph_type"] == "bombing" && r["event_date"] == "2025-05-01" && r["year"] == "2025")
        #expect(r["country"] == "Estoria" && r["admin1"] == "Norland Province" && r["admin2"] == "Varda District")
        #expect(r["admin3"] == "" && r["location"] == "Varda")
        #expect(r["fatalities"] == "3" && r["injured"] == "1")
        #expect(r["source_article"] == "csv-fixture" && r["evidence"] == "A drone struck the police post in Varda,\nkilling \"three\".")
        #expect(r["event_id"] == "event:varda_bombing:2025-05-01")
        // Formula injection: every text cell that starts with = + - @ gets a leading quote mark.
        #expect(r["actor1"] == "'=HYPERLINK(\"http://x\")")
        #expect(r["assoc_actor_1"] == "'-Liwa Front, \"East\"")
        #expect(r["actor2"] == "'@Ridge Police")
        #expect(r["claimed_by"] == "'-Liwa Front, \"East\"")
    }

    @Test("admin places: the graph's located_in chain, then the gazetteer's parents; no country unless one is known")
    func adminHierarchy() throws {
        let unknown = try #require(try table(Self.hierarchyGraph).first)
        #expect(unknown["country"] == "" && unknown["admin1"] == "Estoria" && unknown["admin3"] == "Varda District")
        let gazetteer = PlaceGazetteer(places: [("Estoria", "Greater Estoria"), ("Greater Estoria", nil), ("Other", "Greater Estoria")])
        let above = try #require(try table(Self.hierarchyGraph, gazetteer: gazetteer).first)
        #expect(above["country"] == "Greater Estoria" && above["admin1"] == "Estoria" && above["location"] == "Varda")
    }

    @Test("ACLED categories: the extractor's value split after the type, else the default of the event type")
    func acledCategories() {
        let air = ACLEDCategory(attribute: "Explosions/Remote violence/Air or drone strike", type: .bombing)
        #expect(air == ACLEDCategory(type: "Explosions/Remote violence", subType: "Air/drone strike"))
        #expect(ACLEDCategory(attribute: "Battles", type: .attack) == ACLEDCategory(type: "Battles", subType: "Armed clash"))
        #expect(ACLEDCategory(attribute: nil, type: .abduction).subType == "Abduction/forced disappearance")
        #expect(ACLEDCategory(attribute: nil, type: .arrest) == ACLEDCategory(type: "Strategic developments", subType: "Arrests"))
    }

    @Test("the interchange fixture: conservative fatalities across sources, rows in date order")
    func fixtureTable() throws {
        let rows = try table(InterchangeFixture.graph)
        #expect(rows.map { $0["newsgraph_type"] } == ["operation", "attack"])
        #expect(rows.last?["fatalities"] == "4", "4 and 5 reported: ACLED keeps the lower")
        #expect(rows.last?["articles"]?.contains("; ") == true)
    }

    @Test("neo4j ids stay the same when other articles are ingested and the node numbering changes")
    func neo4jIDsAreStable() throws {
        let other = #"""
        {"id": "aardvark", "date": "2025-01-01", "entities": [{"name": "Aardvark Front", "type": "group"},
         {"name": "Abbey", "type": "place"}], "triples": [],
         "events": [{"id": "abbey_attack", "type": "attack", "trigger": "attacked", "agent": ["Aardvark Front"], "place": "Abbey",
                     "date": "2025-01-01"}], "causal": []}
        """#
        let before = Neo4jCSVWriter().files(InterchangeFixture.graph)
        let grown = KnowledgeGraph(articles: [InterchangeFixture.article(other, sentences: ["Aardvark Front attacked Abbey."]),
                                              InterchangeFixture.articleA, InterchangeFixture.articleB])
        let after = Neo4jCSVWriter().files(grown)
        for file in 0 ..< 2 {
            let old = try CSV.parse(before[file].text).dropFirst().map { $0.map(\.value) }
            let new = Set(try CSV.parse(after[file].text).dropFirst().map { $0.map(\.value) }.map { $0.joined(separator: "\u{1F}") })
            #expect(old.allSatisfy { new.contains($0.joined(separator: "\u{1F}")) }, "every row of \(before[file].name) is unchanged")
        }
        let ids = try CSV.parse(before[0].text).dropFirst().map { $0[0].value }
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("event:riverton_attack:2025-03-08"))
    }

    @Test("Cytoscape JSON: what networkx.cytoscape_graph needs", .enabled(if: NetworkX.python != nil, "needs python with networkx"))
    func cytoscapeReadsInNetworkX() throws {
        let g = InterchangeFixture.graph
        let dir = InterchangeFixture.temporaryDirectory("cyjs-networkx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("graph.cyjs")
        try Data(CytoscapeWriter().write(g).utf8).write(to: file)
        let script = "import json, sys, networkx as nx; g = nx.cytoscape_graph(json.load(open(sys.argv[1]))); "
            + "print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), g.is_multigraph())"
        let (status, output) = try NetworkX.run(["-c", script, file.path])
        #expect(status == 0, "\(output)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(g.nodeCount) \(g.edgeCount) True True", "\(output)")
    }

    @Test("Cytoscape JSON carries networkx's keys")
    func cytoscapeKeys() throws {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(CytoscapeWriter().write(InterchangeFixture.graph).utf8)) as? [String: Any])
        #expect(doc["directed"] as? Bool == true && doc["multigraph"] as? Bool == true)
        let elements = try #require(doc["elements"] as? [String: [[String: Any]]])
        #expect(elements["nodes"]?.allSatisfy { ($0["data"] as? [String: Any])?["value"] is String } == true)
        let keys = elements["edges"]?.compactMap { ($0["data"] as? [String: Any])?["key"] as? String } ?? []
        #expect(keys.count == InterchangeFixture.graph.edgeCount && Set(keys).count == keys.count)
    }
}

/// A python with networkx: the project's peers venv, else python3; nil when neither imports networkx.
enum NetworkX {
    static let python: String? = {
        let candidates = [ProcessInfo.processInfo.environment["NEWSGRAPH_PYTHON"], "/root/.cache/newsgraph-peers/venv/bin/python", "/usr/bin/python3"]
        return candidates.compactMap { $0 }.first { p in
            FileManager.default.isExecutableFile(atPath: p) && (try? run(["-c", "import networkx"], python: p).0) == 0
        }
    }()

    static func run(_ arguments: [String], python: String? = NetworkX.python) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
